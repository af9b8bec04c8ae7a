// Enterprise and broker applications as business types of the one engine:
//   开发企业注册 / 变更 (RE-056…RE-058)       regulators review (初审 → 复审 → 终审)
//   资质申报 首次 / 变更 (RE-065…RE-067)        regulators review and may correct the form
//   中介机构备案 / 变更 (RE-068, RE-069)       the industry association reviews
//   经纪人备案 (RE-071, RE-166)               the association reviews; agency staff or the broker apply
//   物业企业备案 (PM-004, PM-076)             regulators review
// Approval writes the registry (service.ts) and issues the certificate (certificates.ts) in the
// approving transaction.
import type { Transaction } from 'sequelize';
import {
  DEFAULT_REVIEW_STEPS, QUALIFICATION_GRADE_LABELS, QUALIFICATION_VALIDITY_YEARS, qualificationShortfalls, maskName, maskIdNumber, shanghaiDate, addMonths, addDays,
  developerRegistrationForm, developerChangeForm, developerQualificationForm, developerQualificationChangeForm, agencyFilingForm, agencyChangeForm,
  brokerFilingForm, propertyFilingForm, DEVELOPER_REGISTRATION_ATTACHMENTS, ENTERPRISE_CHANGE_ATTACHMENTS, QUALIFICATION_ATTACHMENTS,
  AGENCY_FILING_ATTACHMENTS, BROKER_FILING_ATTACHMENTS, PROPERTY_FILING_ATTACHMENTS,
  type DeveloperRegistrationForm, type DeveloperChangeForm, type DeveloperQualificationForm, type DeveloperQualificationChangeForm, type AgencyFilingForm,
  type AgencyChangeForm, type BrokerFilingForm, type PropertyFilingForm, type EnterpriseKind, type ReviewStepDef, type Role,
} from '@hq/common';
import { Org, UserRole } from '../../platform/models';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { decrypt } from '../../platform/crypto';
import { registerBusinessType } from '../../platform/workflow/engine';
import type { Application } from '../../platform/workflow/models';
import type { Deps } from '../../platform/deps';
import { Broker, BrokerQualification, EnterpriseCertificate, EnterpriseProfile } from './models';
import { applyFacts, ensureProfile, parseFacts, usccHolder } from './service';
import { issueCertificate, issuerOf, supersede, type CertificateFacts } from './certificates';
import { affiliationProblem } from './brokers';

const ASSOCIATION_STEPS: readonly ReviewStepDef[] = [{ key: 'association', label: '行业协会审核', roles: ['association'], days: 5 }];
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

async function orgAndProfile(t: Transaction, app: Application): Promise<{ org: Org; profile: EnterpriseProfile }> {
  const org = (await Org.findByPk(app.org_id, { transaction: t }))!;
  return { org, profile: await ensureProfile(t, org) };
}

/** What stops a first registration or filing: wrong kind, already done, cancelled, a 统一社会信用代码 held by another. */
async function firstTimeProblems(t: Transaction, app: Application, kind: EnterpriseKind, uscc: string, doneText: string): Promise<string[]> {
  const { org, profile } = await orgAndProfile(t, app);
  if (org.kind !== kind) return ['申请单位的类别与本业务不符'];
  const out: string[] = [];
  if (profile.status === 'active') out.push(doneText);
  if (profile.status === 'cancelled') out.push(`「${org.name}」已注销，不能再办理`);
  if (org.uscc && org.uscc !== uscc) out.push(`统一社会信用代码与企业库登记的不一致（登记为 ${org.uscc}），如登记有误请联系主管部门更正`);
  const holder = await usccHolder(t, uscc, org.id);
  if (holder) out.push(`统一社会信用代码 ${uscc} 已由「${holder}」登记，请核对`);
  return out;
}

async function mustBeActive(t: Transaction, app: Application, what: string): Promise<string[]> {
  const { org, profile } = await orgAndProfile(t, app);
  if (profile.status === 'active') return [];
  return [profile.status === 'cancelled' ? `「${org.name}」已注销，不能办理${what}` : `「${org.name}」尚未完成${org.kind === 'developer' ? '注册' : '备案'}，请先办理后再申请${what}`];
}

