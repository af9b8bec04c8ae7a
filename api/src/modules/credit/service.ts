// Credit commands and queries (RE-059…RE-064, RE-073…RE-075, RE-164, RE-165, RE-168, RE-169,
// PM-005): standards edited with audit; events reported by the subject's side, entered by
// regulators or imported from other departments, each with its basis and evidence and then
// reviewed by someone other than whoever recorded it; objections with evidence, and revocation
// when one is upheld; yearly snapshots; public ratings. One transaction per command.
import { Op, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import {
  CREDIT_BASE_FACTS, CREDIT_SUBJECT_LABELS, checkCreditStandard, checkIdDocument, checkUscc, creditValidUntil, isIsoDate, normaliseIdDocument,
  quarterOf, shanghaiDate, type CreditStandardBody, type CreditSubjectKind, type CreditEventInput, type z, type creditImportInput,
  type creditEventQuery, type objectionQuery, type ratingInput, type CreditIndicator, type IdDocumentType,
} from '@hq/common';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { FileObject, Org, User } from '../../platform/models';
import { keyedHash } from '../../platform/crypto';
import { scopeOf } from '../../platform/access/policy';
import type { AuthUser } from '../../platform/http/types';
import type { Deps } from '../../platform/deps';
import { Broker } from '../enterprises/models';
import { associationKind, isAssociation, isCreditReviewer, isRegulator, STAFF_ROLE } from '../enterprises/policy';
import { CreditEvent, CreditObjection, CreditRating, CreditSnapshot, CreditStandard } from './models';
import { explain, explainMany, loadStandard } from './engine';
import { assertSeeSubject, isSubjectSide, loadSubject, subjectNames, touchSubject, type CreditSubject } from './subjects';
import { presentEvent, presentObjection, presentPublicCredit, presentRating, presentSnapshot, userNames } from './presenter';

// ---------- standards ----------

export async function standardView(kind: CreditSubjectKind) {
  const s = await loadStandard(kind);
  const names = await userNames([s.updatedBy]);
  return {
    kind, kindLabel: CREDIT_SUBJECT_LABELS[kind], version: s.version, updatedAt: s.updatedAt ? new Date(s.updatedAt).toISOString() : null,
    updatedBy: s.updatedBy ? names.get(s.updatedBy) ?? null : null, ...s.body,
    baseFacts: Object.entries(CREDIT_BASE_FACTS[kind]).map(([code, label]) => ({ code, label })),
  };
}

/** 评级标准管理 (RE-059): regulators edit any standard; the association those of agencies and brokers. */
export async function updateStandard(t: Transaction, user: AuthUser, actor: AuditActor, kind: CreditSubjectKind, body: CreditStandardBody): Promise<void> {
  const may = user.roles.some((r) => ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'].includes(r)) || (isAssociation(user) && associationKind(kind));
  if (!may) throw errors.forbidden('CREDIT_STANDARD_DENIED', `您无权修改${CREDIT_SUBJECT_LABELS[kind]}的信用评级标准`);
  const problems = checkCreditStandard(kind, body);
  if (problems.length) throw errors.badRequest('CREDIT_STANDARD_INVALID', `评级标准有误：${problems.join('；')}`, problems.map((message) => ({ field: 'body', message })));
  const row = await CreditStandard.findByPk(kind, { transaction: t, lock: t.LOCK.UPDATE });
  const before = row ? JSON.parse(row.body) : null;
  const version = (row?.version ?? 0) + 1;
  const now = new Date();
  if (row) await row.update({ body: JSON.stringify(body), version, updated_by: user.id, updated_at: now }, { transaction: t });
  else await CreditStandard.create({ kind, body: JSON.stringify(body), version, updated_by: user.id, updated_at: now }, { transaction: t });
  await appendAudit(t, actor, { action: 'credit.standard.update', objectType: 'credit_standard', objectId: kind, detail: { version, before, after: body } });
}

// ---------- recording events ----------

function findIndicator(standard: CreditStandardBody, kind: CreditSubjectKind, code: string): CreditIndicator {
  const i = standard.indicators.find((x) => x.code === code);
  if (!i) {
    throw errors.validation([{
      field: 'indicatorCode',
      message: `信用指标「${code}」不在${CREDIT_SUBJECT_LABELS[kind]}的评级标准中，可选：${standard.indicators.map((x) => `${x.code}（${x.label}）`).join('、')}`,
    }]);
  }
  return i;
}

/** Evidence must be files the recorder may read (their own, their enterprise's, or any for regulators). */
async function checkEvidence(t: Transaction, user: AuthUser, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const files = await FileObject.findAll({ where: { id: ids }, attributes: ['id', 'owner_user_id', 'org_id'], transaction: t });
  const scope = scopeOf(user);
  const usable = new Set(files.filter((f) => f.owner_user_id === user.id || scope === 'all' || (user.orgId != null && f.org_id === user.orgId)).map((f) => f.id));
  const bad = ids.filter((id) => !usable.has(id));
  if (bad.length) throw errors.validation(bad.map((id) => ({ field, message: `证据材料 ${id} 不存在或不属于本单位，请重新上传` })));
}

/** The recorder's standing: a regulator (or the association for agencies and brokers) enters; the subject's side reports. */
function sourceFor(user: AuthUser, s: CreditSubject): 'regulator' | 'self_report' {
  if (isRegulator(user) || (isAssociation(user) && associationKind(s.kind))) return 'regulator';
  if (isSubjectSide(user, s)) return 'self_report';
  throw errors.forbidden('DATA_SCOPE_DENIED', '只能报送本单位（或本机构经纪人、本人）的信用信息');
}

/** 信用信息采集 (RE-060) and 信用备案申请 (RE-164, RE-168): a record waiting for review. */
export async function reportEvent(t: Transaction, user: AuthUser, actor: AuditActor, input: CreditEventInput): Promise<CreditEvent> {
  const subject = await loadSubject(input.subjectKind, input.subjectId, t);
  const source = sourceFor(user, subject);
  const standard = await loadStandard(subject.kind, t);
  const ind = findIndicator(standard.body, subject.kind, input.indicatorCode);
  if (input.occurredOn > shanghaiDate()) throw errors.validation([{ field: 'occurredOn', message: '行为发生日期不能晚于今天' }]);
  await checkEvidence(t, user, input.evidenceFileIds, 'evidenceFileIds');
  const e = await CreditEvent.create({
    subject_kind: subject.kind, subject_id: subject.id, subject_org_id: subject.orgId, indicator_code: ind.code, indicator_label: ind.label,
    direction: ind.direction, points: ind.points, blacklist: !!ind.blacklist, occurred_on: input.occurredOn,
    valid_until: creditValidUntil(input.occurredOn, ind.validityMonths), title: input.title, description: input.description ?? null,
    basis_type: input.basis.type, basis_no: input.basis.number, evidence_file_ids: input.evidenceFileIds.join(','), source, source_dept: null,
    external_ref: null, status: 'pending', reported_by: user.id, reported_role: user.roles[0] ?? null,
  }, { transaction: t });
  await appendAudit(t, actor, {
    action: 'credit.event.report', objectType: 'credit_event', objectId: e.id,
    detail: { subjectKind: subject.kind, subjectId: subject.id, indicator: ind.code, points: ind.direction === 'good' ? ind.points : -ind.points, source },
  });
  return e;
}

type ImportBody = z.infer<typeof creditImportInput>;

/** 跨部门导入: each row becomes a record waiting for review; a row seen before (same department and record id) is not imported twice. */
export async function importEvents(t: Transaction, deps: Deps, user: AuthUser, actor: AuditActor, body: ImportBody) {
  const rows: { index: number; externalRef: string; result: 'created' | 'duplicate' | 'failed'; eventId: number | null; message: string | null }[] = [];
  const existing = await CreditEvent.findAll({
    where: { source_dept: body.sourceDept, external_ref: body.items.map((i) => i.externalRef) }, attributes: ['id', 'external_ref'], transaction: t,
  });
  const seen = new Map(existing.map((e) => [e.external_ref!, e.id]));
  const standards = new Map<CreditSubjectKind, CreditStandardBody>();
  const today = shanghaiDate();
  for (const [index, item] of body.items.entries()) {
    const fail = (message: string) => rows.push({ index, externalRef: item.externalRef, result: 'failed', eventId: null, message });
    if (seen.has(item.externalRef)) {
      rows.push({ index, externalRef: item.externalRef, result: 'duplicate', eventId: seen.get(item.externalRef)!, message: '该记录此前已导入，未重复导入' });
      continue;
    }
    let subjectId: number;
    let orgId: number | null;
    if (item.subjectKind === 'broker') {
      const type = (item.brokerIdType ?? 'resident_id') as IdDocumentType;
      const check = item.brokerIdNumber ? checkIdDocument(type, item.brokerIdNumber) : { ok: false as const, message: '请提供经纪人的证件号码（brokerIdNumber）' };
      if (!check.ok) { fail(check.message); continue; }
      const b = await Broker.findOne({ where: { id_no_hash: keyedHash(deps.config.dataKey, `${type}:${normaliseIdDocument(type, item.brokerIdNumber!)}`) }, attributes: ['id', 'agency_org_id'], transaction: t });
      if (!b) { fail('未找到该证件号码的经纪人'); continue; }
      subjectId = b.id;
      orgId = b.agency_org_id;
    } else {
      const uscc = (item.uscc ?? '').toUpperCase();
      const check = checkUscc(uscc);
      if (!check.ok) { fail(item.uscc ? check.message : '请提供企业的统一社会信用代码（uscc）'); continue; }
      const org = await Org.findOne({ where: { uscc, kind: item.subjectKind }, attributes: ['id'], transaction: t });
      if (!org) { fail(`未找到统一社会信用代码为 ${uscc} 的${CREDIT_SUBJECT_LABELS[item.subjectKind]}`); continue; }
      subjectId = org.id;
      orgId = org.id;
    }
    if (!standards.has(item.subjectKind)) standards.set(item.subjectKind, (await loadStandard(item.subjectKind, t)).body);
    const ind = standards.get(item.subjectKind)!.indicators.find((x) => x.code === item.indicatorCode);
    if (!ind) { fail(`信用指标「${item.indicatorCode}」不在${CREDIT_SUBJECT_LABELS[item.subjectKind]}的评级标准中`); continue; }
    if (!isIsoDate(item.occurredOn) || item.occurredOn > today) { fail('行为发生日期应为不晚于今天的 YYYY-MM-DD 日期'); continue; }
    try {
      await checkEvidence(t, user, item.evidenceFileIds, 'evidenceFileIds');
    } catch {
      fail('证据材料不存在，请先上传');
      continue;
    }
    const e = await CreditEvent.create({
      subject_kind: item.subjectKind, subject_id: subjectId, subject_org_id: orgId, indicator_code: ind.code, indicator_label: ind.label,
      direction: ind.direction, points: ind.points, blacklist: !!ind.blacklist, occurred_on: item.occurredOn, valid_until: creditValidUntil(item.occurredOn, ind.validityMonths),
      title: item.title, description: item.description ?? null, basis_type: item.basis.type, basis_no: item.basis.number,
      evidence_file_ids: item.evidenceFileIds.join(','), source: 'import', source_dept: body.sourceDept, external_ref: item.externalRef,
      status: 'pending', reported_by: user.id, reported_role: user.roles[0] ?? null,
    }, { transaction: t });
    seen.set(item.externalRef, e.id);
    rows.push({ index, externalRef: item.externalRef, result: 'created', eventId: e.id, message: null });
  }
  const count = (r: string) => rows.filter((x) => x.result === r).length;
  const result = { created: count('created'), duplicates: count('duplicate'), failed: count('failed'), rows };
  await appendAudit(t, actor, {
    action: 'credit.event.import', objectType: 'credit_import', objectId: body.sourceDept,
    detail: { created: result.created, duplicates: result.duplicates, failed: result.failed, eventIds: rows.filter((r) => r.result === 'created').map((r) => r.eventId) },
  });
  return result;
}

async function lockEvent(t: Transaction, id: number): Promise<CreditEvent> {
  const e = await CreditEvent.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!e) throw errors.notFound('CREDIT_EVENT_NOT_FOUND', '信用信息不存在');
  return e;
}

/** 信用信息审核 (RE-061, RE-073): effective or rejected; never by whoever recorded it. */
export async function reviewEvent(t: Transaction, user: AuthUser, actor: AuditActor, id: number, decision: 'approve' | 'reject', opinion: string): Promise<CreditEvent> {
  const e = await lockEvent(t, id);
  if (!isCreditReviewer(user, e.subject_kind)) throw errors.forbidden('CREDIT_REVIEW_DENIED', `您无权审核${CREDIT_SUBJECT_LABELS[e.subject_kind]}的信用信息`);
  if (e.status !== 'pending') throw errors.conflict('CREDIT_EVENT_NOT_PENDING', '该信用信息已审核，不能重复审核');
  if (e.reported_by === user.id) throw errors.forbidden('CREDIT_REVIEW_OWN', '不能审核本人录入的信用信息，请由其他审核人员审核');
  await e.update({
    status: decision === 'approve' ? 'effective' : 'rejected', reviewed_by: user.id, reviewed_at: new Date(), review_opinion: opinion, updated_at: new Date(),
  }, { transaction: t });
  await touchSubject(t, e.subject_kind, e.subject_id);
  await appendAudit(t, actor, {
    action: `credit.event.${decision}`, objectType: 'credit_event', objectId: e.id,
    detail: { subjectKind: e.subject_kind, subjectId: e.subject_id, indicator: e.indicator_code, opinion },
  });
  return e;
}

/** 异议 (RE-062): the subject's side contests an effective record, with evidence. */
export async function objectEvent(t: Transaction, user: AuthUser, actor: AuditActor, id: number, input: { reason: string; evidenceFileIds: string[] }): Promise<CreditObjection> {
  const e = await lockEvent(t, id);
  const subject = await loadSubject(e.subject_kind, e.subject_id, t);
  if (!isSubjectSide(user, subject)) throw errors.forbidden('DATA_SCOPE_DENIED', '只有信用主体本身（本单位、本机构经纪人或本人）可以提出异议');
  if (e.status !== 'effective') throw errors.conflict('CREDIT_EVENT_NOT_EFFECTIVE', `该信用信息${e.status === 'pending' ? '尚未审核生效' : '已不再计入信用'}，无需提出异议`);
  if (await CreditObjection.findOne({ where: { event_id: e.id, status: 'pending' }, transaction: t })) {
    throw errors.conflict('OBJECTION_PENDING', '该信用信息已有待核实的异议，请等待核实结果');
  }
  await checkEvidence(t, user, input.evidenceFileIds, 'evidenceFileIds');
  const o = await CreditObjection.create({
    event_id: e.id, submitted_by: user.id, org_id: user.orgId, reason: input.reason, evidence_file_ids: input.evidenceFileIds.join(','), status: 'pending',
  }, { transaction: t });
  await appendAudit(t, actor, { action: 'credit.objection.submit', objectType: 'credit_objection', objectId: o.id, detail: { eventId: e.id } });
  return o;
}

/** 核实异议: upheld revokes the record (信用信息撤销) and the score is regraded; dismissed leaves it. */
export async function decideObjection(
  t: Transaction, user: AuthUser, actor: AuditActor, id: number, decision: 'uphold' | 'dismiss', opinion: string,
): Promise<CreditObjection> {
  const o = await CreditObjection.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!o) throw errors.notFound('OBJECTION_NOT_FOUND', '异议不存在');
  const e = await lockEvent(t, o.event_id);
  if (!isCreditReviewer(user, e.subject_kind)) throw errors.forbidden('CREDIT_REVIEW_DENIED', `您无权核实${CREDIT_SUBJECT_LABELS[e.subject_kind]}的信用异议`);
  if (o.status !== 'pending') throw errors.conflict('OBJECTION_DECIDED', '该异议已核实，不能重复处理');
  const now = new Date();
  await o.update({ status: decision === 'uphold' ? 'upheld' : 'dismissed', decided_by: user.id, decided_at: now, opinion }, { transaction: t });
  if (decision === 'uphold') {
    await e.update({ status: 'revoked', revoked_at: now, revoke_reason: `异议成立：${opinion}`, updated_at: now }, { transaction: t });
    await touchSubject(t, e.subject_kind, e.subject_id);
    await appendAudit(t, actor, { action: 'credit.event.revoke', objectType: 'credit_event', objectId: e.id, detail: { objectionId: o.id, opinion } });
  }
  await appendAudit(t, actor, { action: `credit.objection.${decision}`, objectType: 'credit_objection', objectId: o.id, detail: { eventId: e.id, opinion } });
  return o;
}

