// 信用异议 (RE-062): objections of credit subjects to effective records, with the record they
// contest; 核实 by a reviewer of its kind — upheld revokes the record and the subject is regraded,
// dismissed leaves it — always with an opinion and a confirmation.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatShanghai } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList, useResource } from '../../components/usePagedList';
import { useSubmit } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import { creditApi, type CreditEventView, type CreditObjection, type ObjectionFilters } from './api';
import { OBJECTION_STATUS_COLOURS, OBJECTION_STATUS_OPTIONS, mayReview, signedPoints } from './dictionary';
import { EvidenceLink } from './EvidenceUpload';

export function ObjectionListPage() {
  const { message } = App.useApp();
  const { hasRole } = useAccess();
  const list = usePagedList<ObjectionFilters, CreditObjection>(creditApi.objections, { status: 'pending' });
  const eventIds = [...new Set((list.data?.items ?? []).map((o) => o.eventId))];
  // The records the page's objections contest, for their subject and title.
  const events = useResource(
    async (signal) => new Map((await Promise.all(eventIds.map((id) => creditApi.event(id, signal)))).map((e) => [e.id, e])),
    [eventIds.join(',')],
  );
  const [deciding, setDeciding] = useState<{ objection: CreditObjection; event: CreditEventView } | null>(null);
  const eventOf = (o: CreditObjection) => events.data?.get(o.eventId);

  const columns: TableColumnsType<CreditObjection> = [
    { title: '提出时间', dataIndex: 'submittedAt', width: 150, render: (at: string) => formatShanghai(at, false) },
    { title: '信用主体', key: 'subject', width: 220, ellipsis: true, render: (_: unknown, o) => eventOf(o)?.subjectName ?? '…' },
    {
      title: '异议的信用信息',
      key: 'event',
      ellipsis: true,
      render: (_: unknown, o) => {
        const e = eventOf(o);
        return e ? <Link to={`/credit/events?id=${e.id}`}>{`${e.title}（${signedPoints(e.points)}分，${e.statusLabel}）`}</Link> : `#${o.eventId}`;
      },
    },
    { title: '异议理由', dataIndex: 'reason', ellipsis: true },
    { title: '提出人', dataIndex: 'submittedBy', width: 120, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'statusLabel', width: 150, render: (label: string, o) => <Tag color={OBJECTION_STATUS_COLOURS[o.status]}>{label}</Tag> },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, o) => {
        const e = eventOf(o);
        if (o.status !== 'pending') return <Typography.Text type="secondary">{o.decidedBy ?? ''}</Typography.Text>;
        return e && mayReview(hasRole, e.subjectKind) ? (
          <Button size="small" type="primary" onClick={() => setDeciding({ objection: o, event: e })}>
            核实
          </Button>
        ) : (
          '—'
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        信用异议
      </Typography.Title>
      <Card>
        <Form layout="inline" name="objectionFilters" initialValues={{ status: 'pending' }} onValuesChange={(_, v: ObjectionFilters) => list.search({ status: v.status })}>
          <Form.Item label="状态" name="status">
            <Select placeholder="全部" allowClear options={OBJECTION_STATUS_OPTIONS} style={{ width: 180 }} />
          </Form.Item>
        </Form>
      </Card>
      <Card title="异议">
        <ErrorAlert error={list.error ?? events.error} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1200 }}
          expandable={{
            expandedRowRender: (o) => (
              <Space orientation="vertical" size={4}>
                <Typography.Text>异议理由：{o.reason}</Typography.Text>
                <Space size={8} wrap>
                  <Typography.Text>证据材料：</Typography.Text>
                  {o.evidenceFileIds.map((f, i) => (
                    <EvidenceLink key={f} fileId={f} name={`证据材料${i + 1}`} />
                  ))}
                </Space>
                {o.opinion && <Typography.Text>核实意见：{o.opinion}（{o.decidedBy ?? ''}，{o.decidedAt ? formatShanghai(o.decidedAt, false) : ''}）</Typography.Text>}
              </Space>
            ),
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filters.status === 'pending' ? '没有待核实的异议' : '没有符合条件的异议'} /> }}
          pagination={list.pagination}
        />
      </Card>
      {deciding && (
        <DecideModal
          objection={deciding.objection}
          event={deciding.event}
          onClose={() => setDeciding(null)}
          onDone={(o) => {
            setDeciding(null);
            message.success(o.status === 'upheld' ? '异议成立，该信用信息已撤销并重新评级' : '已核实：异议不成立');
            list.reload();
            events.reload();
          }}
        />
      )}
    </Space>
  );
}

function DecideModal({
  objection, event: e, onClose, onDone,
}: {
  objection: CreditObjection;
  event: CreditEventView;
  onClose: () => void;
  onDone: (o: CreditObjection) => void;
}) {
  const [form] = Form.useForm<{ decision: 'uphold' | 'dismiss'; opinion: string }>();
  const decision = Form.useWatch('decision', form);
  const decide = useSubmit(async (v: { decision: 'uphold' | 'dismiss'; opinion: string }) => {
    onDone(await creditApi.decide(objection.id, { decision: v.decision, opinion: v.opinion.trim() }));
  });
  return (
    <Modal
      open
      title="核实异议"
      okText={decision === 'uphold' ? '确认异议成立并撤销' : decision === 'dismiss' ? '确认异议不成立' : '确认'}
      okButtonProps={{ danger: decision === 'uphold' }}
      cancelText="取消"
      confirmLoading={decide.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" size="small" style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Text>
          {e.subjectName}：{e.title}（{signedPoints(e.points)}分，有效期至{e.validUntil}）
        </Typography.Text>
        <Typography.Text type="secondary">异议理由：{objection.reason}</Typography.Text>
      </Space>
      {decision === 'uphold' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="异议成立将撤销该信用信息，不再计入信用并重新评级；撤销不能恢复，记录保留备查。" />}
      <ErrorAlert error={decide.error} />
      <Form form={form} layout="vertical" name="decideObjection" onFinish={decide.run}>
        <Form.Item label="核实结论" name="decision" rules={[{ required: true, message: '请选择核实结论' }]}>
          <Radio.Group
            options={[
              { value: 'uphold', label: '异议成立（撤销该信用信息）' },
              { value: 'dismiss', label: '异议不成立（维持）' },
            ]}
          />
        </Form.Item>
        <Form.Item label="核实意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写核实意见' }, { min: 4, message: '核实意见至少4个字' }]}>
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
