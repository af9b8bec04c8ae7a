// 监测预警 (PM-026, PM-030, PM-032): the on-time rate — closed on time ÷ (closed + open overdue),
// shown with its parts — by property company and by community, the trend, what is overdue and how
// far it has escalated, what is about to fall due, and the patrol tasks not done in time. The
// figures are the API's (GET /api/tickets/monitor); this page only shows and exports them.
import { useState } from 'react';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App, Button, Card, Col, DatePicker, Dropdown, Empty, Form, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { formatShanghai, shanghaiDate, type TicketKind } from '@hq/common';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterForm } from '../../components/FilterForm';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { saveBlob, xlsxBlob, type XlsxCell, type XlsxColumn } from '../enterprises/xlsx';
import { ticketsApi, type MonitorFilters, type MonitorResponse, type PatrolTaskView, type TicketSummary } from './api';
import { ESCALATION_LABELS, KIND_OPTIONS, TICKET_KIND_LABELS, daysBetween, escalationColour, escalationLabel, formatRate } from './dictionary';
import { usePropertyPermissions } from './permissions';
import { CommunitySelect, OrgSelect } from './pickers';
import { TrendChart } from './TrendChart';
import './property.css';

type OrgRow = MonitorResponse['byOrg'][number];
type CommunityRow = MonitorResponse['byCommunity'][number];
type RateFields = Pick<OrgRow, 'closed' | 'closedOnTime' | 'openOverdue' | 'open' | 'onTimeRate' | 'avgRating'>;


interface FilterValues {
  kind?: TicketKind;
  range?: [Dayjs | null, Dayjs | null] | null;
  orgId?: number;
  communityId?: number;
}

const rateSorter = (a: RateFields, b: RateFields) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1);

function rateColumns<T extends RateFields>(): TableColumnsType<T> {
  return [
    { title: '按时办结率', dataIndex: 'onTimeRate', width: 110, align: 'right', sorter: rateSorter, defaultSortOrder: 'ascend', render: formatRate },
    { title: '按时办结', dataIndex: 'closedOnTime', width: 90, align: 'right', sorter: (a, b) => a.closedOnTime - b.closedOnTime },
    { title: '已办结', dataIndex: 'closed', width: 80, align: 'right', sorter: (a, b) => a.closed - b.closed },
    { title: '超期未办结', dataIndex: 'openOverdue', width: 100, align: 'right', sorter: (a, b) => a.openOverdue - b.openOverdue },
    { title: '在办', dataIndex: 'open', width: 70, align: 'right', sorter: (a, b) => a.open - b.open },
    { title: '满意度', dataIndex: 'avgRating', width: 80, align: 'right', sorter: (a, b) => (a.avgRating ?? 0) - (b.avgRating ?? 0), render: (r: number | null) => (r == null ? '—' : `${r.toFixed(1)}星`) },
  ];
}

const RATE_XLSX: XlsxColumn[] = [
  { header: '按时办结率', width: 12 }, { header: '按时办结', width: 10 }, { header: '已办结', width: 10 }, { header: '超期未办结', width: 12 },
  { header: '在办', width: 8 }, { header: '满意度', width: 8 },
];
const rateCells = (r: RateFields): XlsxCell[] => [formatRate(r.onTimeRate), r.closedOnTime, r.closed, r.openOverdue, r.open, r.avgRating];

