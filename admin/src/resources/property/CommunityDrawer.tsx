// One community: its facts, its tickets at a glance, 同步楼盘表 (houses and registered owners
// again from the building table, with what changed), and its houses with owners masked.
import { useState } from 'react';
import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Input, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { formatArea, formatShanghai } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList, useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import { communitiesApi, type CommunityDetail, type CommunityHouse, type SyncResult } from './api';
import { usePropertyPermissions } from './permissions';

function HousesTab({ communityId }: { communityId: number }) {
  const list = usePagedList<{ q?: string }, CommunityHouse>((query, signal) => communitiesApi.houses(communityId, query, signal), {});
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.Search
        placeholder="楼栋、房号或不动产单元号"
        allowClear
        maxLength={30}
        enterButton="查询"
        style={{ maxWidth: 360 }}
        onSearch={(q) => list.search({ q: q.trim() || undefined })}
      />
      <ErrorAlert error={list.error} />
      <Table<CommunityHouse>
        rowKey="roomId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={list.pagination}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有房屋，请先同步楼盘表" /> }}
        columns={[
          { title: '楼栋', dataIndex: 'buildingName', width: 90 },
          { title: '房号', dataIndex: 'roomNo', width: 80 },
          { title: '层', dataIndex: 'floor', width: 50, align: 'right' },
          { title: '建筑面积', dataIndex: 'buildArea', width: 110, align: 'right', render: (a: number) => formatArea(Math.round(a * 100)) },
          { title: '不动产单元号', dataIndex: 'unitNumber', ellipsis: true },
          { title: '产权登记', dataIndex: 'registered', width: 90, render: (r: boolean) => (r ? <Tag color="blue">已登记</Tag> : <Tag>未登记</Tag>) },
          { title: '登记业主', dataIndex: 'ownerName', width: 90, render: (n: string | null) => n ?? '—' },
          { title: '已认证住户', dataIndex: 'verifiedMembers', width: 100, align: 'right' },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        业主姓名已脱敏；房屋及登记信息来自楼盘表，如有出入请在楼盘表中更正后重新同步。
      </Typography.Text>
    </Space>
  );
}

function Facts({ c }: { c: CommunityDetail }) {
  const { pages } = useAccess();
  const canOpenProject = pages.some((p) => p.key === 'projects');
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'name', label: '小区名称', children: c.name },
        { key: 'address', label: '坐落', children: c.address || '—' },
        { key: 'district', label: '片区', children: c.district || '—' },
        {
          key: 'project',
          label: '房地产项目',
          children: c.projectId == null ? '—' : canOpenProject ? <Link to={`/realestate/projects/${c.projectId}`}>查看项目与楼盘表</Link> : '已关联',
        },
        { key: 'developer', label: '开发企业', children: c.developerOrgName ?? '—' },
        { key: 'property', label: '物业服务企业', children: c.propertyOrgName ?? <Typography.Text type="warning">未指定</Typography.Text> },
        { key: 'street', label: '街道/社区', children: c.streetOffice ?? '—' },
        { key: 'committee', label: '业主委员会', children: c.committeeOrgName ?? '未成立' },
        { key: 'buildings', label: '楼栋', children: `${c.buildings} 栋` },
        { key: 'houses', label: '房屋', children: `${c.houses} 户（已登记 ${c.registeredHouses} 户）` },
        { key: 'owners', label: '已认证业主', children: `${c.verifiedOwners} 人` },
        {
          key: 'tickets',
          label: '在办工单',
          children: (
            <Space>
              {c.openTickets} 件{c.overdueTickets > 0 && <Tag color="red">超期 {c.overdueTickets}</Tag>}
            </Space>
          ),
        },
        { key: 'synced', label: '最近同步', children: c.syncedAt ? formatShanghai(c.syncedAt, false) : '尚未同步' },
      ]}
    />
  );
}

export function CommunityDrawer({ communityId, onClose, onEdit, onChanged }: { communityId: number; onClose: () => void; onEdit: (c: CommunityDetail) => void; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const perms = usePropertyPermissions();
  const community = useResource((signal) => communitiesApi.get(communityId, signal), [communityId]);
  const [syncing, setSyncing] = useState(false);
  const [synced, setSynced] = useState<SyncResult | null>(null);
  const [tab, setTab] = useState('facts');
  const c = community.data;

  const sync = () =>
    modal.confirm({
      title: `同步「${c?.name ?? ''}」的楼盘表？`,
      content: '将按不动产单元号从楼盘表重新读取房屋和登记业主，新增的房屋加入本小区；已认证的业主不受影响。',
      okText: '同步',
      cancelText: '取消',
      onOk: async () => {
        setSyncing(true);
        try {
          const r = await communitiesApi.sync(communityId);
          setSynced(r);
          message.success('楼盘表已同步');
          community.reload();
          onChanged();
        } catch (e) {
          message.error(asApiError(e).message);
        } finally {
          setSyncing(false);
        }
      },
    });

  return (
    <Drawer
      open
      size={760}
      title={c ? c.name : '小区详情'}
      onClose={onClose}
      destroyOnHidden
      extra={
        c && (
          <Space>
            {perms.canMaintainCommunities && <Button onClick={() => onEdit(c)}>编辑</Button>}
            {perms.canSyncCommunities && (
              <Button type="primary" icon={<SyncOutlined />} loading={syncing} onClick={sync} disabled={!c.projectId}>
                同步楼盘表
              </Button>
            )}
          </Space>
        )
      }
    >
      <ErrorAlert error={community.error} />
      {synced && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSynced(null) }}
          style={{ marginBottom: 16 }}
          title={`同步完成：共 ${synced.houses} 户，其中已登记 ${synced.registeredHouses} 户，本次新增 ${synced.added} 户`}
          description={`同步时间 ${formatShanghai(synced.syncedAt, false)}`}
        />
      )}
      {!c ? (
        community.loading && <Skeleton active />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'facts', label: '概况', children: <Facts c={c} /> },
            { key: 'houses', label: `房屋（${c.houses}）`, children: <HousesTab key={synced?.syncedAt ?? 'h'} communityId={c.id} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
