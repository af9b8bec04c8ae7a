import crypto from 'node:crypto';
import type { Next } from 'koa';
import { ZodError } from 'zod';
import { AppError, errors } from '../errors';
import type { AppContext } from './types';
import { writeAudit } from '../audit/audit';

/** Request id from the caller (if sane) or a new one; echoed back and put on every log line. */
export function requestId() {
  return async (ctx: AppContext, next: Next) => {
    const given = ctx.get('x-request-id');
    ctx.state.requestId = /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    await next();
  };
}

export function accessLog() {
  return async (ctx: AppContext, next: Next) => {
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const log = ctx.deps.logger;
      if (log.isLevelEnabled('info')) {
        log.info({
          requestId: ctx.state.requestId, method: ctx.method, route: ctx.state.routeName ?? null, path: ctx.path,
          status: ctx.status, ms: Math.round(ms * 10) / 10, userId: ctx.state.user?.id ?? null, ip: ctx.ip,
        }, 'request');
      }
    }
  };
}

/** Every error becomes `{code, message, details?, requestId}`; 5xx text stays in the log. */
export function errorHandler() {
  return async (ctx: AppContext, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body == null && ctx.path.startsWith('/api/')) {
        throw errors.notFound('ROUTE_NOT_FOUND', `接口不存在：${ctx.method} ${ctx.path}`);
      }
    } catch (err) {
      let e: AppError;
      if (err instanceof AppError) e = err;
      else if (err instanceof ZodError) e = errors.validation(err.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      else if (isHttpError(err) && err.status < 500) e = new AppError(err.status, httpCode(err.status), httpMessage(err.status));
      else {
        ctx.deps.logger.error({ err, requestId: ctx.state.requestId, path: ctx.path }, 'unhandled error');
        e = new AppError(500, 'INTERNAL_ERROR', '系统繁忙，请稍后再试；如持续出现请联系管理员并提供请求号');
      }
      ctx.status = e.status;
      if (e.headers) ctx.set(e.headers);
      ctx.body = { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}), requestId: ctx.state.requestId };
      if (e.status === 403) await auditDenial(ctx, e);
    }
  };
}

async function auditDenial(ctx: AppContext, e: AppError) {
  const u = ctx.state.user;
  try {
    await writeAudit(ctx.deps.db, {
      userId: u?.id ?? null, name: u?.displayName ?? null, role: u?.roles[0] ?? null, ip: ctx.ip, requestId: ctx.state.requestId,
    }, { action: 'access.denied', objectType: 'route', objectId: `${ctx.method} ${ctx.state.routeName ?? ctx.path}`.slice(0, 64), result: 'denied', detail: { code: e.code, path: ctx.path } });
  } catch (err) {
    ctx.deps.logger.error({ err }, 'audit of denial failed');
  }
}

function isHttpError(e: unknown): e is { status: number; expose?: boolean } {
  return typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'number';
}
function httpCode(status: number): string {
  return ({ 400: 'BAD_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' } as Record<number, string>)[status] ?? `HTTP_${status}`;
}
function httpMessage(status: number): string {
  return (
    ({ 400: '请求格式不正确，请检查 JSON 是否完整', 413: '请求内容过大', 415: '不支持的内容类型，请使用 application/json' } as Record<number, string>)[status] ??
    '请求有误'
  );
}

export function securityHeaders() {
  return async (ctx: AppContext, next: Next) => {
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=()');
    if (ctx.protocol === 'https') ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!ctx.response.get('Content-Security-Policy')) {
      const isPage = ctx.response.is('html');
      ctx.set(
        'Content-Security-Policy',
        isPage
          ? "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
          : "default-src 'none'; frame-ancestors 'none'",
      );
    }
  };
}

/** Fixed-window counters per client and bucket, in process (Redis when scaled out). */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly perMinute: Record<'login' | 'public', number>) {}

  hit(bucket: 'login' | 'public', key: string, now = Date.now()): { ok: boolean; retryAfter: number } {
    const k = `${bucket}:${key}`;
    const w = this.windows.get(k);
    if (!w || now - w.start >= 60_000) {
      this.windows.set(k, { start: now, count: 1 });
      if (this.windows.size > 50_000) this.sweep(now);
      return { ok: true, retryAfter: 0 };
    }
    w.count++;
    if (w.count > this.perMinute[bucket]) return { ok: false, retryAfter: Math.ceil((w.start + 60_000 - now) / 1000) };
    return { ok: true, retryAfter: 0 };
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
  }
}
