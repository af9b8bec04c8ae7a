// 办理记录: every action with who took it, in which role and step, their opinion and when; the
// step now waiting comes last with its deadline.
import { Card, Empty, Tag, Timeline, Typography, type TimelineProps } from 'antd';
import { ROLE_LABELS, formatShanghai, type ApplicationDetail, type Role, type WorkflowAction } from '@hq/common';

const COLOURS: Partial<Record<WorkflowAction, string>> = { approve: 'green', return: 'orange', reject: 'red', withdraw: 'gray', submit: 'blue', resubmit: 'blue' };

const roleLabel = (r: string | null) => (r ? ROLE_LABELS[r as Role] ?? r : null);

export function HistoryTimeline({ detail }: { detail: ApplicationDetail }) {
  const items: NonNullable<TimelineProps['items']> = detail.actions.map((a) => ({
    key: a.seq,
    color: COLOURS[a.action] ?? 'blue',
    content: (
      <div className="app-history-item">
        <div>
          <Typography.Text strong>{a.actionLabel}</Typography.Text>
          {a.stepLabel && <Tag style={{ marginInlineStart: 8 }}>{a.stepLabel}</Tag>}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatShanghai(a.at)}｜第 {a.versionNo} 版
        </Typography.Text>
        <div>
          {a.actorName ?? '系统'}
          {roleLabel(a.actorRole) && <Typography.Text type="secondary">（{roleLabel(a.actorRole)}）</Typography.Text>}
        </div>
        {a.opinion && <blockquote className="app-opinion">{a.opinion}</blockquote>}
      </div>
    ),
  }));
  if (detail.status === 'submitted' || detail.status === 'in_review') {
    items.push({
      key: 'waiting',
      loading: true,
      content: (
        <div>
          <div>
            待「{detail.stepLabel}」审核
            {detail.overdue && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                逾期
              </Tag>
            )}
          </div>
          {detail.deadlineAt && (
            <Typography.Text type={detail.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              办理时限 {formatShanghai(detail.deadlineAt, false).slice(0, 10)}
            </Typography.Text>
          )}
        </div>
      ),
    });
  }
  return (
    <Card title="办理记录">
      {items.length ? <Timeline items={items} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交，暂无办理记录" />}
    </Card>
  );
}
