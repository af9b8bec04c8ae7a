// Roles, their data scopes and the admin menu. Computed once here and used by the API's
// policies, the admin's menu and buttons, and the mini-program's role pages.

export const ROLES = [
  'public',
  'owner',
  'committee_member',
  'broker',
  'agency_admin',
  'developer_staff',
  'property_staff',
  'property_manager',
  'street_officer',
  'bank',
  'association',
  'reviewer_1',
  'reviewer_2',
  'reviewer_3',
  'leader',
  'inspector',
  'expert',
  'review_unit',
  'sys_admin',
  'sec_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  public: '社会公众',
  owner: '购房人/业主',
  committee_member: '业委会成员',
  broker: '房地产经纪人',
  agency_admin: '中介机构管理员',
  developer_staff: '开发企业经办人',
  property_staff: '物业企业工作人员',
  property_manager: '物业项目经理',
  street_officer: '街道/社区工作人员',
  bank: '监管银行',
  association: '行业协会',
  reviewer_1: '初审人员',
  reviewer_2: '复审人员',
  reviewer_3: '终审人员',
  leader: '分管领导',
  inspector: '巡查检查人员',
  expert: '评审专家',
  review_unit: '评审小组单位',
  sys_admin: '系统管理员',
  sec_admin: '安全管理员',
  audit_admin: '审计管理员',
};

/** What records a role sees: everything, its own enterprise's, or only the person's own. */
export type DataScope = 'all' | 'org' | 'self';

export const ROLE_SCOPE: Record<Role, DataScope> = {
  public: 'self',
  owner: 'self',
  committee_member: 'org',
  broker: 'self',
  agency_admin: 'org',
  developer_staff: 'org',
  property_staff: 'org',
  property_manager: 'org',
  street_officer: 'org',
  bank: 'org',
  association: 'all',
  reviewer_1: 'all',
  reviewer_2: 'all',
  reviewer_3: 'all',
  leader: 'all',
  inspector: 'all',
  expert: 'self',
  review_unit: 'org',
  sys_admin: 'self',
  sec_admin: 'self',
  audit_admin: 'self',
};

export const REGULATOR_ROLES: readonly Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'inspector'];
export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin'];
/** Enterprise roles: users belong to one organisation and see only its records. */
export const ENTERPRISE_ROLES: readonly Role[] = ['developer_staff', 'property_staff', 'property_manager', 'agency_admin', 'bank', 'review_unit'];

/**
 * Regulators who review and decide, and the administrators: TOTP second factor and 90-day
 * password rotation. Inspectors work from the mini-program on site and are not included.
 */
export const PRIVILEGED_ROLES: readonly Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', ...ADMIN_ROLES];

export function isPrivileged(roles: readonly Role[]): boolean {
  return roles.some((r) => PRIVILEGED_ROLES.includes(r));
}

export const PASSWORD_MAX_AGE_DAYS = 90;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;
export const WEB_IDLE_MINUTES = 30;

export const ORG_KINDS = [
  'regulator',
  'developer',
  'agency',
  'property_company',
  'bank',
  'association',
  'review_unit',
  'owners_committee',
  'street_office',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  regulator: '主管部门',
  developer: '房地产开发企业',
  agency: '房地产中介机构',
  property_company: '物业服务企业',
  bank: '监管银行',
  association: '行业协会',
  review_unit: '评审小组单位',
  owners_committee: '业主委员会',
  street_office: '街道办事处/社区居委会',
};

export interface MenuItem {
  key: string;
  label: string;
  path: string;
  roles: readonly Role[];
  children?: MenuItem[];
}

