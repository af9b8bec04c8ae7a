// Local stand-in for the SMS gateway, speaking ./protocol.ts: it checks the app id, the
// HMAC-SHA256 signature over the raw body, the ±300 s timestamp window and single-use nonces
// (401 with a code otherwise), validates the number, the signature name (签名) and the template
// parameters against the templates registered with it, limits messages per number (429), keeps
// sends idempotent by outId and puts what a phone would show into an inbox tests can read.
// Tests can make the next N calls fail with 503 (or 429) before the gateway looks at them.
import crypto from 'node:crypto';
import { z } from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import type { AppContext } from '../../platform/http/types';
import { timingSafeEqualStr } from '../../platform/crypto';
import {
  MAINLAND_MOBILE, SMS_PARAM_MAX_CHARS, SMS_SIGN_METHOD, SMS_TIMESTAMP_WINDOW_S, renderSms, smsSegments, smsSignature,
  type SmsReply,
} from './protocol';

interface Reply {
  status: number;
  body: SmsReply;
}

export interface DeliveredSms {
  messageId: string;
  phone: string;
  text: string;
  templateCode: string;
  params: Record<string, string>;
  outId: string;
  at: string;
}

export interface SmsSimulatorOptions {
  appId: string;
  secret: string;
  signName: string;
  /** Template code → text with ${name} placeholders, as registered with the gateway. */
  templates: Record<string, string>;
  perPhonePerMinute?: number;
}

const sendBody = z.object({
  phoneNumber: z.string().max(20),
  signName: z.string().max(20),
  templateCode: z.string().max(40),
  templateParams: z.record(z.string(), z.string()),
  outId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
});

const OUT_ID_TTL_MS = 24 * 3600_000;

export class SmsSimulator {
  private readonly nonces = new Map<string, number>();
  private readonly byOutId = new Map<string, { messageId: string; at: number }>();
  private readonly recent = new Map<string, number[]>();
  private failures = { remaining: 0, status: 503 };
  /** Every SMS the gateway accepted, oldest first. */
  readonly inbox: DeliveredSms[] = [];
  /** Calls that reached the simulator, failed or not. */
  calls = 0;

  constructor(private readonly opts: SmsSimulatorOptions) {}

  failNext(count: number, status = 503): void {
    this.failures = { remaining: count, status };
  }

