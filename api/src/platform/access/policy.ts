// Record-level authorization. Routes check roles; these check that the record is in the
// person's data scope (own enterprise, own house) — every record, not just every route.
import { ROLE_SCOPE, type DataScope, type Role } from '@hq/common';
import { errors } from '../errors';
import type { Access } from '../http/route';
import type { AuthUser } from '../http/types';

export function requireUser(user: AuthUser | undefined): AuthUser {
  if (!user) throw errors.unauthenticated();
  return user;
}

export function hasAnyRole(user: AuthUser | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/** Route-level check from the route's declared access. */
export function checkRouteAccess(user: AuthUser | undefined, access: Access): void {
  if (access === 'public') return;
  const u = requireUser(user);
  if (access === 'user') return;
  if (!u.roles.some((r) => access.includes(r))) throw errors.forbidden('ROLE_DENIED', '您的角色无权访问此功能');
}

/** The widest scope among the person's roles. */
export function scopeOf(user: AuthUser): DataScope {
  const scopes = user.roles.map((r) => ROLE_SCOPE[r]);
  if (scopes.includes('all')) return 'all';
  if (scopes.includes('org')) return 'org';
  return 'self';
}

/** An enterprise user may only touch their own enterprise's records. */
export function assertOrgScope(user: AuthUser, orgId: number | null | undefined): void {
  if (scopeOf(user) === 'all') return;
  if (orgId != null && user.orgId === orgId) return;
  throw errors.forbidden('DATA_SCOPE_DENIED', '无权查看其他单位的数据');
}
