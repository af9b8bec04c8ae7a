// Contracts of the outbox API for operators (API-only for now; move to common/ when the admin
// web gets its outbox page).
import { z, pageQuery } from '@hq/common';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from './models';

export const OUTBOX_STATUS_LABELS: Record<(typeof OUTBOX_STATUSES)[number], string> = {
  pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败', dead: '无法送达',
};
export const OUTBOX_CHANNEL_LABELS: Record<(typeof OUTBOX_CHANNELS)[number], string> = {
  wechat_subscribe: '微信订阅消息', sms: '短信',
};

export const outboxQuery = pageQuery.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: z.enum(OUTBOX_CHANNELS).optional(),
  userId: z.coerce.number().int().positive().optional(),
});

export const outboxRow = z.object({
  id: z.number().int(),
  noticeId: z.string(),
  channel: z.enum(OUTBOX_CHANNELS),
  channelLabel: z.string(),
  userId: z.number().int(),
  /** Masked: 张* */
  recipientName: z.string(),
  /** Masked phone (138****1234) or openid. */
  recipient: z.string(),
  template: z.string(),
  templateLabel: z.string(),
  /** What the person is shown (SMS text, or the subscribe message's values). */
  content: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  statusLabel: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxRow = z.infer<typeof outboxRow>;
