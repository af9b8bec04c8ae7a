// 商品房预售许可 (RE-012…RE-019): the application form. Conditions of 广东省商品房预售管理条例
// art. 6 are checked by the API at submission and listed all at once when unmet.
import { z } from '../zod';
import { normaliseMobile } from '../validators';
import { pageQuery } from './common';

const date = (label: string) => z.string({ message: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式为 YYYY-MM-DD`);
const person = (label: string) => z.object({
  name: z.string({ message: `请填写${label}姓名` }).trim().min(2, `请填写${label}姓名`).max(50),
  phone: z.string({ message: `请填写${label}手机号` }).trim().refine((p) => /^1[3-9][0-9]{9}$/.test(normaliseMobile(p)), `${label}手机号格式不正确`),
});

export const PERMIT_KINDS = ['presale', 'completed'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];
export const PERMIT_KIND_LABELS: Record<PermitKind, string> = { presale: '商品房预售许可', completed: '现房销售备案' };

export const PERMIT_STATUSES = ['valid', 'revoked', 'superseded'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
/** A permit's or filing's standing, as the certificate, the verification page and every list say it. */
export const PERMIT_STATUS_LABELS: Record<string, string> = { valid: '有效', revoked: '已注销', superseded: '已变更' } satisfies Record<PermitStatus, string>;

/** GET /api/permits and its Excel export (RE-016…RE-018, RE-201…RE-204). */
export const permitQuery = pageQuery.extend({
  keyword: z.string().trim().max(50, '关键字不超过50个字符').optional(),
  kind: z.enum(PERMIT_KINDS).optional(),
  year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
  status: z.enum(PERMIT_STATUSES).optional(),
  projectId: z.coerce.number().int().positive().optional(),
});
export type PermitQuery = z.infer<typeof permitQuery>;

export const permitRow = z.object({
  id: z.number().int(), permitNo: z.string(), kind: z.enum(PERMIT_KINDS), projectId: z.number().int(), projectName: z.string(),
  developerId: z.number().int(), developerName: z.string().nullable(), issuedOn: z.string(), roomCount: z.number().int(),
  /** 0.01 m² */
  area: z.number().int(),
  status: z.string(), buildingNos: z.array(z.string()),
});
export type PermitRow = z.infer<typeof permitRow>;

export const STATS_PERIODS = ['year', 'quarter', 'month'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];
export const permitStatsQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '开始日期格式为 YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '结束日期格式为 YYYY-MM-DD').optional(),
  period: z.enum(STATS_PERIODS).default('month'),
  kind: z.enum(PERMIT_KINDS).optional(),
});
export type PermitStatsQuery = z.input<typeof permitStatsQuery>;
/** One bucket of GET /api/permits/stats: area in 0.01 m², `use` in Chinese. */
export const permitStatsRow = z.object({
  period: z.string(), kind: z.string(), status: z.string(), use: z.string(), permits: z.number().int(), rooms: z.number().int(), area: z.number().int(),
});
export type PermitStatsRow = z.infer<typeof permitStatsRow>;

export const presalePermitForm = z.object({
  projectId: z.number({ message: '请选择项目' }).int().positive('请选择项目'),
  buildingIds: z.array(z.number().int().positive(), { message: '请至少选择一栋楼（预售范围）' }).min(1, '请至少选择一栋楼（预售范围）').max(50),
  /** Rooms chosen on the building table; empty means every not-yet-sellable room of the chosen buildings. */
  roomIds: z.array(z.number().int().positive()).max(20000).default([]),
  officeAreas: z.object({
    serviced: z.object({ count: z.number().int().min(0), area: z.number().int().min(0) }).default({ count: 0, area: 0 }),
    ordinary: z.object({ count: z.number().int().min(0), area: z.number().int().min(0) }).default({ count: 0, area: 0 }),
  }).default({ serviced: { count: 0, area: 0 }, ordinary: { count: 0, area: 0 } }),
  /** 按层高统计的套数: floor height in cm → count. */
  floorHeightCounts: z.array(z.object({ heightCm: z.number().int().min(200).max(1200), count: z.number().int().min(0) })).default([]),
  contacts: z.object({
    salesDirector: person('销售总监'),
    financeDirector: person('财务总监'),
    projectManager: person('项目经理'),
  }, { message: '请填写销售总监、财务总监和项目经理' }),
  schedule: z.object({ startDate: date('开工日期'), deliveryDate: date('交付日期') }, { message: '请填写工程进度计划和交付日期' }),
  supervisedAccount: z.object({
    bankOrgId: z.number({ message: '请选择监管银行' }).int().positive('请选择监管银行'),
    accountNo: z.string({ message: '请填写监管账户账号' }).trim().regex(/^[0-9]{10,30}$/, '监管账户账号应为10至30位数字'),
    accountName: z.string({ message: '请填写监管账户户名' }).trim().min(2, '请填写监管账户户名').max(100),
  }, { message: '请填写预售资金监管账户' }),
  conditions: z.object({
    qualificationCertNo: z.string({ message: '请填写开发资质证书编号' }).trim().min(4, '请填写开发资质证书编号').max(64),
    qualificationValidUntil: date('资质有效期'),
    landPremiumPaid: z.boolean({ message: '请确认土地出让金缴纳情况' }),
    landCertNo: z.string({ message: '请填写土地使用权证号' }).trim().min(4, '请填写土地使用权证号').max(64),
    planningPermitNo: z.string({ message: '请填写建设工程规划许可证号' }).trim().min(4, '请填写建设工程规划许可证号').max(64),
    constructionPermitNo: z.string({ message: '请填写施工许可证号' }).trim().min(4, '请填写施工许可证号').max(64),
  }, { message: '请填写预售条件' }),
  validUntil: date('预售许可有效期').optional(),
  remarks: z.string().trim().max(1000, '备注不超过1000字').optional(),
});
export type PresalePermitForm = z.infer<typeof presalePermitForm>;

export const PRESALE_ATTACHMENTS = [
  { key: 'business_licence', label: '营业执照', required: true },
  { key: 'qualification', label: '房地产开发企业资质证书', required: true },
  { key: 'land_certificate', label: '土地使用权证明及土地出让金缴纳凭证', required: true },
  { key: 'planning_permit', label: '建设工程规划许可证', required: true },
  { key: 'construction_permit', label: '建筑工程施工许可证', required: true },
  { key: 'progress_proof', label: '工程形象进度证明（监理单位出具）', required: true },
  { key: 'supervision_agreement', label: '预售资金监管协议', required: true },
  { key: 'sale_plan', label: '预售方案', required: false },
] as const;

/** 现房销售备案 (RE-197…RE-204): selling completed buildings. */
export const completedFilingForm = z.object({
  projectId: z.number({ message: '请选择项目' }).int().positive('请选择项目'),
  buildingIds: z.array(z.number().int().positive(), { message: '请至少选择一栋楼（现售范围）' }).min(1, '请至少选择一栋楼（现售范围）').max(50),
  roomIds: z.array(z.number().int().positive()).max(20000).default([]),
  completionFilingNo: z.string({ message: '请填写竣工验收备案编号' }).trim().min(4, '请填写竣工验收备案编号').max(64),
  completionDate: date('竣工验收日期'),
  initialRegistrationNo: z.string().trim().max(64).optional(),
  contacts: z.object({ salesDirector: person('销售总监'), projectManager: person('项目经理') }, { message: '请填写销售总监和项目经理' }),
  conditions: z.object({
    qualificationCertNo: z.string({ message: '请填写开发资质证书编号' }).trim().min(4, '请填写开发资质证书编号').max(64),
    qualificationValidUntil: date('资质有效期'),
    landCertNo: z.string({ message: '请填写土地使用权证号' }).trim().min(4, '请填写土地使用权证号').max(64),
    propertyManagementArranged: z.boolean({ message: '请确认已落实物业管理' }),
    utilitiesReady: z.boolean({ message: '请确认水电燃气等配套设施已具备交付使用条件' }),
  }, { message: '请填写现售条件' }),
  remarks: z.string().trim().max(1000, '备注不超过1000字').optional(),
});
export type CompletedFilingForm = z.infer<typeof completedFilingForm>;

export const COMPLETED_ATTACHMENTS = [
  { key: 'business_licence', label: '营业执照', required: true },
  { key: 'qualification', label: '房地产开发企业资质证书', required: true },
  { key: 'land_certificate', label: '土地使用权证明', required: true },
  { key: 'completion_filing', label: '竣工验收备案证明', required: true },
  { key: 'property_management', label: '物业管理方案或前期物业服务合同', required: true },
  { key: 'survey_report', label: '房屋测绘报告', required: true },
] as const;

/** 预售许可变更: rooms in scope, the supervised account and bank, the validity period. */
export const presalePermitChangeForm = z.object({
  permitId: z.number({ message: '请选择要变更的预售许可证' }).int().positive('请选择要变更的预售许可证'),
  addRoomIds: z.array(z.number().int().positive()).max(20000).default([]),
  removeRoomIds: z.array(z.number().int().positive()).max(20000).default([]),
  supervisedAccount: z.object({
    bankOrgId: z.number().int().positive('请选择监管银行'),
    accountNo: z.string().trim().regex(/^[0-9]{10,30}$/, '监管账户账号应为10至30位数字'),
    accountName: z.string().trim().min(2, '请填写监管账户户名').max(100),
  }).optional(),
  validUntil: date('预售许可有效期').optional(),
  reason: z.string({ message: '请填写变更原因' }).trim().min(4, '请填写变更原因（至少4个字）').max(1000),
}).refine((f) => f.addRoomIds.length || f.removeRoomIds.length || f.supervisedAccount || f.validUntil, { message: '请至少填写一项变更内容（房屋范围、监管账户或有效期）' });
export type PresalePermitChangeForm = z.infer<typeof presalePermitChangeForm>;

export const PRESALE_CHANGE_ATTACHMENTS = [
  { key: 'change_reason', label: '变更申请书', required: true },
  { key: 'supervision_agreement', label: '新的预售资金监管协议（变更监管账户时）', required: false },
  { key: 'survey_report', label: '测绘报告（变更房屋范围时）', required: false },
] as const;
