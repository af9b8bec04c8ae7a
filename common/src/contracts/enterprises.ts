// Contracts of enterprises and brokers: the application forms of 开发企业注册/变更, 资质申报/变更,
// 中介机构备案/变更, 经纪人备案 and 物业企业备案 (business types of the application engine), the
// registry and broker commands, and what the management and public views return. Areas are
// integer 0.01 m²; money is integer fen.
import { z } from '../zod';
import { pageQuery } from './common';
import { developerProfile, agencySummary, agencyProfile } from './realestate';
import { checkIdDocument, checkMobile, checkUscc, normaliseMobile, ID_DOCUMENT_LABELS, type IdDocumentType } from '../validators';
import { isIsoDate } from '../time';
import {
  ENTERPRISE_KINDS, ENTERPRISE_STATUSES, ENTERPRISE_SOURCES, QUALIFICATION_GRADES, BROKER_STATUSES, BROKER_QUALIFICATION_KINDS,
  BROKER_QUALIFICATION_LEVELS, BROKER_QUALIFICATION_STATUSES, ENTERPRISE_CERTIFICATE_KINDS, CERTIFICATE_STATUSES,
} from '../enterprises';

export const enterpriseKind = z.enum(ENTERPRISE_KINDS, { message: '企业类别应为开发企业、中介机构或物业企业' });
const enterpriseStatus = z.enum(ENTERPRISE_STATUSES);

const date = (label: string) => z.string({ message: `请填写${label}` }).trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式为 YYYY-MM-DD`).refine(isIsoDate, `${label}不是有效日期`);
const text = (label: string, min: number, max: number) => z.string({ message: `请填写${label}` }).trim()
  .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`).max(max, `${label}不超过${max}个字`);

/** 统一社会信用代码, checked with its GB 32100 check character; the message says what is wrong. */
export const usccField = z.string({ message: '请填写统一社会信用代码' }).trim().toUpperCase().superRefine((v, ctx) => {
  const c = checkUscc(v);
  if (!c.ok) ctx.addIssue({ code: 'custom', message: c.message });
});

export const mobileField = (label: string) => z.string({ message: `请填写${label}` }).trim().transform(normaliseMobile).superRefine((v, ctx) => {
  const c = checkMobile(v);
  if (!c.ok) ctx.addIssue({ code: 'custom', message: `${c.message}（${label}）` });
});

const contact = z.object({ name: text('联系人姓名', 2, 50), phone: mobileField('联系人手机号') }, { message: '请填写联系人' });
const fen = (label: string) => z.number({ message: `请填写${label}（单位：分）` }).int(`${label}须为整数（单位：分）`).positive(`${label}须大于0`);

export const ID_DOCUMENT_TYPES = Object.keys(ID_DOCUMENT_LABELS) as [IdDocumentType, ...IdDocumentType[]];
export const idDocumentType = z.enum(ID_DOCUMENT_TYPES, { message: '证件类型应为居民身份证、香港身份证、澳门身份证或港澳居民来往内地通行证' });

// ---------- 开发企业注册 / 变更 (RE-056…RE-058) ----------

const person = z.object({
  name: text('人员姓名', 2, 50),
  position: text('职务', 2, 50),
  title: z.string().trim().max(50, '职称不超过50个字').optional(),
  certificateNo: z.string().trim().max(64, '证书编号不超过64个字符').optional(),
});
const achievement = z.object({
  projectName: text('项目名称', 2, 100),
  role: z.string().trim().max(50, '承担角色不超过50个字').optional(),
  floorArea: z.number({ message: '请填写建筑面积（单位0.01平方米）' }).int('建筑面积须为整数（单位0.01平方米）').nonnegative('建筑面积不能为负数'),
  completedOn: date('竣工日期').optional(),
});

const enterpriseBasics = {
  name: text('企业名称', 4, 200),
  uscc: usccField,
  legalRep: text('法定代表人', 2, 50),
  address: text('注册地址', 4, 300),
  registeredCapitalFen: fen('注册资本'),
  establishedOn: date('成立日期'),
  businessScope: text('经营范围', 2, 1000),
  contact,
};

