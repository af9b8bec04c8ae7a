import type { Next } from 'koa';
import type { Role } from '@hq/common';
import { QueryTypes } from 'sequelize';
import { Session } from '../models';
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
      const { user, row } = await loadUser(ctx, m[1]);
      ctx.state.user = user;
      ctx.state.principal = row;
    }
    await next();
  };
}

export interface PrincipalRow {
  user_id: number;
  username: string | null;
  phone_enc: string | null;
  real_name_verified_at: Date | null;
  gdid_sub: string | null;
  wechat_openid: string | null;
  totp_enrolled_at: Date | null;
  password_changed_at: Date | null;
  org_name: string | null;
  org_kind: string | null;
  kind: Session['kind'];
  last_seen_at: string | Date;
  expires_at: string | Date;
  revoked_at: string | Date | null;
  revoke_reason: string | null;
  display_name: string;
  org_id: number | null;
  status: string;
  roles: string | null;
}

/** Session, person and roles in one round trip: this runs on every authenticated request. */
const PRINCIPAL_SQL = `SELECT s.user_id, s.kind, s.last_seen_at, s.expires_at, s.revoked_at, s.revoke_reason,
  u.display_name, u.org_id, u.status, u.username, u.phone_enc, u.real_name_verified_at, u.gdid_sub, u.wechat_openid,
  u.totp_enrolled_at, u.password_changed_at, o.name AS org_name, o.kind AS org_kind,
  (SELECT GROUP_CONCAT(r.role) FROM user_roles r WHERE r.user_id = s.user_id) AS roles
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN orgs o ON o.id = u.org_id WHERE s.id = ?`;

async function loadUser(ctx: AppContext, token: string): Promise<{ user: AuthUser; row: PrincipalRow }> {
  const { config, db } = ctx.deps;
  const claims = verifyAccess(config, token);
  const [row] = (await db.sequelize.query(PRINCIPAL_SQL, { replacements: [claims.sid], type: QueryTypes.SELECT })) as PrincipalRow[];
  const now = Date.now();
  const session = row
    ? { kind: row.kind, revoke_reason: row.revoke_reason, revoked_at: row.revoked_at ? toDate(row.revoked_at) : null, expires_at: toDate(row.expires_at), last_seen_at: toDate(row.last_seen_at) }
    : null;
  const problem = sessionProblem(session, now);
  if (problem || !row || String(row.user_id) !== claims.sub) {
    if (row && problem?.reason) await db.tx((t) => revokeSession(t, claims.sid, problem.reason!));
    throw errors.unauthenticated(problem?.code ?? 'TOKEN_INVALID', problem?.message ?? '登录凭证无效，请重新登录');
  }
  if (row.status !== 'active') throw errors.unauthenticated('SESSION_REVOKED', '账号已停用，请联系管理员');
  if (now - session!.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.tx((t) => Session.update({ last_seen_at: new Date(now) }, { where: { id: claims.sid }, transaction: t }));
  }
  const user: AuthUser = {
    id: row.user_id, displayName: row.display_name, roles: (row.roles ?? '').split(',').filter(Boolean) as Role[], orgId: row.org_id ?? null,
    sessionId: claims.sid, sessionKind: row.kind,
  };
  return { user, row };
}

/** Raw queries return dates as strings on SQLite and as Dates on MySQL. */
function toDate(v: string | Date): Date {
  return v instanceof Date ? v : new Date(/Z|[+-]\d\d:\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
}
