// 登记信息: what the registry holds about an enterprise — registration or filing state, basic facts,
// people, achievements and managed projects — as shown on 本企业信息 and in the directory's drawer.
import { Descriptions, Space, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import { formatArea, formatShanghai, formatWanYuan } from '@hq/common';
import type { EnterpriseDetail } from './api';
import { ENTERPRISE_STATUS_COLOURS, sourceLabel } from './dictionary';

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');

export function EnterpriseFacts({ detail: d }: { detail: EnterpriseDetail }) {
  const f = d.facts;
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '企业名称', children: d.name },
    { key: 'kind', label: '企业类别', children: d.kindLabel },
    { key: 'uscc', label: '统一社会信用代码', children: d.uscc ? <Typography.Text copyable>{d.uscc}</Typography.Text> : '—' },
    { key: 'status', label: '登记状态', children: <Tag color={ENTERPRISE_STATUS_COLOURS[d.status]}>{d.statusLabel}</Tag> },
    { key: 'legalRep', label: '法定代表人', children: dash(d.legalRep) },
    { key: 'registeredAt', label: d.kind === 'developer' ? '注册时间' : '备案时间', children: d.registeredAt ? formatShanghai(d.registeredAt, false).slice(0, 10) : '—' },
    { key: 'address', label: '注册地址', children: dash(d.address), span: 2 },
    { key: 'capital', label: '注册资本', children: f.registeredCapitalFen != null ? formatWanYuan(f.registeredCapitalFen) : '—' },
    { key: 'established', label: '成立日期', children: dash(f.establishedOn) },
    { key: 'scope', label: '经营范围', children: dash(f.businessScope), span: 2 },
    ...(d.kind === 'agency' ? [{ key: 'store', label: '经营场所', children: dash(f.storeAddress), span: 2 }] : []),
    ...(d.kind === 'property_company' ? [{ key: 'service', label: '服务范围', children: dash(f.serviceScope), span: 2 }] : []),
    { key: 'contact', label: '联系人', children: f.contactName ? `${f.contactName}${f.contactPhone ? ` ${f.contactPhone}` : ''}` : '—' },
    { key: 'source', label: '入库来源', children: sourceLabel(d.source) },
    ...(d.status === 'cancelled'
      ? [{
          key: 'cancelled', label: '注销', span: 2,
          children: <Typography.Text type="danger">{`${d.cancelledAt ? formatShanghai(d.cancelledAt, false).slice(0, 10) : ''} ${d.cancelReason ?? ''}`.trim() || '已注销'}</Typography.Text>,
        }]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2} items={items} styles={{ label: { width: 130 } }} />
      {f.personnel.length > 0 && (
        <Table
          rowKey={(p) => `${p.name}|${p.position}`}
          size="small"
          title={() => <Typography.Text strong>主要管理及技术人员</Typography.Text>}
          dataSource={f.personnel}
          pagination={f.personnel.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '职务', dataIndex: 'position', width: 140 },
            { title: '职称', dataIndex: 'title', render: dash },
            { title: '证书编号', dataIndex: 'certificateNo', render: dash },
          ]}
        />
      )}
      {f.achievements.length > 0 && (
        <Table
          rowKey={(a) => `${a.projectName}|${a.completedOn ?? ''}`}
          size="small"
          title={() => <Typography.Text strong>开发业绩</Typography.Text>}
          dataSource={f.achievements}
          pagination={f.achievements.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: '项目名称', dataIndex: 'projectName' },
            { title: '承担角色', dataIndex: 'role', width: 120, render: dash },
            { title: '建筑面积', dataIndex: 'floorArea', width: 140, align: 'right', render: formatArea },
            { title: '竣工日期', dataIndex: 'completedOn', width: 110, render: dash },
          ]}
        />
      )}
      {f.managedProjects.length > 0 && (
        <Table
          rowKey="name"
          size="small"
          title={() => <Typography.Text strong>在管项目</Typography.Text>}
          dataSource={f.managedProjects}
          pagination={f.managedProjects.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: '项目名称', dataIndex: 'name' },
            { title: '建筑面积', dataIndex: 'floorArea', width: 160, align: 'right', render: (a?: number) => (a == null ? '—' : formatArea(a)) },
          ]}
        />
      )}
    </Space>
  );
}
