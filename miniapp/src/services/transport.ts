// The one transport. Every call to the API goes through `request`, which
//  - adds the bearer token (from session storage) in one place,
//  - turns every outcome (2xx, API error, network failure) into a Reply {code, data, message},
//  - on 401 TOKEN_EXPIRED refreshes once (single-flight across concurrent calls) and retries,
//  - on any other 401 forgets the session.
// `uploadFile` (multipart, Taro.uploadFile) goes through the same token and refresh handling.
// It shows nothing itself; pages decide how to present `message`.
import Taro from '@tarojs/taro'
import { tokenPair } from '@hq/common'
import { clearSession, getTokens, saveTokens } from './session'

export type Reply<T> =
  | { ok: true; code: 'OK'; data: T; message: string }
  | { ok: false; code: string; data: null; message: string; details?: { field: string; message: string }[] }

export type Failure = Extract<Reply<unknown>, { ok: false }>

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: Method
  data?: unknown
  /** Send the bearer token and take part in refresh (default true). */
  auth?: boolean
  timeout?: number
}

interface RawResponse {
  statusCode: number
  data: unknown
  /** The access token this request carried, if any. */
  sentToken: string | null
}

export const NETWORK_ERROR = 'NETWORK_ERROR'
export const BAD_RESPONSE = 'BAD_RESPONSE'
const OFFLINE_MESSAGE = '网络连接失败，请检查网络后重试'

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查后重试',
  401: '请先登录',
  403: '您没有权限执行此操作',
  404: '请求的内容不存在',
  409: '操作冲突，请刷新后重试',
  413: '提交的内容过大',
  429: '请求过于频繁，请稍后再试',
}

export function failure(code: string, message: string): Failure {
  return { ok: false, code, data: null, message }
}

function isErrorBody(v: unknown): v is { code: string; message?: unknown; details?: unknown } {
  return !!v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string'
}

function toReply<T>(res: RawResponse): Reply<T> {
  const { statusCode, data } = res
  if (statusCode >= 200 && statusCode < 300) {
    return { ok: true, code: 'OK', data: (data === '' ? null : data) as T, message: '' }
  }
  if (statusCode < 500 && isErrorBody(data)) {
    const message = typeof data.message === 'string' && data.message ? data.message : STATUS_MESSAGES[statusCode] ?? '请求失败'
    const details = Array.isArray(data.details) ? (data.details as { field: string; message: string }[]) : undefined
    return { ok: false, code: data.code, data: null, message, details }
  }
  // 5xx text stays on the server; people see a plain message.
  if (statusCode >= 500) return failure(isErrorBody(data) ? data.code : 'SERVER_ERROR', '服务暂时不可用，请稍后再试')
  return failure(`HTTP_${statusCode}`, STATUS_MESSAGES[statusCode] ?? '请求失败，请稍后再试')
}

async function send(path: string, opts: RequestOptions): Promise<RawResponse | null> {
  const header: Record<string, string> = { Accept: 'application/json' }
  const sentToken = opts.auth !== false ? getTokens()?.accessToken ?? null : null
  if (sentToken) header.Authorization = `Bearer ${sentToken}`
  try {
    const res = await Taro.request({
      url: `${API_BASE}${path}`,
      method: opts.method ?? 'GET',
      data: opts.data as TaroGeneral.IAnyObject | string | undefined,
      header,
      timeout: opts.timeout ?? 15000,
      dataType: 'json',
    })
    return { statusCode: res.statusCode, data: res.data, sentToken }
  } catch {
    // Taro.request rejects only when no HTTP reply arrived (offline, DNS, timeout, domain not allowed).
    return null
  }
}

type RefreshOutcome = 'refreshed' | 'refused' | 'unavailable'
let refreshing: Promise<RefreshOutcome> | null = null

