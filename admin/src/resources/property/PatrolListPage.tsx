// 巡查任务 (PM-029/030, PM-079, PM-130): the property company's patrol tasks per community with
// their due dates (overdue marked), a new task, and a task's detail with the issues found on it.
// The patrol itself — photos on site — is done in the mini-program.
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Select, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import { formatShanghai } from '@hq/common';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList, useResource } from '../../components/usePagedList';
import { patrolsApi, type PatrolFilters, type PatrolTaskView, type TicketSummary } from './api';
import { STATE_OPTIONS, STATUS_COLOURS } from './dictionary';
import { PatrolCreateModal } from './PatrolCreateModal';
import { usePropertyPermissions } from './permissions';
import { CommunitySelect } from './pickers';
import './property.css';

function PatrolStatus({ t }: { t: PatrolTaskView }) {
  if (t.status === 'done') return <Tag color="green">已完成</Tag>;
  return t.overdue ? <Tag color="red">超期未完成</Tag> : <Tag color="blue">进行中</Tag>;
}

function PatrolDrawer({ taskId, onClose }: { taskId: number; onClose: () => void }) {
  const task = useResource((signal) => patrolsApi.get(taskId, signal), [taskId]);
  const t = task.data;
  const issues = useResource((signal) => (t ? patrolsApi.issues(t, signal) : Promise.resolve(null)), [t?.id]);
  const found = issues.data?.items ?? [];
  return (
    <Drawer open size={720} title={t ? t.title : '巡查任务'} onClose={onClose} destroyOnHidden>
      <ErrorAlert error={task.error} />
      {!t ? (
        task.loading && <Skeleton active />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'status', label: '状态', children: <PatrolStatus t={t} /> },
              { key: 'community', label: '小区', children: t.communityName },
              { key: 'org', label: '物业服务企业', children: t.orgName ?? '—' },
              { key: 'assignee', label: '巡查人员', children: t.assigneeName ?? '未指定' },
              { key: 'due', label: '完成期限', children: <Typography.Text type={t.overdue ? 'danger' : undefined}>{t.dueDate}</Typography.Text> },
              {
                key: 'checklist',
                label: '检查项',
                children: t.checklist.length ? (
                  <ol className="pm-checklist">
                    {t.checklist.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ol>
                ) : (
                  '—'
                ),
              },
              { key: 'issues', label: '发现问题', children: `${t.issues} 件（未办结 ${t.openIssues} 件）` },
              { key: 'done', label: '完成时间', children: t.doneAt ? formatShanghai(t.doneAt, false) : '—' },
              { key: 'note', label: '巡查情况', children: t.doneNote ? <div className="pm-text">{t.doneNote}</div> : '—' },
              { key: 'created', label: '创建时间', children: formatShanghai(t.createdAt, false) },
            ]}
          />
          <Card size="small" title="本小区的巡查问题" extra={<Typography.Text type="secondary">本任务上报 {t.issues} 件</Typography.Text>}>
            <ErrorAlert error={issues.error} />
            <Table<TicketSummary>
              rowKey="id"
              size="small"
              loading={issues.loading}
              dataSource={found}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本小区暂无巡查问题" /> }}
              columns={[
                { title: '受理编号', dataIndex: 'ticketNo', width: 140, render: (no: string, x) => <Link to={`/property/tickets/${x.id}`}>{no}</Link> },
                { title: '类别', dataIndex: 'categoryLabel', width: 120 },
                { title: '描述', dataIndex: 'descriptionPreview', ellipsis: true },
                { title: '期限', dataIndex: 'dueDate', width: 105, render: (d: string, x) => <Typography.Text type={x.overdue ? 'danger' : undefined}>{d}</Typography.Text> },
                { title: '状态', dataIndex: 'status', width: 100, render: (s: TicketSummary['status'], x) => <Tag color={STATUS_COLOURS[s]}>{x.statusLabel}</Tag> },
              ]}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

export function PatrolListPage() {
  const { message } = App.useApp();
  const perms = usePropertyPermissions();
  const list = usePagedList<PatrolFilters, PatrolTaskView>(patrolsApi.list, {});
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const open = (id: number | null) => setParams(id ? { id: String(id) } : {});
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<PatrolTaskView> = [
    { title: '任务名称', dataIndex: 'title', ellipsis: true, render: (v: string, t) => <Typography.Link onClick={() => open(t.id)}>{v}</Typography.Link> },
    { title: '小区', dataIndex: 'communityName', width: 180, ellipsis: true },
    ...(perms.isPropertyCompany ? [] : [{ title: '物业服务企业', dataIndex: 'orgName', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' }]),
    { title: '巡查人员', dataIndex: 'assigneeName', width: 110, render: (v: string | null) => v ?? '未指定' },
    { title: '检查项', dataIndex: 'checklist', width: 80, align: 'right', render: (c: string[]) => c.length },
    { title: '完成期限', dataIndex: 'dueDate', width: 110, render: (d: string, t) => <Typography.Text type={t.overdue ? 'danger' : undefined}>{d}</Typography.Text> },
    { title: '发现问题', dataIndex: 'issues', width: 110, align: 'right', render: (n: number, t) => (t.openIssues ? `${n}（未办结 ${t.openIssues}）` : n) },
    { title: '状态', key: 'status', width: 110, fixed: 'right', render: (_, t) => <PatrolStatus t={t} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        巡查任务
      </Typography.Title>
      <Card>
        <FilterForm<PatrolFilters> name="patrolFilters" onFinish={(v) => list.search({ communityId: v.communityId, state: v.state })} onReset={() => list.search({})}>
          <Form.Item label="小区" name="communityId">
            <CommunitySelect style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="状态" name="state">
            <Select
              placeholder="全部"
              allowClear
              style={{ width: 140 }}
              options={STATE_OPTIONS.map((o) => ({ value: o.value, label: o.value === 'open' ? '进行中' : o.value === 'done' ? '已完成' : '超期未完成' }))}
            />
          </Form.Item>
        </FilterForm>
      </Card>
      <Card
        title="巡查任务"
        extra={
          perms.canCreatePatrols && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建巡查任务
            </Button>
          )
        }
      >
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1100 }}
          rowClassName={(t) => (t.overdue ? 'pm-row-overdue' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有巡查任务" /> }}
          pagination={list.pagination}
        />
      </Card>
      {openId && <PatrolDrawer taskId={openId} onClose={() => open(null)} />}
      {creating && (
        <PatrolCreateModal
          onClose={() => setCreating(false)}
          onSaved={(t) => {
            message.success('巡查任务已新建，巡查人员可在小程序中执行');
            setCreating(false);
            list.reload();
            open(t.id);
          }}
        />
      )}
    </Space>
  );
}
