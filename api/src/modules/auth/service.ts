// Password login with lockout, first-login and 90-day password change, TOTP for privileged
// roles, WeChat mini-program login, refresh rotation and logout. Every outcome is audited.
import QRCode from 'qrcode';
import { Op, type Transaction } from 'sequelize';
import {
  isPrivileged, LOGIN_LOCK_MINUTES, LOGIN_MAX_FAILURES, PASSWORD_MAX_AGE_DAYS, formatShanghai, type LoginResponse, type Role,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import { User, UserRole } from '../../platform/models';
import { errors } from '../../platform/errors';
import { appendAudit, writeAudit, type AuditActor } from '../../platform/audit/audit';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { matchTotp, newTotpSecret, otpauthUrl } from '../../platform/auth/totp';
import { openSession, revokeSession, rotateRefresh, signChallenge, verifyChallenge, type TokenPair } from '../../platform/auth/tokens';
import { decrypt, encrypt } from '../../platform/crypto';
import { presentMe, rolesOf } from './presenter';

export interface RequestMeta {
  ip: string;
  userAgent: string;
  requestId: string;
}

const actorOf = (user: User | null, roles: Role[], meta: RequestMeta): AuditActor => ({
  userId: user?.id ?? null, name: user?.display_name ?? null, role: roles[0] ?? null, ip: meta.ip, requestId: meta.requestId,
});

export async function passwordLogin(deps: Deps, username: string, password: string, meta: RequestMeta): Promise<LoginResponse> {
  const user = await User.findOne({ where: { username } });
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    await writeAudit(deps.db, actorOf(null, [], meta), { action: 'auth.login', result: 'failure', detail: { username, reason: 'unknown_user' } });
    throw errors.unauthenticated('LOGIN_FAILED', '用户名或密码错误');
  }
  const roles = await rolesOf(user.id);
  const actor = actorOf(user, roles, meta);
  if (user.status !== 'active') {
    await writeAudit(deps.db, actor, { action: 'auth.login', objectType: 'user', objectId: user.id, result: 'failure', detail: { reason: 'disabled' } });
    throw errors.forbidden('ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
  }
  if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
    await writeAudit(deps.db, actor, { action: 'auth.login', objectType: 'user', objectId: user.id, result: 'failure', detail: { reason: 'locked' } });
    throw errors.locked(`连续登录失败次数过多，账号已锁定，请于 ${formatShanghai(user.locked_until, false)} 后再试或联系安全管理员解锁`);
  }
  const ok = await verifyPassword(password, user.password_hash);
  if (!ok) {
    const outcome = await deps.db.tx(async (t) => {
      const u = (await User.findByPk(user.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
      const failures = u.failed_logins + 1;
      if (failures >= LOGIN_MAX_FAILURES) {
        const until = new Date(Date.now() + LOGIN_LOCK_MINUTES * 60_000);
        await u.update({ failed_logins: 0, locked_until: until }, { transaction: t });
        await appendAudit(t, actor, { action: 'auth.lock', objectType: 'user', objectId: u.id, result: 'failure', detail: { failures, until: until.toISOString() } });
        return { locked: until };
      }
      await u.update({ failed_logins: failures }, { transaction: t });
      await appendAudit(t, actor, { action: 'auth.login', objectType: 'user', objectId: u.id, result: 'failure', detail: { reason: 'bad_password', failures } });
      return { left: LOGIN_MAX_FAILURES - failures };
    });
    if ('locked' in outcome) {
      throw errors.locked(`密码连续错误${LOGIN_MAX_FAILURES}次，账号已锁定${LOGIN_LOCK_MINUTES}分钟，请于 ${formatShanghai(outcome.locked!, false)} 后再试`);
    }
    throw errors.unauthenticated('LOGIN_FAILED', `用户名或密码错误，还可尝试${outcome.left}次，之后账号将锁定${LOGIN_LOCK_MINUTES}分钟`);
  }
  if (user.failed_logins > 0 || user.locked_until) {
    await deps.db.tx((t) => User.update({ failed_logins: 0, locked_until: null }, { where: { id: user.id }, transaction: t }));
  }
  return nextStep(deps, user, roles, meta);
}

/** After the password: change it if due, then TOTP for privileged roles, else a session. */
async function nextStep(deps: Deps, user: User, roles: Role[], meta: RequestMeta): Promise<LoginResponse> {
  const privileged = isPrivileged(roles);
  if (user.must_change_password) {
    return { next: 'change_password', challenge: signChallenge(deps.config, user.id, 'change_password'), reason: 'first_login' };
  }
  const changed = user.password_changed_at ? new Date(user.password_changed_at).getTime() : 0;
  if (privileged && Date.now() - changed > PASSWORD_MAX_AGE_DAYS * 86400_000) {
    return { next: 'change_password', challenge: signChallenge(deps.config, user.id, 'change_password'), reason: 'expired' };
  }
  if (privileged && !user.totp_enrolled_at) {
    const secret = newTotpSecret();
    const url = otpauthUrl(secret, user.username ?? String(user.id));
    return {
      next: 'totp_enrol',
      challenge: signChallenge(deps.config, user.id, 'totp_enrol', { s: encrypt(deps.config.dataKey, secret) }),
      otpauthUrl: url,
      qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 220 }),
      secret,
    };
  }
  if (privileged) return { next: 'totp', challenge: signChallenge(deps.config, user.id, 'totp') };
  return finishLogin(deps, user, roles, meta, 'password');
}

