// Communities built from real-estate projects; houses verified against the registry; members.
import type { RouteDef } from '../../platform/http/route';

export const communityRoutes: RouteDef[] = [];
