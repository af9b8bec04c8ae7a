// Sign-in with WeChat, real-name verification (实名认证) through the Guangdong unified identity
// provider (广东省统一身份认证), sign-out and the current person's profile.
// In the mini-program the WeChat code comes from Taro.login(); on H5 (development and demos) it
// comes from the API's WeChat simulator, where each seeded persona stands for one WeChat user.
import Taro from '@tarojs/taro'
import { gdidExchangeResponse, gdidStartResponse, meResponse, wechatLoginResponse, z, type Me } from '@hq/common'
import { api, failure, parseReply, type Reply } from './transport'
import { PAGES } from './nav'
import { clearSession, getTokens, saveMe, saveTokens } from './session'

export interface DevPersona {
  openid: string
  label: string
}

const devPersona = z.object({ openid: z.string().min(1), label: z.string().min(1) })
const devPersonaList = z.array(devPersona)
const devCodeResponse = z.object({ code: z.string().min(1) })

/** The simulator's personas (H5 only): who one can sign in as without a real WeChat account. */
export async function fetchDevPersonas(): Promise<Reply<DevPersona[]>> {
  const reply = await api.get<unknown>('/sim/wechat/personas', { auth: false })
  if (!reply.ok) return reply
  const list = Array.isArray(reply.data) ? reply.data : (reply.data as { items?: unknown } | null)?.items
  return parseReply({ ...reply, data: list }, devPersonaList)
}

async function wechatCode(openid?: string): Promise<Reply<string>> {
  if (process.env.TARO_ENV === 'h5') {
    if (!openid) return failure('PERSONA_REQUIRED', '请选择一个演示账号')
    const reply = parseReply(await api.post<unknown>('/sim/wechat/dev-code', { openid }, { auth: false }), devCodeResponse)
    return reply.ok ? { ...reply, data: reply.data.code } : reply
  }
  try {
    const res = await Taro.login()
    if (res.code) return { ok: true, code: 'OK', data: res.code, message: '' }
  } catch {
    // fall through: WeChat did not give us a code (no network, user cancelled, DevTools offline)
  }
  return failure('WECHAT_LOGIN_FAILED', '微信登录失败，请稍后重试')
}

/**
 * Sign in with WeChat. On weapp `persona` is ignored; on H5 it is the simulator openid to sign in as.
 * On success the tokens and profile are stored and the profile returned.
 */
export async function loginWithWechat(persona?: string): Promise<Reply<Me>> {
  const code = await wechatCode(persona)
  if (!code.ok) return code
  const reply = parseReply(
    await api.post<unknown>('/api/auth/wechat/login', { code: code.data }, { auth: false }),
    wechatLoginResponse,
  )
  if (!reply.ok) return reply
  saveTokens(reply.data.tokens)
  saveMe(reply.data.user)
  return { ...reply, data: reply.data.user }
}

/** 'bind': add the verified identity to the signed-in account; 'login': sign in (or sign up) by it. */
export type GdidMode = 'bind' | 'login'

/**
 * Ask the API where to send the browser for 广东省统一身份认证 (H5 only: the provider is a web page
 * and comes back by redirect). The provider returns through the API to 我的 on this origin with
 * `?gdid_ticket=…` in the hash route; see `exchangeGdidTicket`. Answers the provider's address.
 */
export async function startGdid(mode: GdidMode): Promise<Reply<string>> {
  if (process.env.TARO_ENV !== 'h5') return failure('GDID_H5_ONLY', '请在H5或政务服务网完成实名认证')
  // The API accepts only addresses on its own origin (or its CORS allow-list).
  const returnTo = `${window.location.origin}${window.location.pathname}#${PAGES.mine}`
  const reply = parseReply(
    await api.post<unknown>('/api/auth/gdid/start', { mode, returnTo }, { auth: mode === 'bind' }),
    gdidStartResponse,
  )
  return reply.ok ? { ...reply, data: reply.data.authorizeUrl } : reply
}

export interface GdidOutcome {
  /** 'login': a new session was opened and stored; 'bound': the signed-in account is now verified. */
  result: 'login' | 'bound'
  me: Me
}

/**
 * Redeem the one-time ticket the provider's return carries. The API accepts each ticket once and
 * for five minutes; callers make sure they send it only once.
 */
export async function exchangeGdidTicket(ticket: string): Promise<Reply<GdidOutcome>> {
  const reply = parseReply(await api.post<unknown>('/api/auth/gdid/exchange', { ticket }, { auth: false }), gdidExchangeResponse)
  if (!reply.ok) return reply
  if (reply.data.result === 'login') saveTokens(reply.data.tokens)
  saveMe(reply.data.user)
  return { ...reply, data: { result: reply.data.result, me: reply.data.user } }
}

/** The current person, fresh from the server; refreshes the cached copy. */
export async function fetchMe(): Promise<Reply<Me>> {
  const reply = parseReply(await api.get<unknown>('/api/me'), meResponse)
  if (reply.ok) saveMe(reply.data)
  return reply
}

/** Sign out on the server (best effort) and forget the session here whatever it answers. */
export async function logout(): Promise<void> {
  const tokens = getTokens()
  if (tokens) await api.post<unknown>('/api/auth/logout', { refreshToken: tokens.refreshToken })
  clearSession()
}
