// 预售许可与现售备案: query, the paged list, a permit's detail in a drawer (?id= opens it, as
// the application page links here), Excel export of the query, and the statistics.
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatArea } from '@hq/common';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { permitsApi, type PermitFilters, type PermitRow } from './api';
import { PERMIT_KIND_LABELS, permitStatusColour, permitStatusLabel } from './dictionary';
import { PermitDrawer } from './PermitDrawer';
import { PermitFilterForm } from './PermitFilterForm';
import { PermitStatsCard } from './PermitStatsCard';

export function PermitListPage() {
  const { message } = App.useApp();
  const list = usePagedList<PermitFilters, PermitRow>(permitsApi.list, {});
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const [exporting, setExporting] = useState(false);
  const open = (id: number | null) => setParams(id ? { id: String(id) } : {});

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await permitsApi.exportXlsx(list.filters);
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<PermitRow> = [
    {
      title: '证号',
      dataIndex: 'permitNo',
      width: 240,
      fixed: 'left',
      render: (no: string, p) => (
        <Typography.Link onClick={() => open(p.id)}>{no}</Typography.Link>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 120, render: (k: PermitRow['kind']) => PERMIT_KIND_LABELS[k] },
    { title: '项目', dataIndex: 'projectName', ellipsis: true },
    { title: '开发企业', dataIndex: 'developerName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '楼栋', dataIndex: 'buildingNos', width: 110, ellipsis: true, render: (b: string[]) => b.join('、') || '—' },
    { title: '发证日期', dataIndex: 'issuedOn', width: 105 },
    { title: '套数', dataIndex: 'roomCount', width: 70, align: 'right' },
    { title: '建筑面积', dataIndex: 'area', width: 125, align: 'right', render: formatArea },
    { title: '状态', dataIndex: 'status', width: 80, fixed: 'right', render: (s: string) => <Tag color={permitStatusColour(s)}>{permitStatusLabel(s)}</Tag> },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        预售许可与现售备案
      </Typography.Title>
      <Card>
        <PermitFilterForm onSearch={list.search} />
      </Card>
      <Card
        title="许可与备案"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
            导出Excel
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
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的许可或备案" /> }}
          pagination={list.pagination}
        />
      </Card>
      <PermitStatsCard />
      {openId && <PermitDrawer permitId={openId} onClose={() => open(null)} />}
    </Space>
  );
}
