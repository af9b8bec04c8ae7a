// 赋码 (RE-020…RE-025): the six code families of the tender, the certificate numbers of
// enterprises and brokers (资质证书、备案证明), their rules, issued codes and the public check.
import { z } from '../zod';
import { pageQuery } from './common';
import { CODE_CHARS, CODE_MAX_LENGTH, CODE_PREFIX_MAX_LENGTH, CODE_TEMPLATE_MAX_LENGTH, type CodeScope } from '../codes';

export const CODE_FAMILIES = [
  'presale_permit',
  'completed_filing',
  'new_home_contract',
  'second_hand_contract',
  'mortgage_contract',
  'lease_contract',
  'developer_qualification',
  'agency_filing',
  'broker_filing',
  'property_filing',
] as const;
export type CodeFamily = (typeof CODE_FAMILIES)[number];

export const CODE_FAMILY_LABELS: Record<CodeFamily, string> = {
  presale_permit: '预售许可证号',
  completed_filing: '现售备案号',
  new_home_contract: '商品房网签合同备案号',
  second_hand_contract: '存量房网签合同备案号',
  mortgage_contract: '房屋抵押合同备案号',
  lease_contract: '房屋租赁合同备案号',
  developer_qualification: '开发企业资质证书编号',
  agency_filing: '中介机构备案证明编号',
  broker_filing: '经纪人备案证明编号',
  property_filing: '物业企业备案证明编号',
};

/** The requirement each family serves (赋码管理子系统). */
export const CODE_FAMILY_REQUIREMENTS: Record<CodeFamily, string> = {
  presale_permit: 'RE-020',
  completed_filing: 'RE-021',
  new_home_contract: 'RE-022',
  second_hand_contract: 'RE-023',
  mortgage_contract: 'RE-024',
  lease_contract: 'RE-025',
  developer_qualification: 'RE-067',
  agency_filing: 'RE-068',
  broker_filing: 'RE-166',
  property_filing: 'PM-004',
};

export const CODE_SCOPES = ['year', 'year_month', 'never'] as const satisfies readonly CodeScope[];
export const CODE_SCOPE_LABELS: Record<CodeScope, string> = { year: '每年', year_month: '每月', never: '不重置' };

/**
 * Permit and filing numbers are also stored as (authority, year, seq), unique per authority and
 * year (DOMAIN.md §2), so their sequence may restart only at a new year, or never.
 */
export const CODE_FAMILY_SCOPES: Record<CodeFamily, readonly CodeScope[]> = {
  presale_permit: ['year', 'never'],
  completed_filing: ['year', 'never'],
  new_home_contract: CODE_SCOPES,
  second_hand_contract: CODE_SCOPES,
  mortgage_contract: CODE_SCOPES,
  lease_contract: CODE_SCOPES,
  developer_qualification: CODE_SCOPES,
  agency_filing: CODE_SCOPES,
  broker_filing: CODE_SCOPES,
  property_filing: CODE_SCOPES,
};

export const CODE_ISSUE_STATUSES = ['issued', 'cancelled'] as const;
export type CodeIssueStatus = (typeof CODE_ISSUE_STATUSES)[number];
export const CODE_ISSUE_STATUS_LABELS: Record<CodeIssueStatus, string> = { issued: '有效', cancelled: '已注销' };

export const codeFamilyParam = z.object({ family: z.enum(CODE_FAMILIES, { message: '编码类别不存在' }) });

export const codeRuleBody = z.object({
  prefix: z.string({ message: '请填写前缀' }).trim().max(CODE_PREFIX_MAX_LENGTH, `前缀不超过${CODE_PREFIX_MAX_LENGTH}个字符`),
  template: z.string({ message: '请填写编码模板' }).trim().min(1, '请填写编码模板').max(CODE_TEMPLATE_MAX_LENGTH, `编码模板不超过${CODE_TEMPLATE_MAX_LENGTH}个字符`),
  scope: z.enum(CODE_SCOPES, { message: '流水号重置周期应为每年、每月或不重置' }),
});
export type CodeRuleBody = z.infer<typeof codeRuleBody>;

export const codeRuleRow = z.object({
  family: z.enum(CODE_FAMILIES),
  familyLabel: z.string(),
  prefix: z.string(),
  template: z.string(),
  scope: z.enum(CODE_SCOPES),
  scopeLabel: z.string(),
  /** What the next code of this year would look like with sequence 1. */
  example: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const codeIssuesQuery = pageQuery.extend({
  family: z.enum(CODE_FAMILIES, { message: '编码类别不存在' }).optional(),
  scope: z.string().trim().regex(/^(all|\d{4}(-\d{2})?)$/, '周期格式为 2026、2026-03 或 all').optional(),
  status: z.enum(CODE_ISSUE_STATUSES, { message: '状态应为 issued 或 cancelled' }).optional(),
  code: z.string().trim().max(CODE_MAX_LENGTH).optional(),
});

export const codeIssueRow = z.object({
  id: z.number().int(),
  family: z.enum(CODE_FAMILIES),
  familyLabel: z.string(),
  scope: z.string(),
  seq: z.number().int(),
  code: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  status: z.enum(CODE_ISSUE_STATUSES),
  statusLabel: z.string(),
  issuedAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type CodeIssueRow = z.infer<typeof codeIssueRow>;

export const cancelCodeBody = z.object({
  reason: z.string({ message: '请填写注销原因' }).trim().min(2, '请填写注销原因').max(300, '注销原因不超过300字'),
});

export const codeVerifyQuery = z.object({
  code: z
    .string({ message: '请输入要核验的编码' })
    .trim()
    .min(1, '请输入要核验的编码')
    .max(CODE_MAX_LENGTH, `编码不超过${CODE_MAX_LENGTH}个字符`)
    .regex(CODE_CHARS, '编码只含文字、数字和括号、横线等符号，请核对后重新输入'),
});

/** The public answer: which record a code belongs to and whether it stands; never personal data. */
export const codeVerifyResponse = z.object({
  valid: z.boolean(),
  code: z.string(),
  family: z.enum(CODE_FAMILIES).nullable(),
  familyLabel: z.string().nullable(),
  status: z.string().nullable(), // 有效 | 已注销
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  issuedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  message: z.string(),
});
export type CodeVerifyResponse = z.infer<typeof codeVerifyResponse>;
