// One project: facts, buildings, the building table, survey imports and construction progress.
// The open tab and building live in the URL so a reload or a shared link lands in the same place.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { PROJECT_STATUSES } from '@hq/common';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { ProgressTab } from '../progress/ProgressTab';
import { SurveyImportTab } from '../survey/SurveyImportTab';
import { projectsApi } from './api';
import { BuildingsTab } from './BuildingsTab';
import { BuildingTableTab } from './BuildingTableTab';
import { PROJECT_STATUS_COLOURS } from './dictionary';
import { ProjectFactsTab } from './ProjectFactsTab';
import { useRealEstatePermissions } from './permissions';

const TABS = ['facts', 'buildings', 'table', 'survey', 'progress'] as const;
type TabKey = (typeof TABS)[number];

export function ProjectDetailPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'facts';
  const buildingId = Number(params.get('building')) || null;
  const project = useResource((signal) => projectsApi.get(id, signal), [id]);
  const { canImportSurvey } = useRealEstatePermissions();

  const go = (next: TabKey, building?: number | null) => {
    const p = new URLSearchParams({ tab: next });
    const b = building === undefined ? buildingId : building;
    if (b) p.set('building', String(b));
    setParams(p, { replace: false });
  };

  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="项目不存在" />;
  const p = project.data;
  if (!p) {
    return (
      <Card>
        {project.error ? (
          <Result
            status={project.error.status === 404 ? '404' : project.error.status === 403 ? '403' : 'error'}
            title={project.error.message}
            extra={<Link to="/realestate/projects">返回项目列表</Link>}
          />
        ) : (
          <Skeleton active />
        )}
      </Card>
    );
  }

  const refresh = () => project.reload();
  const items = [
    { key: 'facts', label: '基本信息', children: <ProjectFactsTab project={p} onSaved={(next) => project.setData(next)} onStale={refresh} /> },
    { key: 'buildings', label: '单体', children: <BuildingsTab project={p} onChanged={refresh} onOpenTable={(b) => go('table', b)} /> },
    {
      key: 'table',
      label: '楼盘表',
      children: <BuildingTableTab project={p} buildingId={buildingId ?? p.buildings[0]?.id ?? null} onPickBuilding={(b) => go('table', b)} />,
    },
    ...(canImportSurvey ? [{ key: 'survey', label: '测绘导入', children: <SurveyImportTab project={p} onImported={refresh} /> }] : []),
    { key: 'progress', label: '形象进度', children: <ProgressTab project={p} onReported={refresh} /> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap className="no-print">
        <Link to="/realestate/projects">
          <Button type="text" icon={<ArrowLeftOutlined />}>
            项目列表
          </Button>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        {p.marketingName && <Typography.Text type="secondary">{p.marketingName}</Typography.Text>}
        <Tag color={PROJECT_STATUS_COLOURS[p.status]}>{PROJECT_STATUSES[p.status]}</Tag>
      </Space>
      <ErrorAlert error={project.error} />
      <Card>
        <Tabs activeKey={tab} onChange={(k) => go(k as TabKey)} items={items} destroyOnHidden />
      </Card>
    </Space>
  );
}
