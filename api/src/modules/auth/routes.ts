import {
  z, loginRequest, loginResponse, changeInitialPasswordRequest, totpRequest, refreshRequest, tokenPair, wechatLoginRequest,
  wechatLoginResponse, gdidStartRequest, gdidStartResponse, gdidExchangeRequest, gdidExchangeResponse, okResponse,
} from '@hq/common';
import { route } from '../../platform/http/route';
import type { AppContext } from '../../platform/http/types';
import * as auth from './service';
import { exchangeGdidTicket, gdidCallback, startGdid } from './gdid';

export const meta = (ctx: AppContext): auth.RequestMeta => ({ ip: ctx.ip, userAgent: ctx.get('user-agent'), requestId: ctx.state.requestId });

const AUTH = ['NF-001'];
const REAL_NAME = ['PM-159', 'PM-098', 'PM-149', 'PM-068', 'PM-075', 'PM-084', 'RE-173'];

export const authRoutes = [
  route({
    method: 'post', path: '/api/auth/login', summary: '用户名密码登录（第一步）', tags: ['auth'], requirements: AUTH, access: 'public',
    rateLimit: 'login', body: loginRequest, response: loginResponse,
    handler: (ctx, { body }) => auth.passwordLogin(ctx.deps, body.username, body.password, meta(ctx)),
  }),
  route({
    method: 'post', path: '/api/auth/password/initial', summary: '首次登录或密码过期时修改密码', tags: ['auth'], requirements: AUTH,
    access: 'public', rateLimit: 'login', body: changeInitialPasswordRequest, response: loginResponse,
    handler: (ctx, { body }) => auth.changeInitialPassword(ctx.deps, body.challenge, body.newPassword, meta(ctx)),
  }),
  route({
    method: 'post', path: '/api/auth/totp/enrol', summary: '绑定身份验证器（扫码后提交动态码）', tags: ['auth'], requirements: AUTH,
    access: 'public', rateLimit: 'login', body: totpRequest, response: loginResponse,
    handler: (ctx, { body }) => auth.enrolTotp(ctx.deps, body.challenge, body.code, meta(ctx)),
  }),
  route({
    method: 'post', path: '/api/auth/totp/verify', summary: '动态验证码（第二因素）', tags: ['auth'], requirements: AUTH,
    access: 'public', rateLimit: 'login', body: totpRequest, response: loginResponse,
    handler: (ctx, { body }) => auth.verifyTotpStep(ctx.deps, body.challenge, body.code, meta(ctx)),
  }),
  route({
    method: 'post', path: '/api/auth/refresh', summary: '刷新登录凭证（刷新令牌一次性轮换）', tags: ['auth'], requirements: AUTH,
    access: 'public', rateLimit: 'login', body: refreshRequest, response: tokenPair,
    handler: (ctx, { body }) => auth.refresh(ctx.deps, body.refreshToken, meta(ctx)),
  }),
  route({
    method: 'post', path: '/api/auth/logout', summary: '退出登录（立即吊销会话）', tags: ['auth'], requirements: AUTH, access: 'user',
    response: okResponse,
    handler: async (ctx) => {
      const u = ctx.state.user!;
      await auth.logout(ctx.deps, u.sessionId, { userId: u.id, name: u.displayName, role: u.roles[0] ?? null, ip: ctx.ip, requestId: ctx.state.requestId });
      return { ok: true as const };
    },
  }),
  route({
    method: 'post', path: '/api/auth/wechat/login', summary: '微信小程序登录（wx.login code 换取本系统令牌）', tags: ['auth'],
    requirements: ['PM-149', 'PM-098'], access: 'public', rateLimit: 'login', body: wechatLoginRequest,
    response: wechatLoginResponse,
    handler: (ctx, { body }) => auth.wechatLogin(ctx.deps, body.code, meta(ctx)),
  }),
  route({
    method: 'post', path: '/api/auth/gdid/start', summary: '发起广东省统一身份认证（登录或绑定实名）', tags: ['auth'],
    requirements: REAL_NAME, access: 'public', rateLimit: 'login', body: gdidStartRequest, response: gdidStartResponse,
    handler: (ctx, { body }) => startGdid(ctx.deps, body.mode, ctx.state.user?.id ?? null, body.returnTo),
  }),
  route({
    method: 'get', path: '/api/auth/gdid/callback', summary: '统一身份认证回调（换取授权码并回跳客户端）', tags: ['auth'],
    requirements: REAL_NAME, access: 'public', rateLimit: 'login', produces: 'redirect',
    query: z.object({ code: z.string().min(1, '缺少授权码'), state: z.string().min(1, '缺少 state') }),
    handler: async (ctx, { query }) => {
      ctx.redirect(await gdidCallback(ctx.deps, query.code, query.state, meta(ctx)));
      return undefined;
    },
  }),
  route({
    method: 'post', path: '/api/auth/gdid/exchange', summary: '用一次性认证票据完成登录或绑定', tags: ['auth'], requirements: REAL_NAME,
    access: 'public', rateLimit: 'login', body: gdidExchangeRequest, response: gdidExchangeResponse,
    handler: (ctx, { body }) => exchangeGdidTicket(ctx.deps, body.ticket, meta(ctx)),
  }),
];
