// Enterprises and brokers (开发企业、中介机构与经纪人、物业企业): their registry states, the
// developer qualification grades and the conditions each grade needs, broker states and
// practice qualifications, and the certificates issued. Pure data and functions, shared by the
// API (which enforces them) and the clients (which show the same words).

export const ENTERPRISE_KINDS = ['developer', 'agency', 'property_company'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

export const ENTERPRISE_KIND_LABELS: Record<EnterpriseKind, string> = {
  developer: '房地产开发企业',
  agency: '房地产中介机构',
  property_company: '物业服务企业',
};

/**
 * One registry state for every kind: known to the registry but not yet registered/filed,
 * registered (开发企业: 已注册; 中介机构、物业企业: 已备案), or cancelled (已注销).
 */
export const ENTERPRISE_STATUSES = ['pending', 'active', 'cancelled'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export function enterpriseStatusLabel(kind: EnterpriseKind, status: EnterpriseStatus): string {
  if (status === 'cancelled') return '已注销';
  if (kind === 'developer') return status === 'active' ? '已注册' : '未注册';
  return status === 'active' ? '已备案' : '未备案';
}

export const ENTERPRISE_SOURCES = ['application', 'registry', 'tender'] as const;
export type EnterpriseSource = (typeof ENTERPRISE_SOURCES)[number];
export const ENTERPRISE_SOURCE_LABELS: Record<EnterpriseSource, string> = { application: '企业申请', registry: '主管部门登记', tender: '招投标结果' };

// ---------- developer qualification (房地产开发企业资质, RE-065…RE-067) ----------

export const QUALIFICATION_GRADES = ['first', 'second'] as const;
export type QualificationGrade = (typeof QUALIFICATION_GRADES)[number];
export const QUALIFICATION_GRADE_LABELS: Record<QualificationGrade, string> = { first: '一级', second: '二级' };

/** Validity of a certificate in years (default; a city may set its own). */
export const QUALIFICATION_VALIDITY_YEARS: Record<QualificationGrade, number> = { first: 3, second: 3 };

/**
 * What each grade requires (《房地产开发企业资质管理规定》 as amended in 2022, defaults).
 * Areas are integer 0.01 m², as everywhere in the product.
 */
export const QUALIFICATION_REQUIREMENTS: Record<QualificationGrade, {
  yearsInBusiness: number; completedAreaLast3Years: number; constructionAreaLastYear: number;
  professionalStaff: number; midLevelStaff: number; accountants: number; qualityAllPassed: boolean;
}> = {
  first: {
    yearsInBusiness: 3, completedAreaLast3Years: 300000_00, constructionAreaLastYear: 150000_00,
    professionalStaff: 40, midLevelStaff: 20, accountants: 4, qualityAllPassed: true,
  },
  second: {
    yearsInBusiness: 0, completedAreaLast3Years: 0, constructionAreaLastYear: 0,
    professionalStaff: 5, midLevelStaff: 0, accountants: 2, qualityAllPassed: false,
  },
};

export interface QualificationFacts {
  grade: QualificationGrade;
  yearsInBusiness: number;
  completedAreaLast3Years: number;
  constructionAreaLastYear: number;
  staff: { professional: number; midLevel: number; accountants: number };
  qualityAllPassed: boolean;
}

const m2 = (a: number) => `${(a / 100 / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万平方米`;

/** The conditions of the grade applied for that are not met, each in Chinese (empty when all are). */
export function qualificationShortfalls(f: QualificationFacts): string[] {
  const r = QUALIFICATION_REQUIREMENTS[f.grade];
  const g = QUALIFICATION_GRADE_LABELS[f.grade];
  const out: string[] = [];
  if (f.yearsInBusiness < r.yearsInBusiness) out.push(`${g}资质须从事房地产开发经营${r.yearsInBusiness}年以上（申报${f.yearsInBusiness}年）`);
  if (f.completedAreaLast3Years < r.completedAreaLast3Years) out.push(`${g}资质须近3年房屋建筑面积累计竣工${m2(r.completedAreaLast3Years)}以上（申报${m2(f.completedAreaLast3Years)}）`);
  if (f.constructionAreaLastYear < r.constructionAreaLastYear) out.push(`${g}资质须上一年房屋建筑施工面积${m2(r.constructionAreaLastYear)}以上（申报${m2(f.constructionAreaLastYear)}）`);
  if (f.staff.professional < r.professionalStaff) out.push(`${g}资质须有职称的专业管理人员不少于${r.professionalStaff}人（申报${f.staff.professional}人）`);
  if (f.staff.midLevel < r.midLevelStaff) out.push(`${g}资质须中级以上职称的管理人员不少于${r.midLevelStaff}人（申报${f.staff.midLevel}人）`);
  if (f.staff.accountants < r.accountants) out.push(`${g}资质须专职会计人员不少于${r.accountants}人（申报${f.staff.accountants}人）`);
  if (r.qualityAllPassed && !f.qualityAllPassed) out.push(`${g}资质须连续3年建筑工程质量合格率达100%`);
  if (f.staff.midLevel > f.staff.professional) out.push('中级以上职称人数不能多于有职称的专业管理人员总数');
  return out;
}

// ---------- brokers (经纪人, RE-071, RE-072, RE-166…RE-169) ----------

/**
 * pending: registered with an agency, filing not yet approved; active: filed (已备案执业);
 * released: the agency released them (离职解除) and they may join another; cancelled: 已注销.
 */
export const BROKER_STATUSES = ['pending', 'active', 'released', 'cancelled'] as const;
export type BrokerStatus = (typeof BROKER_STATUSES)[number];
export const BROKER_STATUS_LABELS: Record<BrokerStatus, string> = {
  pending: '待备案', active: '已备案', released: '已解除执业', cancelled: '已注销',
};

/** 执业资格 (职业资格证书) and 上岗资格 (从业/上岗证). */
export const BROKER_QUALIFICATION_KINDS = ['practice', 'post'] as const;
export type BrokerQualificationKind = (typeof BROKER_QUALIFICATION_KINDS)[number];
export const BROKER_QUALIFICATION_KIND_LABELS: Record<BrokerQualificationKind, string> = { practice: '执业资格', post: '上岗资格' };
export const BROKER_QUALIFICATION_LEVELS = ['broker', 'assistant'] as const;
export type BrokerQualificationLevel = (typeof BROKER_QUALIFICATION_LEVELS)[number];
export const BROKER_QUALIFICATION_LEVEL_LABELS: Record<BrokerQualificationLevel, string> = { broker: '房地产经纪人', assistant: '房地产经纪人协理' };
export const BROKER_QUALIFICATION_STATUSES = ['valid', 'suspended', 'cancelled'] as const;
export type BrokerQualificationStatus = (typeof BROKER_QUALIFICATION_STATUSES)[number];
export const BROKER_QUALIFICATION_STATUS_LABELS: Record<BrokerQualificationStatus, string> = { valid: '有效', suspended: '暂停（检查不合格）', cancelled: '已注销' };

// ---------- certificates (资质证书、备案证明) ----------

export const ENTERPRISE_CERTIFICATE_KINDS = ['developer_qualification', 'agency_filing', 'broker_filing', 'property_filing'] as const;
export type EnterpriseCertificateKind = (typeof ENTERPRISE_CERTIFICATE_KINDS)[number];
export const ENTERPRISE_CERTIFICATE_TITLES: Record<EnterpriseCertificateKind, string> = {
  developer_qualification: '房地产开发企业资质证书',
  agency_filing: '备案证明',
  broker_filing: '经纪人备案证明',
  property_filing: '物业服务企业备案证明',
};

export const CERTIFICATE_STATUSES = ['valid', 'superseded', 'revoked'] as const;
export type CertificateStatusValue = (typeof CERTIFICATE_STATUSES)[number];
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatusValue, string> = { valid: '有效', superseded: '已变更换发', revoked: '已失效' };
