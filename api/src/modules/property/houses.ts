// An owner's houses (PM-099/150): verified against the real-estate registry with the 不动产权证号
// and the person's real-name identity, then bound to the person; household members the owner
// added by phone number are bound when that person turns up. Nobody sees a house that is not theirs.
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import {
  HOUSE_VERIFY_REASONS, shanghaiDate, startOfShanghaiDay, type HouseVerifyReason, type HouseVerifyRequest, type HouseView, type z,
  type houseVerification,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import type { AuthUser } from '../../platform/http/types';
import { AppError, errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { decrypt } from '../../platform/crypto';
import { User } from '../../platform/models';
import { Building, Project, Room } from '../realestate/models';
import { REGISTRY_DOWN_CODES, type TitleCheck } from '../../integrations/registry/client';
import { normaliseCertNo } from '../../integrations/registry/protocol';
import { Community, HouseMember, HouseOwner, HouseVerification } from './models';

/** Failed attempts a day before verification pauses until tomorrow (Asia/Shanghai). */
export const MAX_FAILED_VERIFICATIONS_PER_DAY = 5;
/** Failures that count towards the limit: those a person could cause by guessing. */
const COUNTED: readonly HouseVerifyReason[] = ['cert_not_found', 'owner_mismatch', 'room_mismatch', 'not_registered'];

/** What the person reads, naming what to do next. */
export const HOUSE_VERIFY_MESSAGES: Record<HouseVerifyReason, string> = {
  no_real_name: '您尚未完成实名认证，请先在“我的”中通过广东统一身份认证完成实名，再认证房屋',
  cert_not_found: '不动产登记系统中未查到该不动产权证号，请对照证书核对年份、市县和“第…号”的7位数字后重试',
  owner_mismatch: '该不动产权证登记的权利人与您的实名信息不一致，请使用登记在您本人名下的不动产权证认证',
  room_mismatch: '该不动产权证对应的房屋与您选择的房屋不一致，请重新选择房屋，或不选房屋直接按证号认证',
  not_registered: '该房屋在不动产登记系统中不是有效登记状态（可能已注销或尚未办结登记），请到不动产登记中心核实后再认证',
  too_many_attempts: `今日房屋认证失败已达${MAX_FAILED_VERIFICATIONS_PER_DAY}次，请明天再试；如确认信息无误，请联系不动产登记中心核实`,
  registry_unavailable: '不动产登记系统暂时无法连接，您填写的信息已保留，请稍后重试',
};

const FIELD: Partial<Record<HouseVerifyReason, string>> = { cert_not_found: 'certNo', owner_mismatch: 'certNo', not_registered: 'certNo', room_mismatch: 'roomId' };

export const houseVerifyCode = (reason: HouseVerifyReason) => `HOUSE_VERIFY_${reason.toUpperCase()}`;

function refusal(reason: HouseVerifyReason): AppError {
  const field = FIELD[reason];
  const status = reason === 'too_many_attempts' ? 429 : 422;
  return new AppError(status, houseVerifyCode(reason), HOUSE_VERIFY_MESSAGES[reason], field ? [{ field, message: HOUSE_VERIFY_MESSAGES[reason] }] : undefined);
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** A binding that gives access today: a verified owner's, or a member's whose term has not ended. */
export function isActiveBinding(h: Pick<HouseOwner, 'relation' | 'verified_at' | 'valid_until'>, today = shanghaiDate()): boolean {
  if (h.relation === 'owner') return true; // shown (verified or not); only verified owners may act
  return h.valid_until == null || h.valid_until >= today;
}

export async function presentHouses(rows: HouseOwner[], t?: Transaction): Promise<HouseView[]> {
  if (!rows.length) return [];
  const rooms = await Room.findAll({ where: { id: rows.map((h) => h.room_id) }, attributes: ['id', 'project_id', 'building_id', 'unit_number', 'room_no', 'floor', 'build_area'], transaction: t });
  const projectIds = [...new Set(rooms.map((r) => r.project_id))];
  const [projects, buildings, communities] = await Promise.all([
    Project.findAll({ where: { id: projectIds }, attributes: ['id', 'name'], transaction: t }),
    Building.findAll({ where: { id: [...new Set(rooms.map((r) => r.building_id))] }, attributes: ['id', 'building_no'], transaction: t }),
    Community.findAll({ where: { project_id: projectIds }, attributes: ['id', 'name', 'project_id'], transaction: t }),
  ]);
  const room = new Map(rooms.map((r) => [r.id, r]));
  const project = new Map(projects.map((p) => [p.id, p.name]));
  const building = new Map(buildings.map((b) => [b.id, b.building_no]));
  const community = new Map(communities.map((c) => [c.project_id, c]));
  return rows.flatMap((h) => {
    const r = room.get(h.room_id);
    if (!r) return [];
    const c = community.get(r.project_id);
    return [{
      roomId: r.id, communityId: c?.id ?? null, communityName: c?.name ?? null, unitNumber: r.unit_number, projectName: project.get(r.project_id) ?? '',
      buildingName: building.get(r.building_id) ?? '', roomNo: r.room_no, floor: r.floor, buildArea: r.build_area / 100,
      relation: h.relation, verified: !!h.verified_at, verifiedAt: iso(h.verified_at), validUntil: h.valid_until ?? null,
    }];
  });
}

// ---------- household members turning up ----------

/**
 * Binds the household members whose phone number is this person's: each becomes a tenant or
 * family binding of the house, added by the owner who invited them. Only while the inviting
 * owner is still the verified owner, and only until the tenant's term ends.
 */
export async function bindInvitedMembers(deps: Deps, userId: number): Promise<number> {
  const me = await User.findByPk(userId, { attributes: ['id', 'display_name', 'phone_hash'] });
  if (!me?.phone_hash) return 0;
  const today = shanghaiDate();
  const pending = await HouseMember.findAll({ where: { phone_hash: me.phone_hash, bound_user_id: { [Op.is]: null }, removed_at: { [Op.is]: null } }, attributes: ['id', 'valid_until'] });
  const due = pending.filter((m) => m.valid_until == null || m.valid_until >= today);
  if (!due.length) return 0;
  return deps.db.tx(async (t) => {
    let bound = 0;
    for (const { id } of due) {
      const m = await HouseMember.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
      if (!m || m.bound_user_id != null || m.removed_at != null) continue;
      const owner = await HouseOwner.findOne({ where: { room_id: m.room_id, user_id: m.owner_user_id, relation: 'owner', verified_at: { [Op.ne]: null } }, attributes: ['id'], transaction: t });
      if (!owner) continue;
      const existing = await HouseOwner.findOne({ where: { room_id: m.room_id, user_id: me.id }, transaction: t });
      if (!existing) {
        await HouseOwner.create({
          room_id: m.room_id, user_id: me.id, relation: m.relation, verified_at: new Date(), added_by: m.owner_user_id, valid_until: m.valid_until, cert_no: null,
        }, { transaction: t });
      }
      await m.update({ bound_user_id: me.id }, { transaction: t });
      await appendAudit(t, { userId: me.id, name: me.display_name, role: null, ip: null, requestId: null }, {
        action: 'house.member.bind', objectType: 'house_member', objectId: m.id,
        detail: { roomId: m.room_id, relation: m.relation, ownerUserId: m.owner_user_id, alreadyBound: !!existing },
      });
      bound++;
    }
    return bound;
  });
}

// ---------- my houses ----------

export async function myHouses(deps: Deps, userId: number): Promise<HouseView[]> {
  await bindInvitedMembers(deps, userId);
  const today = shanghaiDate();
  const rows = await HouseOwner.findAll({ where: { user_id: userId }, order: [['id', 'ASC']] });
  return presentHouses(rows.filter((h) => isActiveBinding(h, today)));
}

export async function myHouse(userId: number, roomId: number): Promise<HouseView> {
  const h = await HouseOwner.findOne({ where: { user_id: userId, room_id: roomId } });
  if (!h || !isActiveBinding(h)) throw errors.forbidden('DATA_SCOPE_DENIED', '该房屋不在您名下，无权查看');
  return (await presentHouses([h]))[0];
}

// ---------- verification ----------

async function recordFailure(deps: Deps, actor: AuditActor, userId: number, certNo: string, roomId: number | null, reason: HouseVerifyReason): Promise<never> {
  await deps.db.tx(async (t) => {
    const v = await HouseVerification.create({ user_id: userId, cert_no: certNo, room_id: roomId, ok: false, reason, message: HOUSE_VERIFY_MESSAGES[reason] }, { transaction: t });
    await appendAudit(t, actor, { action: 'house.verify', objectType: 'house_verification', objectId: v.id, result: 'failure', detail: { reason, roomId } });
  });
  throw refusal(reason);
}

/**
 * Verifies the certificate with the registry and binds the person as the house's owner. A
 * refusal records the attempt and its reason and binds nothing; the registry being down binds
 * nothing either. The registry is asked before any transaction opens.
 */
export async function verifyHouse(deps: Deps, actor: AuditActor, user: AuthUser, input: HouseVerifyRequest): Promise<HouseView> {
  const certNo = normaliseCertNo(input.certNo);
  const picked = input.roomId ?? null;
  const me = await User.findByPk(user.id, { attributes: ['id', 'display_name', 'real_name_verified_at', 'id_type', 'id_no_enc'] });
  if (!me?.real_name_verified_at || !me.id_no_enc) return recordFailure(deps, actor, user.id, certNo, picked, 'no_real_name');

  // Verifying the same house again answers the house, even while the registry is away.
  const done = await HouseOwner.findOne({ where: { user_id: me.id, cert_no: certNo, relation: 'owner', verified_at: { [Op.ne]: null } } });
  if (done && (picked == null || picked === done.room_id)) return (await presentHouses([done]))[0];

  const failures = await HouseVerification.count({
    where: { user_id: me.id, ok: false, reason: [...COUNTED], created_at: { [Op.gte]: startOfShanghaiDay(shanghaiDate()) } },
  });
  if (failures >= MAX_FAILED_VERIFICATIONS_PER_DAY) return recordFailure(deps, actor, me.id, certNo, picked, 'too_many_attempts');

  let check: TitleCheck;
  try {
    check = await deps.registry.verifyTitle({ certNo, name: me.display_name, idType: me.id_type ?? 'resident_id', idNumber: decrypt(deps.config.dataKey, me.id_no_enc) });
  } catch (e) {
    if (e instanceof AppError && REGISTRY_DOWN_CODES.includes(e.code)) {
      deps.logger.warn({ code: e.code }, 'registry unavailable for house verification');
      return recordFailure(deps, actor, me.id, certNo, picked, 'registry_unavailable');
    }
    throw e;
  }
  if (!check.found) return recordFailure(deps, actor, me.id, certNo, picked, 'cert_not_found');
  if (!check.holderMatches) return recordFailure(deps, actor, me.id, certNo, picked, 'owner_mismatch');
  const room = check.room ? await Room.findByPk(check.room.roomId, { attributes: ['id', 'unit_number'] }) : null;
  // The registry and the building table must name the same unit (不动产单元号).
  if (!check.registered || !check.room || !room || room.unit_number !== check.room.unitNumber) {
    return recordFailure(deps, actor, me.id, certNo, picked ?? check.room?.roomId ?? null, 'not_registered');
  }
  if (picked != null && picked !== room.id) return recordFailure(deps, actor, me.id, certNo, picked, 'room_mismatch');

  const bind = () => deps.db.tx(async (t) => {
    const now = new Date();
    let h = await HouseOwner.findOne({ where: { room_id: room.id, user_id: me.id }, transaction: t, lock: t.LOCK.UPDATE });
    const before = h ? { relation: h.relation, verified: !!h.verified_at } : null;
    if (h) {
      // An owner added earlier as someone's family member or tenant becomes the owner.
      await h.update({ relation: 'owner', verified_at: h.verified_at ?? now, cert_no: certNo, added_by: null, valid_until: null }, { transaction: t });
    } else {
      h = await HouseOwner.create({ room_id: room.id, user_id: me.id, relation: 'owner', verified_at: now, cert_no: certNo, added_by: null, valid_until: null }, { transaction: t });
    }
    const v = await HouseVerification.create({ user_id: me.id, cert_no: certNo, room_id: room.id, ok: true, reason: null, message: '认证成功' }, { transaction: t });
    await appendAudit(t, actor, { action: 'house.verify', objectType: 'house_verification', objectId: v.id, detail: { roomId: room.id, before } });
    return h;
  });
  let bound: HouseOwner;
  try {
    bound = await bind();
  } catch (e) {
    // The same person verifying twice at once: the other request bound the house first.
    if (!(e instanceof UniqueConstraintError)) throw e;
    bound = await bind();
  }
  return (await presentHouses([bound]))[0];
}

export async function myVerifications(userId: number, q: { page: number; pageSize: number }): Promise<{ items: z.infer<typeof houseVerification>[]; total: number; page: number; pageSize: number }> {
  const { rows, count } = await HouseVerification.findAndCountAll({
    where: { user_id: userId }, order: [['created_at', 'DESC'], ['id', 'DESC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map((v) => ({
      id: v.id, certNo: v.cert_no, ok: v.ok, message: v.message, roomId: v.room_id, createdAt: iso(v.created_at)!,
      reason: v.reason && (HOUSE_VERIFY_REASONS as readonly string[]).includes(v.reason) ? v.reason as HouseVerifyReason : null,
    })),
    total: count, page: q.page, pageSize: q.pageSize,
  };
}
