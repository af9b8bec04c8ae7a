// Labels and colours of the application pages, derived from common's tables where they exist.
import { APPLICATION_STATUS_LABELS, type ApplicationStatus, type Role, type WorkflowAction } from '@hq/common';
import type { InboxBox } from './api';

export const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  draft: 'default', submitted: 'processing', in_review: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default',
};
export const STATUS_OPTIONS = (Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[]).map((value) => ({ value, label: APPLICATION_STATUS_LABELS[value] }));

/** Who works an application from the inbox: the reviewers of its steps and the applicant's staff. */
// The industry association reviews agency and broker filings (行业协会审核).
export const REVIEWER_ROLES: Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'association'];
// Enterprises apply: developers, agencies (备案、变更) and property companies (备案).
export const APPLICANT_ROLES: Role[] = ['developer_staff', 'agency_admin', 'property_staff'];

export interface InboxTab {
  key: 'todo' | 'done' | 'mine' | 'drafts';
  box: InboxBox;
  label: string;
  hint: string;
  empty: string;
  roles: Role[];
  /** The applicant's own boxes: every row is their organisation's. */
  ownOrg: boolean;
}

/** Reviewers see 待办/已办; applicants their organisation's applications and the 草稿箱. */
export const INBOX_TABS: InboxTab[] = [
  { key: 'todo', box: 'todo', label: '待办', hint: '待您所在审核环节办理的申请，按办理时限排列；逾期的标红。', empty: '暂无待办事项', roles: REVIEWER_ROLES, ownOrg: false },
  { key: 'done', box: 'done', label: '已办', hint: '您办理过的申请。', empty: '暂无已办事项', roles: REVIEWER_ROLES, ownOrg: false },
  { key: 'mine', box: 'mine', label: '本单位申请', hint: '本单位提交和保存的全部申请。', empty: '本单位还没有申请', roles: APPLICANT_ROLES, ownOrg: true },
  // The applicant's to-do box: what still needs them — drafts, and applications returned for supplements.
  { key: 'drafts', box: 'todo', label: '草稿箱', hint: '尚未提交的草稿，以及退回补正、待修改后重新提交的申请。', empty: '草稿箱是空的', roles: APPLICANT_ROLES, ownOrg: true },
];

/** Actions that end or hand over the application: asked twice. Saving is not. */
export const CONFIRMED_ACTIONS: readonly WorkflowAction[] = ['submit', 'resubmit', 'approve', 'return', 'reject', 'withdraw'];
export const DANGER_ACTIONS: readonly WorkflowAction[] = ['reject', 'withdraw'];
export const PRIMARY_ACTIONS: readonly WorkflowAction[] = ['submit', 'resubmit', 'approve'];

/** Names of the form's fields, for the version comparison (paths like form.contacts.salesDirector.phone). */
const FIELD_LABELS: Record<string, string> = {
  form: '申请表',
  attachments: '附件',
  projectId: '项目',
  buildingIds: '楼栋',
  roomIds: '房屋',
  addRoomIds: '增加房屋',
  removeRoomIds: '撤出房屋',
  permitId: '预售许可证',
  officeAreas: '办公面积',
  serviced: '酒店式办公',
  ordinary: '普通办公',
  count: '套数',
  area: '面积',
  floorHeightCounts: '按层高统计套数',
  contacts: '联系人',
  salesDirector: '销售总监',
  financeDirector: '财务总监',
  projectManager: '项目经理',
  name: '姓名',
  phone: '手机号',
  schedule: '工程进度',
  startDate: '开工日期',
  deliveryDate: '交付日期',
  supervisedAccount: '预售资金监管账户',
  bankOrgId: '监管银行',
  accountNo: '账号',
  accountName: '户名',
  conditions: '预售条件',
  qualificationCertNo: '开发资质证书编号',
  qualificationValidUntil: '资质有效期',
  landPremiumPaid: '土地出让金已缴清',
  landCertNo: '土地使用权证号',
  planningPermitNo: '建设工程规划许可证号',
  constructionPermitNo: '施工许可证号',
  propertyManagementArranged: '已落实物业管理',
  utilitiesReady: '配套设施具备交付条件',
  completionFilingNo: '竣工验收备案编号',
  completionDate: '竣工验收日期',
  initialRegistrationNo: '首次登记证明号',
  validUntil: '预售许可有效期',
  reason: '变更原因',
  remarks: '备注',
};

export function fieldLabel(path: string): string {
  const parts = path.split('.').filter((p, i) => !(i === 0 && p === 'form'));
  return parts.map((p) => FIELD_LABELS[p] ?? p).join(' / ') || '申请表';
}

/** A form value as a person reads it: 是/否, lists joined, long lists shortened. */
export function formatValue(v: unknown, attachmentLabels?: Map<string, string>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) {
    if (v.length === 0) return '（空）';
    if (attachmentLabels && v.every((x) => x && typeof x === 'object' && 'key' in x)) {
      return v.map((x) => attachmentLabels.get(String((x as { key: string }).key)) ?? String((x as { key: string }).key)).join('、');
    }
    const items = v.map((x) => (x && typeof x === 'object' ? JSON.stringify(x) : String(x)));
    return items.length > 12 ? `${items.slice(0, 12).join('、')} 等 ${items.length} 项` : items.join('、');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Every leaf of a stored form with its path, for showing one version field by field. */
export function flattenForm(value: unknown, path = ''): { path: string; value: unknown }[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.keys(value as Record<string, unknown>).sort().flatMap((k) => flattenForm((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return [{ path, value }];
}