export const developerRegistrationForm = z.object({
  ...enterpriseBasics,
  /** 资质信息: the qualification held now, if any (a certificate is issued here by 资质申报). */
  qualification: z.object({
    grade: z.enum(QUALIFICATION_GRADES, { message: '资质等级应为一级或二级' }),
    certNo: text('资质证书编号', 4, 64),
    validUntil: date('资质有效期'),
  }).optional(),
  personnel: z.array(person, { message: '请填写人员信息' }).min(1, '请至少填写一名主要管理或技术人员').max(200, '人员信息最多200条'),
  achievements: z.array(achievement).max(200, '业绩信息最多200条').default([]),
  remarks: z.string().trim().max(1000, '备注不超过1000字').optional(),
});
export type DeveloperRegistrationForm = z.infer<typeof developerRegistrationForm>;

export const DEVELOPER_REGISTRATION_ATTACHMENTS = [
  { key: 'business_licence', label: '营业执照', required: true },
  { key: 'legal_rep_id', label: '法定代表人身份证明', required: true },
  { key: 'qualification', label: '资质证书（已有资质时）', required: false },
  { key: 'personnel', label: '人员职称及劳动合同证明', required: false },
  { key: 'achievements', label: '业绩证明材料', required: false },
] as const;

const enterpriseChanges = z.object({
  name: text('企业名称', 4, 200).optional(),
  legalRep: text('法定代表人', 2, 50).optional(),
  address: text('注册地址', 4, 300).optional(),
  registeredCapitalFen: fen('注册资本').optional(),
  businessScope: text('经营范围', 2, 1000).optional(),
  contact: contact.optional(),
});

export const developerChangeForm = z.object({
  changes: enterpriseChanges.extend({
    personnel: z.array(person).min(1, '请至少填写一名主要管理或技术人员').max(200).optional(),
    achievements: z.array(achievement).max(200).optional(),
  }),
  reason: text('变更原因', 4, 1000),
}).refine((f) => Object.values(f.changes).some((v) => v !== undefined), { message: '请至少填写一项变更内容', path: ['changes'] });
export type DeveloperChangeForm = z.infer<typeof developerChangeForm>;

export const ENTERPRISE_CHANGE_ATTACHMENTS = [
  { key: 'change_application', label: '变更申请书', required: true },
  { key: 'change_proof', label: '变更证明材料（营业执照、工商变更登记等）', required: true },
] as const;

// ---------- 资质申报 (RE-065…RE-067) ----------

export const developerQualificationForm = z.object({
  grade: z.enum(QUALIFICATION_GRADES, { message: '请选择申报的资质等级（一级或二级）' }),
  yearsInBusiness: z.number({ message: '请填写从事房地产开发经营年限' }).int('年限须为整数').min(0).max(100),
  completedAreaLast3Years: z.number({ message: '请填写近3年累计竣工面积（单位0.01平方米）' }).int().nonnegative(),
  constructionAreaLastYear: z.number({ message: '请填写上一年施工面积（单位0.01平方米）' }).int().nonnegative(),
  staff: z.object({
    professional: z.number({ message: '请填写有职称的专业管理人员人数' }).int().min(0).max(100000),
    midLevel: z.number({ message: '请填写中级以上职称人员人数' }).int().min(0).max(100000),
    accountants: z.number({ message: '请填写专职会计人员人数' }).int().min(0).max(100000),
  }, { message: '请填写专业人员情况' }),
  qualityAllPassed: z.boolean({ message: '请确认近3年建筑工程质量合格情况' }),
  technicalLeads: z.array(person).min(1, '请填写工程技术、财务等业务负责人').max(20),
  remarks: z.string().trim().max(1000, '备注不超过1000字').optional(),
});
export type DeveloperQualificationForm = z.infer<typeof developerQualificationForm>;

export const developerQualificationChangeForm = developerQualificationForm.extend({
  certificateId: z.number({ message: '请选择要变更的资质证书' }).int().positive('请选择要变更的资质证书'),
  reason: text('变更原因', 4, 1000),
});
export type DeveloperQualificationChangeForm = z.infer<typeof developerQualificationChangeForm>;

