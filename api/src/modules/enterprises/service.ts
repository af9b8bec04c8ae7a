// The enterprise registry (企业库): developers, agencies and property companies, each an
// organisation with one profile — its registry state and what registration, filing and changes
// established — plus the certificates it holds. Approvals of the business types write here;
// regulators add enterprises (PM-003, from tender results too) and correct basic facts; an
// agency's filing is cancelled here (RE-070).
import { Op, type Transaction } from 'sequelize';
import {
  ENTERPRISE_KIND_LABELS, enterpriseStatusLabel, maskPhone, type EnterpriseKind, type EnterpriseSource, type z, type enterpriseCreateInput,
  type enterpriseBasicUpdate, type enterpriseQuery, type EnterpriseSummary, type EnterpriseDetail, ENTERPRISE_KINDS, statusText,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { Org, User, UserRole } from '../../platform/models';
import { decrypt, encrypt } from '../../platform/crypto';
import type { AuthUser } from '../../platform/http/types';
import { Application, ApplicationAction } from '../../platform/workflow/models';
import { businessType } from '../../platform/workflow/engine';
import { briefs } from '../credit/engine';
import { Broker, BrokerAffiliation, EnterpriseCertificate, EnterpriseProfile, type EnterpriseFacts } from './models';
import { presentCertificate, revokeCertificate } from './certificates';
import { assertSeeEnterprise, isAssociation, isRegulator, STAFF_ROLE } from './policy';

export const ENTERPRISE_TYPES = [
  'developer_registration', 'developer_change', 'developer_qualification', 'developer_qualification_change',
  'agency_filing', 'agency_change', 'property_filing',
] as const;

export const isEnterpriseKind = (k: string): k is EnterpriseKind => (ENTERPRISE_KINDS as readonly string[]).includes(k);

export function parseFacts(p: EnterpriseProfile | null): EnterpriseFacts {
  return p ? (JSON.parse(p.facts) as EnterpriseFacts) : {};
}

/** The organisation of an enterprise kind, or 404. */
export async function enterpriseOrg(id: number, t?: Transaction, kind?: EnterpriseKind): Promise<Org> {
  const org = await Org.findByPk(id, { transaction: t });
  if (!org || !isEnterpriseKind(org.kind) || (kind && org.kind !== kind)) {
    throw errors.notFound('ENTERPRISE_NOT_FOUND', kind ? `${ENTERPRISE_KIND_LABELS[kind]}不存在` : '企业不存在');
  }
  return org;
}

/** The profile of an enterprise, made on first use for organisations that predate the registry. */
export async function ensureProfile(t: Transaction, org: Org, source: EnterpriseSource = 'application'): Promise<EnterpriseProfile> {
  const p = await EnterpriseProfile.findByPk(org.id, { transaction: t, lock: t.LOCK.UPDATE });
  if (p) return p;
  return EnterpriseProfile.create({ org_id: org.id, kind: org.kind as EnterpriseKind, status: 'pending', source, facts: '{}' }, { transaction: t });
}

/** Another organisation already holds this 统一社会信用代码? Its name, for the message. */
export async function usccHolder(t: Transaction, uscc: string, exceptOrgId: number): Promise<string | null> {
  const other = await Org.findOne({ where: { uscc, id: { [Op.ne]: exceptOrgId } }, attributes: ['name'], transaction: t });
  return other?.name ?? null;
}

export interface EnterpriseBasics {
  name?: string;
  uscc?: string;
  legalRep?: string;
  address?: string;
  contact?: { name: string; phone: string };
}

/** Write approved facts onto the organisation and its profile (one place for registration, filing and changes). */
export async function applyFacts(
  t: Transaction, deps: Deps, org: Org, profile: EnterpriseProfile, basics: EnterpriseBasics, facts: Partial<EnterpriseFacts>,
  opts: { activate?: boolean } = {},
): Promise<void> {
  const orgUpdate: Partial<Org> = { updated_at: new Date() };
  if (basics.name) orgUpdate.name = basics.name;
  if (basics.uscc) orgUpdate.uscc = basics.uscc;
  if (basics.legalRep) orgUpdate.legal_rep = basics.legalRep;
  if (basics.address) orgUpdate.address = basics.address;
  if (opts.activate) orgUpdate.status = 'active';
  await org.update(orgUpdate, { transaction: t });
  const merged: EnterpriseFacts = { ...parseFacts(profile) };
  for (const [k, v] of Object.entries(facts)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  const update: Partial<EnterpriseProfile> = { facts: JSON.stringify(merged), version: profile.version + 1, updated_at: new Date() };
  if (basics.contact) {
    update.contact_name = basics.contact.name;
    update.contact_phone_enc = encrypt(deps.config.dataKey, basics.contact.phone);
  }
  if (opts.activate) {
    update.status = 'active';
    update.registered_at = profile.registered_at ?? new Date();
  }
  await profile.update(update, { transaction: t });
}

// ---------- registry commands ----------

/** 建立企业库 (PM-003): a regulator records an enterprise (from the market, or a tender result); it registers or files later. */
export async function createEnterprise(t: Transaction, actor: AuditActor, input: z.infer<typeof enterpriseCreateInput>): Promise<Org> {
  const holder = await usccHolder(t, input.uscc, 0);
  if (holder) throw errors.conflict('USCC_TAKEN', `统一社会信用代码 ${input.uscc} 已由「${holder}」登记，请核对`);
  const org = await Org.create({ kind: input.kind, name: input.name, uscc: input.uscc, legal_rep: input.legalRep ?? null, address: input.address ?? null, status: 'pending' }, { transaction: t });
  await EnterpriseProfile.create({
    org_id: org.id, kind: input.kind, status: 'pending', source: input.source, facts: JSON.stringify(input.remarks ? { remarks: input.remarks } : {}),
  }, { transaction: t });
  await appendAudit(t, actor, { action: 'enterprise.create', objectType: 'org', objectId: org.id, detail: { kind: input.kind, name: input.name, uscc: input.uscc, source: input.source } });
  return org;
}

/** 维护企业基本信息 (PM-003): a regulator corrects basic facts, with a reason; the change is audited. */
export async function updateBasic(t: Transaction, deps: Deps, actor: AuditActor, id: number, input: z.infer<typeof enterpriseBasicUpdate>): Promise<void> {
  const org = await enterpriseOrg(id, t);
  const profile = await ensureProfile(t, org, 'registry');
  const before = { name: org.name, legalRep: org.legal_rep, address: org.address, contactName: profile.contact_name };
  await applyFacts(t, deps, org, profile, { name: input.name, legalRep: input.legalRep, address: input.address, contact: input.contact }, {});
  await appendAudit(t, actor, {
    action: 'enterprise.update', objectType: 'org', objectId: org.id,
    detail: { reason: input.reason, before, after: { name: input.name, legalRep: input.legalRep, address: input.address, contactName: input.contact?.name } },
  });
}

/**
 * 中介机构注销 (RE-070): the filing is cancelled, its 备案证明 becomes invalid, the public page says
 * 已注销, and its brokers are released (their 经纪人备案证明 invalid too) so they may join another agency.
 */
export async function cancelAgency(t: Transaction, user: AuthUser, actor: AuditActor, id: number, reason: string): Promise<{ brokersReleased: number }> {
  const org = await enterpriseOrg(id, t, 'agency');
  const profile = await ensureProfile(t, org);
  if (profile.status === 'cancelled') throw errors.conflict('ENTERPRISE_CANCELLED', `「${org.name}」已注销，不能重复注销`);
  if (profile.status !== 'active') throw errors.conflict('ENTERPRISE_NOT_FILED', `「${org.name}」尚未完成备案，无备案可注销`);
  const now = new Date();
  await profile.update({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, version: profile.version + 1, updated_at: now }, { transaction: t });
  await org.update({ status: 'cancelled', updated_at: now }, { transaction: t });
  const certReason = `中介机构已注销备案（${reason}）`;
  const certs = await EnterpriseCertificate.findAll({ where: { org_id: org.id, kind: 'agency_filing', status: 'valid' }, transaction: t, lock: t.LOCK.UPDATE });
  for (const c of certs) await revokeCertificate(t, c, certReason, actor);
  const brokers = await Broker.findAll({ where: { agency_org_id: org.id, status: ['pending', 'active'] }, transaction: t, lock: t.LOCK.UPDATE });
  for (const b of brokers) await releaseBrokerRecord(t, b, `所属中介机构「${org.name}」已注销备案`, actor);
  await appendAudit(t, actor, { action: 'agency.cancel', objectType: 'org', objectId: org.id, detail: { reason, certificates: certs.map((c) => c.cert_no), brokersReleased: brokers.length, by: user.id } });
  return { brokersReleased: brokers.length };
}

/** A broker leaves their agency: free to register with another; their filing certificate no longer stands. */
export async function releaseBrokerRecord(t: Transaction, b: Broker, reason: string, actor: AuditActor): Promise<void> {
  const now = new Date();
  const cert = b.filing_cert_id ? await EnterpriseCertificate.findByPk(b.filing_cert_id, { transaction: t, lock: t.LOCK.UPDATE }) : null;
  await revokeCertificate(t, cert, `经纪人已解除执业：${reason}`, actor);
  await BrokerAffiliation.update({ ended_at: now, end_reason: reason }, { where: { broker_id: b.id, ended_at: null }, transaction: t });
  const agencyId = b.agency_org_id;
  await b.update({ status: 'released', agency_org_id: null, released_at: now, version: b.version + 1, updated_at: now }, { transaction: t });
  // The agency's public page lists its filed brokers, and its credit counts them.
  if (agencyId) await EnterpriseProfile.increment('version', { where: { org_id: agencyId }, transaction: t });
}

// ---------- reading ----------

function summaryOf(org: Org, p: EnterpriseProfile | undefined, credit: EnterpriseSummary['credit']): EnterpriseSummary {
  const kind = org.kind as EnterpriseKind;
  const status = p?.status ?? 'pending';
  return {
    id: org.id, kind, kindLabel: ENTERPRISE_KIND_LABELS[kind], name: org.name, uscc: org.uscc, legalRep: org.legal_rep ?? null, address: org.address ?? null,
    status, statusLabel: enterpriseStatusLabel(kind, status), source: p?.source ?? 'application', registeredAt: p?.registered_at ? new Date(p.registered_at).toISOString() : null,
    credit,
  };
}

const NO_CREDIT = { score: 0, grade: 'C', gradeLabel: '', blacklisted: false };

async function creditOf(orgs: Org[]): Promise<Map<number, EnterpriseSummary['credit']>> {
  const out = new Map<number, EnterpriseSummary['credit']>();
  for (const kind of ENTERPRISE_KINDS) {
    const ids = orgs.filter((o) => o.kind === kind).map((o) => o.id);
    for (const [id, b] of await briefs(kind, ids)) out.set(id, b);
  }
  return out;
}

/** 企业名录: regulators every kind, the association agencies, enterprise staff their own enterprise. */
export async function listEnterprises(user: AuthUser, q: z.infer<typeof enterpriseQuery>) {
  const where: Record<string | symbol, unknown> = { kind: q.kind ?? [...ENTERPRISE_KINDS] };
  if (!isRegulator(user)) {
    if (isAssociation(user)) where.kind = 'agency';
    else where.id = user.orgId ?? -1;
    if (q.kind && q.kind !== where.kind && isAssociation(user)) where.id = -1;
  }
  if (q.keyword) {
    const k = `%${q.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where[Op.or] = [{ name: { [Op.like]: k } }, { uscc: { [Op.like]: k } }];
  }
  if (q.status) {
    const profiled = await EnterpriseProfile.findAll({ attributes: ['org_id', 'status'] });
    const match = profiled.filter((p) => p.status === q.status).map((p) => p.org_id);
    // Organisations that predate the registry have no profile yet and count as pending.
    where[Op.and] = q.status === 'pending'
      ? [{ [Op.or]: [{ id: match }, { id: { [Op.notIn]: [...profiled.map((p) => p.org_id), -1] } }] }]
      : [{ id: match }];
  }
  const { rows, count } = await Org.findAndCountAll({ where, order: [['kind', 'ASC'], ['id', 'ASC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const profiles = new Map((await EnterpriseProfile.findAll({ where: { org_id: rows.map((r) => r.id) } })).map((p) => [p.org_id, p]));
  const credit = await creditOf(rows);
  return { items: rows.map((o) => summaryOf(o, profiles.get(o.id), credit.get(o.id) ?? NO_CREDIT)), total: count, page: q.page, pageSize: q.pageSize };
}

export function profileUrl(deps: Deps, org: Pick<Org, 'id' | 'kind'>): string | null {
  const page = org.kind === 'developer' ? 'developer' : org.kind === 'agency' ? 'agency' : null;
  return page ? `${deps.config.publicUrl}/h5/#/subpackages/public/pages/${page}/index?id=${org.id}` : null;
}

export async function enterpriseDetail(deps: Deps, user: AuthUser, id: number): Promise<EnterpriseDetail> {
  const org = await enterpriseOrg(id);
  assertSeeEnterprise(user, org);
  const p = await EnterpriseProfile.findByPk(org.id);
  const facts = parseFacts(p);
  const credit = (await creditOf([org])).get(org.id) ?? NO_CREDIT;
  const certs = await EnterpriseCertificate.findAll({ where: { org_id: org.id, broker_id: null }, order: [['id', 'DESC']] });
  const apps = await Application.findAll({ where: { org_id: org.id, type: [...ENTERPRISE_TYPES], status: { [Op.ne]: 'draft' } }, order: [['id', 'DESC']] });
  const corrected = new Set((await ApplicationAction.findAll({ where: { application_id: apps.map((a) => a.id), action: 'correct' }, attributes: ['application_id'] })).map((a) => a.application_id));
  const cert = (certId: number | null | undefined) => {
    const c = certId ? certs.find((x) => x.id === certId) : undefined;
    return c ? presentCertificate(c) : null;
  };
  const url = p?.status === 'active' ? profileUrl(deps, org) : null;
  return {
    ...summaryOf(org, p ?? undefined, credit),
    facts: {
      registeredCapitalFen: facts.registeredCapitalFen ?? null, establishedOn: facts.establishedOn ?? null, businessScope: facts.businessScope ?? null,
      serviceScope: facts.serviceScope ?? null, storeAddress: facts.storeAddress ?? null, contactName: p?.contact_name ?? null,
      contactPhone: p?.contact_phone_enc ? maskPhone(decrypt(deps.config.dataKey, p.contact_phone_enc)) : null,
      personnel: facts.personnel ?? [], achievements: facts.achievements ?? [], managedProjects: facts.managedProjects ?? [],
    },
    cancelledAt: p?.cancelled_at ? new Date(p.cancelled_at).toISOString() : null, cancelReason: p?.cancel_reason ?? null,
    qualification: cert(p?.qualification_cert_id), filing: cert(p?.filing_cert_id), certificates: certs.map(presentCertificate),
    history: apps.map((a) => {
      const type = businessType(a.type);
      return {
        applicationId: a.id, type: a.type, typeLabel: type.label, appNo: a.app_no, status: a.status, statusText: statusText(a.status, a.step, type.steps),
        decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null, corrected: corrected.has(a.id),
      };
    }),
    profileUrl: url, qrUrl: url && org.kind === 'developer' ? `/api/public/developers/${org.id}/qr.png` : url ? `/api/public/agencies/${org.id}/qr.png` : null,
    version: p?.version ?? 0,
  };
}

/** 机构登录账户 (PM-003): the accounts of an enterprise, for regulators; accounts themselves are made by the system administrator. */
export async function enterpriseAccounts(deps: Deps, id: number) {
  const org = await enterpriseOrg(id);
  const users = await User.findAll({ where: { org_id: org.id }, order: [['id', 'ASC']] });
  const roles = await UserRole.findAll({ where: { user_id: users.map((u) => u.id) } });
  return users.map((u) => ({
    id: u.id, username: u.username ?? null, displayName: u.display_name, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role), status: u.status,
    phone: u.phone_enc ? maskPhone(decrypt(deps.config.dataKey, u.phone_enc)) : null, realNameVerified: !!u.real_name_verified_at,
  }));
}

/** The enterprise of the person asking (本企业信息). */
export async function myEnterpriseId(user: AuthUser): Promise<number> {
  const kinds = (Object.entries(STAFF_ROLE) as [EnterpriseKind, string][]).filter(([, role]) => user.roles.includes(role as never)).map(([k]) => k);
  const org = user.orgId ? await Org.findByPk(user.orgId, { attributes: ['id', 'kind'] }) : null;
  if (!org || !kinds.includes(org.kind as EnterpriseKind)) throw errors.notFound('ENTERPRISE_NOT_FOUND', '您的账号未关联开发企业、中介机构或物业企业');
  return org.id;
}
