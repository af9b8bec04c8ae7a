// Sends what the outbox holds. Each run claims a small batch of due rows (pending, next attempt
// reached) by a conditional update — `status='sending', claimed_by=<run>` only where the row is
// still pending — so two runs, in one process or several, never send the same row: on
// MySQL/MariaDB the candidates are read with FOR UPDATE SKIP LOCKED so runs take different rows;
// on SQLite the claim runs through the db.tx queue. Sending happens outside any transaction.
// Outcomes: sent (with the provider's id); a failure that may pass (5xx, timeouts, 429, our
// credentials) waits 1 min, 5 min, 30 min, 2 h and then stays `failed` for an operator; one
// that never will (not a mobile number, bad data) is `dead`; WeChat's 43101 (the person did not
// accept the template) is `dead` and the notice goes by SMS instead when they have a phone.
// A run that died while sending leaves rows `sending`; they are released after CLAIM_TIMEOUT_MS
// (the SMS gateway's outId keeps such a resend from reaching the phone twice).
import crypto from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import type { Deps } from '../deps';
import { User } from '../models';
import { decrypt } from '../crypto';
import { OutboxMessage } from './models';
import { channelKey } from './outbox';
import { isTemplateKey, normaliseData, renderSmsNotice, renderWechatNotice, type TemplateOverrides } from './templates';
import { SmsError } from '../../integrations/sms/client';
import { WechatSubscribeError } from '../../integrations/wechat/subscribe';

/** Waits after the 1st, 2nd, 3rd and 4th failed attempt; after the 5th the row is `failed`. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000] as const;
export const CLAIM_TIMEOUT_MS = 10 * 60_000;
const BATCH_SIZE = 20;
const MAX_BATCHES_PER_RUN = 10;

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
  dead: number;
  /** SMS queued because WeChat refused (43101). */
  fallbacks: number;
}

type Outcome =
  | { kind: 'sent'; providerId: string }
  | { kind: 'retry' | 'dead'; code: string; message: string }
  | { kind: 'refused'; code: string; message: string };

export async function dispatchOnce(deps: Deps, opts: { batchSize?: number } = {}): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0, dead: 0, fallbacks: 0 };
  const size = opts.batchSize ?? BATCH_SIZE;
  await releaseStaleClaims(deps);
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const { token, rows } = await claim(deps, size);
    const fallbacksBefore = result.fallbacks;
    for (const row of rows) await settle(deps, token, row, await deliver(deps, row), result);
    // A short batch means nothing else is due — unless a fallback SMS was just queued.
    if (rows.length < size && result.fallbacks === fallbacksBefore) break;
  }
  return result;
}

