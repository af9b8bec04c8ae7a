import { maskPhone, PASSWORD_MAX_AGE_DAYS, isPrivileged, type Me, type Role } from '@hq/common';
import { Org, User, UserRole } from '../../platform/models';
import { decrypt } from '../../platform/crypto';
import type { Transaction } from 'sequelize';
import type { Config } from '../../config';

export async function rolesOf(userId: number, t?: Transaction): Promise<Role[]> {
  return (await UserRole.findAll({ where: { user_id: userId }, transaction: t })).map((r) => r.role as Role);
}

/** The columns of a person that `presentMe` reads (a User, or the principal row of a request). */
export type MeSource = Pick<
  User,
  'id' | 'username' | 'display_name' | 'org_id' | 'phone_enc' | 'real_name_verified_at' | 'gdid_sub' | 'wechat_openid' | 'totp_enrolled_at' | 'password_changed_at'
>;

/** What a person sees of themselves: phone masked, no ID number, no secrets. */
export async function presentMe(config: Config, user: MeSource, roles?: Role[], knownOrg?: Me['org'], t?: Transaction): Promise<Me> {
  const r = roles ?? (await rolesOf(user.id, t));
  const org = knownOrg !== undefined ? knownOrg : user.org_id ? await Org.findByPk(user.org_id, { attributes: ['id', 'name', 'kind'], transaction: t }) : null;
  const changed = user.password_changed_at ? new Date(user.password_changed_at) : null;
  return {
    id: user.id,
    username: user.username ?? null,
    displayName: user.display_name,
    roles: r,
    org: org ? { id: org.id, name: org.name, kind: org.kind } : null,
    phone: user.phone_enc ? maskPhone(decrypt(config.dataKey, user.phone_enc)) : null,
    realNameVerified: !!user.real_name_verified_at,
    gdidBound: !!user.gdid_sub,
    wechatBound: !!user.wechat_openid,
    totpEnrolled: !!user.totp_enrolled_at,
    passwordExpiresAt:
      isPrivileged(r) && changed ? new Date(changed.getTime() + PASSWORD_MAX_AGE_DAYS * 86400_000).toISOString() : null,
  };
}
