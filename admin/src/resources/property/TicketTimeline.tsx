// 办理记录: every step with who took it, in which role, the status it led to, the note, and
// when; the open ticket's deadline comes last.
import { Card, Empty, Tag, Timeline, Typography, type TimelineProps } from 'antd';
import { ROLE_LABELS, formatShanghai, isTicketOpen, type Role, type TicketDetail } from '@hq/common';
import { TICKET_STATUS_LABELS } from './dictionary';

const COLOURS: Record<string, string> = {
  create: 'blue', accept: 'blue', dispatch: 'blue', start: 'blue', resolve: 'green', close: 'gray', rate: 'green',
  not_responsible: 'purple', duplicate: 'gray', reopen: 'orange', withdraw: 'gray', warn: 'orange', escalate: 'red',
};
const roleLabel = (r: string | null) => (r ? ROLE_LABELS[r as Role] ?? r : null);

export function TicketTimeline({ detail }: { detail: TicketDetail }) {
  const items: NonNullable<TimelineProps['items']> = detail.events.map((e) => ({
    key: e.seq,
    color: COLOURS[e.action] ?? 'blue',
    content: (
      <div className="pm-event">
        <div>
          <Typography.Text strong>{e.actionLabel}</Typography.Text>
          {e.fromStatus !== e.toStatus && <Tag style={{ marginInlineStart: 8 }}>{TICKET_STATUS_LABELS[e.toStatus]}</Tag>}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatShanghai(e.at)}
        </Typography.Text>
        <div>
          {e.actorName}
          {roleLabel(e.actorRole) && <Typography.Text type="secondary">（{roleLabel(e.actorRole)}）</Typography.Text>}
        </div>
        {e.note && <blockquote className="pm-note">{e.note}</blockquote>}
      </div>
    ),
  }));
  if (isTicketOpen(detail.status)) {
    items.push({
      key: 'waiting',
      loading: true,
      content: (
        <div>
          <div>
            待{detail.assigneeName ? `「${detail.assigneeName}」` : '处理单位'}办理
            {detail.overdue && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                超期
              </Tag>
            )}
          </div>
          <Typography.Text type={detail.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            办理期限 {detail.dueDate}（{detail.warnDate} 起临期提醒）
          </Typography.Text>
        </div>
      ),
    });
  }
  return (
    <Card title="办理记录">
      {items.length ? <Timeline items={items} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />}
    </Card>
  );
}
