// Who may see and act on a repair, complaint or patrol issue. Routes check roles; these check
// every record. A person stands on one or more sides of a ticket (the shared table in
// @hq/common tickets.ts says what each side may do):
//   reporter  — whoever reported it (an owner; staff or an inspector for a patrol issue);
//   handler   — the handling unit: the community's property company (its staff and managers),
//               or the regulator for complaints made to the regulator;
//   assignee  — the person, or the property company, the work was dispatched to;
//   regulator — any regulator (sees all, may always dispatch and close).
// Supervisors read without acting: the owners' committee its community's tickets, the street /
// community office the communities it supervises. They see reporters' names masked.
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { REGULATOR_ROLES, type Role, type TicketActor } from '@hq/common';
import type { AuthUser } from '../../platform/http/types';
import { Community } from '../property/models';
import type { Ticket } from './models';

export const PROPERTY_ROLES: readonly Role[] = ['property_staff', 'property_manager'];
/** Everyone with a working view of tickets beyond their own (lists, exports). */
export const TICKET_STAFF_ROLES: readonly Role[] = [...REGULATOR_ROLES, ...PROPERTY_ROLES, 'street_officer', 'committee_member'];
export const MONITOR_ROLES: readonly Role[] = [...REGULATOR_ROLES, 'property_manager', 'street_officer'];

const has = (user: AuthUser, roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));
export const isRegulator = (user: AuthUser) => has(user, REGULATOR_ROLES);
export const isPropertyStaff = (user: AuthUser) => has(user, PROPERTY_ROLES) && user.orgId != null;

type TicketSides = Pick<Ticket, 'reporter_user_id' | 'handler_kind' | 'org_id' | 'assignee_user_id' | 'assignee_org_id'>;
type CommunityOrgs = Pick<Community, 'committee_org_id' | 'street_org_id'>;

export function isHandler(user: AuthUser, t: TicketSides): boolean {
  if (t.handler_kind === 'regulator') return isRegulator(user);
  return isPropertyStaff(user) && t.org_id != null && user.orgId === t.org_id;
}

export function isAssignee(user: AuthUser, t: TicketSides): boolean {
  if (t.assignee_user_id != null && t.assignee_user_id === user.id) return true;
  return t.assignee_org_id != null && isPropertyStaff(user) && user.orgId === t.assignee_org_id;
}

/** The sides this person stands on for this ticket (empty: none). */
export function sidesOf(user: AuthUser, t: TicketSides): TicketActor[] {
  const sides: TicketActor[] = [];
  if (t.reporter_user_id != null && t.reporter_user_id === user.id) sides.push('reporter');
  if (isHandler(user, t)) sides.push('handler');
  if (isAssignee(user, t)) sides.push('assignee');
  if (isRegulator(user)) sides.push('regulator');
  return sides;
}

/** The owners' committee or the street office that supervises the ticket's community, if this person is one. */
export function supervisorOf(user: AuthUser, c: CommunityOrgs | null | undefined): 'committee' | 'street' | null {
  if (!c || user.orgId == null) return null;
  if (user.roles.includes('committee_member') && c.committee_org_id === user.orgId) return 'committee';
  if (user.roles.includes('street_officer') && c.street_org_id === user.orgId) return 'street';
  return null;
}

/** What a person sees of a ticket: full personal data and locations only on the handling side. */
export interface TicketView {
  sides: TicketActor[];
  /** Reporter's full name (the reporter and the handling side). */
  names: boolean;
  /** Reporter's full phone number (the handling side only). */
  phone: boolean;
  /** Photo locations (handlers, assignees, regulators). */
  location: boolean;
  /** Original photos (EXIF and GPS included) rather than the public rendition: the handling side only. */
  originals: boolean;
}

export function viewOf(sides: TicketActor[]): TicketView {
  const working = sides.some((s) => s === 'handler' || s === 'assignee' || s === 'regulator');
  return { sides, names: working || sides.includes('reporter'), phone: working, location: working, originals: working };
}

/**
 * The person's view of the ticket, or null when they may not see it at all (the caller answers
 * 404, so a ticket's existence does not leak).
 */
export function ticketViewFor(user: AuthUser, t: TicketSides, c: CommunityOrgs | null | undefined): TicketView | null {
  const sides = sidesOf(user, t);
  if (!sides.length && !supervisorOf(user, c)) return null;
  return viewOf(sides);
}

/** Communities the person supervises (committee or street office). */
export async function supervisedCommunityIds(user: AuthUser, t?: Transaction): Promise<number[]> {
  if (user.orgId == null) return [];
  const or: WhereOptions<Community>[] = [];
  if (user.roles.includes('committee_member')) or.push({ committee_org_id: user.orgId });
  if (user.roles.includes('street_officer')) or.push({ street_org_id: user.orgId });
  if (!or.length) return [];
  const rows = await Community.findAll({ where: { [Op.or]: or }, attributes: ['id'], transaction: t });
  return rows.map((r) => r.id);
}

/**
 * The tickets this person may see, as a where clause: regulators all; everyone else the union of
 * their own reports, work dispatched to them, their property company's tickets and the
 * communities they supervise.
 */
export async function visibleTickets(user: AuthUser, t?: Transaction): Promise<WhereOptions<Ticket> | null> {
  if (isRegulator(user)) return null;
  const or: WhereOptions<Ticket>[] = [{ reporter_user_id: user.id }];
  // Work is dispatched only to property staff and regulators (owners' lists stay on the reporter index).
  if (isPropertyStaff(user)) or.push({ assignee_user_id: user.id }, { handler_kind: 'property', org_id: user.orgId }, { assignee_org_id: user.orgId });
  const supervised = await supervisedCommunityIds(user, t);
  if (supervised.length) or.push({ community_id: supervised });
  return { [Op.or]: or };
}

/** Monitoring scope: regulators all; a property manager their company's; a street officer their communities'. */
export async function monitoredTickets(user: AuthUser): Promise<WhereOptions<Ticket> | null> {
  if (isRegulator(user)) return null;
  const or: WhereOptions<Ticket>[] = [];
  if (user.roles.includes('property_manager') && user.orgId != null) or.push({ handler_kind: 'property', org_id: user.orgId }, { assignee_org_id: user.orgId });
  if (user.roles.includes('street_officer') && user.orgId != null) {
    const ids = (await Community.findAll({ where: { street_org_id: user.orgId }, attributes: ['id'] })).map((c) => c.id);
    if (ids.length) or.push({ community_id: ids });
  }
  return or.length ? { [Op.or]: or } : { id: -1 };
}
