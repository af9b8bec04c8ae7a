import type { AuditActor } from '../audit/audit';
import type { AppContext } from './types';

/** Who is acting, for the audit trail. */
export function actorOf(ctx: AppContext): AuditActor {
  const u = ctx.state.user;
  return { userId: u?.id ?? null, name: u?.displayName ?? null, role: u?.roles[0] ?? null, ip: ctx.ip, requestId: ctx.state.requestId };
}
