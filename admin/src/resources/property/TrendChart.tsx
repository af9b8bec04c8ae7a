// The trend by week or month as plain bars (no chart library): per period the tickets reported,
// of them those closed on time, and the on-time rate above. A table of the same figures follows.
import { Empty, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { MonitorResponse } from './api';
import { formatRate } from './dictionary';

type TrendRow = MonitorResponse['trend'][number];

export function TrendChart({ rows }: { rows: TrendRow[] }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const max = Math.max(1, ...rows.map((r) => r.created));
  const empty = rows.every((r) => r.created === 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented
        aria-label="趋势显示方式"
        value={view}
        onChange={(v) => setView(v as 'chart' | 'table')}
        options={[
          { value: 'chart', label: '柱状图' },
          { value: 'table', label: '表格' },
        ]}
      />
      {view === 'chart' ? (
        empty ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该期间没有工单" />
        ) : (
          <>
            <div className="pm-trend" role="img" aria-label="工单趋势柱状图">
              {rows.map((r) => (
                <Tooltip
                  key={r.period}
                  title={`${r.period}：上报 ${r.created}，已办结 ${r.closed}（按时 ${r.closedOnTime}），超期未办结 ${r.openOverdue}，按时办结率 ${formatRate(r.onTimeRate)}`}
                >
                  <div className="pm-trend-col">
                    <span className="pm-trend-rate">{formatRate(r.onTimeRate)}</span>
                    <div className="pm-trend-bar" style={{ height: `${(r.created / max) * 100}%` }}>
                      <div className="pm-trend-ontime" style={{ height: r.created ? `${(r.closedOnTime / r.created) * 100}%` : 0 }} />
                    </div>
                    <span className="pm-trend-label">{r.period}</span>
                  </div>
                </Tooltip>
              ))}
            </div>
            <Space size="large">
              <span>
                <span className="pm-legend pm-legend-created" /> 上报
              </span>
              <span>
                <span className="pm-legend pm-legend-ontime" /> 其中按时办结
              </span>
              <Typography.Text type="secondary">柱顶数字为按时办结率</Typography.Text>
            </Space>
          </>
        )
      ) : (
        <Table<TrendRow>
          rowKey="period"
          size="small"
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该期间没有工单" /> }}
          columns={[
            { title: '期间', dataIndex: 'period' },
            { title: '上报', dataIndex: 'created', align: 'right' },
            { title: '已办结', dataIndex: 'closed', align: 'right' },
            { title: '按时办结', dataIndex: 'closedOnTime', align: 'right' },
            { title: '超期未办结', dataIndex: 'openOverdue', align: 'right' },
            { title: '按时办结率', dataIndex: 'onTimeRate', align: 'right', render: formatRate },
          ]}
        />
      )}
    </Space>
  );
}