export function MonitorPage() {
  const { message } = App.useApp();
  const perms = usePropertyPermissions();
  const [filters, setFilters] = useState<Omit<MonitorFilters, 'granularity'>>({});
  const [granularity, setGranularity] = useState<'week' | 'month'>('month');
  const monitor = useResource((signal) => ticketsApi.monitor({ ...filters, granularity }, signal), [filters, granularity]);
  const dueSoon = useResource(
    (signal) => ticketsApi.list({ state: 'due_soon', kind: filters.kind, communityId: filters.communityId, orgId: filters.orgId, from: filters.from, to: filters.to, page: 1, pageSize: 100 }, signal),
    [filters, monitor.data?.asOf],
  );
  const [exporting, setExporting] = useState(false);
  const m = monitor.data;
  const today = shanghaiDate();
  // In their warning window (预警日 ≤ today ≤ 办理期限), earliest due first, as the server counts them.
  const soon = dueSoon.data?.items ?? [];

  const search = (v: FilterValues) =>
    setFilters({ kind: v.kind, orgId: v.orgId, communityId: v.communityId, from: v.range?.[0]?.format('YYYY-MM-DD'), to: v.range?.[1]?.format('YYYY-MM-DD') });

  const exportSheet = async (what: 'overdue' | 'byOrg' | 'byCommunity' | 'trend') => {
    if (!m) return;
    const date = today.replaceAll('-', '');
    setExporting(true);
    try {
      if (what === 'overdue') {
        // The server's export of the same query: every overdue ticket, not only the first hundred shown.
        await ticketsApi.exportXlsx({ state: 'overdue', kind: filters.kind, orgId: filters.orgId, communityId: filters.communityId, from: filters.from, to: filters.to });
      } else if (what === 'byOrg') {
        saveBlob(xlsxBlob('按物业服务企业', [{ header: '物业服务企业', width: 36 }, ...RATE_XLSX], m.byOrg.map((r) => [r.orgName, ...rateCells(r)])), `监测预警-按企业-${date}.xlsx`);
      } else if (what === 'byCommunity') {
        saveBlob(
          xlsxBlob('按小区', [{ header: '小区', width: 28 }, { header: '物业服务企业', width: 36 }, ...RATE_XLSX], m.byCommunity.map((r) => [r.communityName, r.orgName, ...rateCells(r)])),
          `监测预警-按小区-${date}.xlsx`,
        );
      } else {
        saveBlob(
          xlsxBlob('趋势', [{ header: granularity === 'week' ? '周' : '月份', width: 12 }, { header: '上报', width: 8 }, ...RATE_XLSX], m.trend.map((r) => [r.period, r.created, ...rateCells(r)])),
          `监测预警-趋势-${date}.xlsx`,
        );
      }
    } catch (e) {
      message.error(asApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  const orgColumns: TableColumnsType<OrgRow> = [
    { title: '物业服务企业', dataIndex: 'orgName', ellipsis: true, sorter: (a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') },
    ...rateColumns<OrgRow>(),
  ];
  const communityColumns: TableColumnsType<CommunityRow> = [
    { title: '小区', dataIndex: 'communityName', ellipsis: true, sorter: (a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN') },
    { title: '物业服务企业', dataIndex: 'orgName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    ...rateColumns<CommunityRow>(),
  ];
  const overdueColumns: TableColumnsType<TicketSummary> = [
    { title: '受理编号', dataIndex: 'ticketNo', width: 140, render: (no: string, t) => <Link to={`/property/tickets/${t.id}`}>{no}</Link> },
    { title: '类型', dataIndex: 'kind', width: 80, render: (k: TicketKind, t) => `${TICKET_KIND_LABELS[k]}·${t.categoryLabel}` },
    { title: '小区', dataIndex: 'communityName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '处理单位', dataIndex: 'orgName', ellipsis: true, render: (v: string | null, t) => t.assigneeName ?? v ?? '—' },
    { title: '办理期限', dataIndex: 'dueDate', width: 105 },
    {
      title: '超期天数',
      key: 'late',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
      render: (_, t) => <Typography.Text type="danger">{daysBetween(t.dueDate, today)} 天</Typography.Text>,
    },
    {
      title: '督办层级',
      dataIndex: 'escalationLevel',
      width: 130,
      sorter: (a, b) => a.escalationLevel - b.escalationLevel,
      render: (l: number) => <Tag color={escalationColour(l)}>{escalationLabel(l)}</Tag>,
    },
    { title: '状态', dataIndex: 'statusLabel', width: 90 },
  ];
  const soonColumns: TableColumnsType<TicketSummary> = [
    { title: '受理编号', dataIndex: 'ticketNo', width: 140, render: (no: string, t) => <Link to={`/property/tickets/${t.id}`}>{no}</Link> },
    { title: '类型', dataIndex: 'kind', width: 80, render: (k: TicketKind, t) => `${TICKET_KIND_LABELS[k]}·${t.categoryLabel}` },
    { title: '小区', dataIndex: 'communityName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '处理单位', dataIndex: 'orgName', ellipsis: true, render: (v: string | null, t) => t.assigneeName ?? v ?? '—' },
    {
      title: '办理期限',
      dataIndex: 'dueDate',
      width: 150,
      render: (d: string) => {
        const left = daysBetween(today, d);
        return (
          <Space size={4}>
            {d}
            <Tag color={left === 0 ? 'orange' : 'gold'}>{left === 0 ? '今天到期' : `${left}天后`}</Tag>
          </Space>
        );
      },
    },
    { title: '状态', dataIndex: 'statusLabel', width: 90 },
  ];
  const patrolColumns: TableColumnsType<PatrolTaskView> = [
    { title: '巡查任务', dataIndex: 'title', ellipsis: true },
    { title: '小区', dataIndex: 'communityName', ellipsis: true },
    { title: '物业服务企业', dataIndex: 'orgName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '巡查人员', dataIndex: 'assigneeName', width: 110, render: (v: string | null) => v ?? '未指定' },
    { title: '完成期限', dataIndex: 'dueDate', width: 105 },
    { title: '超期天数', key: 'late', width: 90, align: 'right', render: (_, t) => <Typography.Text type="danger">{daysBetween(t.dueDate, today)} 天</Typography.Text> },
    { title: '发现问题', key: 'issues', width: 100, align: 'right', render: (_, t) => `${t.issues}（未办结 ${t.openIssues}）` },
  ];

  const totals = m?.totals;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          监测预警
        </Typography.Title>
        {m && (
          <Typography.Text type="secondary">
            统计时间 {formatShanghai(m.asOf, false)}
          </Typography.Text>
        )}
      </Space>
      <Card>
        <FilterForm<FilterValues>
          name="monitorFilters"
          onFinish={search}
          onReset={() => setFilters({})}
          extra={
            <>
              <Form.Item>
                <Button icon={<ReloadOutlined />} onClick={monitor.reload} loading={monitor.loading}>
                  刷新
                </Button>
              </Form.Item>
              <Form.Item>
                <Dropdown
                  disabled={!m}
                  menu={{
                    items: [
                      { key: 'overdue', label: '超期工单清单' },
                      { key: 'byOrg', label: '按物业服务企业统计' },
                      { key: 'byCommunity', label: '按小区统计' },
                      { key: 'trend', label: '趋势' },
                    ],
                    onClick: ({ key }) => void exportSheet(key as 'overdue' | 'byOrg' | 'byCommunity' | 'trend'),
                  }}
                >
                  <Button icon={<DownloadOutlined />} loading={exporting}>
                    导出Excel
                  </Button>
                </Dropdown>
              </Form.Item>
            </>
          }
        >
          <Form.Item label="类型" name="kind">
            <Select placeholder="全部" allowClear options={KIND_OPTIONS} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label="上报日期" name="range">
            <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
          </Form.Item>
          {!perms.isPropertyCompany && (
            <Form.Item label="物业服务企业" name="orgId">
              <OrgSelect kind="property_company" placeholder="全部企业" style={{ width: 220 }} />
            </Form.Item>
          )}
          <Form.Item label="小区" name="communityId">
            <CommunitySelect style={{ width: 200 }} />
          </Form.Item>
        </FilterForm>
      </Card>
      <ErrorAlert error={monitor.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card loading={monitor.loading && !m} className="pm-rate-card">
            <Statistic title="按时办结率" value={formatRate(totals?.onTimeRate)} styles={{ content: { fontSize: 36 } }} />
            {totals && (
              <div className="pm-rate-formula" aria-label="按时办结率计算">
                按时办结 <b>{totals.closedOnTime}</b> ÷（已办结 <b>{totals.closed}</b> + 超期未办结 <b>{totals.openOverdue}</b>）
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              未到期的在办工单不计入；办结日期不晚于办理期限（按工作日计算）为按时。
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card loading={monitor.loading && !m}>
            <Statistic title="在办工单" value={totals?.open ?? 0} suffix="件" />
          </Card>
        </Col>
        <Col xs={12} lg={5}>
          <Card loading={monitor.loading && !m}>
            <Statistic title="超期未办结" value={totals?.openOverdue ?? 0} suffix="件" styles={{ content: { color: totals?.openOverdue ? '#cf1322' : undefined } }} />
            {totals && (
              <Space size={4} wrap>
                {(['1', '2', '3'] as const).map((l) => (
                  <Tag key={l} color={escalationColour(Number(l))}>
                    {ESCALATION_LABELS[Number(l) as 1 | 2 | 3]} {totals.escalated[l] ?? 0}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={12} lg={5}>
          <Card loading={monitor.loading && !m}>
            <Statistic title="临期提醒" value={totals?.dueSoon ?? 0} suffix="件" styles={{ content: { color: totals?.dueSoon ? '#d46b08' : undefined } }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              办理期限前1个工作日起提醒{totals?.avgRating != null ? `；满意度 ${totals.avgRating.toFixed(1)} 星` : ''}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card
        title="超期工单与升级督办"
        extra={<Typography.Text type="secondary">超期后依次升级：物业项目经理 → 街道/社区（再过2个工作日）→ 主管部门（再过4个工作日）</Typography.Text>}
      >
        <Table<TicketSummary>
          rowKey="id"
          size="small"
          loading={monitor.loading}
          dataSource={m?.overdue ?? []}
          columns={overdueColumns}
          pagination={(m?.overdue.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
          rowClassName={(t) => (t.escalationLevel >= 3 ? 'pm-row-overdue' : '')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有超期未办结的工单" /> }}
        />
        {(m?.overdue.length ?? 0) >= 100 && <Typography.Text type="secondary">仅显示最早到期的100件，完整清单请导出。</Typography.Text>}
      </Card>
      <Card title={`即将到期（已到预警日，共 ${dueSoon.data?.total ?? 0} 件）`}>
        <ErrorAlert error={dueSoon.error} />
        <Table<TicketSummary>
          rowKey="id"
          size="small"
          loading={dueSoon.loading}
          dataSource={soon}
          columns={soonColumns}
          pagination={soon.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有即将到期的工单" /> }}
        />
        {(dueSoon.data?.total ?? 0) > soon.length && <Typography.Text type="secondary">仅显示最早到期的{soon.length}件，完整清单请在「报修投诉工单」中按「即将到期（已预警）」查询或导出。</Typography.Text>}
      </Card>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card title="按物业服务企业">
            <Table<OrgRow>
              rowKey={(r) => String(r.orgId)}
              size="small"
              loading={monitor.loading}
              dataSource={m?.byOrg ?? []}
              columns={orgColumns}
              scroll={{ x: 720 }}
              pagination={(m?.byOrg.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有工单" /> }}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card title="按小区">
            <Table<CommunityRow>
              rowKey={(r) => String(r.communityId)}
              size="small"
              loading={monitor.loading}
              dataSource={m?.byCommunity ?? []}
              columns={communityColumns}
              scroll={{ x: 860 }}
              pagination={(m?.byCommunity.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有工单" /> }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title="趋势"
        extra={
          <Segmented
            aria-label="统计周期"
            value={granularity}
            onChange={(v) => setGranularity(v as 'week' | 'month')}
            options={[
              { value: 'month', label: '按月' },
              { value: 'week', label: '按周' },
            ]}
          />
        }
      >
        {m ? <TrendChart rows={m.trend} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={monitor.loading ? '正在加载…' : '暂无数据'} />}
      </Card>
      <Card title="超期巡查任务">
        <Table<PatrolTaskView>
          rowKey="id"
          size="small"
          loading={monitor.loading}
          dataSource={m?.overduePatrolTasks ?? []}
          columns={patrolColumns}
          pagination={(m?.overduePatrolTasks.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有超期的巡查任务" /> }}
        />
      </Card>
    </Space>
  );
}
