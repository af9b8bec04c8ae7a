// Labels, colours and who-may-do-what of the credit pages, from common's tables. The API checks
// the same rules; these only decide which buttons a person sees.
import {
  BLACKLIST_GRADE, CREDIT_BASIS_LABELS, CREDIT_BASIS_TYPES, CREDIT_EVENT_STATUS_LABELS, CREDIT_SOURCE_LABELS, CREDIT_SOURCES, CREDIT_SUBJECT_KINDS,
  CREDIT_SUBJECT_LABELS, OBJECTION_STATUS_LABELS, OBJECTION_STATUSES, type CreditEventStatus, type CreditSubjectKind, type ObjectionStatus,
  type Role,
} from '@hq/common';

export { CREDIT_SUBJECT_LABELS };

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));
export const SUBJECT_KIND_OPTIONS = options(CREDIT_SUBJECT_KINDS, CREDIT_SUBJECT_LABELS);
export const EVENT_STATUS_OPTIONS = options(['pending', 'effective', 'rejected', 'revoked'] as const, CREDIT_EVENT_STATUS_LABELS);
export const SOURCE_OPTIONS = options(CREDIT_SOURCES, CREDIT_SOURCE_LABELS);
export const BASIS_OPTIONS = options(CREDIT_BASIS_TYPES, CREDIT_BASIS_LABELS);
export const OBJECTION_STATUS_OPTIONS = options(OBJECTION_STATUSES, OBJECTION_STATUS_LABELS);
export const DIRECTION_OPTIONS = [
  { value: 'good' as const, label: '良好行为（加分）' },
  { value: 'bad' as const, label: '不良行为（扣分）' },
];

export const EVENT_STATUS_COLOURS: Record<CreditEventStatus, string> = { pending: 'processing', effective: 'green', rejected: 'default', revoked: 'orange' };
export const OBJECTION_STATUS_COLOURS: Record<ObjectionStatus, string> = { pending: 'processing', upheld: 'orange', dismissed: 'default' };

/** Regulators who decide (初审/复审/终审, 分管领导). */
export const DECIDER_ROLES: Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];
/** Who records credit events for others: regulators, and the association (for agencies and brokers). */
export const REPORTER_ROLES: Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'inspector', 'association'];

/** The association answers for agencies and brokers (RE-068, RE-073, RE-166). */
export const associationKind = (kind: CreditSubjectKind) => kind === 'agency' || kind === 'broker';

type HasRole = (...roles: Role[]) => boolean;
/** Review events and decide objections of this kind; also edit its standard (RE-059, RE-061, RE-062). */
export const mayReview = (hasRole: HasRole, kind: CreditSubjectKind) => hasRole(...DECIDER_ROLES) || (associationKind(kind) && hasRole('association'));
/** The kinds this person may record events for. */
export function reportableKinds(hasRole: HasRole): CreditSubjectKind[] {
  if (hasRole('reviewer_1', 'reviewer_2', 'reviewer_3', 'leader', 'inspector')) return [...CREDIT_SUBJECT_KINDS];
  return hasRole('association') ? ['agency', 'broker'] : [];
}

export const signedPoints = (n: number) => (n > 0 ? `+${n}` : `${n}`);
export const subjectPath = (kind: CreditSubjectKind, id: number) => `/credit/subjects/${kind}/${id}`;

/** Grades from the best down; the blacklist is red whatever the standard calls the bands. */
export function gradeColour(grade: string): string {
  if (grade === BLACKLIST_GRADE) return 'red';
  if (grade.startsWith('AAA')) return 'green';
  if (grade.startsWith('AA')) return 'cyan';
  if (grade.startsWith('A')) return 'blue';
  if (grade.startsWith('B')) return 'orange';
  return 'volcano';
}
