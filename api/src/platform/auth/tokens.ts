// Access tokens are short-lived HS256 JWTs naming a server-side session; refresh tokens are
// opaque, single-use and rotate on every refresh. Revoking the session ends both at once.
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Transaction } from 'sequelize';
import { WEB_IDLE_MINUTES } from '@hq/common';
import type { Config } from '../../config';
import { RefreshToken, Session, User } from '../models';
import { randomToken, sha256 } from '../crypto';
import { errors } from '../errors';

export const ACCESS_AUDIENCE = 'hq-api';
export const CHALLENGE_AUDIENCE = 'hq-login-challenge';
const ISSUER = 'hq-realestate';
/** Only this algorithm is accepted; `none` and asymmetric confusion are rejected by verify. */
const ALGORITHMS: jwt.Algorithm[] = ['HS256'];

/**
 * The HMAC key as a KeyObject, made once per secret. Given a string, jsonwebtoken first tries
 * it as a PEM public key on every call and builds (and source-maps) the thrown error: that cost
 * 15% of an authenticated request's CPU.
 */
const hmacKeys = new Map<string, crypto.KeyObject>();
function hmacKey(secret: string): crypto.KeyObject {
  let k = hmacKeys.get(secret);
  if (!k) hmacKeys.set(secret, (k = crypto.createSecretKey(Buffer.from(secret, 'utf8'))));
  return k;
}

/** Idle limits per session kind: admin web sessions end after 30 minutes without use. */
export const IDLE_MS: Record<Session['kind'], number> = {
  web: WEB_IDLE_MINUTES * 60_000,
  miniapp: 7 * 24 * 3600_000,
};
const ABSOLUTE_MS: Record<Session['kind'], number> = { web: 12 * 3600_000, miniapp: 30 * 24 * 3600_000 };

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AccessClaims {
  sub: string;
  sid: string;
}

export function signAccess(config: Config, userId: number, sessionId: string): string {
  return jwt.sign({ sid: sessionId }, hmacKey(config.jwtSecret), {
    algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL, audience: ACCESS_AUDIENCE, issuer: ISSUER, subject: String(userId),
  });
}

export function verifyAccess(config: Config, token: string): AccessClaims {
  try {
    const c = jwt.verify(token, hmacKey(config.jwtSecret), { algorithms: ALGORITHMS, audience: ACCESS_AUDIENCE, issuer: ISSUER }) as jwt.JwtPayload;
    if (typeof c.sub !== 'string' || typeof c.sid !== 'string') throw errors.unauthenticated('TOKEN_INVALID', '登录凭证无效，请重新登录');
    return { sub: c.sub, sid: c.sid };
  } catch (e) {
    if (e instanceof jwt.TokenExpiredError) throw errors.unauthenticated('TOKEN_EXPIRED', '登录凭证已过期，请刷新或重新登录');
    throw errors.unauthenticated('TOKEN_INVALID', '登录凭证无效，请重新登录');
  }
}

/** A short-lived, purpose-bound token for the steps between password and session. */
export function signChallenge(config: Config, userId: number, step: string, extra: Record<string, string> = {}): string {
  return jwt.sign({ step, ...extra }, hmacKey(config.jwtSecret), {
    algorithm: 'HS256', expiresIn: 300, audience: CHALLENGE_AUDIENCE, issuer: ISSUER, subject: String(userId),
  });
}

export function verifyChallenge(config: Config, token: string, step: string): { userId: number; claims: jwt.JwtPayload } {
  try {
    const c = jwt.verify(token, hmacKey(config.jwtSecret), { algorithms: ALGORITHMS, audience: CHALLENGE_AUDIENCE, issuer: ISSUER }) as jwt.JwtPayload;
    if (c.step !== step) throw new Error('wrong step');
    return { userId: Number(c.sub), claims: c };
  } catch {
    throw errors.unauthenticated('CHALLENGE_INVALID', '登录步骤已失效，请重新输入用户名和密码');
  }
}

async function newRefreshToken(config: Config, t: Transaction, sessionId: string, now: Date): Promise<string> {
  const token = randomToken(32);
  await RefreshToken.create(
    { session_id: sessionId, token_hash: sha256(token), created_at: now, expires_at: new Date(now.getTime() + config.REFRESH_TOKEN_TTL_DAYS * 86400_000) },
    { transaction: t },
  );
  return token;
}

