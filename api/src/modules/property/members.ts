// Household members (家庭成员) and tenants (租户) of a house: the verified owner adds them by name
// and phone number, sees them, and removes them. They are bound when that person turns up (see
// bindInvitedMembers); a tenant's access ends with the lease. Members cannot add members.
import { Op, type Transaction } from 'sequelize';
import { maskPhone, shanghaiDate, type z, type memberCreate, type memberView } from '@hq/common';
import type { Deps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { decrypt, encrypt, keyedHash } from '../../platform/crypto';
import { User } from '../../platform/models';
import { HouseMember, HouseOwner } from './models';

/** Members and tenants one house may have at a time. */
export const MAX_MEMBERS_PER_HOUSE = 20;

type MemberView = z.infer<typeof memberView>;

async function requireVerifiedOwner(userId: number, roomId: number, t?: Transaction): Promise<void> {
  const h = await HouseOwner.findOne({ where: { room_id: roomId, user_id: userId, relation: 'owner', verified_at: { [Op.ne]: null } }, attributes: ['id'], transaction: t });
  if (!h) throw errors.forbidden('HOUSE_OWNER_ONLY', '只有该房屋已认证的业主本人可以管理家庭成员和租户');
}

function present(deps: Deps, m: HouseMember): MemberView {
  return {
    id: m.id, name: m.name, phone: maskPhone(decrypt(deps.config.dataKey, m.phone_enc)), relation: m.relation,
    validUntil: m.valid_until ?? null, bound: m.bound_user_id != null, createdAt: new Date(m.created_at).toISOString(),
  };
}

export async function listMembers(deps: Deps, userId: number, roomId: number): Promise<MemberView[]> {
  await requireVerifiedOwner(userId, roomId);
  const rows = await HouseMember.findAll({ where: { room_id: roomId, removed_at: { [Op.is]: null } }, order: [['id', 'ASC']] });
  return rows.map((m) => present(deps, m));
}

export async function addMember(deps: Deps, actor: AuditActor, userId: number, roomId: number, input: z.infer<typeof memberCreate>): Promise<MemberView> {
  const validUntil = input.validUntil ?? null;
  if (input.relation === 'tenant' && !validUntil) {
    throw errors.validation([{ field: 'validUntil', message: '有效期至：租户须填写租期截止日期' }]);
  }
  if (validUntil && validUntil < shanghaiDate()) {
    throw errors.validation([{ field: 'validUntil', message: '有效期至：不能早于今天' }]);
  }
  const key = deps.config.dataKey;
  const phoneHash = keyedHash(key, `phone:${input.phone}`);
  const id = await deps.db.tx(async (t) => {
    await requireVerifiedOwner(userId, roomId, t);
    const me = await User.findByPk(userId, { attributes: ['id', 'phone_hash'], transaction: t });
    if (me?.phone_hash === phoneHash) throw errors.validation([{ field: 'phone', message: '手机号：这是您本人的手机号，无需添加' }]);
    const current = await HouseMember.findAll({ where: { room_id: roomId, removed_at: { [Op.is]: null } }, attributes: ['id', 'phone_hash'], transaction: t, lock: t.LOCK.UPDATE });
    if (current.some((m) => m.phone_hash === phoneHash)) throw errors.conflict('MEMBER_EXISTS', '该手机号已是本房屋的家庭成员或租户');
    if (current.length >= MAX_MEMBERS_PER_HOUSE) throw errors.conflict('MEMBER_LIMIT', `每套房屋最多添加${MAX_MEMBERS_PER_HOUSE}位家庭成员和租户，请先移除不再居住的人员`);
    const m = await HouseMember.create({
      room_id: roomId, owner_user_id: userId, name: input.name, phone_enc: encrypt(key, input.phone), phone_hash: phoneHash,
      relation: input.relation, valid_until: validUntil,
    }, { transaction: t });
    await appendAudit(t, actor, { action: 'house.member.add', objectType: 'house_member', objectId: m.id, detail: { roomId, relation: m.relation, validUntil } });
    return m.id;
  });
  return present(deps, (await HouseMember.findByPk(id))!);
}

/** Removes the member and, if they were bound, their access to the house (never an owner's). */
export async function removeMember(deps: Deps, actor: AuditActor, userId: number, roomId: number, memberId: number): Promise<void> {
  await deps.db.tx(async (t) => {
    await requireVerifiedOwner(userId, roomId, t);
    const m = await HouseMember.findOne({ where: { id: memberId, room_id: roomId, removed_at: { [Op.is]: null } }, transaction: t, lock: t.LOCK.UPDATE });
    if (!m) throw errors.notFound('MEMBER_NOT_FOUND', '该家庭成员或租户不存在或已移除');
    await m.update({ removed_at: new Date() }, { transaction: t });
    const unbound = m.bound_user_id != null
      ? await HouseOwner.destroy({ where: { room_id: roomId, user_id: m.bound_user_id, relation: ['tenant', 'family'] }, transaction: t })
      : 0;
    await appendAudit(t, actor, { action: 'house.member.remove', objectType: 'house_member', objectId: m.id, detail: { roomId, relation: m.relation, unbound } });
  });
}