// ---------- reading events ----------

type EventQuery = z.infer<typeof creditEventQuery>;

/** The events a person may list: regulators all; the association agencies' and brokers'; the subject's own side theirs. */
async function eventScope(user: AuthUser): Promise<WhereOptions<CreditEvent> | null> {
  if (isRegulator(user)) return null;
  const or: WhereOptions<CreditEvent>[] = [];
  if (isAssociation(user)) or.push({ subject_kind: ['agency', 'broker'] });
  for (const kind of ['developer', 'agency', 'property_company'] as const) {
    if (user.roles.includes(STAFF_ROLE[kind]) && user.orgId != null) or.push({ subject_kind: kind, subject_id: user.orgId });
  }
  const brokerIds: number[] = [];
  if (user.roles.includes('agency_admin') && user.orgId != null) {
    brokerIds.push(...(await Broker.findAll({ where: { agency_org_id: user.orgId }, attributes: ['id'] })).map((b) => b.id));
  }
  if (user.roles.includes('broker')) brokerIds.push(...(await Broker.findAll({ where: { user_id: user.id }, attributes: ['id'] })).map((b) => b.id));
  if (brokerIds.length) or.push({ subject_kind: 'broker', subject_id: brokerIds });
  return or.length ? { [Op.or]: or } : { id: -1 };
}

