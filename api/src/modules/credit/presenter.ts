// What leaves the server about credit: whitelisted fields; on public pages, masked names and
// scrubbed text only (DOMAIN.md §12).
import {
  CREDIT_BASIS_LABELS, CREDIT_EVENT_STATUS_LABELS, CREDIT_SOURCE_LABELS, CREDIT_SUBJECT_LABELS, CONDUCT_LABELS, OBJECTION_STATUS_LABELS,
  maskName, scrubPublicText, type CreditEventView, type CreditExplanation, type PublicCreditView, type CreditGradeBand,
} from '@hq/common';
import { User } from '../../platform/models';
import type { CreditEvent, CreditObjection, CreditRating, CreditSnapshot } from './models';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
export const fileIdsOf = (s: string | null | undefined) => (s ? s.split(',').filter(Boolean) : []);

export async function userNames(ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x != null))];
  if (!wanted.length) return new Map();
  const users = await User.findAll({ where: { id: wanted }, attributes: ['id', 'display_name'] });
  return new Map(users.map((u) => [u.id, u.display_name]));
}

export function presentObjection(o: CreditObjection, names: Map<number, string>) {
  return {
    id: o.id, eventId: o.event_id, reason: o.reason, evidenceFileIds: fileIdsOf(o.evidence_file_ids), status: o.status, statusLabel: OBJECTION_STATUS_LABELS[o.status],
    submittedBy: o.submitted_by ? names.get(o.submitted_by) ?? null : null, submittedAt: new Date(o.created_at).toISOString(),
    decidedBy: o.decided_by ? names.get(o.decided_by) ?? null : null, decidedAt: iso(o.decided_at), opinion: o.opinion ?? null,
  };
}

export function presentEvent(e: CreditEvent, subjectName: string, objections: CreditObjection[], names: Map<number, string>): CreditEventView {
  return {
    id: e.id, subjectKind: e.subject_kind, subjectKindLabel: CREDIT_SUBJECT_LABELS[e.subject_kind], subjectId: e.subject_id, subjectName,
    indicatorCode: e.indicator_code, indicatorLabel: e.indicator_label, direction: e.direction, directionLabel: CONDUCT_LABELS[e.direction],
    points: e.direction === 'good' ? e.points : -e.points, blacklist: !!e.blacklist, occurredOn: e.occurred_on, validUntil: e.valid_until,
    title: e.title, description: e.description ?? null, basis: { type: e.basis_type, typeLabel: CREDIT_BASIS_LABELS[e.basis_type] ?? e.basis_type, number: e.basis_no },
    evidenceFileIds: fileIdsOf(e.evidence_file_ids), source: e.source, sourceLabel: CREDIT_SOURCE_LABELS[e.source], sourceDept: e.source_dept ?? null,
    externalRef: e.external_ref ?? null, status: e.status, statusLabel: CREDIT_EVENT_STATUS_LABELS[e.status],
    reportedBy: e.reported_by ? names.get(e.reported_by) ?? null : null, reportedAt: new Date(e.created_at).toISOString(),
    reviewedBy: e.reviewed_by ? names.get(e.reviewed_by) ?? null : null, reviewedAt: iso(e.reviewed_at), reviewOpinion: e.review_opinion ?? null,
    revokedAt: iso(e.revoked_at), revokeReason: e.revoke_reason ?? null, objections: objections.map((o) => presentObjection(o, names)),
  };
}

export function presentSnapshot(s: CreditSnapshot) {
  return { year: s.year, score: s.score, grade: s.grade, gradeLabel: s.grade_label, takenAt: new Date(s.taken_at).toISOString(), standardVersion: s.standard_version };
}

/** The public credit page: counted records only, with their basis; never a free-text description or a person's full name. */
export function presentPublicCredit(
  kind: PublicCreditView['kind'], id: number, name: string, e: CreditExplanation, events: CreditEvent[], history: CreditSnapshot[], grades: CreditGradeBand[],
): PublicCreditView {
  const byId = new Map(events.map((x) => [x.id, x]));
  return {
    kind, kindLabel: CREDIT_SUBJECT_LABELS[kind], id, name: kind === 'broker' ? maskName(name) : name,
    asOf: e.asOf, score: e.score, grade: e.grade, gradeLabel: e.gradeLabel, blacklisted: e.blacklisted, baseScore: e.baseScore,
    lines: e.lines.map(scrubPublicText),
    records: e.counted.map((c) => {
      const ev = byId.get(c.eventId);
      return {
        label: c.label, direction: c.direction, directionLabel: CONDUCT_LABELS[c.direction], points: c.points, occurredOn: c.occurredOn, validUntil: c.validUntil,
        basisType: ev ? CREDIT_BASIS_LABELS[ev.basis_type] ?? ev.basis_type : '', basisNo: ev ? scrubPublicText(ev.basis_no) : '',
        sourceLabel: ev ? CREDIT_SOURCE_LABELS[ev.source] : '',
      };
    }),
    rating: e.rating, history: history.map(presentSnapshot), grades: grades.map((g) => ({ ...g })),
  };
}

export function presentRating(r: CreditRating, raterName: string | null, forPublic: boolean) {
  return {
    id: r.id, subjectKind: r.subject_kind, subjectId: r.subject_id, quarter: r.quarter, professionalism: r.professionalism, attitude: r.attitude, process: r.process,
    stars: Math.round(((r.professionalism + r.attitude + r.process) / 3) * 100) / 100,
    reason: forPublic ? scrubPublicText(r.reason) : r.reason, rater: forPublic ? maskName(raterName) : raterName ?? '', ratedOn: r.rated_on,
  };
}