  handle(req: { method: string; url: string; headers: Record<string, string | undefined>; rawBody: string }): Reply {
    this.calls++;
    if (this.failures.remaining > 0) {
      this.failures.remaining--;
      const { status } = this.failures;
      return status === 429
        ? { status, body: { code: 'RATE_LIMITED', message: '发送频率超限，请稍后重试' } }
        : { status, body: { code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后重试' } };
    }
    return this.authenticate(req) ?? this.send(req.rawBody);
  }

  private authenticate(req: { method: string; url: string; headers: Record<string, string | undefined>; rawBody: string }): Reply | null {
    const deny = (code: string, message: string): Reply => ({ status: 401, body: { code, message } });
    const h = req.headers;
    if (h['x-app-id'] !== this.opts.appId) return deny('APP_UNKNOWN', '应用未开通短信服务');
    if (h['x-sign-method'] !== SMS_SIGN_METHOD) return deny('SIGNATURE_INVALID', `签名算法须为 ${SMS_SIGN_METHOD}`);
    const ts = h['x-timestamp'] ?? '';
    const nonce = h['x-nonce'] ?? '';
    const now = Math.floor(Date.now() / 1000);
    if (!/^\d{10}$/.test(ts) || Math.abs(now - Number(ts)) > SMS_TIMESTAMP_WINDOW_S) return deny('TIMESTAMP_EXPIRED', '请求时间戳超出允许范围');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return deny('SIGNATURE_INVALID', '随机串格式不正确');
    const expected = smsSignature(this.opts.secret, req.method, req.url, ts, nonce, req.rawBody);
    if (!timingSafeEqualStr(h['x-signature'] ?? '', expected)) return deny('SIGNATURE_INVALID', '签名校验失败');
    for (const [n, exp] of this.nonces) if (exp < now) this.nonces.delete(n);
    if (this.nonces.has(nonce)) return deny('NONCE_REPLAYED', '请求随机串已使用（疑似重放）');
    this.nonces.set(nonce, now + 2 * SMS_TIMESTAMP_WINDOW_S);
    return null;
  }

  private send(rawBody: string): Reply {
    const bad = (code: string, message: string): Reply => ({ status: 400, body: { code, message } });
    const parsed = sendBody.safeParse(safeJson(rawBody));
    if (!parsed.success) return bad('INVALID_REQUEST', '请求内容不完整或格式不正确');
    const b = parsed.data;
    const now = Date.now();
    for (const [k, v] of this.byOutId) if (now - v.at > OUT_ID_TTL_MS) this.byOutId.delete(k);
    const seen = this.byOutId.get(b.outId);
    if (seen) return { status: 200, body: { code: 'OK', message: '发送成功', messageId: seen.messageId } };

    if (!MAINLAND_MOBILE.test(b.phoneNumber)) return bad('PHONE_INVALID', '手机号码格式不正确');
    if (b.signName !== this.opts.signName) return bad('SIGN_NAME_INVALID', '短信签名未报备或未审核通过');
    const text = this.opts.templates[b.templateCode];
    if (!text) return bad('TEMPLATE_INVALID', '短信模板不存在或未审核通过');
    for (const v of Object.values(b.templateParams)) {
      if ([...v].length > SMS_PARAM_MAX_CHARS || /[【】]|https?:/i.test(v)) return bad('TEMPLATE_PARAMS_INVALID', '模板变量超长或含有不允许的内容');
    }
    const rendered = renderSms(b.signName, text, b.templateParams);
    if (!rendered) return bad('TEMPLATE_PARAMS_INVALID', '模板变量缺失');

    const phone = b.phoneNumber.replace(/^\+?86/, '');
    const window = (this.recent.get(phone) ?? []).filter((at) => now - at < 60_000);
    if (window.length >= (this.opts.perPhonePerMinute ?? 10)) {
      this.recent.set(phone, window);
      return { status: 429, body: { code: 'RATE_LIMITED', message: '该号码发送频率超限，请稍后重试' } };
    }
    this.recent.set(phone, [...window, now]);
    const messageId = `sms${now.toString(36)}${crypto.randomBytes(6).toString('hex')}`;
    this.byOutId.set(b.outId, { messageId, at: now });
    this.inbox.push({ messageId, phone, text: rendered, templateCode: b.templateCode, params: b.templateParams, outId: b.outId, at: new Date(now).toISOString() });
    return { status: 200, body: { code: 'OK', message: '发送成功', messageId, segments: smsSegments(rendered) } };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const delivered = z.object({
  messageId: z.string(), phone: z.string(), text: z.string(), templateCode: z.string(), params: z.record(z.string(), z.string()),
  outId: z.string(), at: z.string(),
});

export function smsSimulatorRoutes(sim: SmsSimulator): RouteDef[] {
  const common = { tags: ['simulators'], requirements: ['PM-025', 'NF-005'], access: 'public' as const };
  return [
    route({
      ...common, method: 'post', path: '/sim/sms/v1/messages',
      summary: '短信网关模拟器：按已报备模板发送短信（HMAC-SHA256 签名，outId 幂等，按号码限频）',
      handler: async (ctx: AppContext) => {
        const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? '';
        const headers = Object.fromEntries(['x-app-id', 'x-timestamp', 'x-nonce', 'x-sign-method', 'x-signature'].map((k) => [k, ctx.get(k) || undefined]));
        const r = sim.handle({ method: ctx.method, url: ctx.originalUrl, headers, rawBody });
        ctx.status = r.status;
        ctx.body = r.body;
        return undefined;
      },
    }),
    route({
      ...common, method: 'get', path: '/sim/sms/_inbox',
      summary: '测试用：模拟器收到的短信（可按手机号筛选）',
      query: z.object({ phone: z.string().max(20).optional() }),
      response: z.object({ items: z.array(delivered) }),
      handler: async (_ctx, { query }) => ({ items: sim.inbox.filter((m) => !query.phone || m.phone === query.phone.replace(/^\+?86/, '')) }),
    }),
    route({
      ...common, method: 'post', path: '/sim/sms/_control/faults',
      summary: '测试用：让短信网关模拟器接下来的 N 次调用返回 503（或 429）',
      body: z.object({ count: z.number().int().min(0).max(100), status: z.union([z.literal(429), z.number().int().min(500).max(599)]).optional() }),
      response: z.object({ calls: z.number() }),
      handler: async (_ctx, { body }) => {
        sim.failNext(body.count, body.status);
        return { calls: sim.calls };
      },
    }),
  ];
}
