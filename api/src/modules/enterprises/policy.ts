// Who may see and act on enterprises, brokers and their credit. Routes check roles; these check
// each record: regulators see everything; the industry association sees agencies and brokers;
// enterprise staff only their own organisation (an agency's staff also its brokers); a broker
// only their own record.
import { REGULATOR_ROLES, type CreditSubjectKind, type EnterpriseKind, type Role } from '@hq/common';
import { errors } from '../../platform/errors';
import type { AuthUser } from '../../platform/http/types';

/** Regulators who decide (初审/复审/终审, 分管领导); inspectors read. */
export const DECIDERS: readonly Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];
export const REGULATORS: readonly Role[] = REGULATOR_ROLES;
export const ENTERPRISE_STAFF: readonly Role[] = ['developer_staff', 'agency_admin', 'property_staff'];
/** Everyone with a management view of enterprises. */
export const ENTERPRISE_READERS: readonly Role[] = [...REGULATORS, 'association', ...ENTERPRISE_STAFF];
export const BROKER_READERS: readonly Role[] = [...REGULATORS, 'association', 'agency_admin', 'broker'];

/** The staff role that belongs to each kind of enterprise. */
export const STAFF_ROLE: Record<EnterpriseKind, Role> = { developer: 'developer_staff', agency: 'agency_admin', property_company: 'property_staff' };

const has = (user: AuthUser, roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));
export const isRegulator = (user: AuthUser) => has(user, REGULATORS);
export const isDecider = (user: AuthUser) => has(user, DECIDERS);
export const isAssociation = (user: AuthUser) => user.roles.includes('association');

/** The association answers for agencies and brokers (RE-068, RE-073, RE-166). */
export const associationKind = (kind: CreditSubjectKind | EnterpriseKind) => kind === 'agency' || kind === 'broker';

/** May this person see an enterprise's management record? */
export function canSeeEnterprise(user: AuthUser, org: { id: number; kind: string }): boolean {
  if (isRegulator(user)) return true;
  if (isAssociation(user) && org.kind === 'agency') return true;
  const kind = org.kind as EnterpriseKind;
  return STAFF_ROLE[kind] !== undefined && user.roles.includes(STAFF_ROLE[kind]) && user.orgId === org.id;
}

export function assertSeeEnterprise(user: AuthUser, org: { id: number; kind: string }): void {
  if (!canSeeEnterprise(user, org)) throw errors.forbidden('DATA_SCOPE_DENIED', '无权查看其他单位的数据');
}

/** May this person see a broker? Regulators, the association, the broker's agency, the broker. */
export function canSeeBroker(user: AuthUser, b: { agency_org_id: number | null; user_id: number | null }): boolean {
  if (isRegulator(user) || isAssociation(user)) return true;
  if (user.roles.includes('agency_admin') && b.agency_org_id != null && user.orgId === b.agency_org_id) return true;
  return user.roles.includes('broker') && b.user_id === user.id;
}

export function assertSeeBroker(user: AuthUser, b: { agency_org_id: number | null; user_id: number | null }): void {
  if (!canSeeBroker(user, b)) throw errors.forbidden('DATA_SCOPE_DENIED', '无权查看其他中介机构的经纪人');
}

/** May this person manage a broker (change facts, qualifications, release)? The agency's staff, the association. */
export function assertManageBroker(user: AuthUser, b: { agency_org_id: number | null }): void {
  if (isAssociation(user)) return;
  if (user.roles.includes('agency_admin') && b.agency_org_id != null && user.orgId === b.agency_org_id) return;
  throw errors.forbidden('DATA_SCOPE_DENIED', '只能管理本机构的经纪人');
}

/** Who reviews credit records of a kind: regulators for all; the association also for agencies and brokers. */
export function creditReviewerRoles(kind: CreditSubjectKind): readonly Role[] {
  return associationKind(kind) ? [...DECIDERS, 'association'] : DECIDERS;
}

export function isCreditReviewer(user: AuthUser, kind: CreditSubjectKind): boolean {
  return has(user, creditReviewerRoles(kind));
}
