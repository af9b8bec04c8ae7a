// 报修投诉工单: the property company's back office and the regulator's view of all — query, the
// paged list (overdue marked, with the escalation level), Excel export of the same query, and each
// ticket's page with its buttons.
import { useState } from 'react';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatShanghai } from '@hq/common';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { ticketsApi, type TicketFilters, type TicketSummary } from './api';
import { STATUS_COLOURS, TICKET_KIND_LABELS, escalationColour, escalationLabel } from './dictionary';
import { usePropertyPermissions } from './permissions';
import { TicketFilterForm } from './TicketFilterForm';
import './property.css';

export function TicketListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const perms = usePropertyPermissions();
  const list = usePagedList<TicketFilters, TicketSummary>(ticketsApi.list, {});
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await ticketsApi.exportXlsx(list.filters);
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<TicketSummary> = [
    {
      title: '受理编号',
      dataIndex: 'ticketNo',
      width: 150,
      fixed: 'left',
      render: (no: string, t) => <Link to={`/property/tickets/${t.id}`}>{no}</Link>,
    },
    { title: '类型', dataIndex: 'kind', width: 90, render: (k: TicketSummary['kind']) => TICKET_KIND_LABELS[k] },
    { title: '类别', dataIndex: 'categoryLabel', width: 120, ellipsis: true },
    { title: '问题描述', dataIndex: 'descriptionPreview', ellipsis: true },
    { title: '小区', dataIndex: 'communityName', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '处理单位', dataIndex: 'orgName', width: 180, ellipsis: true, render: (v: string | null, t) => v ?? (t.target === 'regulator' ? '物业主管部门' : '—') },
    { title: '处理人', dataIndex: 'assigneeName', width: 120, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '上报时间', dataIndex: 'createdAt', width: 140, render: (at: string) => formatShanghai(at, false) },
    {
      title: '办理期限',
      dataIndex: 'dueDate',
      width: 150,
      render: (due: string, t) => (
        <Space size={4}>
          <Typography.Text type={t.overdue ? 'danger' : undefined}>{due}</Typography.Text>
          {t.overdue && <Tag color="red">超期</Tag>}
        </Space>
      ),
    },
    {
      title: '督办',
      dataIndex: 'escalationLevel',
      width: 120,
      render: (l: number) => (l > 0 ? <Tag color={escalationColour(l)}>{escalationLabel(l)}</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      fixed: 'right',
      render: (s: TicketSummary['status'], t) => <Tag color={STATUS_COLOURS[s]}>{t.statusLabel}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        报修投诉工单
      </Typography.Title>
      <Card>
        <TicketFilterForm onSearch={list.search} showCompany={perms.isRegulator || !perms.isPropertyCompany} />
      </Card>
      <Card
        title="工单"
        extra={
          <Space>
            {perms.canRegisterComplaints && (
              <Button icon={<PlusOutlined />} onClick={() => navigate('/property/complaints/new')}>
                投诉登记
              </Button>
            )}
            {perms.canExportTickets && (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
                导出Excel
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
          scroll={{ x: 1500 }}
          rowClassName={(t) => (t.overdue ? 'pm-row-overdue' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的工单" /> }}
          pagination={list.pagination}
        />
      </Card>
    </Space>
  );
}
