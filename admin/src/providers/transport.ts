// The one way this client talks to the API. Pages and services never call fetch themselves:
// the bearer token, the refresh-and-retry and the error shape are decided here, once.
import type { ApiErrorBody, LoginResponse } from '@hq/common';

export type TokenPair = Extract<LoginResponse, { next: 'done' }>['tokens'];

/** What the API answered instead of data; `message` is Chinese and meant for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: NonNullable<ApiErrorBody['details']> = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// sessionStorage: a closed tab is a closed session, and other tabs do not share it.
const ACCESS_KEY = 'hq.admin.accessToken';
const REFRESH_KEY = 'hq.admin.refreshToken';

export const tokens = {
  get access(): string | null {
    return sessionStorage.getItem(ACCESS_KEY);
  },
  get refresh(): string | null {
    return sessionStorage.getItem(REFRESH_KEY);
  },
  save(pair: TokenPair): void {
    sessionStorage.setItem(ACCESS_KEY, pair.accessToken);
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  },
  clear(): void {
    sessionStorage.removeItem(ACCESS_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
  },
};

/** After these the session is over: the person has to log in again. */
const SESSION_ENDED = new Set([
  'TOKEN_INVALID',
  'SESSION_EXPIRED',
  'SESSION_REVOKED',
  'AUTH_REQUIRED',
  'REFRESH_INVALID',
  'REFRESH_EXPIRED',
  'REFRESH_REUSED',
  'TOKEN_EXPIRED', // only reaches here when the retry after a refresh was refused too
]);

let sessionEnded: (error: ApiError) => void = () => {};

/** The auth provider listens here so any request can send the person back to the login page. */
export function onSessionEnded(listener: (error: ApiError) => void): () => void {
  sessionEnded = listener;
  return () => {
    if (sessionEnded === listener) sessionEnded = () => {};
  };
}

function endSession(error: ApiError): void {
  tokens.clear();
  sessionEnded(error);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** false for the login steps, which run before there is a token. */
  auth?: boolean;
  accept?: string;
  signal?: AbortSignal;
  /** Uploads only: called with the share of the body sent so far (0…1). */
  onUploadProgress?: (sent: number) => void;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function rawFetch(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  // A FormData body (file upload) sets its own multipart boundary; everything else is JSON.
  const multipart = opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (multipart && opts.onUploadProgress) return xhrSend(withQuery(path, opts.query), headers, opts.body as FormData, opts.onUploadProgress, opts.signal);
  try {
    return await fetch(withQuery(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }
}

/**
 * fetch cannot report how much of a request body has been sent; XMLHttpRequest can. The reply
 * is wrapped as a Response so the token refresh and error handling stay the same for both.
 */
function xhrSend(url: string, headers: Record<string, string>, body: FormData, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [key, value] of Object.entries(headers)) xhr.setRequestHeader(key, value);
    xhr.responseType = 'blob';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const replyHeaders = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) replyHeaders.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      resolve(new Response(empty ? null : (xhr.response as Blob), { status: xhr.status, statusText: xhr.statusText, headers: replyHeaders }));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string'
    && typeof (body as ApiErrorBody).message === 'string';
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not our JSON (a proxy's error page, say): fall through to a generic message.
  }
  if (isErrorBody(body)) return new ApiError(res.status, body.code, body.message, body.details ?? [], body.requestId);
  const message = res.status >= 500 ? '服务暂时不可用，请稍后重试' : `请求失败（${res.status}）`;
  return new ApiError(res.status, `HTTP_${res.status}`, message);
}

// Single flight: every request that meets TOKEN_EXPIRED while a refresh is running waits for it.
let refreshing: Promise<string> | null = null;

async function refreshTokens(): Promise<string> {
  const refreshToken = tokens.refresh;
  if (!refreshToken) {
    const error = new ApiError(401, 'AUTH_REQUIRED', '登录已失效，请重新登录');
    endSession(error);
    throw error;
  }
  const res = await rawFetch('/api/auth/refresh', { method: 'POST', body: { refreshToken } }, null);
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401) endSession(error);
    throw error;
  }
  const pair = (await res.json()) as TokenPair;
  tokens.save(pair);
  return pair.accessToken;
}

function freshAccessToken(expired: string | null): Promise<string> {
  // Another request already refreshed after ours was sent: just use the new token.
  const current = tokens.access;
  if (current && current !== expired) return Promise.resolve(current);
  refreshing ??= refreshTokens().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const auth = opts.auth !== false;
  const token = auth ? tokens.access : null;
  let res = await rawFetch(path, opts, token);
  if (res.ok) return res;
  let error = await toApiError(res);
  if (auth && error.code === 'TOKEN_EXPIRED') {
    res = await rawFetch(path, opts, await freshAccessToken(token));
    if (res.ok) return res;
    error = await toApiError(res);
  }
  if (auth && res.status === 401 && SESSION_ENDED.has(error.code)) endSession(error);
  throw error;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'method' | 'query'>) =>
    request<T>(path, { ...opts, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...opts, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...opts, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'method' | 'body'>) =>
    request<T>(path, { ...opts, method: 'PATCH', body }),
  /** multipart/form-data: one file under `field`, plus any plain text fields. */
  upload: <T>(
    path: string,
    file: Blob,
    opts: { field?: string; fields?: Record<string, string>; query?: Query; signal?: AbortSignal; onProgress?: (sent: number) => void } = {},
  ) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(opts.fields ?? {})) form.append(key, value);
    form.append(opts.field ?? 'file', file, file instanceof File ? file.name : 'file');
    return request<T>(path, { method: 'POST', body: form, query: opts.query, signal: opts.signal, onUploadProgress: opts.onProgress });
  },
  /** A private file (needs the token) as an object URL for <img>/<video>; the caller revokes it. */
  async objectUrl(path: string, signal?: AbortSignal): Promise<string> {
    const res = await send(path, { method: 'GET', accept: '*/*', signal });
    return URL.createObjectURL(await res.blob());
  },
  /** Fetches a file with the person's token and hands it to the browser under `filename`. */
  async download(path: string, query: Query | undefined, filename: string): Promise<void> {
    const res = await send(path, { method: 'GET', query, accept: '*/*' });
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Revoking in the same tick can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
