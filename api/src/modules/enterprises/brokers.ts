// Brokers (经纪人, RE-071, RE-072, RE-166…RE-169). A person is one broker record, found by the
// keyed hash of their ID document, and belongs to one agency at a time: registering someone who
// is pending or filed with another agency is refused naming that agency; once that agency
// releases them (解除执业) another may register them. Filing goes through the 经纪人备案 business
// type (the association reviews); practice qualifications are created, changed, checked and
// cancelled here.
import { Op, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import {
  BROKER_QUALIFICATION_KIND_LABELS, BROKER_QUALIFICATION_LEVEL_LABELS, BROKER_QUALIFICATION_STATUS_LABELS, BROKER_STATUS_LABELS, maskIdNumber, maskPhone,
  normaliseIdDocument, shanghaiDate, statusText, type BrokerQualificationView, type BrokerRegisterInput, type BrokerStatus, type BrokerView,
  type IdDocumentType, type z, type brokerQuery, type brokerQualificationInput, type brokerQualificationChange, type brokerUpdateInput,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { Org, User } from '../../platform/models';
import { decrypt, encrypt, keyedHash } from '../../platform/crypto';
import type { AuthUser } from '../../platform/http/types';
import { Application, ApplicationVersion } from '../../platform/workflow/models';
import { businessType } from '../../platform/workflow/engine';
import { briefs } from '../credit/engine';
import { Broker, BrokerAffiliation, BrokerQualification, EnterpriseCertificate, EnterpriseProfile } from './models';
import { presentCertificate } from './certificates';
import { assertManageBroker, assertSeeBroker, isAssociation, isRegulator } from './policy';
import { releaseBrokerRecord } from './service';

export const idHash = (deps: Deps, type: IdDocumentType, idNumber: string) => keyedHash(deps.config.dataKey, `${type}:${normaliseIdDocument(type, idNumber)}`);

const ACTIVE: BrokerStatus[] = ['pending', 'active'];

/** The refusal when a person is with another agency (named), or null when they may be registered with `agencyId`. */
export async function affiliationProblem(t: Transaction | undefined, b: Broker | null, agencyId: number): Promise<{ code: string; message: string } | null> {
  if (!b || !ACTIVE.includes(b.status) || b.agency_org_id == null) return null;
  const agency = await Org.findByPk(b.agency_org_id, { attributes: ['name'], transaction: t });
  const state = b.status === 'active' ? '执业备案' : '登记（备案办理中）';
  if (b.agency_org_id === agencyId) {
    return { code: 'BROKER_ALREADY_REGISTERED', message: `该经纪人已在本机构${state}，无需重复登记` };
  }
  return {
    code: 'BROKER_ACTIVE_ELSEWHERE',
    message: `该经纪人已在「${agency?.name ?? '其他中介机构'}」${state}。一名经纪人同一时间只能在一家中介机构执业，须由「${agency?.name ?? '原机构'}」办理解除执业后方可转入`,
  };
}

/** Which agency a registration goes to: staff and brokers their own; regulators and the association name one. */
function agencyFor(user: AuthUser, requested: number | undefined): number {
  if (isRegulator(user) || isAssociation(user)) {
    if (!requested) throw errors.validation([{ field: 'agencyOrgId', message: '请选择经纪人所属的中介机构' }]);
    return requested;
  }
  if (user.orgId == null) throw errors.forbidden('BROKER_NO_AGENCY', '您的账号未关联中介机构，请由所在中介机构为您登记');
  if (requested && requested !== user.orgId) throw errors.forbidden('DATA_SCOPE_DENIED', '只能为本机构登记经纪人');
  return user.orgId;
}

/** 经纪人注册 (RE-071): register a person with an agency, after the duplicate check. */
export async function registerBroker(t: Transaction, deps: Deps, user: AuthUser, actor: AuditActor, input: BrokerRegisterInput): Promise<Broker> {
  const agencyId = agencyFor(user, input.agencyOrgId);
  const agency = await Org.findByPk(agencyId, { attributes: ['id', 'kind', 'name', 'status'], transaction: t });
  if (!agency || agency.kind !== 'agency') throw errors.validation([{ field: 'agencyOrgId', message: '中介机构不存在' }]);
  const profile = await EnterpriseProfile.findByPk(agencyId, { attributes: ['status'], transaction: t });
  if (profile?.status === 'cancelled' || agency.status === 'cancelled') throw errors.conflict('ENTERPRISE_CANCELLED', `「${agency.name}」已注销备案，不能登记经纪人`);
  const key = deps.config.dataKey;
  const idNumber = normaliseIdDocument(input.idType, input.idNumber);
  const hash = idHash(deps, input.idType, idNumber);
  // A broker registering themself: the ID must be their own when their real name is known.
  let linkUserId: number | null = null;
  if (user.roles.includes('broker') && !user.roles.includes('agency_admin')) {
    const me = await User.findByPk(user.id, { attributes: ['id', 'id_no_hash'], transaction: t });
    if (me?.id_no_hash && me.id_no_hash !== hash) throw errors.forbidden('BROKER_NOT_SELF', '只能登记本人的经纪人信息（证件号码与您实名认证的不一致）');
    linkUserId = user.id;
  } else {
    // A person who already logged in with their real name (统一身份认证) is linked to their record.
    const person = await User.findOne({ where: { id_no_hash: hash }, attributes: ['id'], transaction: t });
    linkUserId = person?.id ?? null;
  }
  const existing = await Broker.findOne({ where: { id_no_hash: hash }, transaction: t, lock: t.LOCK.UPDATE });
  const problem = await affiliationProblem(t, existing, agencyId);
  if (problem) throw errors.conflict(problem.code, problem.message);
  const now = new Date();
  const fields = {
    agency_org_id: agencyId, name: input.name, id_type: input.idType, id_no_enc: encrypt(key, idNumber), id_no_hash: hash,
    phone_enc: encrypt(key, input.phone), phone_hash: keyedHash(key, `phone:${input.phone}`), education: input.education ?? null,
    status: 'pending' as const, registered_at: now, released_at: null, filed_at: null, filing_cert_id: null, updated_at: now,
  };
  let b: Broker;
  try {
    if (existing) {
      await existing.update({ ...fields, user_id: existing.user_id ?? linkUserId, version: existing.version + 1 }, { transaction: t });
      b = existing;
    } else {
      b = await Broker.create({ ...fields, user_id: linkUserId }, { transaction: t });
    }
  } catch (e) {
    // Two agencies registering the same person at once: the unique hash lets one through.
    if (e instanceof UniqueConstraintError) throw errors.conflict('BROKER_ACTIVE_ELSEWHERE', '该经纪人刚刚已由其他中介机构登记，请刷新后查看');
    throw e;
  }
  await BrokerAffiliation.create({ broker_id: b.id, agency_org_id: agencyId, started_at: now, created_by: user.id }, { transaction: t });
  await appendAudit(t, actor, { action: 'broker.register', objectType: 'broker', objectId: b.id, detail: { agencyId, moved: !!existing, idType: input.idType } });
  return b;
}

export async function updateBroker(t: Transaction, deps: Deps, user: AuthUser, actor: AuditActor, id: number, input: z.infer<typeof brokerUpdateInput>): Promise<Broker> {
  const b = await lockBroker(t, id);
  if (!(user.roles.includes('broker') && b.user_id === user.id)) assertManageBroker(user, b);
  const key = deps.config.dataKey;
  await b.update({
    ...(input.phone ? { phone_enc: encrypt(key, input.phone), phone_hash: keyedHash(key, `phone:${input.phone}`) } : {}),
    ...(input.education !== undefined ? { education: input.education } : {}), version: b.version + 1, updated_at: new Date(),
  }, { transaction: t });
  await appendAudit(t, actor, { action: 'broker.update', objectType: 'broker', objectId: b.id, detail: { fields: Object.keys(input) } });
  return b;
}

async function lockBroker(t: Transaction, id: number): Promise<Broker> {
  const b = await Broker.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!b) throw errors.notFound('BROKER_NOT_FOUND', '经纪人不存在');
  return b;
}

/** 解除执业: the agency (or the association) releases a broker, who may then join another agency. */
export async function releaseBroker(t: Transaction, user: AuthUser, actor: AuditActor, id: number, reason: string): Promise<Broker> {
  const b = await lockBroker(t, id);
  assertManageBroker(user, b);
  if (!ACTIVE.includes(b.status)) throw errors.conflict('BROKER_NOT_ACTIVE', `该经纪人${BROKER_STATUS_LABELS[b.status]}，无需解除`);
  const agencyId = b.agency_org_id;
  await releaseBrokerRecord(t, b, reason, actor);
  await appendAudit(t, actor, { action: 'broker.release', objectType: 'broker', objectId: b.id, detail: { agencyId, reason } });
  return b;
}

/** 查重: is this person free to register with the asker's agency? Names the agency holding them, nothing more. */
export async function checkDuplicate(deps: Deps, user: AuthUser, idType: IdDocumentType, idNumber: string, agencyOrgId?: number) {
  const agencyId = isRegulator(user) || isAssociation(user) ? agencyOrgId ?? -1 : user.orgId ?? -1;
  const b = await Broker.findOne({ where: { id_no_hash: idHash(deps, idType, idNumber) } });
  const problem = await affiliationProblem(undefined, b, agencyId);
  const agency = b?.agency_org_id ? await Org.findByPk(b.agency_org_id, { attributes: ['name'] }) : null;
  return {
    free: !problem, brokerId: problem && b?.agency_org_id === user.orgId ? b.id : null, agencyName: problem ? agency?.name ?? null : null,
    status: b ? BROKER_STATUS_LABELS[b.status] : null,
    message: problem?.message ?? (b ? `可以登记：该经纪人${BROKER_STATUS_LABELS[b.status]}，可在本机构重新登记` : '可以登记：系统中没有该经纪人的执业记录'),
  };
}

// ---------- practice qualifications (从业资格管理, RE-072) ----------

async function lockQualification(t: Transaction, id: number): Promise<{ q: BrokerQualification; b: Broker }> {
  const q = await BrokerQualification.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!q) throw errors.notFound('QUALIFICATION_NOT_FOUND', '从业资格记录不存在');
  const b = (await Broker.findByPk(q.broker_id, { transaction: t }))!;
  return { q, b };
}

