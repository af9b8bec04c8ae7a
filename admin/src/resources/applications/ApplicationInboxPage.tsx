// 申请与审核: the tabs the person's roles use (reviewers 待办/已办, applicants 本单位申请/草稿箱),
// a server-paged list with filters, overdue items in red, and 新建申请 for applicants.
import { useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { formatShanghai, type ApplicationSummary } from '@hq/common';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource, usePagedList } from '../../components/usePagedList';
import { useAccess } from '../../providers/access';
import { applicationsApi, type BusinessTypeInfo, type InboxFilters } from './api';
import { APPLICANT_ROLES, INBOX_TABS, STATUS_COLOURS, type InboxTab } from './dictionary';
import { InboxFilterForm, type InboxFilterValues } from './InboxFilterForm';
import { NewApplicationModal } from './NewApplicationModal';
import './applications.css';

const columns: TableColumnsType<ApplicationSummary> = [
  {
    title: '申请事项',
    dataIndex: 'title',
    width: 300,
    ellipsis: true,
    render: (t: string, a) => <Link to={`/applications/${a.id}`}>{t}</Link>,
  },
  { title: '受理编号', dataIndex: 'appNo', width: 140, render: (n: string | null) => n ?? <Typography.Text type="secondary">未提交</Typography.Text> },
  { title: '业务类型', dataIndex: 'typeLabel', width: 140 },
  { key: 'org', title: '申请单位', dataIndex: 'orgName', width: 200, ellipsis: true, render: (n: string | null) => n ?? '—' },
  {
    title: '状态',
    dataIndex: 'statusText',
    width: 150,
    render: (t: string, a) => <Tag color={STATUS_COLOURS[a.status]}>{t}</Tag>,
  },
  {
    title: '办理时限',
    dataIndex: 'deadlineAt',
    width: 150,
    render: (at: string | null, a) =>
      at ? (
        <span className={a.overdue ? 'app-overdue' : undefined}>
          {formatShanghai(at, false).slice(0, 10)}
          {a.overdue && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              逾期
            </Tag>
          )}
        </span>
      ) : (
        '—'
      ),
  },
  { title: '更新时间', dataIndex: 'updatedAt', width: 140, render: (at: string) => formatShanghai(at, false) },
];

export function ApplicationInboxPage() {
  const { hasRole } = useAccess();
  const tabs = useMemo(() => INBOX_TABS.filter((t) => hasRole(...t.roles)), [hasRole]);
  const [params, setParams] = useSearchParams();
  const tab: InboxTab | undefined = tabs.find((t) => t.key === params.get('tab')) ?? tabs[0];
  const canApply = hasRole(...APPLICANT_ROLES);
  const [creating, setCreating] = useState(false);
  const types = useResource((signal) => applicationsApi.types(signal), []);

  if (!tab) return <Empty description="您的角色不办理网上申请" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        申请与审核
      </Typography.Title>
      <Card
        extra={
          canApply && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建申请
            </Button>
          )
        }
        title={
          <Tabs
            activeKey={tab.key}
            onChange={(k) => setParams({ tab: k })}
            items={tabs.map((t) => ({ key: t.key, label: t.label }))}
            style={{ marginBottom: -17 }}
          />
        }
      >
        {/* A tab's list starts afresh (its own filters and page 1). */}
        <InboxList key={tab.key} tab={tab} types={types.data ?? []} onCreate={canApply ? () => setCreating(true) : undefined} />
      </Card>
      {creating && <NewApplicationModal onClose={() => setCreating(false)} />}
    </Space>
  );
}

function InboxList({ tab, types, onCreate }: { tab: InboxTab; types: BusinessTypeInfo[]; onCreate?: () => void }) {
  const list = usePagedList<InboxFilters, ApplicationSummary>(applicationsApi.inbox, { box: tab.box });
  const search = (v: InboxFilterValues) => list.search({ box: tab.box, keyword: v.keyword, type: v.type, status: v.status, overdue: v.overdue ? 'true' : undefined });
  const filtered = Object.entries(list.filters).some(([k, v]) => k !== 'box' && v !== undefined);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{tab.hint}</Typography.Text>
      <InboxFilterForm types={types} onSearch={search} />
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        columns={tab.ownOrg ? columns.filter((c) => c.key !== 'org') : columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 1100 }}
        rowClassName={(a) => (a.overdue ? 'app-row-overdue' : '')}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的申请' : tab.empty}>
              {!filtered && onCreate && tab.box !== 'done' && (
                <Button type="primary" onClick={onCreate}>
                  新建申请
                </Button>
              )}
            </Empty>
          ),
        }}
        pagination={list.pagination}
      />
    </Space>
  );
}
