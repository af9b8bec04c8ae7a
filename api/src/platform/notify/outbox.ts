// Queueing a notice for a person's phone. The caller writes it inside its own transaction, so
// a notice exists exactly when the change it announces committed; the dispatcher sends it
// afterwards. A notice becomes one row per channel the person can be reached on: a WeChat
// subscribe message when they have used the mini-program (wechat_openid), an SMS when we have
// their mobile number. The number stays encrypted in users; the outbox holds only our template
// key and the template's data.
import crypto from 'node:crypto';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import { User } from '../models';
import { OutboxMessage, type OutboxChannel } from './models';
import { isTemplateKey, normaliseData, type TemplateData, type TemplateKey } from './templates';

export interface EnqueueMessage<K extends TemplateKey = TemplateKey> {
  userId: number;
  template: K;
  data: TemplateData[K];
  /**
   * The same key is queued once (per channel), however often the caller runs, e.g.
   * `application:42:approved:v3`. At most 140 characters.
   */
  dedupeKey?: string;
  /**
   * 'all' (default): every channel the person has. 'wechat_first': the subscribe message only,
   * and an SMS when they have no openid or WeChat says they did not accept the template (43101).
   */
  channels?: 'all' | 'wechat_first';
}

export interface QueuedMessage {
  id: number;
  channel: OutboxChannel;
  noticeId: string;
}

/**
 * Queues a notice for one person inside the caller's transaction `t` (roll it back and nothing
 * is queued). Returns the rows queued — none for a person who cannot be reached or is
 * disabled; the existing rows when `dedupeKey` was queued before.
 */
export async function enqueueMessage<K extends TemplateKey>(t: Transaction, msg: EnqueueMessage<K>): Promise<QueuedMessage[]> {
  if (!isTemplateKey(msg.template)) throw new Error(`unknown notice template ${String(msg.template)}`);
  if (msg.dedupeKey !== undefined && !/^[\w.:#/-]{1,140}$/.test(msg.dedupeKey)) throw new Error(`bad dedupeKey ${msg.dedupeKey}`);
  const now = new Date();
  const data = normaliseData(msg.template, msg.data, now);
  const user = await User.findByPk(msg.userId, { attributes: ['id', 'status', 'wechat_openid', 'phone_enc'], transaction: t });
  if (!user || user.status !== 'active') return [];

  const channels: OutboxChannel[] = [];
  if (user.wechat_openid) channels.push('wechat_subscribe');
  if (user.phone_enc && !(msg.channels === 'wechat_first' && user.wechat_openid)) channels.push('sms');
  const noticeId = crypto.randomUUID();
  const queued: QueuedMessage[] = [];
  for (const channel of channels) {
    const dedupeKey = msg.dedupeKey ? channelKey(msg.dedupeKey, channel) : null;
    if (dedupeKey) {
      const existing = await OutboxMessage.findOne({ where: { dedupe_key: dedupeKey }, attributes: ['id', 'channel', 'notice_id'], transaction: t });
      if (existing) {
        queued.push({ id: existing.id, channel: existing.channel, noticeId: existing.notice_id });
        continue;
      }
    }
    try {
      const row = await OutboxMessage.create({
        notice_id: noticeId, channel, user_id: user.id, template: msg.template, payload: JSON.stringify(data), dedupe_key: dedupeKey,
        status: 'pending', attempts: 0, next_attempt_at: now, created_at: now,
      }, { transaction: t });
      queued.push({ id: row.id, channel, noticeId });
    } catch (e) {
      // Another transaction queued the same key meanwhile (MySQL waited for it to commit).
      if (!(e instanceof UniqueConstraintError) || !dedupeKey) throw e;
      const existing = await OutboxMessage.findOne({ where: { dedupe_key: dedupeKey }, transaction: t });
      if (existing) queued.push({ id: existing.id, channel: existing.channel, noticeId: existing.notice_id });
    }
  }
  return queued;
}

/** The stored dedupe key of one channel's row: the caller's key + ':' + channel. */
export function channelKey(dedupeKey: string, channel: OutboxChannel): string {
  return `${dedupeKey}:${channel}`;
}
