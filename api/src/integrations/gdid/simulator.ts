// Local OIDC identity provider standing in for 广东省统一身份认证: discovery, an authorize page
// where a tester picks an identity, the token endpoint (client secret + PKCE S256 checked,
// single-use codes valid 60 s), JWKS, and userinfo. RS256 keys are made at start.
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z, residentIdCheckChar } from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import type { AppContext } from '../../platform/http/types';

export interface SimIdentity {
  sub: string;
  name: string;
  idNumber: string;
  phone: string;
}

/** Test identities; the first ones match demo owners seeded with the same ID numbers. */
export function simIdentities(): SimIdentity[] {
  const mk = (sub: string, name: string, first17: string, phone: string): SimIdentity => ({
    sub, name, idNumber: first17 + residentIdCheckChar(first17), phone,
  });
  return [
    mk('gd-0001', '张三', '44040219850312123', '13800138001'),
    mk('gd-0002', '李四', '44040219900721234', '13800138002'),
    mk('gd-0003', '王五', '81000019880101345', '13800138003'),
    mk('gd-0004', '陈六', '44040419791130456', '13800138004'),
  ];
}

interface PendingCode {
  sub: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
  at: number;
}

export class GdidSimulator {
  private readonly kid = crypto.randomBytes(8).toString('hex');
  private readonly keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  private codes = new Map<string, PendingCode>();
  private accessTokens = new Map<string, { sub: string; exp: number }>();
  readonly identities = simIdentities();

  constructor(private readonly opts: { issuer: string; clientId: string; clientSecret: string; redirectUris: string[] }) {}