const basics = (f: { name?: string; uscc?: string; legalRep?: string; address?: string; contact?: { name: string; phone: string } }) => ({
  name: f.name, uscc: f.uscc, legalRep: f.legalRep, address: f.address, contact: f.contact,
});

async function holderFacts(t: Transaction, kind: Parameters<typeof issuerOf>[0], org: Org): Promise<CertificateFacts> {
  const facts = parseFacts(await EnterpriseProfile.findByPk(org.id, { transaction: t }));
  return {
    holderName: org.name, holderUscc: org.uscc, legalRep: org.legal_rep ?? null, address: org.address ?? null,
    registeredCapitalFen: facts.registeredCapitalFen ?? null, storeAddress: facts.storeAddress ?? null, serviceScope: facts.serviceScope ?? null,
    issuer: await issuerOf(kind, t),
  };
}

/** Issue (or re-issue, superseding the one in force) an enterprise's filing certificate. */
async function issueFiling(t: Transaction, kind: 'agency_filing' | 'property_filing', app: Application, reason: string) {
  const { org, profile } = await orgAndProfile(t, app);
  const old = profile.filing_cert_id ? await EnterpriseCertificate.findByPk(profile.filing_cert_id, { transaction: t, lock: t.LOCK.UPDATE }) : null;
  const cert = await issueCertificate(t, { kind, orgId: org.id, applicationId: app.id, facts: await holderFacts(t, kind, org), issuedOn: shanghaiDate() });
  await supersede(t, old, cert, reason);
  await profile.update({ filing_cert_id: cert.id, version: profile.version + 1 }, { transaction: t });
  return cert;
}

// ---------- 开发企业注册 / 变更 ----------

registerBusinessType<DeveloperRegistrationForm>({
  key: 'developer_registration', label: '房地产开发企业注册', prefix: 'QY', applicantRoles: ['developer_staff'], steps: DEFAULT_REVIEW_STEPS,
  form: developerRegistrationForm, attachments: DEVELOPER_REGISTRATION_ATTACHMENTS, projectOf: () => null,
  title: async (form) => `${str(form.name) ?? '房地产开发企业'} 企业注册申请`,
  missing: (t, form, app) => firstTimeProblems(t, app, 'developer', form.uscc, '本企业已完成注册，信息有变化请办理「房地产开发企业变更」'),
  onApprove: async (t, app, form, actor, deps) => {
    const { org, profile } = await orgAndProfile(t, app);
    await applyFacts(t, deps, org, profile, basics(form), {
      registeredCapitalFen: form.registeredCapitalFen, establishedOn: form.establishedOn, businessScope: form.businessScope, personnel: form.personnel,
      achievements: form.achievements, remarks: form.remarks,
    }, { activate: true });
    await appendAudit(t, actor, { action: 'enterprise.register', objectType: 'org', objectId: org.id, detail: { applicationId: app.id, kind: 'developer' } });
    return { resultType: 'enterprise', resultId: org.id };
  },
});

registerBusinessType<DeveloperChangeForm>({
  key: 'developer_change', label: '房地产开发企业变更', prefix: 'QB', applicantRoles: ['developer_staff'], steps: DEFAULT_REVIEW_STEPS,
  form: developerChangeForm, attachments: ENTERPRISE_CHANGE_ATTACHMENTS, projectOf: () => null,
  title: async () => '房地产开发企业变更申请',
  missing: (t, _form, app) => mustBeActive(t, app, '企业变更'),
  onApprove: async (t, app, form, actor, deps) => {
    const { org, profile } = await orgAndProfile(t, app);
    const c = form.changes;
    await applyFacts(t, deps, org, profile, basics(c), {
      registeredCapitalFen: c.registeredCapitalFen, businessScope: c.businessScope, personnel: c.personnel, achievements: c.achievements,
    });
    await appendAudit(t, actor, { action: 'enterprise.change', objectType: 'org', objectId: org.id, detail: { applicationId: app.id, fields: Object.keys(c), reason: form.reason } });
    return { resultType: 'enterprise', resultId: org.id };
  },
});

// ---------- 资质申报 ----------

