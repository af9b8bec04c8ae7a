// The credit engine's reads: the standard in force for a kind (the shipped default until a
// regulator saves one), the base facts of subjects, and their explained scores — computed from
// the records each time, so an event's validity running out shows the next day without a job.
import { Op, type Transaction } from 'sequelize';
import {
  computeCredit, DEFAULT_CREDIT_STANDARDS, addMonths, shanghaiDate, ratingStars,
  type CreditExplanation, type CreditStandardBody, type CreditSubjectKind, type CreditEventFact, type CreditBrief,
} from '@hq/common';
import { Broker, BrokerQualification, EnterpriseCertificate, EnterpriseProfile } from '../enterprises/models';
import { CreditEvent, CreditRating, CreditStandard } from './models';

export interface StandardRecord {
  kind: CreditSubjectKind;
  body: CreditStandardBody;
  version: number;
  updatedAt: Date | null;
  updatedBy: number | null;
}

export async function loadStandard(kind: CreditSubjectKind, t?: Transaction): Promise<StandardRecord> {
  const row = await CreditStandard.findByPk(kind, { transaction: t });
  if (!row) return { kind, body: DEFAULT_CREDIT_STANDARDS[kind], version: 0, updatedAt: null, updatedBy: null };
  return { kind, body: JSON.parse(row.body) as CreditStandardBody, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** The facts base items read, for many subjects of one kind. */
export async function baseFacts(kind: CreditSubjectKind, ids: number[], asOf: string, t?: Transaction): Promise<Map<number, Record<string, boolean>>> {
  const out = new Map<number, Record<string, boolean>>(ids.map((id) => [id, {}]));
  if (!ids.length) return out;
  if (kind === 'broker') {
    const [brokers, quals] = await Promise.all([
      Broker.findAll({ where: { id: ids }, attributes: ['id', 'status'], transaction: t }),
      BrokerQualification.findAll({
        where: { broker_id: ids, kind: 'practice', status: 'valid', issued_on: { [Op.lte]: asOf }, valid_until: { [Op.gte]: asOf } },
        attributes: ['broker_id'], transaction: t,
      }),
    ]);
    const practising = new Set(quals.map((q) => q.broker_id));
    for (const b of brokers) out.set(b.id, { filed: b.status === 'active', practice_valid: practising.has(b.id) });
    return out;
  }
  const profiles = await EnterpriseProfile.findAll({ where: { org_id: ids }, attributes: ['org_id', 'status'], transaction: t });
  for (const p of profiles) out.set(p.org_id, { registered: p.status === 'active' });
  if (kind === 'developer') {
    const certs = await EnterpriseCertificate.findAll({
      where: { org_id: ids, kind: 'developer_qualification', status: 'valid', issued_on: { [Op.lte]: asOf }, valid_until: { [Op.gte]: asOf } },
      attributes: ['org_id', 'grade'], transaction: t,
    });
    for (const c of certs) {
      const f = out.get(c.org_id)!;
      f.qualification_valid = true;
      if (c.grade === 'first') f.qualification_first = true;
    }
  }
  if (kind === 'agency') {
    const brokers = await Broker.findAll({ where: { agency_org_id: ids, status: 'active' }, attributes: ['agency_org_id'], transaction: t });
    for (const b of brokers) out.get(b.agency_org_id!)!.brokers_filed = true;
  }
  return out;
}

export function eventFact(e: CreditEvent): CreditEventFact {
  const wasEffective = e.status === 'effective' || e.status === 'revoked';
  return {
    id: e.id, label: e.indicator_label, direction: e.direction, points: e.points, blacklist: !!e.blacklist, status: e.status,
    occurredOn: e.occurred_on, validUntil: e.valid_until, effectiveOn: wasEffective && e.reviewed_at ? shanghaiDate(e.reviewed_at) : null,
    revokedOn: e.revoked_at ? shanghaiDate(e.revoked_at) : null,
  };
}

/** Explained scores of many subjects of one kind, as of a date (today by default). */
export async function explainMany(
  kind: CreditSubjectKind, ids: number[], opts: { asOf?: string; standard?: StandardRecord; t?: Transaction } = {},
): Promise<Map<number, CreditExplanation>> {
  const asOf = opts.asOf ?? shanghaiDate();
  const standard = opts.standard ?? (await loadStandard(kind, opts.t));
  const out = new Map<number, CreditExplanation>();
  if (!ids.length) return out;
  const rule = standard.body.rating;
  const [facts, events, ratings] = await Promise.all([
    baseFacts(kind, ids, asOf, opts.t),
    CreditEvent.findAll({ where: { subject_kind: kind, subject_id: ids }, transaction: opts.t }),
    rule
      ? CreditRating.findAll({
        where: { subject_kind: kind, subject_id: ids, rated_on: { [Op.gte]: addMonths(asOf, -rule.windowMonths), [Op.lte]: asOf } },
        attributes: ['subject_id', 'rated_on', 'professionalism', 'attitude', 'process'], transaction: opts.t,
      })
      : Promise.resolve([] as CreditRating[]),
  ]);
  for (const id of ids) {
    out.set(id, computeCredit(standard.body, {
      asOf,
      base: facts.get(id) ?? {},
      events: events.filter((e) => e.subject_id === id).map(eventFact),
      ratings: ratings.filter((r) => r.subject_id === id).map((r) => ({ on: r.rated_on, stars: ratingStars(r) })),
    }));
  }
  return out;
}

export async function explain(kind: CreditSubjectKind, id: number, opts: { asOf?: string; t?: Transaction } = {}): Promise<CreditExplanation> {
  return (await explainMany(kind, [id], opts)).get(id)!;
}

export function briefOf(e: CreditExplanation): CreditBrief {
  return { score: e.score, grade: e.grade, gradeLabel: e.gradeLabel, blacklisted: e.blacklisted };
}

/** Score and grade only, for lists. */
export async function briefs(kind: CreditSubjectKind, ids: number[]): Promise<Map<number, CreditBrief>> {
  const all = await explainMany(kind, ids);
  return new Map([...all].map(([id, e]) => [id, briefOf(e)]));
}
