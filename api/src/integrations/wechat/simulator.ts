// Local stand-in for WeChat's code2Session, speaking its protocol: codes are single-use and
// expire after 5 minutes; errors come back as {errcode, errmsg} with HTTP 200, as WeChat does.
// Development logins on H5 ask it for a code for a demo persona (POST /sim/wechat/dev-code).
// It also serves access tokens (cgi-bin/token) and subscribe messages (订阅消息): token checks
// (40001 invalid, 42001 expired), openids of this mini-program only (40003), registered
// template ids (40037) with their keywords' value rules (47003), users who did not accept a
// template (43101), and an inbox of delivered messages tests can read.
import crypto from 'node:crypto';
import { z } from '@hq/common';
import { User } from '../../platform/models';
import { route, type RouteDef } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/http/types';

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;

export interface DeliveredSubscribeMessage {
  msgid: string;
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, string>;
  at: string;
}

export interface WechatSimulatorOptions {
  /** Subscribe-message template ids of this mini-program and their keywords (thing1, time3 …). */
  subscribeTemplates?: Record<string, string[]>;
}

type WxError = { errcode: number; errmsg: string };

export class WechatSimulator {
  private codes = new Map<string, { openid: string; at: number }>();
  private tokens = new Map<string, number>();
  private refusing = new Set<string>();
  private failures: { remaining: number; status?: number; errcode?: number } = { remaining: 0 };
  private msgSeq = 0;
  /** Subscribe messages delivered, oldest first. */
  readonly inbox: DeliveredSubscribeMessage[] = [];
  /** cgi-bin calls that reached the simulator, failed or not. */
  calls = 0;

  constructor(private readonly appid: string, private readonly secret: string, private readonly opts: WechatSimulatorOptions = {}) {}

  issueCode(openid: string): string {
    const code = crypto.randomBytes(16).toString('hex');
    this.codes.set(code, { openid, at: Date.now() });
    return code;
  }

  jscode2session(q: Record<string, unknown>) {
    if (q.appid !== this.appid || q.secret !== this.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (q.grant_type !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const code = String(q.js_code ?? '');
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (!entry || Date.now() - entry.at > CODE_TTL_MS) return { errcode: 40029, errmsg: 'invalid code' };
    const sessionKey = crypto.createHash('sha256').update(`${entry.openid}:${code}`).digest().subarray(0, 16).toString('base64');
    return { openid: entry.openid, session_key: sessionKey, unionid: `u_${entry.openid}` };
  }

  /** Fail the next `count` cgi-bin calls: with an HTTP status, or with {errcode} (WeChat's -1 busy). */
  failNext(count: number, fault: { status?: number; errcode?: number } = { status: 503 }): void {
    this.failures = { remaining: count, ...fault };
  }

  /** Whether `openid` has accepted (or refuses) subscribe messages; everyone accepts by default. */
  setSubscription(openid: string, accept: boolean): void {
    if (accept) this.refusing.delete(openid);
    else this.refusing.add(openid);
  }

  /** Make every access token issued so far expire now (WeChat answers 42001). */
  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0);
  }

  /** An injected fault for this call, if any: an HTTP status or a WeChat error. */
  fault(): { status: number; body: unknown } | null {
    this.calls++;
    if (this.failures.remaining <= 0) return null;
    this.failures.remaining--;
    if (this.failures.errcode !== undefined) return { status: 200, body: { errcode: this.failures.errcode, errmsg: 'system error' } };
    return { status: this.failures.status ?? 503, body: { errcode: -1, errmsg: 'service unavailable' } };
  }