async function finishLogin(deps: Deps, user: User, roles: Role[], meta: RequestMeta, method: string, t?: Transaction): Promise<LoginResponse> {
  const run = async (tx: Transaction) => {
    const { tokens, session } = await openSession(deps.config, tx, user, 'web', meta);
    await appendAudit(tx, actorOf(user, roles, meta), { action: 'auth.login', objectType: 'session', objectId: session.id, detail: { method } });
    return tokens;
  };
  const tokens = t ? await run(t) : await deps.db.tx(run);
  return { next: 'done', tokens, user: await presentMe(deps.config, user, roles, undefined, t) };
}

export async function changeInitialPassword(deps: Deps, challenge: string, newPassword: string, meta: RequestMeta): Promise<LoginResponse> {
  const { userId } = verifyChallenge(deps.config, challenge, 'change_password');
  const user = await User.findByPk(userId);
  if (!user || user.status !== 'active') throw errors.unauthenticated('CHALLENGE_INVALID', '登录步骤已失效，请重新登录');
  if (await verifyPassword(newPassword, user.password_hash)) {
    throw errors.badRequest('PASSWORD_REUSED', '新密码不能与当前密码相同', [{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  }
  const roles = await rolesOf(user.id);
  const hash = await hashPassword(newPassword);
  await deps.db.tx(async (t) => {
    await user.update({ password_hash: hash, password_changed_at: new Date(), must_change_password: false }, { transaction: t });
    await appendAudit(t, actorOf(user, roles, meta), { action: 'user.password.change', objectType: 'user', objectId: user.id, detail: { via: 'login' } });
  });
  return nextStep(deps, user, roles, meta);
}

/** Match a code outside any transaction (a failure is audited on its own). */
async function matchCode(deps: Deps, user: User, secret: string, code: string, roles: Role[], meta: RequestMeta): Promise<number> {
  const step = matchTotp(secret, code);
  if (step === null || (user.totp_last_step != null && step <= Number(user.totp_last_step))) {
    await writeAudit(deps.db, actorOf(user, roles, meta), { action: 'auth.totp', objectType: 'user', objectId: user.id, result: 'failure' });
    throw errors.unauthenticated('TOTP_INVALID', '动态验证码不正确或已使用，请输入身份验证器App中的最新6位数字');
  }
  return step;
}

/** Record the step used; a concurrent use of the same code loses here (no replay). */
async function consumeStep(t: Transaction, userId: number, step: number): Promise<void> {
  const [n] = await User.update(
    { totp_last_step: step },
    { where: { id: userId, [Op.or]: [{ totp_last_step: null }, { totp_last_step: { [Op.lt]: step } }] }, transaction: t },
  );
  if (n !== 1) throw errors.unauthenticated('TOTP_INVALID', '动态验证码已使用，请等待下一个验证码');
}

async function activeUser(userId: number): Promise<User> {
  const user = await User.findByPk(userId);
  if (!user || user.status !== 'active') throw errors.unauthenticated('CHALLENGE_INVALID', '登录步骤已失效，请重新登录');
  return user;
}

export async function enrolTotp(deps: Deps, challenge: string, code: string, meta: RequestMeta): Promise<LoginResponse> {
  const { userId, claims } = verifyChallenge(deps.config, challenge, 'totp_enrol');
  const secret = decrypt(deps.config.dataKey, String(claims.s));
  const user = await activeUser(userId);
  if (user.totp_enrolled_at) throw errors.conflict('TOTP_ALREADY_ENROLLED', '已绑定身份验证器，请重新登录并输入动态验证码');
  const roles = await rolesOf(userId);
  const step = await matchCode(deps, user, secret, code, roles, meta);
  return deps.db.tx(async (t) => {
    await consumeStep(t, userId, step);
    const [n] = await User.update(
      { totp_secret_enc: encrypt(deps.config.dataKey, secret), totp_enrolled_at: new Date() },
      { where: { id: userId, totp_enrolled_at: null }, transaction: t },
    );
    if (n !== 1) throw errors.conflict('TOTP_ALREADY_ENROLLED', '已绑定身份验证器，请重新登录并输入动态验证码');
    await user.reload({ transaction: t });
    await appendAudit(t, actorOf(user, roles, meta), { action: 'auth.totp.enrol', objectType: 'user', objectId: user.id });
    return finishLogin(deps, user, roles, meta, 'password+totp', t);
  });
}

export async function verifyTotpStep(deps: Deps, challenge: string, code: string, meta: RequestMeta): Promise<LoginResponse> {
  const { userId } = verifyChallenge(deps.config, challenge, 'totp');
  const user = await activeUser(userId);
  if (!user.totp_secret_enc) throw errors.unauthenticated('CHALLENGE_INVALID', '登录步骤已失效，请重新登录');
  const roles = await rolesOf(userId);
  const step = await matchCode(deps, user, decrypt(deps.config.dataKey, user.totp_secret_enc), code, roles, meta);
  return deps.db.tx(async (t) => {
    await consumeStep(t, userId, step);
    return finishLogin(deps, user, roles, meta, 'password+totp', t);
  });
}

export async function refresh(deps: Deps, refreshToken: string, meta: RequestMeta): Promise<TokenPair> {
  const outcome = await deps.db.tx(async (t) => {
    const r = await rotateRefresh(deps.config, t, refreshToken);
    if (r.kind === 'reused') {
      await revokeSession(t, r.session.id, 'refresh_reuse');
      await appendAudit(t, { userId: r.session.user_id, name: null, role: null, ip: meta.ip, requestId: meta.requestId }, {
        action: 'auth.refresh.reuse', objectType: 'session', objectId: r.session.id, result: 'failure',
      });
    } else if (r.kind === 'invalid' && r.session && r.reason) {
      await revokeSession(t, r.session.id, r.reason);
    }
    return r;
  });
  if (outcome.kind === 'ok') return outcome.tokens;
  if (outcome.kind === 'reused') throw errors.unauthenticated('REFRESH_REUSED', '检测到登录凭证被重复使用，为保护账号已强制退出，请重新登录');
  throw errors.unauthenticated(outcome.code, outcome.message);
}

export async function logout(deps: Deps, sessionId: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(async (t) => {
    await revokeSession(t, sessionId, 'logout');
    await appendAudit(t, actor, { action: 'auth.logout', objectType: 'session', objectId: sessionId });
  });
}

export async function changePassword(deps: Deps, userId: number, oldPassword: string, newPassword: string, actor: AuditActor): Promise<void> {
  const user = await User.findByPk(userId);
  if (!user) throw errors.unauthenticated();
  if (!(await verifyPassword(oldPassword, user.password_hash))) {
    await writeAudit(deps.db, actor, { action: 'user.password.change', objectType: 'user', objectId: userId, result: 'failure' });
    throw errors.badRequest('PASSWORD_WRONG', '原密码不正确', [{ field: 'oldPassword', message: '原密码不正确' }]);
  }
  if (oldPassword === newPassword) {
    throw errors.badRequest('PASSWORD_REUSED', '新密码不能与原密码相同', [{ field: 'newPassword', message: '新密码不能与原密码相同' }]);
  }
  const hash = await hashPassword(newPassword);
  await deps.db.tx(async (t) => {
    await user.update({ password_hash: hash, password_changed_at: new Date(), must_change_password: false }, { transaction: t });
    await appendAudit(t, actor, { action: 'user.password.change', objectType: 'user', objectId: userId });
  });
}

/** WeChat mini-program: exchange wx.login's code; session_key stays on this side. */
export async function wechatLogin(deps: Deps, code: string, meta: RequestMeta) {
  const session = await deps.wechat.code2session(code);
  return deps.db.tx(async (t) => {
    let user = await User.findOne({ where: { wechat_openid: session.openid }, transaction: t });
    let created = false;
    if (!user) {
      user = await User.create(
        { display_name: `微信用户${session.openid.slice(-4)}`, wechat_openid: session.openid, wechat_unionid: session.unionid ?? null },
        { transaction: t },
      );
      await UserRole.create({ user_id: user.id, role: 'public' }, { transaction: t });
      created = true;
    }
    const roles = await UserRole.findAll({ where: { user_id: user.id }, transaction: t }).then((rs) => rs.map((r) => r.role as Role));
    if (user.status !== 'active') throw errors.forbidden('ACCOUNT_DISABLED', '账号已停用，请联系管理员');
    if (isPrivileged(roles)) {
      throw errors.forbidden('PRIVILEGED_REQUIRES_TOTP', '监管及管理账号请在管理端使用用户名、密码和动态验证码登录');
    }
    const { tokens, session: s } = await openSession(deps.config, t, user, 'miniapp', meta);
    await appendAudit(t, actorOf(user, roles, meta), { action: 'auth.login', objectType: 'session', objectId: s.id, detail: { method: 'wechat', created } });
    return { tokens, user: await presentMe(deps.config, user, roles, undefined, t) };
  });
}
