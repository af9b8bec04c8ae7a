// Contracts of the credit engine (one for developers, agencies, brokers and property companies):
// rating standards, credit events (reported, entered or imported, each with evidence and a
// review), objections and revocation, the explained score, yearly snapshots, public ratings.
import { z } from '../zod';
import { pageQuery } from './common';
import { isIsoDate } from '../time';
import {
  CREDIT_SUBJECT_KINDS, CREDIT_BASIS_TYPES, CREDIT_SOURCES, OBJECTION_STATUSES, type CreditSubjectKind,
} from '../credit';

export const creditSubjectKind = z.enum(CREDIT_SUBJECT_KINDS, { message: '信用主体类别应为开发企业、中介机构、经纪人或物业企业' });
const eventStatus = z.enum(['pending', 'effective', 'rejected', 'revoked']);
const direction = z.enum(['good', 'bad']);
const date = (label: string) => z.string({ message: `请填写${label}` }).trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式为 YYYY-MM-DD`).refine(isIsoDate, `${label}不是有效日期`);
const fileIds = (label: string, min: number) => z.array(z.string().uuid(`${label}的文件编号格式不正确`), { message: `请上传${label}` })
  .min(min, `${label}至少需要${min}个文件，请上传后再提交`).max(20, `${label}最多20个文件`);

export const creditKindParam = z.object({ kind: creditSubjectKind });
export const creditSubjectParams = z.object({ kind: creditSubjectKind, id: z.coerce.number().int().positive({ message: 'id 必须为正整数' }) });

// ---------- standards (评级标准, RE-059) ----------

const indicator = z.object({
  code: z.string().trim().min(2).max(32),
  label: z.string().trim().min(2, '指标名称至少2个字').max(60, '指标名称不超过60个字'),
  direction,
  points: z.number().int('分值须为整数'),
  validityMonths: z.number().int('有效期须为整数（月）'),
  blacklist: z.boolean().optional(),
});
export const creditStandardBody = z.object({
  baseItems: z.array(z.object({ code: z.string().trim().min(2).max(32), label: z.string().trim().min(2).max(60), points: z.number().int('分值须为整数') })).max(20),
  indicators: z.array(indicator).max(100, '指标最多100项'),
  grades: z.array(z.object({ grade: z.string().trim().min(1).max(16), label: z.string().trim().min(1).max(20), min: z.number().int('最低分须为整数') })).max(10),
  rating: z.object({ minCount: z.number().int(), maxPoints: z.number().int(), windowMonths: z.number().int() }).nullable(),
});
export type CreditStandardBodyInput = z.infer<typeof creditStandardBody>;

export const creditStandardView = creditStandardBody.extend({
  kind: creditSubjectKind, kindLabel: z.string(), version: z.number().int(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable(),
  /** The facts base items may use, with what each means. */
  baseFacts: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type CreditStandardView = z.infer<typeof creditStandardView>;

// ---------- events (信用信息采集、审核, RE-060, RE-061, RE-073, RE-164, RE-168) ----------

const basis = z.object({
  type: z.enum(CREDIT_BASIS_TYPES, { message: '依据类型应为通知、通报、通告、公告、判决书、裁决书、决定书或确定事实' }),
  number: z.string({ message: '请填写依据文书编号或事实说明' }).trim().min(2, '请填写依据文书编号或事实说明').max(100, '依据不超过100个字'),
}, { message: '请填写认定依据（文书类型与编号）' });

export const creditEventInput = z.object({
  subjectKind: creditSubjectKind,
  subjectId: z.number({ message: '请选择信用主体' }).int().positive('请选择信用主体'),
  indicatorCode: z.string({ message: '请选择信用指标' }).trim().min(2, '请选择信用指标').max(32),
  occurredOn: date('行为发生日期'),
  title: z.string({ message: '请填写信用信息标题' }).trim().min(4, '信用信息标题至少4个字').max(100, '信用信息标题不超过100个字'),
  description: z.string().trim().max(1000, '情况说明不超过1000字').optional(),
  basis,
  evidenceFileIds: fileIds('证据材料', 1),
});
export type CreditEventInput = z.infer<typeof creditEventInput>;

/** One row of a batch from another department; checked row by row, bad rows are reported, not fatal. */
const importRow = z.object({
  externalRef: z.string({ message: '请提供来源系统的记录编号' }).trim().min(1, '请提供来源系统的记录编号').max(64),
  subjectKind: creditSubjectKind,
  /** Enterprises by their 统一社会信用代码 … */
  uscc: z.string().trim().max(18).optional(),
  /** … brokers by their ID document. */
  brokerIdType: z.enum(['resident_id', 'hkid', 'macao_id', 'home_return_permit']).optional(),
  brokerIdNumber: z.string().trim().max(32).optional(),
  indicatorCode: z.string().trim().min(2).max(32),
  occurredOn: z.string().trim().max(10),
  title: z.string().trim().min(4, '信用信息标题至少4个字').max(100),
  description: z.string().trim().max(1000).optional(),
  basis,
  evidenceFileIds: z.array(z.string().uuid('证据材料的文件编号格式不正确')).max(20).default([]),
});
export const creditImportInput = z.object({
  sourceDept: z.string({ message: '请填写来源部门' }).trim().min(2, '请填写来源部门').max(64, '来源部门不超过64个字'),
  items: z.array(importRow, { message: '请提供导入数据' }).min(1, '请至少提供1条信用信息').max(500, '每批最多500条'),
});
export const creditImportResult = z.object({
  created: z.number().int(), duplicates: z.number().int(), failed: z.number().int(),
  rows: z.array(z.object({ index: z.number().int(), externalRef: z.string(), result: z.enum(['created', 'duplicate', 'failed']), eventId: z.number().int().nullable(), message: z.string().nullable() })),
});

export const creditReviewInput = z.object({
  decision: z.enum(['approve', 'reject'], { message: '审核结论应为通过或不通过' }),
  opinion: z.string({ message: '请填写审核意见' }).trim().min(2, '请填写审核意见').max(1000, '审核意见不超过1000字'),
});

export const creditEventQuery = pageQuery.extend({
  subjectKind: creditSubjectKind.optional(),
  subjectId: z.coerce.number().int().positive().optional(),
  status: eventStatus.optional(),
  source: z.enum(CREDIT_SOURCES).optional(),
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
  keyword: z.string().trim().max(50, '关键字不超过50个字符').optional(),
  direction: direction.optional(),
});

export const creditObjectionView = z.object({
  id: z.number().int(), eventId: z.number().int(), reason: z.string(), evidenceFileIds: z.array(z.string()), status: z.enum(OBJECTION_STATUSES),
  statusLabel: z.string(), submittedBy: z.string().nullable(), submittedAt: z.string(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
});

export const creditEventView = z.object({
  id: z.number().int(), subjectKind: creditSubjectKind, subjectKindLabel: z.string(), subjectId: z.number().int(), subjectName: z.string(),
  indicatorCode: z.string(), indicatorLabel: z.string(), direction, directionLabel: z.string(), points: z.number().int(), blacklist: z.boolean(),
  occurredOn: z.string(), validUntil: z.string(), title: z.string(), description: z.string().nullable(),
  basis: z.object({ type: z.string(), typeLabel: z.string(), number: z.string() }), evidenceFileIds: z.array(z.string()),
  source: z.enum(CREDIT_SOURCES), sourceLabel: z.string(), sourceDept: z.string().nullable(), externalRef: z.string().nullable(),
  status: eventStatus, statusLabel: z.string(), reportedBy: z.string().nullable(), reportedAt: z.string(),
  reviewedBy: z.string().nullable(), reviewedAt: z.string().nullable(), reviewOpinion: z.string().nullable(),
  revokedAt: z.string().nullable(), revokeReason: z.string().nullable(), objections: z.array(creditObjectionView),
});
export type CreditEventView = z.infer<typeof creditEventView>;

// ---------- objections and revocation (异议、撤销, RE-062) ----------

export const creditObjectionInput = z.object({
  reason: z.string({ message: '请填写异议理由' }).trim().min(10, '异议理由至少10个字，请说明哪一事实有误').max(1000, '异议理由不超过1000字'),
  evidenceFileIds: fileIds('证据材料（异议依据）', 1),
});
export const objectionDecisionInput = z.object({
  decision: z.enum(['uphold', 'dismiss'], { message: '核实结论应为异议成立或异议不成立' }),
  opinion: z.string({ message: '请填写核实意见' }).trim().min(4, '核实意见至少4个字').max(1000, '核实意见不超过1000字'),
});
export const objectionQuery = pageQuery.extend({ status: z.enum(OBJECTION_STATUSES).optional() });

// ---------- the explained score (核定信用评价, RE-063, RE-074) ----------

export const creditExplanationView = z.object({
  asOf: z.string(), score: z.number().int(), grade: z.string(), gradeLabel: z.string(), blacklisted: z.boolean(), baseScore: z.number().int(),
  base: z.array(z.object({ code: z.string(), label: z.string(), points: z.number().int(), met: z.boolean() })),
  goodPoints: z.number().int(), badPoints: z.number().int(), ratingPoints: z.number().int(),
  counted: z.array(z.object({
    eventId: z.number().int(), label: z.string(), direction, points: z.number().int(), occurredOn: z.string(), validUntil: z.string(), blacklist: z.boolean(),
  })),
  excluded: z.array(z.object({ eventId: z.number().int(), label: z.string(), direction, points: z.number().int(), reason: z.string() })),
  rating: z.object({ count: z.number().int(), average: z.number().nullable(), points: z.number().int(), from: z.string(), note: z.string() }).nullable(),
  lines: z.array(z.string()),
});

const snapshotRow = z.object({ year: z.number().int(), score: z.number().int(), grade: z.string(), gradeLabel: z.string(), takenAt: z.string(), standardVersion: z.number().int() });

export const creditSubjectView = z.object({
  kind: creditSubjectKind, kindLabel: z.string(), id: z.number().int(), name: z.string(), standardVersion: z.number().int(),
  explanation: creditExplanationView, history: z.array(snapshotRow),
});

export const snapshotInput = z.object({
  year: z.number({ message: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  kind: creditSubjectKind.optional(),
});
export const snapshotResult = z.object({ year: z.number().int(), taken: z.number().int(), skipped: z.number().int() });

// ---------- public ratings (信用信息评价, RE-075) ----------

const stars = (label: string) => z.number({ message: `请为${label}打分（1至5星）` }).int(`${label}须为1至5的整数`).min(1, `${label}至少1星`).max(5, `${label}最多5星`);
export const RATABLE_KINDS = ['agency', 'broker'] as const satisfies readonly CreditSubjectKind[];
export const ratingInput = z.object({
  subjectKind: z.enum(RATABLE_KINDS, { message: '只能评价中介机构或经纪人' }),
  subjectId: z.number({ message: '请选择评价对象' }).int().positive('请选择评价对象'),
  professionalism: stars('专业水平'),
  attitude: stars('服务态度'),
  process: stars('服务过程'),
  reason: z.string({ message: '请填写评价理由' }).trim().min(5, '评价理由至少5个字').max(500, '评价理由不超过500字'),
});
export const ratingView = z.object({
  id: z.number().int(), subjectKind: z.enum(RATABLE_KINDS), subjectId: z.number().int(), quarter: z.string(), professionalism: z.number().int(),
  attitude: z.number().int(), process: z.number().int(), stars: z.number(), reason: z.string(), rater: z.string(), ratedOn: z.string(),
});
export const ratingSummary = z.object({
  count: z.number().int(), average: z.number().nullable(),
  dimensions: z.object({ professionalism: z.number().nullable(), attitude: z.number().nullable(), process: z.number().nullable() }),
  recent: z.array(ratingView),
});

// ---------- public credit page (RE-005, RE-006, RE-074, PM-055, PM-106) ----------

export const publicCreditView = z.object({
  kind: creditSubjectKind, kindLabel: z.string(), id: z.number().int(),
  /** Enterprise name, or the broker's masked name. */
  name: z.string(),
  asOf: z.string(), score: z.number().int(), grade: z.string(), gradeLabel: z.string(), blacklisted: z.boolean(), baseScore: z.number().int(),
  lines: z.array(z.string()),
  records: z.array(z.object({
    label: z.string(), direction, directionLabel: z.string(), points: z.number().int(), occurredOn: z.string(), validUntil: z.string(),
    basisType: z.string(), basisNo: z.string(), sourceLabel: z.string(),
  })),
  rating: creditExplanationView.shape.rating,
  history: z.array(snapshotRow),
  grades: z.array(z.object({ grade: z.string(), label: z.string(), min: z.number().int() })),
});
export type PublicCreditView = z.infer<typeof publicCreditView>;
