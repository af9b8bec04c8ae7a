// 小区管理 (PM-001/002, PM-155): communities built from real-estate projects, searched by name;
// the regulator creates and edits them and syncs their houses from the building table; a
// community's detail opens in a drawer (?id=).
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import { formatShanghai } from '@hq/common';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { communitiesApi, type CommunityDetail, type CommunityFilters, type CommunitySummary } from './api';
import { CommunityDrawer } from './CommunityDrawer';
import { CommunityFormModal } from './CommunityFormModal';
import { usePropertyPermissions } from './permissions';
import { OrgSelect } from './pickers';

function CommunityFilterForm({ onSearch, showCompany }: { onSearch: (f: CommunityFilters) => void; showCompany: boolean }) {
  return (
    <FilterForm<CommunityFilters>
      name="communityFilters"
      onFinish={(v) => onSearch({ q: v.q?.trim() || undefined, propertyOrgId: v.propertyOrgId })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="关键字" name="q">
        <Input placeholder="小区名称、坐落" allowClear maxLength={50} style={{ width: 220 }} />
      </Form.Item>
      {showCompany && (
        <Form.Item label="物业服务企业" name="propertyOrgId">
          <OrgSelect kind="property_company" placeholder="全部企业" style={{ width: 240 }} />
        </Form.Item>
      )}
    </FilterForm>
  );
}

export function CommunityListPage() {
  const { message } = App.useApp();
  const perms = usePropertyPermissions();
  const list = usePagedList<CommunityFilters, CommunitySummary>(communitiesApi.list, {});
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const open = (id: number | null) => setParams(id ? { id: String(id) } : {});
  const [editing, setEditing] = useState<CommunitySummary | CommunityDetail | 'new' | null>(null);
  const [drawerKey, setDrawerKey] = useState(0);

  const columns: TableColumnsType<CommunitySummary> = [
    { title: '小区名称', dataIndex: 'name', width: 200, fixed: 'left', render: (n: string, c) => <Typography.Link onClick={() => open(c.id)}>{n}</Typography.Link> },
    { title: '坐落', dataIndex: 'address', ellipsis: true },
    { title: '片区', dataIndex: 'district', width: 140, ellipsis: true },
    { title: '物业服务企业', dataIndex: 'propertyOrgName', width: 220, ellipsis: true, render: (v: string | null) => v ?? <Tag color="warning">未指定</Tag> },
    { title: '街道/社区', dataIndex: 'streetOffice', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '业委会', dataIndex: 'committeeOrgName', width: 150, ellipsis: true, render: (v: string | null) => v ?? '未成立' },
    { title: '房屋', dataIndex: 'houses', width: 80, align: 'right' },
    { title: '认证业主', dataIndex: 'verifiedOwners', width: 90, align: 'right' },
    { title: '最近同步', dataIndex: 'syncedAt', width: 140, render: (at: string | null) => (at ? formatShanghai(at, false) : <Typography.Text type="secondary">尚未同步</Typography.Text>) },
    ...(perms.canMaintainCommunities
      ? [{ title: '操作', key: 'actions', width: 80, fixed: 'right' as const, render: (_: unknown, c: CommunitySummary) => <Button size="small" onClick={() => setEditing(c)}>编辑</Button> }]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        小区管理
      </Typography.Title>
      <Card>
        <CommunityFilterForm onSearch={list.search} showCompany={!perms.isPropertyCompany} />
      </Card>
      <Card
        title="小区"
        extra={
          perms.canMaintainCommunities && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建小区
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
          scroll={{ x: 1400 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的小区" /> }}
          pagination={list.pagination}
        />
      </Card>
      {openId && <CommunityDrawer key={`${openId}:${drawerKey}`} communityId={openId} onClose={() => open(null)} onEdit={setEditing} onChanged={list.reload} />}
      {editing && (
        <CommunityFormModal
          community={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            message.success(editing === 'new' ? '小区已新建，请同步楼盘表导入房屋' : '已保存');
            setEditing(null);
            list.reload();
            setDrawerKey((k) => k + 1);
            open(c.id);
          }}
        />
      )}
    </Space>
  );
}