export const QUALIFICATION_ATTACHMENTS = [
  { key: 'business_licence', label: '营业执照', required: true },
  { key: 'staff_certificates', label: '专业管理人员职称证书及劳动合同', required: true },
  { key: 'achievements', label: '近3年竣工及施工面积证明', required: true },
  { key: 'quality_proof', label: '工程质量合格证明', required: false },
  { key: 'financial_report', label: '上一年度财务审计报告', required: false },
] as const;

// ---------- 中介机构备案 / 变更 (RE-068, RE-069, RE-162, RE-163) ----------

export const agencyFilingForm = z.object({
  ...enterpriseBasics,
  storeAddress: z.string().trim().max(300, '经营场所地址不超过300字').optional(),
  /** Brokers registered with the agency (POST /api/brokers); checked for another agency's claim (查重). */
  brokerIds: z.array(z.number().int().positive(), { message: '请选择本机构的经纪人员' }).min(1, '请至少登记1名经纪人员').max(500),
  remarks: z.string().trim().max(1000, '备注不超过1000字').optional(),
});
export type AgencyFilingForm = z.infer<typeof agencyFilingForm>;

export const AGENCY_FILING_ATTACHMENTS = [
  { key: 'business_licence', label: '营业执照', required: true },
  { key: 'filing_form', label: '中介机构备案申请表', required: true },
  { key: 'premises', label: '经营场所证明', required: true },
  { key: 'broker_list', label: '经纪人员名单及劳动合同', required: false },
] as const;

export const agencyChangeForm = z.object({
  changes: enterpriseChanges.extend({ storeAddress: z.string().trim().min(4, '经营场所地址至少4个字').max(300).optional() }),
  reason: text('变更原因', 4, 1000),
}).refine((f) => Object.values(f.changes).some((v) => v !== undefined), { message: '请至少填写一项变更内容', path: ['changes'] });
export type AgencyChangeForm = z.infer<typeof agencyChangeForm>;

export const agencyCancelInput = z.object({ reason: text('注销原因', 4, 300) });

// ---------- 物业企业备案 (PM-003…PM-005, PM-075, PM-076, PM-126, PM-127) ----------

export const propertyFilingForm = z.object({
  ...enterpriseBasics,
  serviceScope: text('服务范围', 2, 500),
  managedProjects: z.array(z.object({ name: text('在管项目名称', 2, 100), floorArea: z.number().int().nonnegative().optional() })).max(500).default([]),
  remarks: z.string().trim().max(1000, '备注不超过1000字').optional(),
});
export type PropertyFilingForm = z.infer<typeof propertyFilingForm>;

export const PROPERTY_FILING_ATTACHMENTS = [
  { key: 'business_licence', label: '营业执照', required: true },
  { key: 'filing_form', label: '物业服务企业备案申请表', required: true },
  { key: 'qualification_proof', label: '资质证明材料', required: true },
  { key: 'credit_report', label: '信用等级证明（信用报告）', required: false },
] as const;

// ---------- registry (企业库, PM-003) ----------

export const enterpriseCreateInput = z.object({
  kind: enterpriseKind,
  name: text('企业名称', 4, 200),
  uscc: usccField,
  legalRep: text('法定代表人', 2, 50).optional(),
  address: text('注册地址', 4, 300).optional(),
  source: z.enum(['registry', 'tender'], { message: '来源应为主管部门登记或招投标结果' }).default('registry'),
  remarks: z.string().trim().max(500, '备注不超过500字').optional(),
});

export const enterpriseBasicUpdate = z.object({
  name: text('企业名称', 4, 200).optional(),
  legalRep: text('法定代表人', 2, 50).optional(),
  address: text('注册地址', 4, 300).optional(),
  contact: contact.optional(),
  reason: text('修改原因', 4, 300),
}).refine((b) => b.name || b.legalRep || b.address || b.contact, { message: '请至少修改一项', path: ['name'] });

export const enterpriseQuery = pageQuery.extend({
  kind: enterpriseKind.optional(),
  status: enterpriseStatus.optional(),
  keyword: z.string().trim().max(50, '关键字不超过50个字符').optional(),
});

