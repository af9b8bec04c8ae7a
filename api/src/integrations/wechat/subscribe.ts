// WeChat mini-program subscribe messages (订阅消息), the real API shape:
//   GET  {base}/cgi-bin/token?grant_type=client_credential&appid=&secret=
//        → { access_token, expires_in } (7200 s); errors { errcode, errmsg } with HTTP 200
//   POST {base}/cgi-bin/message/subscribe/send?access_token=
//        { touser, template_id, page?, miniprogram_state?, lang?, data: { thing1: { value } … } }
//        → { errcode: 0, errmsg: 'ok', msgid }
// The access token is shared by every call until shortly before it expires, and fetched again
// when WeChat says it is invalid or expired (40001, 42001, 40014). The transport does not retry:
// messages go through the notification outbox, which retries with backoff.
import { fetchJson, UpstreamError, type HttpOptions } from '../http';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Mini-program page opened from the card, e.g. pages/index/index?to=… */
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

export interface WechatSubscribeClient {
  send(message: SubscribeMessage): Promise<{ msgid: string }>;
}

/**
 * `refused` (43101): the user has not accepted this template (or used up the acceptance);
 * another channel may reach them. `retryable`: may succeed later as is (WeChat busy, rate
 * limited, our credentials or template id wrong until fixed). Otherwise never for this message.
 */
export class WechatSubscribeError extends Error {
  constructor(readonly errcode: number, message: string, readonly retryable: boolean, readonly refused = false) {
    super(message);
  }
  get code(): string {
    return `WECHAT_${this.errcode}`;
  }
}

const TOKEN_INVALID = new Set([40001, 42001, 40014]);
const PERMANENT = new Set([40003, 47003, 41030, 40036]);
/** Refresh this long before WeChat's stated expiry (its own advice: leave room for clock skew). */
const TOKEN_MARGIN_MS = 5 * 60_000;

interface WxReply {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  msgid?: number | string;
}

export interface WechatSubscribeOptions {
  base: string;
  appid: string;
  secret: string;
  miniprogramState?: SubscribeMessage['miniprogramState'];
  http?: HttpOptions;
}

export class HttpWechatSubscribeClient implements WechatSubscribeClient {
  private token: { value: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;
  /** Access tokens fetched so far (tests read this). */
  tokenFetches = 0;

  constructor(private readonly opts: WechatSubscribeOptions) {}

  async send(m: SubscribeMessage): Promise<{ msgid: string }> {
    const body = JSON.stringify({
      touser: m.touser, template_id: m.templateId, ...(m.page ? { page: m.page } : {}),
      miniprogram_state: m.miniprogramState ?? this.opts.miniprogramState ?? 'formal', lang: 'zh_CN', data: m.data,
    });
    let reply = await this.post(await this.accessToken(), body);
    if (reply.errcode && TOKEN_INVALID.has(reply.errcode)) {
      this.token = null;
      reply = await this.post(await this.accessToken(), body);
    }
    if (reply.errcode) throw refusal(reply);
    if (reply.msgid == null) throw new WechatSubscribeError(-1, '微信订阅消息返回数据不完整', true);
    return { msgid: String(reply.msgid) };
  }

  /** The cached access token, fetched once however many sends are waiting for it. */
  private accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.expiresAt) return Promise.resolve(this.token.value);
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: this.opts.appid, secret: this.opts.secret });
    const reply = await this.call(`${this.opts.base}/cgi-bin/token?${q}`);
    this.tokenFetches++;
    if (reply.errcode || !reply.access_token) throw refusal({ errcode: reply.errcode ?? -1, errmsg: reply.errmsg ?? 'no access_token' }, '获取微信接口调用凭证失败');
    const ttlMs = Math.max(60, Number(reply.expires_in ?? 7200)) * 1000;
    this.token = { value: reply.access_token, expiresAt: Date.now() + Math.max(ttlMs - TOKEN_MARGIN_MS, ttlMs / 2) };
    return reply.access_token;
  }

  private post(token: string, body: string): Promise<WxReply> {
    return this.call(`${this.opts.base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body,
    });
  }

  private async call(url: string, init: RequestInit = {}): Promise<WxReply> {
    try {
      return await fetchJson<WxReply>('wechat', url, init, { retries: 0, ...this.opts.http });
    } catch (e) {
      if (e instanceof UpstreamError) throw new WechatSubscribeError(-1, `微信接口暂时不可用（${e.status ?? '网络'}）`, true);
      throw e;
    }
  }
}

function refusal(reply: WxReply, what = '微信订阅消息发送失败'): WechatSubscribeError {
  const errcode = reply.errcode ?? -1;
  const text = `${what}（errcode ${errcode}：${reply.errmsg ?? ''}）`;
  if (errcode === 43101) return new WechatSubscribeError(errcode, text, false, true);
  return new WechatSubscribeError(errcode, text, !PERMANENT.has(errcode));
}
