// Local stand-in for WeChat's code2Session, speaking its protocol: codes are single-use and
// expire after 5 minutes; errors come back as {errcode, errmsg} with HTTP 200, as WeChat does.
// Development logins on H5 ask it for a code for a demo persona (POST /sim/wechat/dev-code).
import crypto from 'node:crypto';
import { z } from '@hq/common';
import { User } from '../../platform/models';
import { route, type RouteDef } from '../../platform/http/route';
import { errors } from '../../platform/errors';

const CODE_TTL_MS = 5 * 60_000;

export class WechatSimulator {
  private codes = new Map<string, { openid: string; at: number }>();
  constructor(private readonly appid: string, private readonly secret: string) {}

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
  ];
}

const PERSONA_ROLE: Record<string, string> = {
  owner: '业主', committee: '业委会', broker: '经纪人', staff: '物业人员', inspector: '巡查员', agency: '中介管理员', public: '公众',
};

function personaLabel(openid: string, name: string): string {
  const kind = openid.replace(/^o_demo_/, '').split('_')[0];
  return `${PERSONA_ROLE[kind] ?? '用户'} ${name}（演示）`;
}