const certificateBrief = z.object({
  id: z.number().int(), kind: z.enum(ENTERPRISE_CERTIFICATE_KINDS), title: z.string(), certNo: z.string(), issuedOn: z.string(), validUntil: z.string().nullable(),
  status: z.enum(CERTIFICATE_STATUSES), statusLabel: z.string(), statusReason: z.string().nullable(), grade: z.string().nullable(), gradeLabel: z.string().nullable(),
  holderName: z.string(), brokerId: z.number().int().nullable(), pdfUrl: z.string(),
});
export const certificateView = certificateBrief;
export type CertificateView = z.infer<typeof certificateView>;

const creditBrief = z.object({ score: z.number().int(), grade: z.string(), gradeLabel: z.string(), blacklisted: z.boolean() });
export type CreditBrief = z.infer<typeof creditBrief>;

export const enterpriseSummary = z.object({
  id: z.number().int(), kind: enterpriseKind, kindLabel: z.string(), name: z.string(), uscc: z.string().nullable(), legalRep: z.string().nullable(),
  address: z.string().nullable(), status: enterpriseStatus, statusLabel: z.string(), source: z.enum(ENTERPRISE_SOURCES), registeredAt: z.string().nullable(),
  credit: creditBrief,
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;

export const enterpriseDetail = enterpriseSummary.extend({
  facts: z.object({
    registeredCapitalFen: z.number().int().nullable(), establishedOn: z.string().nullable(), businessScope: z.string().nullable(),
    serviceScope: z.string().nullable(), storeAddress: z.string().nullable(),
    contactName: z.string().nullable(), contactPhone: z.string().nullable(),
    personnel: z.array(person), achievements: z.array(achievement), managedProjects: z.array(z.object({ name: z.string(), floorArea: z.number().int().optional() })),
  }),
  cancelledAt: z.string().nullable(), cancelReason: z.string().nullable(),
  qualification: certificateBrief.nullable(),
  filing: certificateBrief.nullable(),
  certificates: z.array(certificateBrief),
  /** Applications that shaped the record (注册、变更、资质、备案), newest first. */
  history: z.array(z.object({
    applicationId: z.number().int(), type: z.string(), typeLabel: z.string(), appNo: z.string().nullable(), status: z.string(), statusText: z.string(),
    decidedAt: z.string().nullable(), corrected: z.boolean(),
  })),
  profileUrl: z.string().nullable(), qrUrl: z.string().nullable(), version: z.number().int(),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;

export const enterpriseAccount = z.object({
  id: z.number().int(), username: z.string().nullable(), displayName: z.string(), roles: z.array(z.string()), status: z.string(), phone: z.string().nullable(),
  realNameVerified: z.boolean(),
});

// ---------- brokers (RE-071, RE-072, RE-166…RE-169) ----------

export const brokerRegisterInput = z.object({
  /** Regulators and the association register into a named agency; agency staff and brokers into their own. */
  agencyOrgId: z.number().int().positive('请选择中介机构').optional(),
  name: text('经纪人姓名', 2, 50),
  idType: idDocumentType.default('resident_id'),
  idNumber: z.string({ message: '请填写证件号码' }).trim().min(1, '请填写证件号码').max(32, '证件号码不超过32个字符'),
  phone: mobileField('经纪人手机号'),
  education: z.string().trim().max(20, '学历不超过20个字').optional(),
}).superRefine((b, ctx) => {
  const c = checkIdDocument(b.idType, b.idNumber);
  if (!c.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: c.message });
});
export type BrokerRegisterInput = z.infer<typeof brokerRegisterInput>;

export const brokerUpdateInput = z.object({
  phone: mobileField('经纪人手机号').optional(),
  education: z.string().trim().max(20, '学历不超过20个字').optional(),
}).refine((b) => b.phone !== undefined || b.education !== undefined, { message: '请至少修改一项', path: ['phone'] });

export const brokerReleaseInput = z.object({ reason: text('解除原因', 4, 300) });

export const brokerFilingForm = z.object({
  brokerId: z.number({ message: '请选择经纪人' }).int().positive('请选择经纪人'),
  employmentStart: date('入职日期'),
  education: z.string().trim().max(20, '学历不超过20个字').optional(),
  remarks: z.string().trim().max(1000, '备注不超过1000字').optional(),
});
export type BrokerFilingForm = z.infer<typeof brokerFilingForm>;

export const BROKER_FILING_ATTACHMENTS = [
  { key: 'id_copy', label: '身份证件复印件', required: true },
  { key: 'photo', label: '近期免冠照片', required: true },
  { key: 'labour_contract', label: '劳动合同或聘用证明', required: true },
  { key: 'practice_cert', label: '职业资格证书', required: false },
] as const;

export const brokerQuery = pageQuery.extend({
  agencyOrgId: z.coerce.number().int().positive().optional(),
  status: z.enum(BROKER_STATUSES).optional(),
  keyword: z.string().trim().max(50, '关键字不超过50个字符').optional(),
});

export const brokerQualificationInput = z.object({
  kind: z.enum(BROKER_QUALIFICATION_KINDS, { message: '资格类别应为执业资格或上岗资格' }),
  level: z.enum(BROKER_QUALIFICATION_LEVELS, { message: '资格等级应为房地产经纪人或经纪人协理' }),
  certNo: text('资格证书编号', 4, 64),
  issuedOn: date('发证日期'),
  validUntil: date('有效期至'),
}).refine((q) => q.validUntil > q.issuedOn, { message: '有效期至应晚于发证日期', path: ['validUntil'] });

export const brokerQualificationChange = z.object({
  level: z.enum(BROKER_QUALIFICATION_LEVELS, { message: '资格等级应为房地产经纪人或经纪人协理' }).optional(),
  certNo: text('资格证书编号', 4, 64).optional(),
  validUntil: date('有效期至').optional(),
  reason: text('变更原因', 4, 300),
}).refine((q) => q.level || q.certNo || q.validUntil, { message: '请至少变更一项', path: ['certNo'] });

export const brokerQualificationCheck = z.object({
  result: z.enum(['pass', 'fail'], { message: '检查结果应为合格或不合格' }),
  note: text('检查意见', 2, 500),
});

export const brokerQualificationView = z.object({
  id: z.number().int(), brokerId: z.number().int(), kind: z.enum(BROKER_QUALIFICATION_KINDS), kindLabel: z.string(), level: z.enum(BROKER_QUALIFICATION_LEVELS),
  levelLabel: z.string(), certNo: z.string(), issuedOn: z.string(), validUntil: z.string(), expired: z.boolean(), status: z.enum(BROKER_QUALIFICATION_STATUSES),
  statusLabel: z.string(), checkedAt: z.string().nullable(), checkResult: z.string().nullable(), checkNote: z.string().nullable(), cancelReason: z.string().nullable(),
});
export type BrokerQualificationView = z.infer<typeof brokerQualificationView>;

export const brokerView = z.object({
  id: z.number().int(), name: z.string(), idType: idDocumentType, idNumber: z.string(), phone: z.string(), education: z.string().nullable(),
  agency: z.object({ id: z.number().int(), name: z.string() }).nullable(), status: z.enum(BROKER_STATUSES), statusLabel: z.string(),
  registeredAt: z.string().nullable(), filedAt: z.string().nullable(), releasedAt: z.string().nullable(), linkedUser: z.boolean(),
  filing: certificateBrief.nullable(), qualifications: z.array(brokerQualificationView), credit: creditBrief,
  /** 执业经历: every agency the broker has been with. */
  affiliations: z.array(z.object({ agencyId: z.number().int(), agencyName: z.string(), from: z.string(), to: z.string().nullable(), endReason: z.string().nullable() })),
  /** 经纪人备案 applications about this broker (progress for the mini-program). */
  applications: z.array(z.object({ id: z.number().int(), appNo: z.string().nullable(), status: z.string(), statusText: z.string(), updatedAt: z.string() })),
  version: z.number().int(),
});
export type BrokerView = z.infer<typeof brokerView>;

export const brokerCheckInput = z.object({
  /** Regulators and the association ask on behalf of an agency; agency staff for their own. */
  agencyOrgId: z.number().int().positive().optional(),
  idType: idDocumentType.default('resident_id'),
  idNumber: z.string({ message: '请填写证件号码' }).trim().min(1, '请填写证件号码').max(32),
}).superRefine((b, ctx) => {
  const c = checkIdDocument(b.idType, b.idNumber);
  if (!c.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: c.message });
});
export const brokerCheckResponse = z.object({
  free: z.boolean(), brokerId: z.number().int().nullable(), agencyName: z.string().nullable(), status: z.string().nullable(), message: z.string(),
});

// ---------- certificates ----------

export const certificateVerifyQuery = z.object({ no: z.string().trim().min(4, '请提供证书编号').max(64, '证书编号不超过64个字符') });
export const certificateVerifyResponse = z.object({
  valid: z.boolean(), certNo: z.string(), kind: z.enum(ENTERPRISE_CERTIFICATE_KINDS).nullable(), title: z.string().nullable(),
  holderName: z.string().nullable(), holderUscc: z.string().nullable(), agencyName: z.string().nullable(), grade: z.string().nullable(),
  issuedOn: z.string().nullable(), validUntil: z.string().nullable(), status: z.enum(CERTIFICATE_STATUSES).nullable(), statusLabel: z.string().nullable(),
  message: z.string(),
});
export type CertificateVerifyResponse = z.infer<typeof certificateVerifyResponse>;

// ---------- public profiles (RE-005, RE-006, RE-143, RE-144, PM-055, PM-106) ----------

const publicCertificate = z.object({ certNo: z.string(), title: z.string(), issuedOn: z.string(), validUntil: z.string().nullable(), status: z.enum(CERTIFICATE_STATUSES), statusLabel: z.string() });

export const publicDeveloperProfile = developerProfile.extend({
  statusLabel: z.string(), registeredAt: z.string().nullable(), establishedOn: z.string().nullable(), registeredCapitalFen: z.number().int().nullable(),
  qualification: publicCertificate.extend({ grade: z.string().nullable(), gradeLabel: z.string().nullable() }).nullable(),
  credit: creditBrief, profileUrl: z.string(), qrUrl: z.string(),
});
export type PublicDeveloperProfile = z.infer<typeof publicDeveloperProfile>;

export const publicAgencySummary = agencySummary.extend({
  status: z.string(), statusLabel: z.string(), filingNo: z.string().nullable(), credit: creditBrief,
});
export type PublicAgencySummary = z.infer<typeof publicAgencySummary>;

export const publicBrokerSummary = z.object({
  id: z.number().int(),
  /** Masked: 郭** (DOMAIN.md §12). */
  name: z.string(),
  agency: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  status: z.enum(BROKER_STATUSES), statusLabel: z.string(), filingNo: z.string().nullable(),
  qualifications: z.array(z.object({ kindLabel: z.string(), levelLabel: z.string(), certNo: z.string(), validUntil: z.string(), statusLabel: z.string() })),
  credit: creditBrief,
});
export type PublicBrokerSummary = z.infer<typeof publicBrokerSummary>;

export const publicAgencyProfile = agencyProfile.extend({
  statusLabel: z.string(), filingNo: z.string().nullable(), filing: publicCertificate.nullable(), cancelledAt: z.string().nullable(),
  credit: creditBrief, brokers: z.array(publicBrokerSummary), qrUrl: z.string(),
});
export type PublicAgencyProfile = z.infer<typeof publicAgencyProfile>;

export const publicBrokerQuery = pageQuery.extend({
  keyword: z.string().trim().max(50, '关键字不超过50个字符').optional(),
  agencyId: z.coerce.number().int().positive().optional(),
});

export const publicPropertyCompanySummary = z.object({
  id: z.number().int(), name: z.string(), uscc: z.string().nullable(), address: z.string().nullable(), status: z.string(), statusLabel: z.string(),
  filingNo: z.string().nullable(), communityCount: z.number().int(), credit: creditBrief,
});
export const publicPropertyCompanyProfile = publicPropertyCompanySummary.extend({
  legalRep: z.string().nullable(), serviceScope: z.string().nullable(), filing: publicCertificate.nullable(),
  communities: z.array(z.object({ id: z.number().int(), name: z.string(), district: z.string() })),
});
export const publicEnterpriseQuery = pageQuery.extend({ keyword: z.string().trim().max(50, '关键字不超过50个字符').optional() });