function validUntilFor(grade: DeveloperQualificationForm['grade'], from: string): string {
  return addDays(addMonths(from, QUALIFICATION_VALIDITY_YEARS[grade] * 12), -1);
}

async function issueQualification(t: Transaction, app: Application, form: DeveloperQualificationForm, old: EnterpriseCertificate | null, actor: AuditActor) {
  const { org, profile } = await orgAndProfile(t, app);
  const today = shanghaiDate();
  const cert = await issueCertificate(t, {
    kind: 'developer_qualification', orgId: org.id, applicationId: app.id, grade: form.grade, facts: await holderFacts(t, 'developer_qualification', org),
    issuedOn: today, validUntil: validUntilFor(form.grade, today),
  });
  await supersede(t, old, cert, `资质变更，换发新证 ${cert.cert_no}`);
  await profile.update({ qualification_cert_id: cert.id, version: profile.version + 1 }, { transaction: t });
  await appendAudit(t, actor, {
    action: 'enterprise.qualification.issue', objectType: 'enterprise_certificate', objectId: cert.id,
    detail: { orgId: org.id, certNo: cert.cert_no, grade: form.grade, replaces: old?.cert_no ?? null },
  });
  return { resultType: 'enterprise_certificate', resultId: cert.id };
}

const validQualification = (t: Transaction, orgId: number) =>
  EnterpriseCertificate.findOne({ where: { org_id: orgId, kind: 'developer_qualification', status: 'valid' }, order: [['id', 'DESC']], transaction: t });

registerBusinessType<DeveloperQualificationForm>({
  key: 'developer_qualification', label: '开发企业资质首次申报', prefix: 'ZZ', applicantRoles: ['developer_staff'], steps: DEFAULT_REVIEW_STEPS,
  form: developerQualificationForm, attachments: QUALIFICATION_ATTACHMENTS, projectOf: () => null, reviewerMayCorrect: true,
  title: async (form) => `开发企业资质首次申报（${QUALIFICATION_GRADE_LABELS[form.grade as 'first'] ?? '未选等级'}）`,
  missing: async (t, form, app) => {
    const out = await mustBeActive(t, app, '资质申报');
    const held = await validQualification(t, app.org_id);
    if (held && (!held.valid_until || held.valid_until >= shanghaiDate())) out.push(`本企业已持有有效资质证书（${held.cert_no}），请办理资质变更`);
    return [...out, ...qualificationShortfalls(form)];
  },
  onApprove: async (t, app, form, actor) => issueQualification(t, app, form, null, actor),
});

registerBusinessType<DeveloperQualificationChangeForm>({
  key: 'developer_qualification_change', label: '开发企业资质变更申报', prefix: 'ZB', applicantRoles: ['developer_staff'], steps: DEFAULT_REVIEW_STEPS,
  form: developerQualificationChangeForm, attachments: QUALIFICATION_ATTACHMENTS, projectOf: () => null, reviewerMayCorrect: true,
  title: async (form) => `开发企业资质变更申报（${QUALIFICATION_GRADE_LABELS[form.grade as 'first'] ?? '未选等级'}）`,
  missing: async (t, form, app) => {
    const out = await mustBeActive(t, app, '资质变更');
    const cert = await EnterpriseCertificate.findByPk(form.certificateId, { transaction: t });
    if (!cert || cert.org_id !== app.org_id || cert.kind !== 'developer_qualification') out.push('要变更的资质证书不存在或不属于本企业');
    else if (cert.status !== 'valid') out.push(`资质证书 ${cert.cert_no} 已${cert.status === 'superseded' ? '变更换发' : '失效'}，请选择现行有效的证书`);
    return [...out, ...qualificationShortfalls(form)];
  },
  onApprove: async (t, app, form, actor) => {
    const old = await EnterpriseCertificate.findByPk(form.certificateId, { transaction: t, lock: t.LOCK.UPDATE });
    return issueQualification(t, app, form, old, actor);
  },
});

// ---------- 中介机构备案 / 变更 ----------

