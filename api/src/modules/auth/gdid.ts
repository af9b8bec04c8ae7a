// Real-name login and binding (实名认证) through the unified identity provider.
// start → provider → callback (code + state) → one-time ticket → the client exchanges it.
import { Op } from 'sequelize';
import { isPrivileged, normaliseIdDocument, type Role } from '@hq/common';
import type { Deps } from '../../platform/deps';
import { OidcLogin, User, UserRole } from '../../platform/models';
import { errors } from '../../platform/errors';
import { appendAudit } from '../../platform/audit/audit';
import { encrypt, keyedHash, randomToken, sha256 } from '../../platform/crypto';
import { openSession } from '../../platform/auth/tokens';
import { pkcePair } from '../../integrations/gdid/client';
import { presentMe, rolesOf } from './presenter';
import type { RequestMeta } from './service';

const STATE_TTL_MS = 10 * 60_000;

function allowedReturnTo(deps: Deps, returnTo: string | undefined): string {
  const fallback = `${deps.config.publicUrl}/h5/#/pages/mine/index`;
  if (!returnTo) return fallback;
  const ok = [deps.config.publicUrl, ...deps.config.corsOrigins].some((o) => returnTo === o || returnTo.startsWith(`${o}/`));
  if (!ok) throw errors.badRequest('RETURN_TO_NOT_ALLOWED', '回跳地址不在允许范围内', [{ field: 'returnTo', message: '回跳地址必须是本系统的页面' }]);
  return returnTo;
}

export async function startGdid(deps: Deps, mode: 'login' | 'bind', userId: number | null, returnTo: string | undefined) {
  if (mode === 'bind' && !userId) throw errors.unauthenticated('AUTH_REQUIRED', '请先登录后再绑定实名认证');
  const target = allowedReturnTo(deps, returnTo);
  const state = randomToken(24);
  const nonce = randomToken(16);
  const { verifier, challenge } = pkcePair();
  await deps.db.tx((t) =>
    OidcLogin.create({ state, verifier, nonce, mode, user_id: userId, return_to: target, created_at: new Date() }, { transaction: t }),
  );
  return { authorizeUrl: deps.gdid.authorizeUrl(state, challenge, nonce) };
}

/** The provider sends the browser back here; answer with a redirect carrying a one-time ticket. */
export async function gdidCallback(deps: Deps, code: string, state: string, meta: RequestMeta): Promise<string> {
  const login = await OidcLogin.findByPk(state);
  if (!login || login.completed_at || Date.now() - new Date(login.created_at).getTime() > STATE_TTL_MS) {
    throw errors.badRequest('GDID_STATE_INVALID', '认证请求已失效，请重新发起实名认证');
  }
  const identity = await deps.gdid.exchange(code, login.verifier, login.nonce);
  const idNumber = normaliseIdDocument('resident_id', identity.idNumber);
  const idHash = keyedHash(deps.config.dataKey, `resident_id:${idNumber}`);
  const ticket = randomToken(32);
  await deps.db.tx(async (t) => {
    const fresh = await OidcLogin.findByPk(state, { transaction: t, lock: t.LOCK.UPDATE });
    if (!fresh || fresh.completed_at) throw errors.conflict('GDID_STATE_USED', '认证请求已处理，请勿重复提交');
    const bySub = await User.findOne({ where: { gdid_sub: identity.sub }, transaction: t });
    let user: User;
    if (login.mode === 'bind') {
      if (bySub && bySub.id !== login.user_id) throw errors.conflict('GDID_ALREADY_BOUND', '该实名身份已绑定其他账号，请使用原账号登录或联系管理员');
      user = (await User.findByPk(login.user_id!, { transaction: t, lock: t.LOCK.UPDATE }))!;
    } else {
      // A person already known by ID number (e.g. a registered owner) is the same person.
      const existing = bySub ?? (await User.findOne({ where: { id_no_hash: idHash, gdid_sub: { [Op.is]: null } }, transaction: t }));
      user = existing ?? (await User.create({ display_name: identity.name }, { transaction: t }));
      if (!existing) await UserRole.create({ user_id: user.id, role: 'public' }, { transaction: t });
    }
    await user.update(
      {
        gdid_sub: identity.sub, real_name_verified_at: new Date(), display_name: identity.name, id_type: 'resident_id',
        id_no_enc: encrypt(deps.config.dataKey, idNumber), id_no_hash: idHash,
        ...(identity.phone && !user.phone_enc
          ? { phone_enc: encrypt(deps.config.dataKey, identity.phone), phone_hash: keyedHash(deps.config.dataKey, `phone:${identity.phone}`) }
          : {}),
      },
      { transaction: t },
    );
    await fresh.update({ completed_at: new Date(), result_user_id: user.id, ticket_hash: sha256(ticket) }, { transaction: t });
    await appendAudit(t, { userId: user.id, name: identity.name, role: null, ip: meta.ip, requestId: meta.requestId }, {
      action: login.mode === 'bind' ? 'auth.gdid.bind' : 'auth.gdid.verify', objectType: 'user', objectId: user.id,
    });
  });
  const back = login.return_to!;
  const [base, hash] = back.includes('#') ? [back.slice(0, back.indexOf('#')), back.slice(back.indexOf('#'))] : [back, ''];
  const target = hash || base;
  const withTicket = `${target}${target.includes('?') ? '&' : '?'}gdid_ticket=${encodeURIComponent(ticket)}`;
  return hash ? base + withTicket : withTicket;
}

export async function exchangeGdidTicket(deps: Deps, ticket: string, meta: RequestMeta) {
  return deps.db.tx(async (t) => {
    const login = await OidcLogin.findOne({ where: { ticket_hash: sha256(ticket) }, transaction: t, lock: t.LOCK.UPDATE });
    if (!login || login.used_at || !login.completed_at || Date.now() - new Date(login.completed_at).getTime() > 5 * 60_000) {
      throw errors.badRequest('GDID_TICKET_INVALID', '认证票据无效或已使用，请重新认证');
    }
    await login.update({ used_at: new Date() }, { transaction: t });
    const user = (await User.findByPk(login.result_user_id!, { transaction: t }))!;
    const roles: Role[] = await rolesOf(user.id, t);
    if (login.mode === 'bind') return { result: 'bound' as const, user: await presentMe(deps.config, user, roles, undefined, t) };
    if (user.status !== 'active') throw errors.forbidden('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
    if (isPrivileged(roles)) throw errors.forbidden('PRIVILEGED_REQUIRES_TOTP', '监管及管理账号请在管理端使用用户名、密码和动态验证码登录');
    const { tokens, session } = await openSession(deps.config, t, user, 'miniapp', meta);
    await appendAudit(t, { userId: user.id, name: user.display_name, role: roles[0] ?? null, ip: meta.ip, requestId: meta.requestId }, {
      action: 'auth.login', objectType: 'session', objectId: session.id, detail: { method: 'gdid' },
    });
    return { result: 'login' as const, tokens, user: await presentMe(deps.config, user, roles, undefined, t) };
  });
}

