// Page addresses in one place, so a renamed page breaks the type check rather than a tap.
import Taro from '@tarojs/taro'

export const PAGES = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
} as const

export function goLogin(): void {
  void Taro.navigateTo({ url: PAGES.login })
}

export function goMine(): void {
  void Taro.switchTab({ url: PAGES.mine })
}

/** Leave the login page: back to where the person came from, else to 我的. */
export function leaveLogin(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else goMine()
}

/**
 * H5: take a one-time parameter (e.g. `gdid_ticket`) out of the address bar, so a reload or a
 * shared link does not replay it. The hash router's state is kept; the page is not re-rendered.
 */
export function dropRouteParam(name: string): void {
  if (process.env.TARO_ENV !== 'h5') return
  const { pathname, search, hash } = window.location
  const q = hash.indexOf('?')
  if (q < 0) return
  const params = new URLSearchParams(hash.slice(q + 1))
  if (!params.has(name)) return
  params.delete(name)
  const rest = params.toString()
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash.slice(0, q)}${rest ? `?${rest}` : ''}`)
}