async function presentEvents(events: CreditEvent[]) {
  const objections = events.length ? await CreditObjection.findAll({ where: { event_id: events.map((e) => e.id) }, order: [['id', 'ASC']] }) : [];
  const names = await userNames([...events.flatMap((e) => [e.reported_by, e.reviewed_by]), ...objections.flatMap((o) => [o.submitted_by, o.decided_by])]);
  const subjects = new Map<string, Map<number, string>>();
  for (const kind of new Set(events.map((e) => e.subject_kind))) {
    subjects.set(kind, await subjectNames(kind, events.filter((e) => e.subject_kind === kind).map((e) => e.subject_id)));
  }
  return events.map((e) => presentEvent(e, subjects.get(e.subject_kind)?.get(e.subject_id) ?? '', objections.filter((o) => o.event_id === e.id), names));
}

/** 信用信息查询 (RE-064): by year, enterprise (keyword), kind, status, source. */
export async function listEvents(user: AuthUser, q: EventQuery) {
  const and: WhereOptions<CreditEvent>[] = [];
  const scope = await eventScope(user);
  if (scope) and.push(scope);
  if (q.subjectKind) and.push({ subject_kind: q.subjectKind });
  if (q.subjectId) and.push({ subject_id: q.subjectId });
  if (q.status) and.push({ status: q.status });
  if (q.source) and.push({ source: q.source });
  if (q.direction) and.push({ direction: q.direction });
  if (q.year) and.push({ occurred_on: { [Op.between]: [`${q.year}-01-01`, `${q.year}-12-31`] } });
  if (q.keyword) {
    const k = `%${q.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const orgs = await Org.findAll({ where: { [Op.or]: [{ name: { [Op.like]: k } }, { uscc: { [Op.like]: k } }] }, attributes: ['id', 'kind'] });
    const brokers = await Broker.findAll({ where: { name: { [Op.like]: k } }, attributes: ['id'] });
    and.push({
      [Op.or]: [
        { title: { [Op.like]: k } }, { basis_no: { [Op.like]: k } }, { indicator_label: { [Op.like]: k } },
        ...orgs.map((o) => ({ subject_kind: o.kind as CreditSubjectKind, subject_id: o.id })),
        ...(brokers.length ? [{ subject_kind: 'broker' as const, subject_id: brokers.map((b) => b.id) }] : []),
      ],
    });
  }
  const { rows, count } = await CreditEvent.findAndCountAll({
    where: { [Op.and]: and }, order: [['id', 'DESC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: await presentEvents(rows), total: count, page: q.page, pageSize: q.pageSize };
}

export async function eventDetail(user: AuthUser, id: number) {
  const e = await CreditEvent.findByPk(id);
  if (!e) throw errors.notFound('CREDIT_EVENT_NOT_FOUND', '信用信息不存在');
  assertSeeSubject(user, await loadSubject(e.subject_kind, e.subject_id));
  return (await presentEvents([e]))[0];
}

export async function listObjections(user: AuthUser, q: z.infer<typeof objectionQuery>) {
  const scope = await eventScope(user);
  const events = scope ? await CreditEvent.findAll({ where: scope, attributes: ['id'] }) : null;
  const where: WhereOptions<CreditObjection> = { ...(q.status ? { status: q.status } : {}), ...(events ? { event_id: events.map((e) => e.id) } : {}) };
  const { rows, count } = await CreditObjection.findAndCountAll({ where, order: [['id', 'DESC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const names = await userNames(rows.flatMap((o) => [o.submitted_by, o.decided_by]));
  return { items: rows.map((o) => presentObjection(o, names)), total: count, page: q.page, pageSize: q.pageSize };
}

// ---------- scores ----------

export async function subjectView(user: AuthUser, kind: CreditSubjectKind, id: number) {
  const subject = await loadSubject(kind, id);
  assertSeeSubject(user, subject);
  const [standard, history] = await Promise.all([
    loadStandard(kind),
    CreditSnapshot.findAll({ where: { subject_kind: kind, subject_id: id }, order: [['year', 'DESC']] }),
  ]);
  return {
    kind, kindLabel: CREDIT_SUBJECT_LABELS[kind], id, name: subject.name, standardVersion: standard.version,
    explanation: await explain(kind, id), history: history.map(presentSnapshot),
  };
}

/** The public credit page of a subject (RE-005, RE-006, RE-074, PM-055). */
export async function publicCredit(kind: CreditSubjectKind, id: number) {
  const subject = await loadSubject(kind, id);
  const [standard, history, events] = await Promise.all([
    loadStandard(kind),
    CreditSnapshot.findAll({ where: { subject_kind: kind, subject_id: id }, order: [['year', 'DESC']] }),
    CreditEvent.findAll({ where: { subject_kind: kind, subject_id: id, status: 'effective' } }),
  ]);
  const e = await explain(kind, id);
  return presentPublicCredit(kind, id, subject.name, e, events, history, standard.body.grades);
}

/** Every subject of a kind: enterprises of that kind, or brokers ever filed. */
async function allSubjectIds(kind: CreditSubjectKind, t: Transaction): Promise<number[]> {
  if (kind === 'broker') return (await Broker.findAll({ where: { status: { [Op.ne]: 'pending' } }, attributes: ['id'], transaction: t })).map((b) => b.id);
  return (await Org.findAll({ where: { kind }, attributes: ['id'], transaction: t })).map((o) => o.id);
}

/** 年度信用档案: each subject's explained score as of the year's last day (or today, for the year in progress). */
export async function takeSnapshots(t: Transaction, user: AuthUser, actor: AuditActor, year: number, kind?: CreditSubjectKind) {
  const today = shanghaiDate();
  if (`${year}-01-01` > today) throw errors.validation([{ field: 'year', message: `${year}年尚未开始，不能生成年度信用档案` }]);
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  let taken = 0;
  let skipped = 0;
  for (const k of kind ? [kind] : (['developer', 'agency', 'broker', 'property_company'] as const)) {
    const ids = await allSubjectIds(k, t);
    const done = new Set((await CreditSnapshot.findAll({ where: { subject_kind: k, year, subject_id: ids }, attributes: ['subject_id'], transaction: t })).map((s) => s.subject_id));
    const todo = ids.filter((id) => !done.has(id));
    skipped += ids.length - todo.length;
    const standard = await loadStandard(k, t);
    const all = await explainMany(k, todo, { asOf, standard, t });
    for (const [id, e] of all) {
      await CreditSnapshot.create({
        subject_kind: k, subject_id: id, year, score: e.score, grade: e.grade, grade_label: e.gradeLabel, explanation: JSON.stringify(e),
        standard_version: standard.version, taken_at: new Date(), taken_by: user.id,
      }, { transaction: t });
      taken++;
    }
  }
  await appendAudit(t, actor, { action: 'credit.snapshot', objectType: 'credit_snapshot', objectId: year, detail: { year, kind: kind ?? 'all', asOf, taken, skipped } });
  return { year, taken, skipped };
}

// ---------- public ratings (RE-075) ----------

/** One rating per person per agency or broker per quarter, with a reason; it counts in the subject's credit. */
export async function rate(t: Transaction, user: AuthUser, actor: AuditActor, input: z.infer<typeof ratingInput>) {
  const subject = await loadSubject(input.subjectKind, input.subjectId, t);
  const activeStatus = subject.kind === 'broker' ? subject.status === 'active' : subject.status !== 'cancelled';
  if (!activeStatus) throw errors.conflict('RATING_SUBJECT_INACTIVE', `该${CREDIT_SUBJECT_LABELS[subject.kind]}${subject.kind === 'broker' ? '未在执业' : '已注销'}，不能评价`);
  const self = subject.kind === 'broker' ? subject.userId === user.id || (subject.orgId != null && user.orgId === subject.orgId) : user.orgId === subject.id;
  if (self) throw errors.forbidden('RATING_SELF', '不能评价本人或本机构（含本机构的经纪人）');
  const today = shanghaiDate();
  const quarter = quarterOf(today);
  const where = { subject_kind: subject.kind as 'agency' | 'broker', subject_id: subject.id, rater_user_id: user.id, quarter };
  const once = () => errors.conflict('RATING_ONCE_PER_QUARTER', `您本季度（${quarter.replace('Q', '年第')}季度）已评价过该${CREDIT_SUBJECT_LABELS[subject.kind]}，每季度只能评价一次`);
  if (await CreditRating.findOne({ where, transaction: t })) throw once();
  let r: CreditRating;
  try {
    r = await CreditRating.create({
      ...where, professionalism: input.professionalism, attitude: input.attitude, process: input.process, reason: input.reason, rated_on: today,
    }, { transaction: t });
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw once();
    throw e;
  }
  await touchSubject(t, subject.kind, subject.id);
  await appendAudit(t, actor, { action: 'credit.rating', objectType: 'credit_rating', objectId: r.id, detail: { subjectKind: subject.kind, subjectId: subject.id, quarter } });
  const rater = await User.findByPk(user.id, { attributes: ['display_name'], transaction: t });
  return presentRating(r, rater?.display_name ?? null, false);
}

/** Ratings as the public sees them: counts, averages per dimension, recent ones with the rater masked. */
export async function ratingSummary(kind: 'agency' | 'broker', id: number) {
  await loadSubject(kind, id);
  const all = await CreditRating.findAll({ where: { subject_kind: kind, subject_id: id }, order: [['id', 'DESC']] });
  const avg = (f: (r: CreditRating) => number) => (all.length ? Math.round((all.reduce((a, r) => a + f(r), 0) / all.length) * 100) / 100 : null);
  const recent = all.slice(0, 20);
  const names = await userNames(recent.map((r) => r.rater_user_id));
  return {
    count: all.length, average: avg((r) => (r.professionalism + r.attitude + r.process) / 3),
    dimensions: { professionalism: avg((r) => r.professionalism), attitude: avg((r) => r.attitude), process: avg((r) => r.process) },
    recent: recent.map((r) => presentRating(r, names.get(r.rater_user_id) ?? null, true)),
  };
}