  accessToken(q: Record<string, unknown>): { access_token: string; expires_in: number } | WxError {
    if (q.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (q.appid !== this.appid) return { errcode: 40013, errmsg: 'invalid appid' };
    if (q.secret !== this.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    const now = Date.now();
    for (const [t, exp] of this.tokens) if (exp < now - 3600_000) this.tokens.delete(t);
    const token = crypto.randomBytes(48).toString('base64url');
    this.tokens.set(token, now + TOKEN_TTL_S * 1000);
    return { access_token: token, expires_in: TOKEN_TTL_S };
  }

  async subscribeSend(token: string | undefined, body: unknown, isOurUser: (openid: string) => Promise<boolean>): Promise<WxError & { msgid?: number }> {
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const exp = this.tokens.get(token);
    if (exp === undefined) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (exp < Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
    const b = (body ?? {}) as { touser?: unknown; template_id?: unknown; page?: unknown; data?: unknown };
    if (typeof b.touser !== 'string' || typeof b.template_id !== 'string' || !b.data || typeof b.data !== 'object') {
      return { errcode: 47001, errmsg: 'data format error' };
    }
    if (!/^[A-Za-z0-9_-]{6,64}$/.test(b.touser) || !(await isOurUser(b.touser))) return { errcode: 40003, errmsg: 'invalid openid' };
    const keywords = this.opts.subscribeTemplates?.[b.template_id];
    if (this.opts.subscribeTemplates && !keywords) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (b.page !== undefined && (typeof b.page !== 'string' || !/^[A-Za-z0-9_/-]{1,128}(\?[^\s]{0,512})?$/.test(b.page))) {
      return { errcode: 41030, errmsg: 'invalid page' };
    }
    if (this.refusing.has(b.touser)) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const data: Record<string, string> = {};
    for (const [key, v] of Object.entries(b.data as Record<string, unknown>)) {
      const value = (v as { value?: unknown } | null)?.value;
      if ((keywords && !keywords.includes(key)) || typeof value !== 'string' || !subscribeValueOk(key, value)) {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
      }
      data[key] = value;
    }
    for (const key of keywords ?? []) if (!(key in data)) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty` };
    const msgid = 2_000_000_000 + ++this.msgSeq;
    this.inbox.push({
      msgid: String(msgid), touser: b.touser, templateId: b.template_id, page: typeof b.page === 'string' ? b.page : null, data,
      at: new Date().toISOString(),
    });
    return { errcode: 0, errmsg: 'ok', msgid };
  }
}

const HAN = /^[\u3400-\u9fff]+$/;
const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2})?';
const DAY = '\\d{4}(?:年\\d{1,2}月\\d{1,2}日|-\\d{2}-\\d{2})';
const TIME_VALUE = new RegExp(`^(?:(?:${DAY} )?${CLOCK})(?: ?~ ?(?:(?:${DAY} )?${CLOCK}))?$`);
const DATE_VALUE = new RegExp(`^${DAY}(?: ${CLOCK})?(?: ?~ ?${DAY}(?: ${CLOCK})?)?$`);

/** WeChat's rules for a subscribe-message keyword value, by the keyword's type (its name without the number). */
export function subscribeValueOk(key: string, value: string): boolean {
  const n = [...value].length;
  if (n === 0) return false;
  switch (key.replace(/\d+$/, '')) {
    case 'thing': return n <= 20;
    case 'character_string': return n <= 32 && /^[\x21-\x7e]+$/.test(value);
    case 'number': return /^[+-]?\d{1,32}(?:\.\d+)?$/.test(value);
    case 'letter': return /^[A-Za-z]{1,32}$/.test(value);
    case 'symbol': return n <= 5;
    case 'time': return TIME_VALUE.test(value);
    case 'date': return DATE_VALUE.test(value);
    case 'amount': return /^[¥￥]?\d{1,11}(?:\.\d{1,2})?元?$/.test(value);
    case 'phone_number': return n <= 17 && /^[\d+\-() ]+$/.test(value);
    case 'car_number': return n <= 8;
    case 'name': return HAN.test(value) ? n <= 10 : n <= 20;
    case 'phrase': return n <= 5 && HAN.test(value);
    default: return false;
  }
}

export function wechatSimulatorRoutes(sim: WechatSimulator): RouteDef[] {
  return [
    route({
      method: 'get', path: '/sim/wechat/sns/jscode2session', tags: ['simulators'], requirements: ['PM-149'], access: 'public',
      summary: '微信 code2Session 模拟器（协议与微信一致）',
      query: z.object({ appid: z.string().optional(), secret: z.string().optional(), js_code: z.string().optional(), grant_type: z.string().optional() }),
      handler: async (_ctx, { query }) => sim.jscode2session(query),
    }),
    route({
      method: 'get', path: '/sim/wechat/personas', tags: ['simulators'], requirements: ['PM-149'], access: 'public',
      summary: '开发环境：可模拟登录的微信用户',
      response: z.array(z.object({ openid: z.string(), label: z.string() })),
      handler: async () => {
        const users = await User.findAll({ where: { status: 'active' }, attributes: ['wechat_openid', 'display_name'], order: [['id', 'ASC']] });
        return users
          .filter((u) => u.wechat_openid?.startsWith('o_demo_'))
          .map((u) => ({ openid: u.wechat_openid!, label: personaLabel(u.wechat_openid!, u.display_name) }));
      },
    }),
    route({
      method: 'post', path: '/sim/wechat/dev-code', tags: ['simulators'], requirements: ['PM-149'], access: 'public',
      summary: '开发环境：为指定 openid 签发一次性 wx.login code',
      body: z.object({ openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'openid 格式不正确') }),
      response: z.object({ code: z.string() }),
      handler: async (_ctx, { body }) => {
        if (!body.openid) throw errors.badRequest('OPENID_REQUIRED', '请选择模拟登录的用户');
        return { code: sim.issueCode(body.openid) };
      },
    }),
    ...subscribeRoutes(sim),
  ];
}

/** Access tokens, subscribe messages and their test controls. */
function subscribeRoutes(sim: WechatSimulator): RouteDef[] {
  const common = { tags: ['simulators'], requirements: ['PM-025', 'NF-005'], access: 'public' as const };
  const reply = (ctx: AppContext, r: { status: number; body: unknown }) => {
    ctx.status = r.status;
    ctx.body = r.body;
    return undefined;
  };
  const isOurUser = async (openid: string) => (await User.count({ where: { wechat_openid: openid } })) > 0;
  return [
    route({
      ...common, method: 'get', path: '/sim/wechat/cgi-bin/token',
      summary: '微信 getAccessToken 模拟器（client_credential，有效期 7200 秒）',
      query: z.object({ grant_type: z.string().optional(), appid: z.string().optional(), secret: z.string().optional() }),
      handler: async (ctx, { query }) => reply(ctx, sim.fault() ?? { status: 200, body: sim.accessToken(query) }),
    }),
    route({
      ...common, method: 'post', path: '/sim/wechat/cgi-bin/message/subscribe/send',
      summary: '微信订阅消息发送模拟器（errcode 40001/42001/40003/40037/43101/47003 与微信一致）',
      query: z.object({ access_token: z.string().max(512).optional() }),
      handler: async (ctx, { query }) => reply(ctx, sim.fault() ?? {
        status: 200, body: await sim.subscribeSend(query.access_token, (ctx.request as { body?: unknown }).body, isOurUser),
      }),
    }),
    route({
      ...common, method: 'get', path: '/sim/wechat/_inbox',
      summary: '测试用：模拟器收到的订阅消息（可按 openid 筛选）',
      query: z.object({ openid: z.string().max(64).optional() }),
      response: z.object({ items: z.array(z.object({
        msgid: z.string(), touser: z.string(), templateId: z.string(), page: z.string().nullable(), data: z.record(z.string(), z.string()), at: z.string(),
      })) }),
      handler: async (_ctx, { query }) => ({ items: sim.inbox.filter((m) => !query.openid || m.touser === query.openid) }),
    }),
    route({
      ...common, method: 'post', path: '/sim/wechat/_control/faults',
      summary: '测试用：让微信接口模拟器接下来的 N 次调用返回 5xx 或指定 errcode',
      body: z.object({
        count: z.number().int().min(0).max(100), status: z.number().int().min(500).max(599).optional(), errcode: z.number().int().optional(),
      }),
      response: z.object({ calls: z.number() }),
      handler: async (_ctx, { body }) => {
        sim.failNext(body.count, body.errcode !== undefined ? { errcode: body.errcode } : { status: body.status ?? 503 });
        return { calls: sim.calls };
      },
    }),
    route({
      ...common, method: 'post', path: '/sim/wechat/_control/subscriptions',
      summary: '测试用：设置用户是否接受订阅消息（拒收时返回 43101）',
      body: z.object({ openid: z.string().max(64), accept: z.boolean() }),
      response: z.object({ ok: z.literal(true) }),
      handler: async (_ctx, { body }) => {
        sim.setSubscription(body.openid, body.accept);
        return { ok: true as const };
      },
    }),
    route({
      ...common, method: 'post', path: '/sim/wechat/_control/expire-tokens',
      summary: '测试用：让已签发的 access_token 全部过期（返回 42001）',
      response: z.object({ ok: z.literal(true) }),
      handler: async () => {
        sim.expireTokens();
        return { ok: true as const };
      },
    }),
  ];
}

const PERSONA_ROLE: Record<string, string> = {
  owner: '业主', committee: '业委会', broker: '经纪人', staff: '物业人员', inspector: '巡查员', agency: '中介管理员', public: '公众',
};

function personaLabel(openid: string, name: string): string {
  const kind = openid.replace(/^o_demo_/, '').split('_')[0];
  return `${PERSONA_ROLE[kind] ?? '用户'} ${name}（演示）`;
}
