// The mini-program's service areas, declared as data: which roles open each area, where its home
// page lives (one subpackage per area) and which services it offers. A service without a `path`
// is not built yet and shows 即将开放 instead of a dead link.
import { ENTERPRISE_ROLES, ROLE_LABELS, type Role } from '@hq/common'
import { PAGES, publicUrl } from '../services/nav'

export interface ServiceTile {
  key: string
  title: string
  /** One character drawn in the tile's badge. */
  glyph: string
  /** Badge colour. */
  tint: string
  /** Page to open; absent while the service is not yet built. */
  path?: string
  /** The page is a tab page (opened with switchTab). */
  tab?: boolean
}

export type AreaKey = 'owner' | 'staff' | 'broker' | 'inspector' | 'committee' | 'enterprise'

export interface RoleArea {
  key: AreaKey
  title: string
  summary: string
  roles: readonly Role[]
  home: string
  services: ServiceTile[]
}

const BLUE = '#1f5fbf'
const TEAL = '#0f8f8a'
const ORANGE = '#d9822b'
const GREEN = '#2f9d58'
const PURPLE = '#6a4fc2'
const RED = '#c8453b'

const home = (key: AreaKey) => `/subpackages/${key}/pages/home/index`

export const ROLE_AREAS: readonly RoleArea[] = [
  {
    key: 'owner',
    title: '业主服务',
    summary: '房屋认证、报事报修、投诉建议、社区公告',
    roles: ['owner', 'public'], // anyone signed in from WeChat may verify a house (房屋认证) and so become its owner here
    home: home('owner'),
    services: [
      { key: 'house-verify', title: '房屋认证', glyph: '核', tint: BLUE, path: PAGES.ownerVerify },
      { key: 'houses', title: '我的房屋', glyph: '房', tint: TEAL, path: PAGES.ownerHouses },
      { key: 'repair', title: '我要报修', glyph: '修', tint: ORANGE, path: `${PAGES.ownerReport}?kind=repair` },
      { key: 'complaint', title: '我要投诉', glyph: '诉', tint: RED, path: `${PAGES.ownerReport}?kind=complaint` },
      { key: 'my-tickets', title: '我的报修/投诉', glyph: '单', tint: BLUE, path: PAGES.ownerTickets },
      { key: 'community-notices', title: '社区公告', glyph: '告', tint: GREEN, path: PAGES.ownerNotices },
      { key: 'vote', title: '业主表决', glyph: '票', tint: PURPLE },
      { key: 'rating', title: '满意度评价', glyph: '评', tint: GREEN, path: `${PAGES.ownerTickets}?chip=done` },
      { key: 'self-listing', title: '房源自主挂牌', glyph: '挂', tint: TEAL },
    ],
  },
  {
    key: 'staff',
    title: '物业工作人员',
    summary: '报修与投诉处理、巡查任务、随手拍',
    roles: ['property_staff'],
    home: home('staff'),
    services: [
      { key: 'patrol', title: '巡查任务', glyph: '巡', tint: BLUE, path: PAGES.staffPatrols },
      { key: 'snap', title: '随手拍', glyph: '拍', tint: PURPLE, path: PAGES.staffSnap },
      { key: 'repair-orders', title: '报修处理', glyph: '修', tint: ORANGE, path: `${PAGES.staffTasks}?kind=repair` },
      { key: 'complaint-orders', title: '投诉处理', glyph: '诉', tint: RED, path: `${PAGES.staffTasks}?kind=complaint` },
      { key: 'rectify', title: '巡查问题整改', glyph: '改', tint: GREEN, path: `${PAGES.staffTasks}?kind=patrol` },
      { key: 'community', title: '小区信息', glyph: '区', tint: TEAL },
    ],
  },
  {
    key: 'broker',
    title: '经纪人/中介',
    summary: '经纪人备案、二手房源挂牌与核验',
    roles: ['broker', 'agency_admin'],
    home: home('broker'),
    services: [
      { key: 'broker-filing', title: '经纪人备案', glyph: '备', tint: BLUE, path: PAGES.brokerFiling },
      { key: 'listing', title: '房源挂牌', glyph: '挂', tint: TEAL },
      { key: 'my-listings', title: '我的房源', glyph: '房', tint: ORANGE },
      { key: 'agency', title: '机构信息', glyph: '构', tint: PURPLE, path: PAGES.agency },
      { key: 'agency-brokers', title: '本机构经纪人', glyph: '人', tint: GREEN, path: PAGES.agencyBrokers },
      { key: 'credit-filing', title: '信用备案', glyph: '信', tint: BLUE, path: PAGES.creditFiling },
    ],
  },
  {
    key: 'inspector',
    title: '巡查检查',
    summary: '双随机检查、现场检查与拍照取证、整改督办',
    roles: ['inspector'],
    home: home('inspector'),
    services: [
      { key: 'random-check', title: '双随机检查', glyph: '随', tint: BLUE },
      { key: 'onsite', title: '现场检查', glyph: '查', tint: ORANGE },
      { key: 'market', title: '市场巡查', glyph: '市', tint: TEAL },
      { key: 'rectify-supervise', title: '整改督办', glyph: '督', tint: RED },
    ],
  },
  {
    key: 'committee',
    title: '业委会',
    summary: '报修与投诉监督、业主表决、物业选聘与考核',
    roles: ['committee_member'],
    home: home('committee'),
    services: [
      { key: 'committee-info', title: '业委会信息', glyph: '委', tint: BLUE },
      { key: 'repair-watch', title: '报修监督', glyph: '修', tint: ORANGE, path: `${PAGES.committeeTickets}?kind=repair` },
      { key: 'complaint-watch', title: '投诉监督', glyph: '诉', tint: RED, path: `${PAGES.committeeTickets}?kind=complaint` },
      { key: 'start-vote', title: '发起表决', glyph: '票', tint: PURPLE },
      { key: 'tender', title: '物业选聘', glyph: '聘', tint: TEAL },
      { key: 'assessment', title: '物业考核', glyph: '考', tint: GREEN },
      { key: 'announcement', title: '公告公示', glyph: '告', tint: ORANGE },
    ],
  },
  {
    key: 'enterprise',
    title: '企业服务',
    summary: '企业信息、办件进度与通知',
    roles: ENTERPRISE_ROLES,
    home: home('enterprise'),
    services: [
      { key: 'org-info', title: '企业信息', glyph: '企', tint: BLUE },
      { key: 'progress', title: '办件进度', glyph: '进', tint: TEAL },
      { key: 'notices', title: '通知消息', glyph: '通', tint: ORANGE },
    ],
  },
]

