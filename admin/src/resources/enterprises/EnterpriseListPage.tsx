// 企业名录 (regulators; the association sees agencies): search by name or 统一社会信用代码, kind and
// registry state; the paged list with credit grades; an enterprise's detail in a drawer (?id=
// opens it); Excel export of the query.
import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatShanghai } from '@hq/common';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import { CreditGradeTag } from '../credit/CreditGradeTag';
import { enterprisesApi, type EnterpriseFilters, type EnterpriseSummary } from './api';
import { ENTERPRISE_STATUS_COLOURS } from './dictionary';
import { EnterpriseDrawer } from './EnterpriseDrawer';
import { EnterpriseFilterForm } from './EnterpriseFilterForm';

export function EnterpriseListPage() {
  const { message } = App.useApp();
  const { hasRole } = useAccess();
  // The association answers for agencies only (the API lists nothing else to it).
  const agenciesOnly = !hasRole('reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'inspector');
  const list = usePagedList<EnterpriseFilters, EnterpriseSummary>(enterprisesApi.list, {});
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const open = (id: number | null) => setParams(id ? { id: String(id) } : {});
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await enterprisesApi.exportXlsx(list.filters);
      message.success(`已导出 ${Math.min(list.data?.total ?? 0, 20_000)} 家企业`);
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      title: '企业名称',
      dataIndex: 'name',
      fixed: 'left',
      width: 280,
      render: (name: string, e) => <Typography.Link onClick={() => open(e.id)}>{name}</Typography.Link>,
    },
    { title: '企业类别', dataIndex: 'kindLabel', width: 140 },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? '—' },
    { title: '法定代表人', dataIndex: 'legalRep', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '注册/备案时间', dataIndex: 'registeredAt', width: 120, render: (at: string | null) => (at ? formatShanghai(at, false).slice(0, 10) : '—') },
    { title: '信用等级', key: 'credit', width: 150, render: (_: unknown, e) => <CreditGradeTag credit={e.credit} /> },
    {
      title: '登记状态',
      dataIndex: 'statusLabel',
      width: 100,
      fixed: 'right',
      render: (label: string, e) => <Tag color={ENTERPRISE_STATUS_COLOURS[e.status]}>{label}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        企业名录
      </Typography.Title>
      <Card>
        <EnterpriseFilterForm onSearch={list.search} agenciesOnly={agenciesOnly} />
      </Card>
      <Card
        title={agenciesOnly ? '房地产中介机构' : '开发企业、中介机构与物业企业'}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={!list.data?.total} onClick={() => void exportXlsx()}>
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
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的企业" /> }}
          pagination={list.pagination}
        />
      </Card>
      {openId && <EnterpriseDrawer id={openId} onClose={() => open(null)} onChanged={list.reload} />}
    </Space>
  );
}
