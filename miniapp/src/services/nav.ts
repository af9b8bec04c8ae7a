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
