// Which buttons a person gets on the property pages. These mirror the API's access lists
// (api/src/modules/tickets, property, patrols, content); the API refuses anyone else regardless,
// and a ticket's own buttons come from its `actions` (the shared transition table).
import { REGULATOR_ROLES, type Role } from '@hq/common';
import { useAccess } from '../../providers/access';

export const PROPERTY_COMPANY_ROLES: Role[] = ['property_staff', 'property_manager'];
/** Communities are set up and kept by the regulator. */
export const COMMUNITY_MAINTAIN_ROLES: Role[] = [...REGULATOR_ROLES];
/** 同步楼盘表: regulators, and a company's project managers for the communities it serves (checked per record). */
export const COMMUNITY_SYNC_ROLES: Role[] = [...REGULATOR_ROLES, 'property_manager'];
/** Who may export the ticket list (GET /api/tickets/export). */
export const TICKET_EXPORT_ROLES: Role[] = [...REGULATOR_ROLES, ...PROPERTY_COMPANY_ROLES, 'street_officer', 'committee_member'];

export function usePropertyPermissions() {
  const { hasRole, pages } = useAccess();
  return {
    isRegulator: hasRole(...REGULATOR_ROLES),
    isPropertyCompany: hasRole(...PROPERTY_COMPANY_ROLES),
    canMaintainCommunities: hasRole(...COMMUNITY_MAINTAIN_ROLES),
    canSyncCommunities: hasRole(...COMMUNITY_SYNC_ROLES),
    canExportTickets: hasRole(...TICKET_EXPORT_ROLES),
    /** Patrol tasks are set by the property company for its communities. */
    canCreatePatrols: hasRole(...PROPERTY_COMPANY_ROLES),
    canRegisterComplaints: pages.some((p) => p.key === 'complaint-register'),
    canOpenMonitor: pages.some((p) => p.key === 'monitor'),
    canOpenTickets: pages.some((p) => p.key === 'tickets'),
    canOpenCommunities: pages.some((p) => p.key === 'communities'),
  };
}
