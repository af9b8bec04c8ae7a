// The outbox for operators (NF-004/NF-005: are notices going out, and what failed): the system
// and audit administrators list it; the system administrator sends a failed message again.
// Phone numbers, names and openids leave the server masked.
import { idParam, maskName, maskPhone, pageOf, UNMASKED_PATTERNS, type z } from '@hq/common';
import type { Transaction, WhereOptions } from 'sequelize';
import { route } from '../http/route';
import { actorOf } from '../http/actor';
import { errors } from '../errors';
import { appendAudit, type AuditActor } from '../audit/audit';
import { decrypt } from '../crypto';
import { User } from '../models';
import type { Deps } from '../deps';
import { OutboxMessage, type OutboxStatus } from './models';
import { OUTBOX_CHANNEL_LABELS, OUTBOX_STATUS_LABELS, outboxQuery, outboxRow, type OutboxRow } from './schema';
import { isTemplateKey, normaliseData, renderSmsNotice, renderWechatNotice, templateLabel } from './templates';
import { templateOverrides } from './dispatcher';

const requirements = ['NF-004', 'NF-005', 'PM-025'];
const tags = ['notify'];

export const outboxRoutes = [
  route({
    method: 'get', path: '/api/outbox', summary: '消息发送队列（短信、微信订阅消息）：按状态、渠道查询', tags, requirements,
    access: ['sys_admin', 'audit_admin'], query: outboxQuery, response: pageOf(outboxRow),
    handler: (ctx, { query }) => listOutbox(ctx.deps, query),
  }),
  route({
    method: 'post', path: '/api/outbox/:id/retry', summary: '重新发送一条失败或无法送达的消息（系统管理员；留痕）', tags, requirements,
    access: ['sys_admin'], params: idParam, response: outboxRow,
    handler: async (ctx, { params }) => {
      const row = await ctx.deps.db.tx((t) => retryMessage(t, params.id, actorOf(ctx)));
      return (await present(ctx.deps, [row]))[0];
    },
  }),
];

export async function listOutbox(deps: Deps, q: z.infer<typeof outboxQuery>) {
  const where: Record<string, unknown> = {};
  if (q.status) where.status = q.status;
  if (q.channel) where.channel = q.channel;
  if (q.userId) where.user_id = q.userId;
  const { rows, count } = await OutboxMessage.findAndCountAll({
    where: where as WhereOptions<OutboxMessage>, order: [['id', 'DESC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: await present(deps, rows), total: count, page: q.page, pageSize: q.pageSize };
}

export async function retryMessage(t: Transaction, id: number, actor: AuditActor): Promise<OutboxMessage> {
  const row = await OutboxMessage.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!row) throw errors.notFound('OUTBOX_MESSAGE_NOT_FOUND', '消息不存在');
  if (row.status === 'sent' || row.status === 'sending') {
    throw errors.conflict('OUTBOX_NOT_RETRYABLE', `该消息${OUTBOX_STATUS_LABELS[row.status as OutboxStatus]}，不能重新发送`);
  }
  const from = row.status;
  // A fresh schedule of retries; last_error keeps what went wrong until the next attempt.
  await row.update({ status: 'pending', attempts: 0, next_attempt_at: new Date(), claimed_by: null, claimed_at: null }, { transaction: t });
  await appendAudit(t, actor, {
    action: 'outbox.retry', objectType: 'outbox_message', objectId: row.id,
    detail: { channel: row.channel, template: row.template, from, lastError: row.last_error },
  });
  return row;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const scrub = (s: string | null) => s?.replace(new RegExp(UNMASKED_PATTERNS.mobile.source, 'g'), (m) => maskPhone(m)) ?? null;

async function present(deps: Deps, rows: OutboxMessage[]): Promise<OutboxRow[]> {
  const users = new Map((await User.findAll({
    where: { id: [...new Set(rows.map((r) => r.user_id))] }, attributes: ['id', 'display_name', 'wechat_openid', 'phone_enc'],
  })).map((u) => [u.id, u]));
  const overrides = templateOverrides(deps);
  return rows.map((r) => {
    const u = users.get(r.user_id);
    let recipient = '';
    if (r.channel === 'sms' && u?.phone_enc) recipient = maskPhone(safeDecrypt(deps, u.phone_enc));
    if (r.channel === 'wechat_subscribe' && u?.wechat_openid) recipient = `${u.wechat_openid.slice(0, 6)}****`;
    return {
      id: r.id, noticeId: r.notice_id, channel: r.channel, channelLabel: OUTBOX_CHANNEL_LABELS[r.channel], userId: r.user_id,
      recipientName: maskName(u?.display_name), recipient, template: r.template, templateLabel: templateLabel(r.template),
      content: scrub(contentOf(r, overrides)) ?? '', status: r.status, statusLabel: OUTBOX_STATUS_LABELS[r.status as OutboxStatus], attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null, lastError: scrub(r.last_error), providerMessageId: r.provider_message_id,
      createdAt: iso(r.created_at)!, sentAt: iso(r.sent_at),
    };
  });
}

function contentOf(r: OutboxMessage, overrides: ReturnType<typeof templateOverrides>): string {
  if (!isTemplateKey(r.template)) return '';
  try {
    const data = normaliseData(r.template, JSON.parse(r.payload));
    if (r.channel === 'sms') return renderSmsNotice(r.template, data, overrides).text;
    return Object.values(renderWechatNotice(r.template, data, overrides).data).map((f) => f.value).join('｜');
  } catch {
    return '';
  }
}

function safeDecrypt(deps: Deps, sealed: string): string {
  try {
    return decrypt(deps.config.dataKey, sealed);
  } catch {
    return '';
  }
}