/** Exchange the refresh token for a new pair. Concurrent callers share one attempt. */
function refreshOnce(): Promise<RefreshOutcome> {
  if (!refreshing) {
    refreshing = (async (): Promise<RefreshOutcome> => {
      const tokens = getTokens()
      if (!tokens) return 'refused'
      const res = await send('/api/auth/refresh', { method: 'POST', data: { refreshToken: tokens.refreshToken }, auth: false })
      // Offline or server trouble: keep the session so a later call can try again.
      if (!res || res.statusCode >= 500) return 'unavailable'
      const body = res.data as { tokens?: unknown } | null
      const parsed =
        res.statusCode >= 200 && res.statusCode < 300
          ? tokenPair.safeParse(body && typeof body === 'object' && 'tokens' in body ? body.tokens : body)
          : null
      if (!parsed || !parsed.success) {
        clearSession()
        return 'refused'
      }
      saveTokens(parsed.data)
      return 'refreshed'
    })().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

/** Send, and on 401 TOKEN_EXPIRED refresh once and send again; other 401s forget the session. */
async function withSession<T>(attempt: () => Promise<RawResponse | null>): Promise<Reply<T>> {
  let res = await attempt()
  if (!res) return failure(NETWORK_ERROR, OFFLINE_MESSAGE)

  if (res.statusCode === 401 && res.sentToken) {
    const code = isErrorBody(res.data) ? res.data.code : ''
    const current = getTokens()
    if (code === 'TOKEN_EXPIRED' && current) {
      // Another call may already have refreshed while this one was in flight: then just retry.
      const outcome = current.accessToken !== res.sentToken ? 'refreshed' : await refreshOnce()
      if (outcome === 'unavailable') return failure(NETWORK_ERROR, OFFLINE_MESSAGE)
      if (outcome === 'refreshed') {
        res = await attempt()
        if (!res) return failure(NETWORK_ERROR, OFFLINE_MESSAGE)
        if (res.statusCode === 401) clearSession()
      }
    } else if (current?.accessToken === res.sentToken) {
      // Revoked, disabled or otherwise invalid: forget it (unless a newer session replaced it meanwhile).
      clearSession()
    }
  }
  return toReply<T>(res)
}

export function request<T>(path: string, opts: RequestOptions = {}): Promise<Reply<T>> {
  return withSession<T>(() => send(path, opts))
}

/** Check a successful reply's data against a contract from @hq/common; a mismatch becomes a failure. */
export function parseReply<T>(reply: Reply<unknown>, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): Reply<T> {
  if (!reply.ok) return reply
  const parsed = schema.safeParse(reply.data)
  if (!parsed.success) return failure(BAD_RESPONSE, '服务返回的数据格式有误，请稍后再试')
  return { ok: true, code: 'OK', data: parsed.data, message: reply.message }
}

/** A local file to upload: WeChat's temp path, or on H5 the chosen File itself. */
export interface LocalFile {
  path: string
  name?: string
  /** H5: the File from the chooser. Sent as is, because the page's CSP (connect-src 'self') stops Taro reading blob: URLs. */
  blob?: Blob
}

async function sendFile(path: string, file: LocalFile): Promise<RawResponse | null> {
  const header: Record<string, string> = { Accept: 'application/json' }
  const sentToken = getTokens()?.accessToken ?? null
  if (sentToken) header.Authorization = `Bearer ${sentToken}`
  try {
    let statusCode: number
    let data: unknown
    if (process.env.TARO_ENV === 'h5' && file.blob) {
      const form = new FormData()
      form.append('file', file.blob, file.name ?? 'file')
      const res = await fetch(`${API_BASE}${path}`, { method: 'POST', headers: header, body: form })
      statusCode = res.status
      data = await res.text()
    } else {
      const res = await Taro.uploadFile({ url: `${API_BASE}${path}`, filePath: file.path, name: 'file', header, timeout: 120000 })
      statusCode = res.statusCode
      data = res.data
    }
    // Uploads hand the body over as text.
    if (typeof data === 'string' && data) {
      try {
        data = JSON.parse(data)
      } catch {
        // not JSON: toReply treats it as a plain failure
      }
    }
    return { statusCode, data, sentToken }
  } catch {
    return null
  }
}

/**
 * Multipart upload of one local file (from chooseImage / chooseMessageFile) as the field `file`,
 * with the same token, refresh-once and reply shape as `request`.
 */
export function uploadFile<T>(path: string, file: LocalFile): Promise<Reply<T>> {
  return withSession<T>(() => sendFile(path, file))
}

export const api = {
  get: <T>(path: string, opts?: Omit<RequestOptions, 'method' | 'data'>) => request<T>(path, { ...opts, method: 'GET' }),
  post: <T>(path: string, data?: unknown, opts?: Omit<RequestOptions, 'method' | 'data'>) =>
    request<T>(path, { ...opts, method: 'POST', data }),
  put: <T>(path: string, data?: unknown, opts?: Omit<RequestOptions, 'method' | 'data'>) =>
    request<T>(path, { ...opts, method: 'PUT', data }),
}