async function assertCertNoFree(t: Transaction, kind: string, certNo: string, exceptId = 0): Promise<void> {
  if (await BrokerQualification.findOne({ where: { kind, cert_no: certNo, id: { [Op.ne]: exceptId } }, attributes: ['id'], transaction: t })) {
    throw errors.conflict('QUALIFICATION_DUPLICATE', `资格证书编号 ${certNo} 已登记，请核对`);
  }
}

export async function addQualification(t: Transaction, user: AuthUser, actor: AuditActor, brokerId: number, input: z.infer<typeof brokerQualificationInput>) {
  const b = await lockBroker(t, brokerId);
  assertManageBroker(user, b);
  if (!ACTIVE.includes(b.status)) throw errors.conflict('BROKER_NOT_ACTIVE', `该经纪人${BROKER_STATUS_LABELS[b.status]}，不能登记从业资格`);
  await assertCertNoFree(t, input.kind, input.certNo);
  const q = await BrokerQualification.create({
    broker_id: b.id, kind: input.kind, level: input.level, cert_no: input.certNo, issued_on: input.issuedOn, valid_until: input.validUntil, status: 'valid',
  }, { transaction: t });
  await b.update({ version: b.version + 1 }, { transaction: t });
  await appendAudit(t, actor, { action: 'broker.qualification.create', objectType: 'broker_qualification', objectId: q.id, detail: { brokerId: b.id, kind: input.kind, certNo: input.certNo } });
  return q;
}