const REG = REGULATOR_ROLES;
/** Regulators who take a step in the review of applications (初审/复审/终审, 分管领导). */
const REVIEW_ROLES: readonly Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];
/** The property side: the company's staff and managers, and the street / community office. */
const PROPERTY_SIDE: readonly Role[] = ['property_staff', 'property_manager', 'street_officer'];
/** The admin web's menu. Items appear for the listed roles; later issues add their areas. */
export const ADMIN_MENU: MenuItem[] = [
  { key: 'dashboard', label: '工作台', path: '/', roles: ROLES },
  {
    key: 'realestate',
    label: '房地产信息',
    path: '/realestate',
    roles: [...REG, 'developer_staff'],
    children: [
      { key: 'projects', label: '项目与楼盘表', path: '/realestate/projects', roles: [...REG, 'developer_staff'] },
    ],
  },
  {
    key: 'online',
    label: '网上办事',
    path: '/online',
    roles: [...REG, 'developer_staff', 'agency_admin', 'property_staff', 'association'],
    children: [
      // Reviewers (and the association, for agency and broker filings) work their 待办/已办 here;
      // enterprises (developers, agencies, property companies) their own applications and 草稿箱.
      {
        key: 'applications', label: '申请与审核', path: '/applications',
        roles: [...REVIEW_ROLES, 'association', 'developer_staff', 'agency_admin', 'property_staff'],
      },
      { key: 'permits', label: '预售许可与现售备案', path: '/permits', roles: [...REG, 'developer_staff'] },
    ],
  },
  {
    key: 'enterprises',
    label: '企业管理',
    path: '/enterprises',
    roles: [...REG, 'association', 'developer_staff', 'agency_admin', 'property_staff'],
    children: [
      { key: 'my-org', label: '本企业信息', path: '/enterprises/mine', roles: ['developer_staff', 'agency_admin', 'property_staff'] },
      { key: 'orgs', label: '企业名录', path: '/enterprises/list', roles: [...REG, 'association'] },
      { key: 'brokers', label: '经纪人名录', path: '/enterprises/brokers', roles: [...REG, 'association'] },
    ],
  },
  {
    // 信用管理 (RE-059…RE-064, RE-073, PM-005): the association answers for agencies and brokers.
    key: 'credit',
    label: '信用管理',
    path: '/credit',
    roles: [...REG, 'association'],
    children: [
      { key: 'credit-events', label: '信用信息', path: '/credit/events', roles: [...REG, 'association'] },
      { key: 'credit-objections', label: '信用异议', path: '/credit/objections', roles: [...REG, 'association'] },
      { key: 'credit-subjects', label: '信用评价', path: '/credit/subjects', roles: [...REG, 'association'] },
      { key: 'credit-standards', label: '评级标准', path: '/credit/standards', roles: [...REG, 'association'] },
    ],
  },
  {
    key: 'property',
    label: '智慧物业',
    path: '/property',
    roles: [...REG, ...PROPERTY_SIDE],
    children: [
      { key: 'communities', label: '小区管理', path: '/property/communities', roles: [...REG, ...PROPERTY_SIDE] },
      // Repairs, complaints and patrol issues: the property company's back office; the regulator's view of all.
      { key: 'tickets', label: '报修投诉工单', path: '/property/tickets', roles: [...REG, ...PROPERTY_SIDE] },
      { key: 'complaint-register', label: '投诉登记', path: '/property/complaints/new', roles: REG },
      { key: 'monitor', label: '监测预警', path: '/property/monitor', roles: [...REG, 'property_manager', 'street_officer'] },
      { key: 'patrols', label: '巡查任务', path: '/property/patrols', roles: [...REG, 'property_staff', 'property_manager'] },
      { key: 'community-notices', label: '小区公告', path: '/property/notices', roles: ['property_staff', 'property_manager'] },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    path: '/system',
    roles: ['sys_admin', 'sec_admin'],
    children: [
      { key: 'users', label: '用户管理', path: '/system/users', roles: ['sys_admin', 'sec_admin'] },
      { key: 'calendar', label: '工作日历', path: '/system/calendar', roles: ['sys_admin'] },
    ],
  },
  { key: 'contents', label: '内容发布', path: '/content', roles: REVIEW_ROLES },
  { key: 'audit', label: '审计日志', path: '/audit', roles: ['audit_admin'] },
  { key: 'account', label: '账号安全', path: '/account', roles: ROLES },
];

/** The menu a person sees: items (and children) any of whose roles they hold. */
export function menuFor(roles: readonly Role[], items: MenuItem[] = ADMIN_MENU): MenuItem[] {
  const out: MenuItem[] = [];
  for (const item of items) {
    if (!item.roles.some((r) => roles.includes(r))) continue;
    const children = item.children ? menuFor(roles, item.children) : undefined;
    if (item.children && (!children || children.length === 0)) continue;
    out.push(children ? { ...item, children } : item);
  }
  return out;
}
