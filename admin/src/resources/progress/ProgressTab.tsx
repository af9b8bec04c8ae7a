// 形象进度 (RE-010): each building's latest node and photos, the project's report history, and
// for the developer's staff a report form (photos uploaded first, then the report names them).
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Image, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatShanghai, type ProgressReportView } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import type { ProjectDetail } from '../realestate/api';
import { useRealEstatePermissions } from '../realestate/permissions';
import { progressApi } from './api';
import { ProgressReportModal } from './ProgressReportModal';

export function ProgressTab({ project, onReported }: { project: ProjectDetail; onReported: () => void }) {
  const { canReportProgress } = useRealEstatePermissions();
  const [reporting, setReporting] = useState<number | 'any' | null>(null);
  const history = usePagedList<object, ProgressReportView>((q, signal) => progressApi.ofProject(project.id, q, signal), {}, 10);

  const columns: TableColumnsType<ProgressReportView> = [
    { title: '楼栋', dataIndex: 'buildingNo', width: 80 },
    { title: '节点', dataIndex: 'nodeLabel', width: 120, render: (l: string) => <Tag color="blue">{l}</Tag> },
    { title: '已完成层数', dataIndex: 'floorsDone', width: 100, render: (n: number | null) => n ?? '—' },
    { title: '进度日期', dataIndex: 'reportedOn', width: 110 },
    { title: '说明', dataIndex: 'description', ellipsis: true, render: (d: string | null) => d ?? '—' },
    {
      title: '现场照片',
      dataIndex: 'photos',
      width: 260,
      render: (photos: ProgressReportView['photos']) => <Photos photos={photos} size={48} />,
    },
    { title: '填报人', dataIndex: 'reportedBy', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '填报时间', dataIndex: 'createdAt', width: 160, render: (at: string) => formatShanghai(at) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {canReportProgress && (
        <Button type="primary" icon={<PlusOutlined />} disabled={project.buildings.length === 0} onClick={() => setReporting('any')}>
          填报形象进度
        </Button>
      )}
      {project.buildings.length === 0 ? (
        <Empty description="本项目还没有单体" />
      ) : (
        <Row gutter={[12, 12]}>
          {project.buildings.map((b) => (
            <Col key={b.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={b.buildingNo}
                extra={
                  canReportProgress && (
                    <Button size="small" type="link" onClick={() => setReporting(b.id)}>
                      填报
                    </Button>
                  )
                }
              >
                {b.progress ? (
                  <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                    <Space wrap>
                      <Tag color="blue">{b.progress.label}</Tag>
                      {b.progress.floorsDone != null && <span>已完成 {b.progress.floorsDone} 层</span>}
                      <Typography.Text type="secondary">{b.progress.reportedOn}</Typography.Text>
                    </Space>
                    <Photos photos={b.progress.photos} size={72} />
                  </Space>
                ) : (
                  <Typography.Text type="secondary">尚未填报形象进度</Typography.Text>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card size="small" title="填报记录">
        <ErrorAlert error={history.error} />
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={history.data?.items ?? []}
          loading={history.loading}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无形象进度记录" /> }}
          pagination={history.pagination}
        />
      </Card>
      {reporting !== null && (
        <ProgressReportModal
          project={project}
          buildingId={reporting === 'any' ? null : reporting}
          onClose={() => setReporting(null)}
          onReported={() => {
            setReporting(null);
            history.reload();
            onReported();
          }}
        />
      )}
    </Space>
  );
}

function Photos({ photos, size }: { photos: ProgressReportView['photos']; size: number }) {
  if (photos.length === 0) return <Typography.Text type="secondary">无照片</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space size={4} wrap>
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.thumbnailUrl ?? p.url}
            preview={{ src: p.url }}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={`现场照片 ${i + 1}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