export async function openSession(
  config: Config, t: Transaction, user: User, kind: Session['kind'], meta: { ip?: string; userAgent?: string },
): Promise<{ session: Session; tokens: TokenPair }> {
  const now = new Date();
  const session = await Session.create(
    {
      id: crypto.randomUUID(), user_id: user.id, kind, created_at: now, last_seen_at: now,
      expires_at: new Date(now.getTime() + ABSOLUTE_MS[kind]), ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 255) ?? null,
    },
    { transaction: t },
  );
  const refreshToken = await newRefreshToken(config, t, session.id, now);
  return { session, tokens: { accessToken: signAccess(config, user.id, session.id), refreshToken, expiresIn: config.ACCESS_TOKEN_TTL } };
}

/** Why a session can no longer be used, or null if it can (and is not idle). */
export type SessionState = Pick<Session, 'kind' | 'revoke_reason' | 'revoked_at' | 'expires_at' | 'last_seen_at'>;

export function sessionProblem(s: SessionState | null, now = Date.now()): { code: string; message: string; reason?: string } | null {
  if (!s) return { code: 'SESSION_REVOKED', message: '登录已失效，请重新登录' };
  if (s.revoked_at) {
    return s.revoke_reason === 'idle'
      ? { code: 'SESSION_EXPIRED', message: '长时间未操作，登录已失效，请重新登录' }
      : { code: 'SESSION_REVOKED', message: '登录已失效（已退出或账号状态变更），请重新登录' };
  }
  if (new Date(s.expires_at).getTime() <= now) return { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录', reason: 'expired' };
  if (now - new Date(s.last_seen_at).getTime() > IDLE_MS[s.kind]) {
    return { code: 'SESSION_EXPIRED', message: '长时间未操作，登录已失效，请重新登录', reason: 'idle' };
  }
  return null;
}

export async function revokeSession(t: Transaction, sessionId: string, reason: string): Promise<void> {
  await Session.update({ revoked_at: new Date(), revoke_reason: reason }, { where: { id: sessionId, revoked_at: null }, transaction: t });
}

export async function revokeAllSessions(t: Transaction, userId: number, reason: string): Promise<number> {
  const [n] = await Session.update({ revoked_at: new Date(), revoke_reason: reason }, { where: { user_id: userId, revoked_at: null }, transaction: t });
  return n;
}

export type RefreshOutcome =
  | { kind: 'ok'; tokens: TokenPair; session: Session }
  | { kind: 'reused'; session: Session }
  | { kind: 'invalid'; code: string; message: string; session?: Session; reason?: string };

/**
 * Rotate a refresh token. A token used twice means it was copied: the whole session is
 * revoked so neither the thief nor the owner can go on with it.
 */
export async function rotateRefresh(config: Config, t: Transaction, token: string): Promise<RefreshOutcome> {
  const row = await RefreshToken.findOne({ where: { token_hash: sha256(token) }, transaction: t, lock: t.LOCK.UPDATE });
  if (!row) return { kind: 'invalid', code: 'REFRESH_INVALID', message: '刷新令牌无效，请重新登录' };
  const session = await Session.findByPk(row.session_id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!session) return { kind: 'invalid', code: 'REFRESH_INVALID', message: '刷新令牌无效，请重新登录' };
  if (row.used_at) return { kind: 'reused', session };
  const now = new Date();
  if (new Date(row.expires_at) <= now) return { kind: 'invalid', code: 'REFRESH_EXPIRED', message: '刷新令牌已过期，请重新登录', session };
  const problem = sessionProblem(session, now.getTime());
  if (problem) return { kind: 'invalid', ...problem, session };
  // Conditional update: of two concurrent refreshes with the same token only one wins.
  const [won] = await RefreshToken.update({ used_at: now }, { where: { id: row.id, used_at: null }, transaction: t });
  if (won !== 1) return { kind: 'reused', session };
  await session.update({ last_seen_at: now }, { transaction: t });
  const refreshToken = await newRefreshToken(config, t, session.id, now);
  return { kind: 'ok', session, tokens: { accessToken: signAccess(config, session.user_id, session.id), refreshToken, expiresIn: config.ACCESS_TOKEN_TTL } };
}
