// The property companies' patrol tasks (巡查任务).
import type { RouteDef } from '../../platform/http/route';

export const patrolRoutes: RouteDef[] = [];
