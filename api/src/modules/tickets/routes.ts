// Repairs, complaints and patrol issues: one lifecycle (@hq/common tickets.ts).
import type { RouteDef } from '../../platform/http/route';

export const ticketRoutes: RouteDef[] = [];
