// WeChat mini-program login: auth.code2Session
// (GET {base}/sns/jscode2session?appid&secret&js_code&grant_type=authorization_code).
import { errors } from '../../platform/errors';
import { fetchJson, UpstreamError } from '../http';

export interface Code2Session {
  openid: string;
  session_key: string;
  unionid?: string;
}

interface WxReply extends Partial<Code2Session> {
  errcode?: number;
  errmsg?: string;
}

export class WechatClient {
  constructor(private readonly opts: { base: string; appid: string; secret: string }) {}

  async code2session(code: string): Promise<Code2Session> {
    const q = new URLSearchParams({ appid: this.opts.appid, secret: this.opts.secret, js_code: code, grant_type: 'authorization_code' });
    let reply: WxReply;
    try {
      reply = await fetchJson<WxReply>('wechat', `${this.opts.base}/sns/jscode2session?${q}`);
    } catch (e) {
      if (e instanceof UpstreamError) throw errors.upstream('WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后重试');
      throw e;
    }
    if (reply.errcode) {
      if (reply.errcode === 40029 || reply.errcode === 40163) throw errors.badRequest('WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新打开小程序登录');
      if (reply.errcode === 45011) throw errors.rateLimited(60);
      if (reply.errcode === -1) throw errors.upstream('WECHAT_BUSY', '微信系统繁忙，请稍后重试');
      throw errors.upstream('WECHAT_ERROR', `微信登录失败（${reply.errcode}），请稍后重试`);
    }
    if (!reply.openid || !reply.session_key) throw errors.upstream('WECHAT_ERROR', '微信登录返回数据不完整，请稍后重试');
    return { openid: reply.openid, session_key: reply.session_key, unionid: reply.unionid };
  }
}
