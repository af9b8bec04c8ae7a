// Error factories with stable codes and Chinese messages. 5xx details never leave the server.
import type { ApiErrorBody } from '@hq/common';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorBody['details'],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

type Details = ApiErrorBody['details'];

export const errors = {
  validation: (details: NonNullable<Details>) =>
    new AppError(400, 'VALIDATION_FAILED', `输入有误：${details.map((d) => d.message).join('；')}`, details),
  badRequest: (code: string, message: string, details?: Details) => new AppError(400, code, message, details),
  unauthenticated: (code = 'AUTH_REQUIRED', message = '请先登录') => new AppError(401, code, message),
  forbidden: (code = 'FORBIDDEN', message = '您没有权限执行此操作') => new AppError(403, code, message),
  notFound: (code: string, message: string) => new AppError(404, code, message),
  conflict: (code: string, message: string) => new AppError(409, code, message),
  gone: (code: string, message: string) => new AppError(410, code, message),
  tooLarge: (message: string) => new AppError(413, 'PAYLOAD_TOO_LARGE', message),
  unsupported: (code: string, message: string) => new AppError(415, code, message),
  locked: (message: string) => new AppError(423, 'ACCOUNT_LOCKED', message),
  rateLimited: (retryAfterSec: number) =>
    new AppError(429, 'RATE_LIMITED', `请求过于频繁，请${retryAfterSec}秒后再试`, undefined, { 'Retry-After': String(retryAfterSec) }),
  upstream: (code: string, message: string) => new AppError(502, code, message),
  unavailable: (code: string, message: string) => new AppError(503, code, message),
};