/** 查重校验 (RE-071): each listed broker must be registered with this agency, not held by another. */
async function brokerProblems(t: Transaction, app: Application, brokerIds: number[]): Promise<string[]> {
  const out: string[] = [];
  const brokers = await Broker.findAll({ where: { id: brokerIds }, transaction: t });
  for (const id of brokerIds) {
    const b = brokers.find((x) => x.id === id);
    if (!b) { out.push(`经纪人（编号${id}）不存在，请先登记`); continue; }
    const problem = await affiliationProblem(t, b, app.org_id);
    if (problem && problem.code === 'BROKER_ACTIVE_ELSEWHERE') out.push(`经纪人${maskName(b.name)}：${problem.message}`);
    else if (b.agency_org_id !== app.org_id) out.push(`经纪人${maskName(b.name)}未在本机构登记，请先登记`);
  }
  return out;
}

registerBusinessType<AgencyFilingForm>({
  key: 'agency_filing', label: '中介机构备案', prefix: 'ZJ', applicantRoles: ['agency_admin'], steps: ASSOCIATION_STEPS,
  form: agencyFilingForm, attachments: AGENCY_FILING_ATTACHMENTS, projectOf: () => null,
  title: async (form) => `${str(form.name) ?? '中介机构'} 备案申请`,
  missing: async (t, form, app) => [
    ...(await firstTimeProblems(t, app, 'agency', form.uscc, '本机构已完成备案，信息有变化请办理「中介机构变更」')),
    ...(await brokerProblems(t, app, form.brokerIds)),
  ],
  onApprove: async (t, app, form, actor, deps) => {
    const { org, profile } = await orgAndProfile(t, app);
    await applyFacts(t, deps, org, profile, basics(form), {
      registeredCapitalFen: form.registeredCapitalFen, establishedOn: form.establishedOn, businessScope: form.businessScope, storeAddress: form.storeAddress, remarks: form.remarks,
    }, { activate: true });
    const cert = await issueFiling(t, 'agency_filing', app, '重新备案');
    await appendAudit(t, actor, { action: 'agency.file', objectType: 'org', objectId: org.id, detail: { applicationId: app.id, certNo: cert.cert_no } });
    return { resultType: 'enterprise_certificate', resultId: cert.id };
  },
});

registerBusinessType<AgencyChangeForm>({
  key: 'agency_change', label: '中介机构备案变更', prefix: 'ZG', applicantRoles: ['agency_admin'], steps: ASSOCIATION_STEPS,
  form: agencyChangeForm, attachments: ENTERPRISE_CHANGE_ATTACHMENTS, projectOf: () => null,
  title: async () => '中介机构备案变更申请',
  missing: (t, _form, app) => mustBeActive(t, app, '备案变更'),
  onApprove: async (t, app, form, actor, deps) => {
    const { org, profile } = await orgAndProfile(t, app);
    const c = form.changes;
    await applyFacts(t, deps, org, profile, basics(c), { registeredCapitalFen: c.registeredCapitalFen, businessScope: c.businessScope, storeAddress: c.storeAddress });
    // 重新发放备案证明 (RE-069): a new number; the old certificate says it was replaced.
    const cert = await issueFiling(t, 'agency_filing', app, '备案变更，已重新发放备案证明');
    await appendAudit(t, actor, { action: 'agency.change', objectType: 'org', objectId: org.id, detail: { applicationId: app.id, fields: Object.keys(c), certNo: cert.cert_no } });
    return { resultType: 'enterprise_certificate', resultId: cert.id };
  },
});

// ---------- 经纪人备案 ----------

async function creatorRoles(t: Transaction, app: Application): Promise<Role[]> {
  if (!app.created_by) return [];
  return (await UserRole.findAll({ where: { user_id: app.created_by }, transaction: t })).map((r) => r.role as Role);
}