export async function changeQualification(t: Transaction, user: AuthUser, actor: AuditActor, id: number, input: z.infer<typeof brokerQualificationChange>) {
  const { q, b } = await lockQualification(t, id);
  assertManageBroker(user, b);
  if (q.status === 'cancelled') throw errors.conflict('QUALIFICATION_CANCELLED', '该从业资格已注销，不能变更');
  if (input.certNo) await assertCertNoFree(t, q.kind, input.certNo, q.id);
  const validUntil = input.validUntil ?? q.valid_until;
  if (validUntil <= q.issued_on) throw errors.validation([{ field: 'validUntil', message: '有效期至应晚于发证日期' }]);
  const before = { level: q.level, certNo: q.cert_no, validUntil: q.valid_until };
  await q.update({ level: input.level ?? q.level, cert_no: input.certNo ?? q.cert_no, valid_until: validUntil, updated_at: new Date() }, { transaction: t });
  await b.update({ version: b.version + 1 }, { transaction: t });
  await appendAudit(t, actor, {
    action: 'broker.qualification.change', objectType: 'broker_qualification', objectId: q.id,
    detail: { reason: input.reason, before, after: { level: q.level, certNo: q.cert_no, validUntil: q.valid_until } },
  });
  return q;
}

/** 检查: the association (or a regulator) records a check; a failed one suspends the qualification. */
export async function checkQualification(t: Transaction, user: AuthUser, actor: AuditActor, id: number, input: { result: 'pass' | 'fail'; note: string }) {
  const { q, b } = await lockQualification(t, id);
  if (q.status === 'cancelled') throw errors.conflict('QUALIFICATION_CANCELLED', '该从业资格已注销，不能检查');
  if (input.result === 'pass' && q.valid_until < shanghaiDate()) {
    throw errors.conflict('QUALIFICATION_EXPIRED', `该从业资格已于${q.valid_until}过期，检查不能判定合格，请先办理变更（延续）`);
  }
  await q.update({
    checked_at: new Date(), check_result: input.result, check_note: input.note, status: input.result === 'fail' ? 'suspended' : 'valid', updated_at: new Date(),
  }, { transaction: t });
  await b.update({ version: b.version + 1 }, { transaction: t });
  await appendAudit(t, actor, { action: 'broker.qualification.check', objectType: 'broker_qualification', objectId: q.id, detail: { brokerId: b.id, ...input, by: user.id } });
  return q;
}