/** Runs dispatchOnce every `intervalMs` (never two at once); the returned function stops it. */
export function startDispatcher(deps: Deps, opts: { intervalMs: number }): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = dispatchOnce(deps)
      .then((r) => {
        if (r.sent || r.retrying || r.failed || r.dead) deps.logger.info({ outbox: r }, 'outbox dispatched');
      })
      .catch((err) => deps.logger.error({ err }, 'outbox dispatch run failed'))
      .finally(() => {
        running = null;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, opts.intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

async function releaseStaleClaims(deps: Deps): Promise<void> {
  const before = new Date(Date.now() - CLAIM_TIMEOUT_MS);
  await deps.db.tx((t) => OutboxMessage.update(
    { status: 'pending', claimed_by: null, claimed_at: null },
    { where: { status: 'sending', claimed_at: { [Op.lt]: before } }, transaction: t },
  ));
}

async function claim(deps: Deps, size: number): Promise<{ token: string; rows: OutboxMessage[] }> {
  const token = crypto.randomUUID();
  const now = new Date();
  const claimed = await deps.db.tx(async (t) => {
    const due = await OutboxMessage.findAll({
      attributes: ['id'],
      where: { status: 'pending', next_attempt_at: { [Op.lte]: now } },
      order: [['next_attempt_at', 'ASC'], ['id', 'ASC']],
      limit: size,
      transaction: t,
      ...(deps.db.dialect === 'sqlite' ? {} : { lock: t.LOCK.UPDATE, skipLocked: true }),
    });
    if (!due.length) return 0;
    const [n] = await OutboxMessage.update(
      { status: 'sending', claimed_by: token, claimed_at: now },
      { where: { id: due.map((d) => d.id), status: 'pending' }, transaction: t },
    );
    return n;
  });
  const rows = claimed ? await OutboxMessage.findAll({ where: { claimed_by: token, status: 'sending' }, order: [['id', 'ASC']] }) : [];
  return { token, rows };
}

export function templateOverrides(deps: Deps): TemplateOverrides {
  const c = deps.config;
  return { smsSignName: c.SMS_SIGN_NAME, smsTemplateCodes: c.SMS_TEMPLATE_CODES, wechatSubscribeTemplates: c.WECHAT_SUBSCRIBE_TEMPLATES };
}

async function deliver(deps: Deps, row: OutboxMessage): Promise<Outcome> {
  try {
    if (!isTemplateKey(row.template)) return { kind: 'dead', code: 'TEMPLATE_UNKNOWN', message: `未知的消息模板 ${row.template}` };
    const data = normaliseData(row.template, JSON.parse(row.payload));
    const user = await User.findByPk(row.user_id, { attributes: ['id', 'status', 'wechat_openid', 'phone_enc'] });
    if (!user || user.status !== 'active') return { kind: 'dead', code: 'USER_INACTIVE', message: '用户不存在或已停用' };
    if (row.channel === 'wechat_subscribe') {
      if (!user.wechat_openid) return { kind: 'refused', code: 'NO_OPENID', message: '用户未绑定微信' };
      const m = renderWechatNotice(row.template, data, templateOverrides(deps));
      const { msgid } = await deps.wechatSubscribe.send({ touser: user.wechat_openid, templateId: m.templateId, page: m.page, data: m.data });
      return { kind: 'sent', providerId: msgid };
    }
    if (!user.phone_enc) return { kind: 'dead', code: 'NO_PHONE', message: '用户未登记手机号码' };
    const phone = decrypt(deps.config.dataKey, user.phone_enc);
    const m = renderSmsNotice(row.template, data, templateOverrides(deps));
    const { messageId } = await deps.sms.send({ phone, templateCode: m.templateCode, params: m.params, outId: `hq-outbox-${row.id}` });
    return { kind: 'sent', providerId: messageId };
  } catch (e) {
    if (e instanceof WechatSubscribeError) {
      return { kind: e.refused ? 'refused' : e.retryable ? 'retry' : 'dead', code: e.code, message: e.message };
    }
    if (e instanceof SmsError) return { kind: e.retryable ? 'retry' : 'dead', code: e.code, message: e.message };
    // Our own fault (database, a bug): keep the message and try again later.
    deps.logger.error({ err: e, outboxId: row.id }, 'outbox delivery failed unexpectedly');
    return { kind: 'retry', code: 'INTERNAL', message: '发送时发生内部错误' };
  }
}

async function settle(deps: Deps, token: string, row: OutboxMessage, outcome: Outcome, result: DispatchResult): Promise<void> {
  const now = new Date();
  const attempts = row.attempts + 1;
  const mine = { id: row.id, claimed_by: token, status: 'sending' as const };
  const released = { claimed_by: null, claimed_at: null, attempts };
  await deps.db.tx(async (t) => {
    if (outcome.kind === 'sent') {
      await OutboxMessage.update({ ...released, status: 'sent', provider_message_id: outcome.providerId.slice(0, 64), sent_at: now }, { where: mine, transaction: t });
      result.sent++;
      return;
    }
    const lastError = `${outcome.code}: ${outcome.message}`.slice(0, 500);
    deps.logger.warn({ outboxId: row.id, channel: row.channel, attempts, code: outcome.code }, 'outbox message not delivered');
    if (outcome.kind === 'retry') {
      const delay = RETRY_DELAYS_MS[attempts - 1];
      if (delay === undefined) {
        await OutboxMessage.update({ ...released, status: 'failed', last_error: lastError }, { where: mine, transaction: t });
        result.failed++;
      } else {
        await OutboxMessage.update(
          { ...released, status: 'pending', last_error: lastError, next_attempt_at: new Date(now.getTime() + delay) }, { where: mine, transaction: t },
        );
        result.retrying++;
      }
      return;
    }
    await OutboxMessage.update({ ...released, status: 'dead', last_error: lastError }, { where: mine, transaction: t });
    result.dead++;
    if (outcome.kind === 'refused' && (await queueSmsFallback(t, row, now))) result.fallbacks++;
  });
}

/** The same notice by SMS, unless it already has an SMS or the person has no phone. */
async function queueSmsFallback(t: Transaction, row: OutboxMessage, now: Date): Promise<boolean> {
  const user = await User.findByPk(row.user_id, { attributes: ['id', 'phone_enc'], transaction: t });
  if (!user?.phone_enc) return false;
  if (await OutboxMessage.count({ where: { notice_id: row.notice_id, channel: 'sms' }, transaction: t })) return false;
  const base = row.dedupe_key?.replace(/:wechat_subscribe$/, '');
  await OutboxMessage.create({
    notice_id: row.notice_id, channel: 'sms', user_id: row.user_id, template: row.template, payload: row.payload,
    dedupe_key: base ? channelKey(base, 'sms') : null, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now,
  }, { transaction: t });
  return true;
}
