import type { Next } from 'koa';
import type { Role } from '@hq/common';
import { Session, User, UserRole } from '../models';
import { errors } from '../errors';
import type { AppContext, AuthUser } from '../http/types';
import { revokeSession, sessionProblem, verifyAccess } from './tokens';

const TOUCH_EVERY_MS = 60_000;

/** Resolve the bearer token to a live session and person; leaves ctx.state.user unset if none. */
export function authenticate() {
  return async (ctx: AppContext, next: Next) => {
    const header = ctx.get('authorization');
    // The simulators stand in for other systems and read their own tokens.
    if (header && !ctx.path.startsWith('/sim/')) {
      const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!m) throw errors.unauthenticated('TOKEN_INVALID', '登录凭证格式不正确，请重新登录');
      ctx.state.user = await loadUser(ctx, m[1]);
    }
    await next();
  };
}

async function loadUser(ctx: AppContext, token: string): Promise<AuthUser> {
  const { config, db } = ctx.deps;
  const claims = verifyAccess(config, token);
  const session = await Session.findByPk(claims.sid);
  const now = Date.now();
  const problem = sessionProblem(session, now);
  if (problem || !session || String(session.user_id) !== claims.sub) {
    if (session && problem?.reason) await db.tx((t) => revokeSession(t, session.id, problem.reason!));
    throw errors.unauthenticated(problem?.code ?? 'TOKEN_INVALID', problem?.message ?? '登录凭证无效，请重新登录');
  }
  const [user, roles] = await Promise.all([
    User.findByPk(session.user_id, { attributes: ['id', 'display_name', 'org_id', 'status'] }),
    UserRole.findAll({ where: { user_id: session.user_id }, attributes: ['role'] }),
  ]);
  if (!user || user.status !== 'active') throw errors.unauthenticated('SESSION_REVOKED', '账号已停用，请联系管理员');
  if (now - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db.tx((t) => Session.update({ last_seen_at: new Date(now) }, { where: { id: session.id }, transaction: t }));
  }
  return {
    id: user.id, displayName: user.display_name, roles: roles.map((r) => r.role as Role), orgId: user.org_id ?? null,
    sessionId: session.id, sessionKind: session.kind,
  };
}
