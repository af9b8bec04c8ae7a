// 信用评价详情 of one subject: the score, grade and how they are made up (which records count, their
// points and until when; which do not and why), the yearly snapshots, and all the subject's
// records; 录入信用信息 for this subject for those who record for others.
import { useState } from 'react';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { CREDIT_SUBJECT_KINDS, type CreditSubjectKind } from '@hq/common';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList, useResource } from '../../components/usePagedList';
import { useAccess } from '../../providers/access';
import { creditApi, type CreditEventFilters, type CreditEventView } from './api';
import { CreditExplanation, SnapshotsTable } from './CreditExplanation';
import { EVENT_STATUS_COLOURS, reportableKinds, signedPoints } from './dictionary';
import { EventCreateModal } from './EventCreateModal';

const eventLink = (id: number) => `/credit/events?id=${id}`;

export function CreditSubjectPage() {
  const params = useParams();
  const kind = params.kind as CreditSubjectKind;
  const id = Number(params.id);
  if (!(CREDIT_SUBJECT_KINDS as readonly string[]).includes(kind) || !Number.isInteger(id) || id <= 0) return <Result status="404" title="信用主体不存在" />;
  return <SubjectView kind={kind} id={id} />;
}

function SubjectView({ kind, id }: { kind: CreditSubjectKind; id: number }) {
  const { message } = App.useApp();
  const { hasRole } = useAccess();
  const subject = useResource((signal) => creditApi.subject(kind, id, signal), [kind, id]);
  const events = usePagedList<CreditEventFilters, CreditEventView>(creditApi.events, { subjectKind: kind, subjectId: id }, 10);
  const [creating, setCreating] = useState(false);
  const s = subject.data;
  if (!s) {
    return <Card>{subject.error ? <Result status={subject.error.status === 404 ? '404' : 'error'} title={subject.error.message} /> : <Skeleton active />}</Card>;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/credit/subjects">
          <Button type="text" icon={<ArrowLeftOutlined />}>
            信用评价
          </Button>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {s.name}
        </Typography.Title>
        <Tag>{s.kindLabel}</Tag>
        <Typography.Text type="secondary">按第{s.standardVersion}版评级标准计算</Typography.Text>
      </Space>
      <Card
        title="信用分与等级"
        extra={
          reportableKinds(hasRole).includes(kind) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              录入信用信息
            </Button>
          )
        }
      >
        <CreditExplanation explanation={s.explanation} eventLink={eventLink} />
      </Card>
      <Card title="历年信用档案">
        <SnapshotsTable history={s.history} />
      </Card>
      <Card title="全部信用信息">
        <ErrorAlert error={events.error} />
        <Table<CreditEventView>
          rowKey="id"
          size="small"
          dataSource={events.data?.items ?? []}
          loading={events.loading}
          pagination={events.pagination}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无信用信息" /> }}
          columns={[
            { title: '信用信息', dataIndex: 'title', render: (t: string, e) => <Link to={eventLink(e.id)}>{t}</Link> },
            { title: '指标', dataIndex: 'indicatorLabel', ellipsis: true },
            { title: '分值', dataIndex: 'points', width: 70, align: 'right', render: signedPoints },
            { title: '发生日期', dataIndex: 'occurredOn', width: 105 },
            { title: '有效期至', dataIndex: 'validUntil', width: 105 },
            { title: '状态', dataIndex: 'statusLabel', width: 90, render: (label: string, e) => <Tag color={EVENT_STATUS_COLOURS[e.status]}>{label}</Tag> },
          ]}
        />
      </Card>
      {creating && (
        <EventCreateModal
          subject={{ kind, id, name: s.name }}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            message.success('已录入，待其他审核人员审核后计入信用');
            events.reload();
            subject.reload();
          }}
        />
      )}
    </Space>
  );
}
