// Page addresses in one place, so a renamed page breaks the type check rather than a tap.
import Taro from '@tarojs/taro'

export const PAGES = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  brokerFiling: '/subpackages/broker/pages/filing/index', // 经纪人备案
  agency: '/subpackages/broker/pages/agency/index', // 机构信息与备案 (agency_admin)
  agencyBrokers: '/subpackages/broker/pages/brokers/index', // 本机构经纪人 (agency_admin)
  creditFiling: '/subpackages/broker/pages/credit/index', // 信用备案 (broker, agency_admin)
  // 业主服务
  ownerHouses: '/subpackages/owner/pages/houses/index', // 我的房屋
  ownerVerify: '/subpackages/owner/pages/verify/index', // 房屋认证
  ownerReport: '/subpackages/owner/pages/report/index', // 我要报修 / 我要投诉 (?kind=)
  ownerTickets: '/subpackages/owner/pages/tickets/index', // 我的报修/投诉 (?kind=)
  ownerTicket: '/subpackages/owner/pages/ticket/index', // (?id=)
  ownerNotices: '/subpackages/owner/pages/notices/index', // 社区公告
  // 物业工作人员
  staffTasks: '/subpackages/staff/pages/tasks/index', // 报修/投诉/巡查问题处理 (?kind=&tab=)
  staffTicket: '/subpackages/staff/pages/ticket/index', // (?id=)
  staffPatrols: '/subpackages/staff/pages/patrols/index', // 巡查任务
  staffPatrol: '/subpackages/staff/pages/patrol/index', // (?id=)
  staffSnap: '/subpackages/staff/pages/snap/index', // 随手拍 (?taskId=&communityId=)
  // 业委会
  committeeTickets: '/subpackages/committee/pages/tickets/index', // 报修/投诉监督 (?kind=)
  committeeTicket: '/subpackages/committee/pages/ticket/index', // (?id=)
} as const

/** The public (no-login) pages, all in the `public` subpackage. */
const PUBLIC_ROOT = '/subpackages/public/pages'
export const PUBLIC_PAGES = {
  projects: `${PUBLIC_ROOT}/projects/index`, // 楼盘查询
  project: `${PUBLIC_ROOT}/project/index`,
  building: `${PUBLIC_ROOT}/building/index`, // 楼盘表
  room: `${PUBLIC_ROOT}/room/index`,
  developer: `${PUBLIC_ROOT}/developer/index`,
  agencies: `${PUBLIC_ROOT}/agencies/index`, // 备案中介查询
  agency: `${PUBLIC_ROOT}/agency/index`,
  broker: `${PUBLIC_ROOT}/broker/index`, // 经纪人信息
  map: `${PUBLIC_ROOT}/map/index`, // 地图找房
  contents: `${PUBLIC_ROOT}/contents/index`, // 政策法规 / 通知公告 / 购房须知
  content: `${PUBLIC_ROOT}/content/index`,
  video: `${PUBLIC_ROOT}/video/index`, // 《购房陷阱知多少》
  verify: `${PUBLIC_ROOT}/verify/index`, // 证书核验 (the QR code on printed permits opens this)
} as const

export type PublicPage = keyof typeof PUBLIC_PAGES

/** The address of a public page with its parameters (unset ones left out). */
export function publicUrl(page: PublicPage, params: Record<string, string | number | undefined> = {}): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return q ? `${PUBLIC_PAGES[page]}?${q}` : PUBLIC_PAGES[page]
}

export function openPublic(page: PublicPage, params?: Record<string, string | number | undefined>): void {
  void Taro.navigateTo({ url: publicUrl(page, params) })
}

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
