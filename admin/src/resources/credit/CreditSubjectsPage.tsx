// 信用评价 (RE-063, RE-064): find a subject (enterprise or broker) with its grade and open its
// explained score; deciding regulators take the yearly snapshots (年度信用档案) here.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { CREDIT_SUBJECT_LABELS, type CreditBrief, type CreditSubjectKind } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { useSubmit } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import { brokersApi, enterprisesApi } from '../enterprises/api';
import { creditApi } from './api';
import { CreditGradeTag } from './CreditGradeTag';
import { DECIDER_ROLES, SUBJECT_KIND_OPTIONS, subjectPath } from './dictionary';

interface SubjectFilters {
  kind: CreditSubjectKind;
  keyword?: string;
}
interface SubjectRow {
  kind: CreditSubjectKind;
  id: number;
  name: string;
  detail: string;
  status: string;
  credit: CreditBrief;
}

async function fetchSubjects(q: SubjectFilters & { page: number; pageSize: number }, signal: AbortSignal) {
  if (q.kind === 'broker') {
    const p = await brokersApi.list({ keyword: q.keyword, page: q.page, pageSize: q.pageSize }, signal);
    return { ...p, items: p.items.map((b): SubjectRow => ({ kind: 'broker', id: b.id, name: b.name, detail: b.agency?.name ?? '无所属机构', status: b.statusLabel, credit: b.credit })) };
  }
  const p = await enterprisesApi.list({ kind: q.kind, keyword: q.keyword, page: q.page, pageSize: q.pageSize }, signal);
  return { ...p, items: p.items.map((e): SubjectRow => ({ kind: q.kind, id: e.id, name: e.name, detail: e.uscc ?? '—', status: e.statusLabel, credit: e.credit })) };
}

export function CreditSubjectsPage() {
  const { hasRole } = useAccess();
  // The association answers for agencies and brokers only.
  const kinds = hasRole('reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'inspector') ? SUBJECT_KIND_OPTIONS : SUBJECT_KIND_OPTIONS.filter((o) => o.value === 'agency' || o.value === 'broker');
  const list = usePagedList<SubjectFilters, SubjectRow>(fetchSubjects, { kind: kinds[0].value });
  const [form] = Form.useForm<SubjectFilters>();
  const [snapshotting, setSnapshotting] = useState(false);
  const kind = list.filters.kind;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        信用评价
      </Typography.Title>
      <Card>
        <Form<SubjectFilters>
          form={form}
          layout="inline"
          name="creditSubjectFilters"
          initialValues={{ kind: kinds[0].value }}
          onFinish={(v) => list.search({ kind: v.kind, keyword: v.keyword?.trim() || undefined })}
        >
          <Form.Item label="主体类别" name="kind">
            <Select options={kinds} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label="关键字" name="keyword">
            <Input placeholder={kind === 'broker' ? '经纪人姓名' : '企业名称或统一社会信用代码'} allowClear maxLength={50} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card
        title={`${CREDIT_SUBJECT_LABELS[kind]}信用`}
        extra={
          hasRole(...DECIDER_ROLES) && (
            <Button onClick={() => setSnapshotting(true)}>生成年度信用档案</Button>
          )
        }
      >
        <ErrorAlert error={list.error} />
        <Table<SubjectRow>
          rowKey={(r) => `${r.kind}:${r.id}`}
          size="middle"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={list.pagination}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的信用主体" /> }}
          columns={[
            { title: '名称', dataIndex: 'name', render: (n: string, r) => <Link to={subjectPath(r.kind, r.id)}>{n}</Link> },
            { title: kind === 'broker' ? '所属机构' : '统一社会信用代码', dataIndex: 'detail', width: 260 },
            { title: '状态', dataIndex: 'status', width: 110, render: (s: string) => <Tag>{s}</Tag> },
            { title: '信用等级', key: 'credit', width: 170, render: (_: unknown, r) => <CreditGradeTag credit={r.credit} /> },
          ]}
        />
      </Card>
      {snapshotting && <SnapshotModal onClose={() => setSnapshotting(false)} />}
    </Space>
  );
}

/** 年度信用档案: each subject's explained score at the year's end (or today, for this year); existing ones are kept. */
function SnapshotModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; kind?: CreditSubjectKind }>();
  const thisYear = new Date().getFullYear();
  const take = useSubmit(async (v: { year: number; kind?: CreditSubjectKind }) => {
    const r = await creditApi.snapshots(v.year, v.kind);
    message.success(`已生成${r.year}年度信用档案 ${r.taken} 份${r.skipped ? `，${r.skipped} 份此前已生成，未覆盖` : ''}`);
    onClose();
  });
  return (
    <Modal open title="生成年度信用档案" okText="确认生成" cancelText="取消" confirmLoading={take.busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="按年末（本年度为今天）的信用分、等级与计分明细存档；已生成的档案不会覆盖，生成后不能修改。"
      />
      <ErrorAlert error={take.error} />
      <Form form={form} layout="vertical" name="creditSnapshot" initialValues={{ year: thisYear - 1 }} onFinish={take.run}>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={thisYear} precision={0} suffix="年" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="主体类别" name="kind" extra="不选则生成全部类别">
          <Select placeholder="全部类别" allowClear options={SUBJECT_KIND_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
