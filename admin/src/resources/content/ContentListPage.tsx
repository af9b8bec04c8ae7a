import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import {
  CONTENT_CHANNEL_LABELS, CONTENT_SECTION_LABELS, CONTENT_STATUS_LABELS, GUIDE_CATEGORY_LABELS, formatShanghai, type ManagedContent,
} from '@hq/common';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { contentApi, type ContentFilters } from './api';
import { ContentActions } from './ContentActions';
import { CHANNEL_OPTIONS, SECTION_OPTIONS, STATUS_COLOURS, STATUS_OPTIONS } from './dictionary';

function ContentFilterForm({ onSearch }: { onSearch: (f: ContentFilters) => void }) {
  return (
    <FilterForm<ContentFilters>
      name="contentFilters"
      onFinish={(v) => onSearch({ ...v, keyword: v.keyword?.trim() || undefined })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="栏目" name="channel">
        <Select placeholder="全部" allowClear options={CHANNEL_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="板块" name="section">
        <Select placeholder="全部" allowClear options={SECTION_OPTIONS} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="关键字" name="keyword">
        <Input placeholder="标题、文号" allowClear maxLength={50} style={{ width: 180 }} />
      </Form.Item>
    </FilterForm>
  );
}

export function ContentListPage() {
  const list = usePagedList<ContentFilters, ManagedContent>(contentApi.list, {});
  const navigate = useNavigate();

  const columns: TableColumnsType<ManagedContent> = [
    { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, c) => <Link to={`/content/${c.id}`}>{t}</Link> },
    { title: '栏目', dataIndex: 'channel', width: 90, render: (c: ManagedContent['channel']) => CONTENT_CHANNEL_LABELS[c] },
    { title: '板块', dataIndex: 'section', width: 100, render: (s: ManagedContent['section']) => CONTENT_SECTION_LABELS[s] },
    { title: '分类', dataIndex: 'category', width: 150, ellipsis: true, render: (c: ManagedContent['category']) => (c ? GUIDE_CATEGORY_LABELS[c] : '—') },
    {
      title: '状态',
      dataIndex: 'status',
      width: 170,
      render: (s: ManagedContent['status'], c) => (
        <>
          <Tag color={STATUS_COLOURS[s]}>{CONTENT_STATUS_LABELS[s]}</Tag>
          {s === 'scheduled' && c.publishAt && <div style={{ fontSize: 12, color: '#888' }}>{formatShanghai(c.publishAt, false)} 发布</div>}
        </>
      ),
    },
    { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (at: string | null) => (at ? formatShanghai(at, false) : '—') },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (at: string) => formatShanghai(at, false) },
    {
      title: '操作',
      key: 'actions',
      width: 250,
      fixed: 'right',
      render: (_, c) => <ContentActions item={c} size="small" onDone={list.reload} />,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        内容发布
      </Typography.Title>
      <Card>
        <ContentFilterForm onSearch={list.search} />
      </Card>
      <Card
        title="政策法规、通知公告、购房须知"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/content/new')}>
            新建内容
          </Button>
        }
      >
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={{ x: 1200 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无内容" /> }}
          pagination={list.pagination}
        />
      </Card>
    </Space>
  );
}