  jwks() {
    return { keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256' }] };
  }

  validateAuthorize(q: Record<string, string | undefined>): string | null {
    if (q.client_id !== this.opts.clientId) return 'unknown client_id';
    if (!q.redirect_uri || !this.opts.redirectUris.includes(q.redirect_uri)) return 'redirect_uri not registered';
    if (q.response_type !== 'code') return 'response_type must be code';
    if (q.code_challenge_method !== 'S256' || !q.code_challenge) return 'PKCE S256 required';
    if (!q.state || !q.nonce) return 'state and nonce required';
    return null;
  }

  approve(q: Record<string, string>, sub: string): string {
    const code = crypto.randomBytes(24).toString('base64url');
    this.codes.set(code, { sub, clientId: q.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, nonce: q.nonce, at: Date.now() });
    const u = new URL(q.redirect_uri);
    u.searchParams.set('code', code);
    u.searchParams.set('state', q.state);
    return u.toString();
  }

  token(form: Record<string, string | undefined>): { status: number; body: Record<string, unknown> } {
    const bad = (error: string, d: string) => ({ status: 400, body: { error, error_description: d } });
    if (form.grant_type !== 'authorization_code') return bad('unsupported_grant_type', 'grant_type');
    if (form.client_id !== this.opts.clientId || form.client_secret !== this.opts.clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'client authentication failed' } };
    }
    const pending = this.codes.get(form.code ?? '');
    this.codes.delete(form.code ?? '');
    if (!pending || Date.now() - pending.at > 60_000) return bad('invalid_grant', 'code invalid or expired');
    if (pending.redirectUri !== form.redirect_uri) return bad('invalid_grant', 'redirect_uri mismatch');
    const expected = crypto.createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
    if (expected !== pending.challenge) return bad('invalid_grant', 'PKCE verification failed');
    const accessToken = crypto.randomBytes(24).toString('base64url');
    this.accessTokens.set(accessToken, { sub: pending.sub, exp: Date.now() + 600_000 });
    const idToken = jwt.sign({ nonce: pending.nonce, name: this.identity(pending.sub)?.name }, this.keys.privateKey, {
      algorithm: 'RS256', keyid: this.kid, issuer: this.opts.issuer, audience: pending.clientId, subject: pending.sub, expiresIn: 300,
    });
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: 600, id_token: idToken, scope: 'openid profile' } };
  }

  userinfo(authorization: string | undefined): { status: number; body: Record<string, unknown> } {
    const t = this.accessTokens.get((authorization ?? '').replace(/^Bearer /, ''));
    if (!t || t.exp < Date.now()) return { status: 401, body: { error: 'invalid_token' } };
    const id = this.identity(t.sub)!;
    return { status: 200, body: { sub: id.sub, name: id.name, id_type: 'resident_id', id_number: id.idNumber, phone_number: id.phone } };
  }

  identity(sub: string): SimIdentity | undefined {
    return this.identities.find((i) => i.sub === sub);
  }
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function gdidSimulatorRoutes(sim: GdidSimulator, issuer: string): RouteDef[] {
  const authorizeQuery = z.record(z.string(), z.string());
  return [
    route({
      method: 'get', path: '/sim/gdid/.well-known/openid-configuration', tags: ['simulators'], requirements: ['PM-159'], access: 'public',
      summary: '统一身份认证模拟器：OIDC 发现文档',
      handler: async () => ({
        issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'],
        id_token_signing_alg_values_supported: ['RS256'], subject_types_supported: ['public'],
      }),
    }),
    route({
      method: 'get', path: '/sim/gdid/authorize', tags: ['simulators'], requirements: ['PM-159'], access: 'public', produces: 'text/html',
      summary: '统一身份认证模拟器：选择测试身份并授权',
      query: authorizeQuery,
      handler: async (ctx: AppContext, { query }) => {
        const problem = sim.validateAuthorize(query);
        ctx.type = 'html';
        if (problem) {
          ctx.status = 400;
          ctx.body = `<!doctype html><meta charset="utf-8"><p>授权请求无效：${esc(problem)}</p>`;
          return undefined;
        }
        const hidden = Object.entries(query).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
        const buttons = sim.identities
          .map((i) => `<button name="sub" value="${esc(i.sub)}">${esc(i.name)}（${esc(i.idNumber.slice(0, 3))}***********${esc(i.idNumber.slice(-4))}）</button>`)
          .join('');
        ctx.body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>广东省统一身份认证（模拟）</title><style>body{font-family:sans-serif;max-width:420px;margin:24px auto;padding:0 16px}button{display:block;width:100%;margin:8px 0;padding:12px;font-size:16px}</style>
<h2>广东省统一身份认证平台（本地模拟）</h2><p>选择一个测试身份完成实名认证：</p>
<form method="post" action="${esc(issuer)}/authorize">${hidden}${buttons}</form></html>`;
        return undefined;
      },
    }),
    route({
      method: 'post', path: '/sim/gdid/authorize', tags: ['simulators'], requirements: ['PM-159'], access: 'public', produces: 'redirect',
      summary: '统一身份认证模拟器：确认授权并回跳',
      handler: async (ctx: AppContext) => {
        const form = ((ctx.request as { body?: Record<string, string> }).body ?? {}) as Record<string, string>;
        const problem = sim.validateAuthorize(form);
        if (problem || !sim.identity(form.sub)) {
          ctx.status = 400;
          ctx.body = { error: 'invalid_request', error_description: problem ?? 'unknown identity' };
          return undefined;
        }
        ctx.redirect(sim.approve(form, form.sub));
        return undefined;
      },
    }),
    route({
      method: 'post', path: '/sim/gdid/token', tags: ['simulators'], requirements: ['PM-159'], access: 'public',
      summary: '统一身份认证模拟器：授权码换取令牌（校验 PKCE）',
      handler: async (ctx: AppContext) => {
        const r = sim.token(((ctx.request as { body?: Record<string, string> }).body ?? {}) as Record<string, string>);
        ctx.status = r.status;
        ctx.body = r.body;
        return undefined;
      },
    }),
    route({
      method: 'get', path: '/sim/gdid/jwks', tags: ['simulators'], requirements: ['PM-159'], access: 'public',
      summary: '统一身份认证模拟器：签名公钥', handler: async () => sim.jwks(),
    }),
    route({
      method: 'get', path: '/sim/gdid/userinfo', tags: ['simulators'], requirements: ['PM-159'], access: 'public',
      summary: '统一身份认证模拟器：用户信息',
      handler: async (ctx: AppContext) => {
        const r = sim.userinfo(ctx.get('authorization'));
        ctx.status = r.status;
        ctx.body = r.body;
        return undefined;
      },
    }),
  ];
}
