// Where the signed-in person's tokens and last known profile are kept (Taro storage: WeChat
// storage in the mini-program, localStorage on H5). Only the transport and auth service write here.
import Taro from '@tarojs/taro'
import type { Me } from '@hq/common'

const TOKENS_KEY = 'hq.tokens'
const ME_KEY = 'hq.me'

export interface StoredTokens {
  accessToken: string
  refreshToken: string
  /** Epoch milliseconds; informational, the server's 401 TOKEN_EXPIRED is what triggers a refresh. */
  expiresAt: number
}

function read<T>(key: string): T | null {
  try {
    const v: unknown = Taro.getStorageSync(key)
    return v && typeof v === 'object' ? (v as T) : null
  } catch {
    return null
  }
}

export function getTokens(): StoredTokens | null {
  const t = read<StoredTokens>(TOKENS_KEY)
  return t && typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' ? t : null
}

export function saveTokens(pair: { accessToken: string; refreshToken: string; expiresIn: number }): void {
  const stored: StoredTokens = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expiresAt: Date.now() + pair.expiresIn * 1000,
  }
  Taro.setStorageSync(TOKENS_KEY, stored)
}

export function getCachedMe(): Me | null {
  return getTokens() ? read<Me>(ME_KEY) : null
}

export function saveMe(me: Me): void {
  Taro.setStorageSync(ME_KEY, me)
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKENS_KEY)
  Taro.removeStorageSync(ME_KEY)
}

export function isLoggedIn(): boolean {
  return getTokens() !== null
}
