// 经纪人名录 (regulators and the association): search by name, agency and state; the paged list with
// qualifications and credit; a broker's detail in a drawer (?id= opens it).
import { Card, Empty, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList, useResource } from '../../components/usePagedList';
import { useSearchParams } from 'react-router-dom';
import { CreditGradeTag } from '../credit/CreditGradeTag';
import { brokersApi, enterprisesApi, type BrokerFilters, type BrokerView } from './api';
import { BROKER_STATUS_COLOURS, BROKER_STATUS_OPTIONS } from './dictionary';
import { BrokerDrawer } from './BrokerDrawer';

export function BrokerListPage() {
  const list = usePagedList<BrokerFilters, BrokerView>(brokersApi.list, {});
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const open = (id: number | null) => setParams(id ? { id: String(id) } : {});

  const columns: TableColumnsType<BrokerView> = [
    { title: '姓名', dataIndex: 'name', width: 110, fixed: 'left', render: (n: string, b) => <Typography.Link onClick={() => open(b.id)}>{n}</Typography.Link> },
    { title: '所属机构', key: 'agency', ellipsis: true, render: (_: unknown, b) => b.agency?.name ?? <Typography.Text type="secondary">无</Typography.Text> },
    { title: '证件号码', dataIndex: 'idNumber', width: 190 },
    {
      title: '从业资格',
      key: 'qualifications',
      width: 260,
      render: (_: unknown, b) =>
        b.qualifications.length ? b.qualifications.map((q) => <div key={q.id}>{`${q.kindLabel}·${q.levelLabel}（${q.statusLabel}）`}</div>) : '—',
    },
    { title: '备案证明', key: 'filing', width: 200, render: (_: unknown, b) => b.filing?.certNo ?? '—' },
    { title: '信用等级', key: 'credit', width: 150, render: (_: unknown, b) => <CreditGradeTag credit={b.credit} /> },
    { title: '执业状态', dataIndex: 'statusLabel', width: 110, fixed: 'right', render: (label: string, b) => <Tag color={BROKER_STATUS_COLOURS[b.status]}>{label}</Tag> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        经纪人名录
      </Typography.Title>
      <Card>
        <BrokerFilterForm onSearch={list.search} />
      </Card>
      <Card title="房地产经纪人">
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1200 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的经纪人" /> }}
          pagination={list.pagination}
        />
      </Card>
      {openId && <BrokerDrawer id={openId} onClose={() => open(null)} onChanged={list.reload} />}
    </Space>
  );
}

function BrokerFilterForm({ onSearch }: { onSearch: (f: BrokerFilters) => void }) {
  const agencies = useResource((signal) => enterprisesApi.list({ kind: 'agency', page: 1, pageSize: 200 }, signal), []);
  return (
    <FilterForm<BrokerFilters>
      name="brokerFilters"
      onFinish={(v) => onSearch({ keyword: v.keyword?.trim() || undefined, agencyOrgId: v.agencyOrgId, status: v.status })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="姓名" name="keyword">
        <Input placeholder="经纪人姓名" allowClear maxLength={50} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="所属机构" name="agencyOrgId">
        <Select
          placeholder="全部"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={agencies.loading}
          options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          style={{ width: 260 }}
        />
      </Form.Item>
      <Form.Item label="执业状态" name="status">
        <Select placeholder="全部" allowClear options={BROKER_STATUS_OPTIONS} style={{ width: 140 }} />
      </Form.Item>
    </FilterForm>
  );
}