export async function cancelQualification(t: Transaction, actor: AuditActor, id: number, reason: string) {
  const { q, b } = await lockQualification(t, id);
  if (q.status === 'cancelled') throw errors.conflict('QUALIFICATION_CANCELLED', '该从业资格已注销，不能重复注销');
  await q.update({ status: 'cancelled', cancelled_at: new Date(), cancel_reason: reason, updated_at: new Date() }, { transaction: t });
  await b.update({ version: b.version + 1 }, { transaction: t });
  await appendAudit(t, actor, { action: 'broker.qualification.cancel', objectType: 'broker_qualification', objectId: q.id, detail: { brokerId: b.id, reason } });
  return q;
}

// ---------- reading ----------

export function presentQualification(q: BrokerQualification): BrokerQualificationView {
  return {
    id: q.id, brokerId: q.broker_id, kind: q.kind, kindLabel: BROKER_QUALIFICATION_KIND_LABELS[q.kind], level: q.level, levelLabel: BROKER_QUALIFICATION_LEVEL_LABELS[q.level],
    certNo: q.cert_no, issuedOn: q.issued_on, validUntil: q.valid_until, expired: q.valid_until < shanghaiDate(), status: q.status,
    statusLabel: BROKER_QUALIFICATION_STATUS_LABELS[q.status], checkedAt: q.checked_at ? new Date(q.checked_at).toISOString() : null,
    checkResult: q.check_result ?? null, checkNote: q.check_note ?? null, cancelReason: q.cancel_reason ?? null,
  };
}

