// Who sees which communities. Routes check roles; these check every record:
//   regulators          — all communities;
//   property company    — the communities it serves (property_org_id);
//   street office       — the communities it supervises (street_org_id);
//   owners' committee   — its own community (committee_org_id).
import { Op, type WhereOptions } from 'sequelize';
import { REGULATOR_ROLES, type Role } from '@hq/common';
import type { AuthUser } from '../../platform/http/types';
import { errors } from '../../platform/errors';
import type { Community } from './models';

export const PROPERTY_ROLES: readonly Role[] = ['property_staff', 'property_manager'];
export const COMMUNITY_READER_ROLES: readonly Role[] = [...REGULATOR_ROLES, ...PROPERTY_ROLES, 'street_officer', 'committee_member'];
/** Who may re-read a community's houses from the registry: regulators, and the company's managers for their own. */
export const COMMUNITY_SYNC_ROLES: readonly Role[] = [...REGULATOR_ROLES, 'property_manager'];

const has = (user: AuthUser, roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));
export const isRegulator = (user: AuthUser) => has(user, REGULATOR_ROLES);
/** Property company staff or manager, with their company. */
export const propertyOrgOf = (user: AuthUser): number | null => (has(user, PROPERTY_ROLES) && user.orgId != null ? user.orgId : null);

/** The communities this person may see, as a where clause (null: all). */
export function visibleCommunities(user: AuthUser): WhereOptions<Community> | null {
  if (isRegulator(user)) return null;
  const or: WhereOptions<Community>[] = [];
  if (user.orgId != null) {
    if (has(user, PROPERTY_ROLES)) or.push({ property_org_id: user.orgId });
    if (user.roles.includes('street_officer')) or.push({ street_org_id: user.orgId });
    if (user.roles.includes('committee_member')) or.push({ committee_org_id: user.orgId });
  }
  return or.length ? { [Op.or]: or } : { id: -1 };
}

type CommunityOrgs = Pick<Community, 'property_org_id' | 'street_org_id' | 'committee_org_id'>;

export function canSeeCommunity(user: AuthUser, c: CommunityOrgs): boolean {
  if (isRegulator(user) || user.orgId == null) return isRegulator(user);
  return (has(user, PROPERTY_ROLES) && c.property_org_id === user.orgId)
    || (user.roles.includes('street_officer') && c.street_org_id === user.orgId)
    || (user.roles.includes('committee_member') && c.committee_org_id === user.orgId);
}

export function assertCommunityVisible(user: AuthUser, c: CommunityOrgs): void {
  if (!canSeeCommunity(user, c)) throw errors.forbidden('DATA_SCOPE_DENIED', '无权查看其他单位服务或监管的小区');
}

/** Regulators for any community; a property manager for the communities their company serves. */
export function assertMaySync(user: AuthUser, c: CommunityOrgs): void {
  if (isRegulator(user)) return;
  if (user.roles.includes('property_manager') && user.orgId != null && c.property_org_id === user.orgId) return;
  throw errors.forbidden('DATA_SCOPE_DENIED', '只能同步本企业服务的小区');
}
