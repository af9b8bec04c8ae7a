// 统计: permits, rooms and area by period, kind, status and use, with totals.
import { useState } from 'react';
import { Card, DatePicker, Empty, Segmented, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatArea } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { permitsApi, type PermitKind, type PermitStatsRow, type StatsPeriod } from './api';
import { KIND_OPTIONS, PERIOD_OPTIONS, PERMIT_KIND_LABELS, permitStatusLabel } from './dictionary';

export function PermitStatsCard() {
  const [period, setPeriod] = useState<StatsPeriod>('year');
  const [kind, setKind] = useState<PermitKind | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const stats = useResource((signal) => permitsApi.stats({ period, kind, from, to }, signal), [period, kind, from, to]);
  const rows = stats.data ?? [];
  const total = rows.reduce((t, r) => ({ rooms: t.rooms + r.rooms, area: t.area + r.area }), { rooms: 0, area: 0 });

  return (
    <Card
      title="统计"
      extra={
        <Space wrap>
          <Segmented aria-label="统计期间" value={period} onChange={(v) => setPeriod(v as StatsPeriod)} options={PERIOD_OPTIONS} />
          <Select aria-label="统计类别" placeholder="全部类别" allowClear value={kind} onChange={setKind} options={KIND_OPTIONS} style={{ width: 150 }} />
          <DatePicker.RangePicker aria-label="发证日期范围" value={range} onChange={(v) => setRange(v)} placeholder={['发证日期起', '发证日期止']} />
        </Space>
      }
    >
      <ErrorAlert error={stats.error} />
      <Table<PermitStatsRow>
        rowKey={(r) => `${r.period}|${r.kind}|${r.status}|${r.use}`}
        size="small"
        loading={stats.loading}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该范围内没有许可" /> }}
        columns={[
          { title: '期间', dataIndex: 'period', width: 110 },
          { title: '类别', dataIndex: 'kind', width: 150, render: (k: PermitKind) => PERMIT_KIND_LABELS[k] ?? k },
          { title: '状态', dataIndex: 'status', width: 90, render: permitStatusLabel },
          { title: '用途', dataIndex: 'use', width: 90 },
          { title: '证数', dataIndex: 'permits', width: 80, align: 'right' },
          { title: '套数', dataIndex: 'rooms', width: 90, align: 'right' },
          { title: '建筑面积', dataIndex: 'area', align: 'right', render: formatArea },
        ]}
        summary={() =>
          rows.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {/* A permit covering several uses is in one row per use: its count does not add up. */}
                —
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Typography.Text strong>{total.rooms}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Typography.Text strong>{formatArea(total.area)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        套数、面积为许可范围内的房屋；同一许可证涉及多种用途时，按用途分行计数。
      </Typography.Text>
    </Card>
  );
}
