// Guangdong unified identity (广东省统一身份认证) as an OAuth2/OIDC authorization-code flow with
// PKCE (S256). The id_token is verified against the provider's JWKS (RS256, iss, aud, nonce, exp).
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { errors } from '../../platform/errors';
import { fetchJson, UpstreamError } from '../http';

export interface GdidIdentity {
  sub: string;
  name: string;
  idType: string;
  idNumber: string;
  phone: string | null;
}

interface Jwk extends crypto.JsonWebKey {
  kid?: string;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = crypto.randomBytes(48).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

export class GdidClient {
  private jwks: { keys: Jwk[]; at: number } | null = null;
  constructor(private readonly opts: { issuer: string; clientId: string; clientSecret: string; redirectUri: string }) {}

  get redirectUri(): string {
    return this.opts.redirectUri;
  }

  authorizeUrl(state: string, codeChallenge: string, nonce: string): string {
    const q = new URLSearchParams({
      response_type: 'code', client_id: this.opts.clientId, redirect_uri: this.opts.redirectUri, scope: 'openid profile idcard phone',
      state, nonce, code_challenge: codeChallenge, code_challenge_method: 'S256',
    });
    return `${this.opts.issuer}/authorize?${q}`;
  }

  async exchange(code: string, verifier: string, nonce: string): Promise<GdidIdentity> {
    const body = new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: this.opts.redirectUri, client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret, code_verifier: verifier,
    });
    let tok: { access_token?: string; id_token?: string; error?: string; error_description?: string };
    try {
      tok = await fetchJson('gdid', `${this.opts.issuer}/token`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body,
      }, { retries: 0 });
    } catch (e) {
      if (e instanceof UpstreamError) throw errors.upstream('GDID_UNAVAILABLE', '统一身份认证平台暂时不可用，请稍后重试');
      throw e;
    }
    if (tok.error || !tok.id_token || !tok.access_token) {
      throw errors.badRequest('GDID_CODE_INVALID', '统一身份认证未通过（授权码无效或已过期），请重新认证');
    }
    const claims = await this.verifyIdToken(tok.id_token, nonce);
    const info = await fetchJson<Record<string, string>>('gdid', `${this.opts.issuer}/userinfo`, {
      headers: { authorization: `Bearer ${tok.access_token}` },
    });
    if (info.sub !== claims.sub) throw errors.upstream('GDID_MISMATCH', '统一身份认证返回的身份不一致，请重新认证');
    return { sub: info.sub, name: info.name, idType: info.id_type ?? 'resident_id', idNumber: info.id_number, phone: info.phone_number ?? null };
  }

  private async keys(force = false): Promise<Jwk[]> {
    if (!force && this.jwks && Date.now() - this.jwks.at < 3600_000) return this.jwks.keys;
    const r = await fetchJson<{ keys: Jwk[] }>('gdid', `${this.opts.issuer}/jwks`);
    this.jwks = { keys: r.keys, at: Date.now() };
    return r.keys;
  }

  async verifyIdToken(idToken: string, nonce: string): Promise<jwt.JwtPayload & { sub: string }> {
    const header = jwt.decode(idToken, { complete: true })?.header;
    if (!header || header.alg !== 'RS256') throw errors.badRequest('GDID_TOKEN_INVALID', '身份令牌算法不被接受');
    let jwk = (await this.keys()).find((k) => k.kid === header.kid);
    if (!jwk) jwk = (await this.keys(true)).find((k) => k.kid === header.kid); // key rotation
    if (!jwk) throw errors.badRequest('GDID_TOKEN_INVALID', '身份令牌签名密钥未知');
    try {
      const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
      const claims = jwt.verify(idToken, key, { algorithms: ['RS256'], issuer: this.opts.issuer, audience: this.opts.clientId }) as jwt.JwtPayload;
      if (claims.nonce !== nonce || typeof claims.sub !== 'string') throw new Error('nonce');
      return claims as jwt.JwtPayload & { sub: string };
    } catch {
      throw errors.badRequest('GDID_TOKEN_INVALID', '身份令牌校验失败，请重新认证');
    }
  }
}
