import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PROJECT_STATUSES } from '@hq/common';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { projectsApi, type ProjectFilters, type ProjectSummary } from './api';
import { PROJECT_STATUS_COLOURS } from './dictionary';
import { ProjectCreateModal } from './ProjectCreateModal';
import { ProjectFilterForm } from './ProjectFilterForm';
import { useRealEstatePermissions } from './permissions';

export const projectPath = (id: number, tab?: string) => `/realestate/projects/${id}${tab ? `?tab=${tab}` : ''}`;

const columns: TableColumnsType<ProjectSummary> = [
  { title: '项目名称', dataIndex: 'name', render: (name: string, p) => <Link to={projectPath(p.id)}>{name}</Link> },
  { title: '推广名', dataIndex: 'marketingName', render: (v: string | null) => v ?? '—' },
  { title: '开发企业', dataIndex: 'developerName', ellipsis: true, render: (v: string | null, p) => v ?? `企业 #${p.developerId}` },
  { title: '片区', dataIndex: 'district', width: 150 },
  { title: '可售', dataIndex: 'availableCount', width: 80, align: 'right' },
  { title: '总套数', dataIndex: 'roomCount', width: 90, align: 'right' },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: ProjectSummary['status']) => <Tag color={PROJECT_STATUS_COLOURS[s]}>{PROJECT_STATUSES[s]}</Tag>,
  },
];

export function ProjectListPage() {
  const list = usePagedList<ProjectFilters, ProjectSummary>(projectsApi.list, {});
  const { canMaintain } = useRealEstatePermissions();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        项目与楼盘表
      </Typography.Title>
      <Card>
        <ProjectFilterForm onSearch={list.search} />
      </Card>
      <Card
        title="项目"
        extra={
          canMaintain && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建项目
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
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无项目" /> }}
          pagination={list.pagination}
        />
      </Card>
      {creating && (
        <ProjectCreateModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(projectPath(id));
          }}
        />
      )}
    </Space>
  );
}
