import type { ParameterizedContext } from 'koa';
import type { Role } from '@hq/common';
import type { Deps } from '../deps';

export interface AuthUser {
  id: number;
  displayName: string;
  roles: Role[];
  orgId: number | null;
  sessionId: string;
  sessionKind: 'web' | 'miniapp';
}

export interface AppState {
  requestId: string;
  user?: AuthUser;
  /** The matched route's template, for metrics (never the raw path). */
  routeName?: string;
}

export type AppContext = ParameterizedContext<AppState> & { deps: Deps };
