import type { ParameterizedContext } from 'koa';
import type { Role } from '@hq/common';
import type { Deps } from '../deps';
import type { PrincipalRow } from '../auth/authenticate';

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
  /** The authenticated person's own columns, read with the session in one query. */
  principal?: PrincipalRow;
  /** The matched route's template, for metrics (never the raw path). */
  routeName?: string;
}

export type AppContext = ParameterizedContext<AppState> & { deps: Deps };