/** Management view: ID and phone masked for everyone (the full values are only used to match). */
export async function presentBrokers(deps: Deps, brokers: Broker[]): Promise<BrokerView[]> {
  if (!brokers.length) return [];
  const ids = brokers.map((b) => b.id);
  const [quals, affs, certs, credit] = await Promise.all([
    BrokerQualification.findAll({ where: { broker_id: ids }, order: [['id', 'ASC']] }),
    BrokerAffiliation.findAll({ where: { broker_id: ids }, order: [['started_at', 'ASC'], ['id', 'ASC']] }),
    EnterpriseCertificate.findAll({ where: { id: brokers.map((b) => b.filing_cert_id).filter((x): x is number => x != null) } }),
    briefs('broker', ids),
  ]);
  const orgIds = [...new Set([...brokers.map((b) => b.agency_org_id), ...affs.map((a) => a.agency_org_id)].filter((x): x is number => x != null))];
  const orgs = new Map((await Org.findAll({ where: { id: orgIds }, attributes: ['id', 'name'] })).map((o) => [o.id, o.name]));
  // Filing applications of the agencies these brokers have been with, matched on the form's brokerId.
  const apps = await Application.findAll({
    where: { type: 'broker_filing', org_id: orgIds }, attributes: ['id', 'app_no', 'status', 'step', 'type', 'updated_at'], order: [['id', 'DESC']],
  });
  const versions = apps.length
    ? await ApplicationVersion.findAll({ where: { application_id: apps.map((a) => a.id) }, attributes: ['application_id', 'form'], order: [['version_no', 'DESC']] })
    : [];
  const brokerOfApp = new Map<number, number>();
  for (const v of versions) {
    if (brokerOfApp.has(v.application_id)) continue;
    const id = Number((JSON.parse(v.form) as { brokerId?: unknown }).brokerId);
    if (Number.isInteger(id)) brokerOfApp.set(v.application_id, id);
  }
  const steps = businessType('broker_filing').steps;
  return brokers.map((b) => {
    const cert = certs.find((c) => c.id === b.filing_cert_id);
    return {
      id: b.id, name: b.name, idType: b.id_type as IdDocumentType, idNumber: maskIdNumber(decrypt(deps.config.dataKey, b.id_no_enc)),
      phone: maskPhone(decrypt(deps.config.dataKey, b.phone_enc)), education: b.education ?? null,
      agency: b.agency_org_id ? { id: b.agency_org_id, name: orgs.get(b.agency_org_id) ?? '' } : null, status: b.status, statusLabel: BROKER_STATUS_LABELS[b.status],
      registeredAt: b.registered_at ? new Date(b.registered_at).toISOString() : null, filedAt: b.filed_at ? new Date(b.filed_at).toISOString() : null,
      releasedAt: b.released_at ? new Date(b.released_at).toISOString() : null, linkedUser: b.user_id != null,
      filing: cert ? presentCertificate(cert) : null, qualifications: quals.filter((q) => q.broker_id === b.id).map(presentQualification),
      credit: credit.get(b.id) ?? { score: 0, grade: 'C', gradeLabel: '', blacklisted: false },
      affiliations: affs.filter((a) => a.broker_id === b.id).map((a) => ({
        agencyId: a.agency_org_id, agencyName: orgs.get(a.agency_org_id) ?? '', from: new Date(a.started_at).toISOString(),
        to: a.ended_at ? new Date(a.ended_at).toISOString() : null, endReason: a.end_reason ?? null,
      })),
      applications: apps.filter((a) => brokerOfApp.get(a.id) === b.id).map((a) => ({
        id: a.id, appNo: a.app_no, status: a.status, statusText: statusText(a.status, a.step, steps), updatedAt: new Date(a.updated_at).toISOString(),
      })),
      version: b.version,
    };
  });
}

/** 经纪人名录: regulators and the association all; an agency its own; a broker themself. */
export async function listBrokers(deps: Deps, user: AuthUser, q: z.infer<typeof brokerQuery>) {
  const where: WhereOptions<Broker> & Record<string | symbol, unknown> = {};
  if (!isRegulator(user) && !isAssociation(user)) {
    if (user.roles.includes('agency_admin') && user.orgId != null) where.agency_org_id = user.orgId;
    else where.user_id = user.id;
    if (q.agencyOrgId && q.agencyOrgId !== user.orgId) where.id = -1;
  } else if (q.agencyOrgId) where.agency_org_id = q.agencyOrgId;
  if (q.status) where.status = q.status;
  if (q.keyword) where.name = { [Op.like]: `%${q.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%` };
  const { rows, count } = await Broker.findAndCountAll({ where, order: [['id', 'ASC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: await presentBrokers(deps, rows), total: count, page: q.page, pageSize: q.pageSize };
}

export async function brokerDetail(deps: Deps, user: AuthUser, id: number): Promise<BrokerView> {
  const b = await Broker.findByPk(id);
  if (!b) throw errors.notFound('BROKER_NOT_FOUND', '经纪人不存在');
  assertSeeBroker(user, b);
  return (await presentBrokers(deps, [b]))[0];
}

/** 我的经纪人备案 (mini-program): the records linked to the logged-in broker. */
export async function myBrokerRecords(deps: Deps, user: AuthUser): Promise<BrokerView[]> {
  return presentBrokers(deps, await Broker.findAll({ where: { user_id: user.id }, order: [['id', 'ASC']] }));
}