/** Services for everyone, signed in or not (首页); the public pages live in the `public` subpackage. */
export const PUBLIC_SERVICES: readonly ServiceTile[] = [
  { key: 'projects', title: '楼盘查询', glyph: '楼', tint: BLUE, path: publicUrl('projects') },
  { key: 'map', title: '地图找房', glyph: '图', tint: TEAL, path: publicUrl('map') },
  { key: 'policies', title: '政策法规', glyph: '策', tint: PURPLE, path: publicUrl('contents', { channel: 'policy' }) },
  { key: 'notices', title: '通知公告', glyph: '告', tint: ORANGE, path: publicUrl('contents', { channel: 'notice' }) },
  { key: 'guide', title: '购房须知', glyph: '须', tint: BLUE, path: publicUrl('contents', { channel: 'guide' }) },
  { key: 'agencies', title: '备案中介查询', glyph: '介', tint: GREEN, path: publicUrl('agencies') },
  { key: 'verify', title: '证书核验', glyph: '证', tint: PURPLE, path: publicUrl('verify') },
  { key: 'video', title: '购房陷阱知多少', glyph: '视', tint: RED, path: publicUrl('video') },
  // Property services are handled (办理) by owners and staff after signing in, from 我的.
  { key: 'property', title: '物业服务', glyph: '物', tint: TEAL, path: '/pages/mine/index', tab: true },
]

export function areaByKey(key: AreaKey): RoleArea {
  const area = ROLE_AREAS.find((a) => a.key === key)
  if (!area) throw new Error(`unknown area ${key}`)
  return area
}

/** The areas a person may open, in declaration order. */
export function areasFor(roles: readonly Role[]): RoleArea[] {
  return ROLE_AREAS.filter((a) => a.roles.some((r) => roles.includes(r)))
}

/** 适用身份 line for an area, e.g. "房地产经纪人、中介机构管理员". */
export function areaRoleLabels(area: RoleArea): string {
  return area.roles.map((r) => ROLE_LABELS[r]).join('、')
}