registerBusinessType<BrokerFilingForm>({
  key: 'broker_filing', label: '经纪人备案', prefix: 'JJ', applicantRoles: ['agency_admin', 'broker'], steps: ASSOCIATION_STEPS,
  form: brokerFilingForm, attachments: BROKER_FILING_ATTACHMENTS, projectOf: () => null,
  title: async (form, t) => {
    const b = typeof form.brokerId === 'number' ? await Broker.findByPk(form.brokerId, { attributes: ['name'], transaction: t }) : null;
    return `${b ? maskName(b.name) : '经纪人'} 经纪人备案申请`;
  },
  missing: async (t, form, app) => {
    const b = await Broker.findByPk(form.brokerId, { transaction: t });
    if (!b) return ['经纪人不存在，请先登记'];
    const problem = await affiliationProblem(t, b, app.org_id);
    if (problem?.code === 'BROKER_ACTIVE_ELSEWHERE') return [problem.message];
    if (b.agency_org_id !== app.org_id) return ['该经纪人未在本机构登记，请先登记'];
    const roles = await creatorRoles(t, app);
    if (!roles.includes('agency_admin') && b.user_id !== app.created_by) return ['经纪人只能为本人申请备案'];
    const out: string[] = [];
    if (b.status === 'active') out.push('该经纪人已完成备案，无需重复申请');
    const agency = await EnterpriseProfile.findByPk(app.org_id, { transaction: t });
    if (agency?.status !== 'active') out.push('所属中介机构尚未完成备案（或已注销），请先办理中介机构备案');
    return out;
  },
  onApprove: async (t, app, form, actor, deps) => {
    const b = (await Broker.findByPk(form.brokerId, { transaction: t, lock: t.LOCK.UPDATE }))!;
    const agency = (await Org.findByPk(app.org_id, { transaction: t }))!;
    const practice = await BrokerQualification.findOne({ where: { broker_id: b.id, kind: 'practice', status: 'valid' }, order: [['id', 'DESC']], transaction: t });
    const old = b.filing_cert_id ? await EnterpriseCertificate.findByPk(b.filing_cert_id, { transaction: t, lock: t.LOCK.UPDATE }) : null;
    const cert = await issueCertificate(t, {
      kind: 'broker_filing', orgId: agency.id, brokerId: b.id, applicationId: app.id, issuedOn: shanghaiDate(),
      facts: {
        holderName: agency.name, holderUscc: agency.uscc, brokerName: b.name, brokerIdMasked: maskIdNumber(decrypt(deps.config.dataKey, b.id_no_enc)),
        practiceCertNo: practice?.cert_no ?? null, agencyName: agency.name, issuer: await issuerOf('broker_filing', t),
      },
    });
    await supersede(t, old, cert, '重新备案');
    await b.update({
      status: 'active', filed_at: new Date(), filing_cert_id: cert.id, education: form.education ?? b.education, version: b.version + 1, updated_at: new Date(),
    }, { transaction: t });
    await EnterpriseProfile.increment('version', { where: { org_id: agency.id }, transaction: t }); // the agency's public page lists it
    await appendAudit(t, actor, { action: 'broker.file', objectType: 'broker', objectId: b.id, detail: { applicationId: app.id, agencyId: agency.id, certNo: cert.cert_no } });
    return { resultType: 'enterprise_certificate', resultId: cert.id };
  },
});

// ---------- 物业企业备案 ----------

registerBusinessType<PropertyFilingForm>({
  key: 'property_filing', label: '物业服务企业备案', prefix: 'WY', applicantRoles: ['property_staff'], steps: DEFAULT_REVIEW_STEPS,
  form: propertyFilingForm, attachments: PROPERTY_FILING_ATTACHMENTS, projectOf: () => null,
  title: async (form) => `${str(form.name) ?? '物业服务企业'} 备案申请`,
  missing: (t, form, app) => firstTimeProblems(t, app, 'property_company', form.uscc, '本企业已完成备案'),
  onApprove: async (t, app, form, actor, deps: Deps) => {
    const { org, profile } = await orgAndProfile(t, app);
    await applyFacts(t, deps, org, profile, basics(form), {
      registeredCapitalFen: form.registeredCapitalFen, establishedOn: form.establishedOn, businessScope: form.businessScope, serviceScope: form.serviceScope,
      managedProjects: form.managedProjects, remarks: form.remarks,
    }, { activate: true });
    const cert = await issueFiling(t, 'property_filing', app, '重新备案');
    await appendAudit(t, actor, { action: 'property_company.file', objectType: 'org', objectId: org.id, detail: { applicationId: app.id, certNo: cert.cert_no } });
    return { resultType: 'enterprise_certificate', resultId: cert.id };
  },
});
