// 信用信息 (RE-060, RE-061, RE-064): search by subject, kind, status, source, direction and year;
// the paged list; a record's detail and review in a drawer (?id= opens it); 录入 for those who
// record for others, 批量导入 for deciding regulators.
import { useState } from 'react';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { useAccess } from '../../providers/access';
import { yearOptions } from '../permits/dictionary';
import { creditApi, type CreditEventFilters, type CreditEventView } from './api';
import {
  DECIDER_ROLES, DIRECTION_OPTIONS, EVENT_STATUS_COLOURS, EVENT_STATUS_OPTIONS, SOURCE_OPTIONS, SUBJECT_KIND_OPTIONS, mayReview, reportableKinds, signedPoints,
} from './dictionary';
import { EventCreateModal } from './EventCreateModal';
import { EventDrawer } from './EventDrawer';
import { EventImportModal } from './EventImportModal';

export function CreditEventListPage() {
  const { message } = App.useApp();
  const { hasRole } = useAccess();
  const list = usePagedList<CreditEventFilters, CreditEventView>(creditApi.events, {});
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const open = (id: number | null) => setParams(id ? { id: String(id) } : {});
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: TableColumnsType<CreditEventView> = [
    { title: '信用主体', dataIndex: 'subjectName', width: 240, fixed: 'left', ellipsis: true },
    { title: '主体类别', dataIndex: 'subjectKindLabel', width: 130 },
    { title: '信用信息', dataIndex: 'title', ellipsis: true, render: (t: string, e) => <Typography.Link onClick={() => open(e.id)}>{t}</Typography.Link> },
    { title: '指标', dataIndex: 'indicatorLabel', width: 200, ellipsis: true },
    {
      title: '分值',
      dataIndex: 'points',
      width: 70,
      align: 'right',
      render: (p: number) => <Typography.Text type={p < 0 ? 'danger' : 'success'}>{signedPoints(p)}</Typography.Text>,
    },
    { title: '发生日期', dataIndex: 'occurredOn', width: 105 },
    { title: '有效期至', dataIndex: 'validUntil', width: 105 },
    { title: '来源', dataIndex: 'sourceLabel', width: 110 },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 90,
      fixed: 'right',
      render: (label: string, e) => <Tag color={EVENT_STATUS_COLOURS[e.status]}>{label}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_: unknown, e) => <Typography.Link onClick={() => open(e.id)}>{e.status === 'pending' && mayReview(hasRole, e.subjectKind) ? '审核' : '查看'}</Typography.Link>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        信用信息
      </Typography.Title>
      <Card>
        <EventFilterForm onSearch={list.search} />
      </Card>
      <Card
        title="信用信息"
        extra={
          <Space>
            {reportableKinds(hasRole).length > 0 && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                录入信用信息
              </Button>
            )}
            {hasRole(...DECIDER_ROLES) && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                批量导入
              </Button>
            )}
          </Space>
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
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的信用信息" /> }}
          pagination={list.pagination}
        />
      </Card>
      {openId && <EventDrawer id={openId} onClose={() => open(null)} onChanged={list.reload} />}
      {creating && (
        <EventCreateModal
          onClose={() => setCreating(false)}
          onDone={(e) => {
            setCreating(false);
            message.success('已录入，待其他审核人员审核');
            list.reload();
            open(e.id);
          }}
        />
      )}
      {importing && <EventImportModal onClose={() => setImporting(false)} onDone={list.reload} />}
    </Space>
  );
}

function EventFilterForm({ onSearch }: { onSearch: (f: CreditEventFilters) => void }) {
  return (
    <FilterForm<CreditEventFilters>
      name="creditEventFilters"
      onFinish={(v) => onSearch({ ...v, keyword: v.keyword?.trim() || undefined })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="关键字" name="keyword">
        <Input placeholder="主体名称、统一社会信用代码、标题、文号" allowClear maxLength={50} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item label="主体类别" name="subjectKind">
        <Select placeholder="全部" allowClear options={SUBJECT_KIND_OPTIONS} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={EVENT_STATUS_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="行为类别" name="direction">
        <Select placeholder="全部" allowClear options={DIRECTION_OPTIONS} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="来源" name="source">
        <Select placeholder="全部" allowClear options={SOURCE_OPTIONS} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="年度" name="year">
        <Select placeholder="全部" allowClear options={yearOptions()} style={{ width: 110 }} />
      </Form.Item>
    </FilterForm>
  );
}
