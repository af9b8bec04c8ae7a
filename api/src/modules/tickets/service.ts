// Repairs (报修), complaints (投诉) and patrol issues (巡查/随手拍): reporting, registration of
// phone and counter complaints, and every step of the lifecycle. Every change runs in one
// transaction with the ticket row locked, the page's version checked, the step looked up in the
// shared table (@hq/common tickets.ts), recorded as a ticket event with its photos, audited, and
// announced to the people concerned through their inbox and the outbox.
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import {
  REGULATOR_ROLES, TICKET_ACTION_LABELS, TICKET_CHANNEL_LABELS, TICKET_DONE_STATUSES, TICKET_KIND_LABELS, TICKET_PREFIX, TICKET_STATUSES,
  TICKET_STATUS_LABELS, findTicketTransition, isTicketOpen, reopenUntil, shanghaiDate, ticketCategory, ticketDeadline,
  type PhotoStage, type Role, type TicketAction, type TicketActionInput, type TicketActor, type TicketCreateInput, type TicketKind,
  type TicketQuery, type TicketRegisterInput, type TicketStatus, type z, type assignee,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import type { AuthUser } from '../../platform/http/types';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { encrypt, keyedHash } from '../../platform/crypto';
import { Org, User, UserRole } from '../../platform/models';
import { loadCalendar } from '../calendar/routes';
import { Room } from '../realestate/models';
import { Community, HouseOwner } from '../property/models';
import { PatrolTask, Ticket, TicketEvent } from './models';
import { PROPERTY_ROLES, isPropertyStaff, isRegulator, supervisorOf, ticketViewFor, viewOf, sidesOf, visibleTickets, type TicketView } from './policy';
import { attachPhotos, checkPhotos, type CheckedPhoto } from './photos';
import { noticeData, tell, usersWithRoles } from './notices';

export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter(isTicketOpen);
/** Mini-program pages a WeChat card opens (with ?id=). */
const OWNER_TICKET_PAGE = 'subpackages/owner/pages/ticket/index';
const STAFF_TICKET_PAGE = 'subpackages/staff/pages/ticket/index';

const notFound = () => errors.notFound('TICKET_NOT_FOUND', '工单不存在或您无权查看');

export function ticketNo(kind: TicketKind, reportDate: string, id: number): string {
  return `${TICKET_PREFIX[kind]}${reportDate.slice(0, 4)}${String(id).padStart(6, '0')}`;
}

// ---------- reading ----------

export interface VisibleTicket {
  ticket: Ticket;
  community: Community | null;
  view: TicketView;
}

/** The ticket if this person may see it (404 otherwise, so its existence does not leak); `lock` for changes. */
export async function findVisible(t: Transaction | undefined, user: AuthUser, id: number, lock = false): Promise<VisibleTicket> {
  const ticket = await Ticket.findByPk(id, { transaction: t, ...(lock && t ? { lock: t.LOCK.UPDATE } : {}) });
  if (!ticket) throw notFound();
  const community = ticket.community_id != null
    ? await Community.findByPk(ticket.community_id, { attributes: ['id', 'name', 'property_org_id', 'committee_org_id', 'street_org_id'], transaction: t })
    : null;
  const view = ticketViewFor(user, ticket, community);
  if (!view) throw notFound();
  return { ticket, community, view };
}

const likeText = (q: string) => `%${q.replace(/[%_\\]/g, '')}%`;

/** The list, filtered, of what this person may see. */
export async function listTickets(user: AuthUser, q: Omit<TicketQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number }): Promise<{ rows: Ticket[]; total: number }> {
  const and: WhereOptions<Ticket>[] = [];
  const scope = await visibleTickets(user);
  if (scope) and.push(scope);
  const today = shanghaiDate();
  if (q.kind) and.push({ kind: q.kind });
  if (q.status) and.push({ status: Array.isArray(q.status) ? q.status : [q.status] });
  if (q.state === 'open') and.push({ status: [...OPEN_STATUSES] });
  if (q.state === 'done') and.push({ status: [...TICKET_DONE_STATUSES] });
  if (q.state === 'overdue') and.push({ status: [...OPEN_STATUSES], due_date: { [Op.lt]: today } });
  if (q.state === 'due_soon') and.push({ status: [...OPEN_STATUSES], warn_date: { [Op.lte]: today }, due_date: { [Op.gte]: today } });
  if (q.patrolTaskId) and.push({ patrol_task_id: q.patrolTaskId });
  if (q.communityId) and.push({ community_id: q.communityId });
  if (q.orgId) and.push({ [Op.or]: [{ org_id: q.orgId }, { assignee_org_id: q.orgId }] });
  if (q.mine === 'reported') and.push({ reporter_user_id: user.id });
  if (q.mine === 'assigned') and.push({ assignee_user_id: user.id });
  if (q.escalationLevel !== undefined) and.push({ escalation_level: q.escalationLevel });
  if (q.from) and.push({ report_date: { [Op.gte]: q.from } });
  if (q.to) and.push({ report_date: { [Op.lte]: q.to } });
  if (q.q) and.push({ [Op.or]: [{ ticket_no: { [Op.like]: likeText(q.q) } }, { description: { [Op.like]: likeText(q.q) } }, { place_text: { [Op.like]: likeText(q.q) } }] });
  const pageSize = q.pageSize ?? 20;
  const { rows, count } = await Ticket.findAndCountAll({
    where: { [Op.and]: and }, order: q.state === 'due_soon' ? [['due_date', 'ASC'], ['id', 'ASC']] : [['created_at', 'DESC'], ['id', 'DESC']], limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize,
  });
  return { rows, total: count };
}

// ---------- who handles, who reports ----------

async function regulatorOrgId(t: Transaction): Promise<number | null> {
  const org = await Org.findOne({ where: { kind: 'regulator' }, attributes: ['id'], order: [['id', 'ASC']], transaction: t });
  return org?.id ?? null;
}

/** Repairs and patrol issues go to the community's property company; complaints there or to the regulator. */
async function handlerFor(t: Transaction, kind: TicketKind, target: 'property' | 'regulator' | null, community: Community | null): Promise<{ handler_kind: 'property' | 'regulator'; org_id: number | null }> {
  if (kind === 'complaint' && (target === 'regulator' || !community?.property_org_id)) return { handler_kind: 'regulator', org_id: await regulatorOrgId(t) };
  if (!community?.property_org_id) {
    throw errors.conflict('COMMUNITY_NO_PROPERTY_COMPANY', '该小区尚未登记物业服务企业，暂不能受理报修，如有需要请向物业主管部门投诉');
  }
  return { handler_kind: 'property', org_id: community.property_org_id };
}

/**
 * The houses a person may act for today, room → project: a verified owner's, and a tenant's or
 * family member's while their term runs.
 */
async function housesOf(t: Transaction, userId: number, today: string): Promise<Map<number, number>> {
  const rows = await HouseOwner.findAll({ where: { user_id: userId }, attributes: ['room_id', 'relation', 'verified_at', 'valid_until'], transaction: t });
  const valid = rows.filter((h) => (h.relation === 'owner' ? h.verified_at != null : h.valid_until == null || h.valid_until >= today));
  if (!valid.length) return new Map();
  const rooms = await Room.findAll({ where: { id: valid.map((h) => h.room_id) }, attributes: ['id', 'project_id'], transaction: t });
  return new Map(rooms.map((r) => [r.id, r.project_id]));
}

/** Staff of the handling side to tell about a ticket: whoever it is dispatched to, else the handling unit. */
export async function handlingPeople(t: Transaction, x: Ticket): Promise<number[]> {
  if (x.assignee_user_id != null) return [x.assignee_user_id];
  if (x.assignee_org_id != null) return usersWithRoles(t, PROPERTY_ROLES, x.assignee_org_id);
  return usersWithRoles(t, x.handler_kind === 'property' ? PROPERTY_ROLES : REGULATOR_ROLES, x.org_id);
}

/**
 * A person who complained by phone or at the counter is reached by SMS through the outbox, which
 * sends to people it knows: a contact record (no login, no roles) holds the encrypted number. It
 * is never an existing account: a number typed at the counter must not open anyone's account to
 * the complaint.
 */
async function complainantContact(t: Transaction, key: Buffer, name: string, phone: string): Promise<number> {
  const hash = keyedHash(key, `phone:${phone}`);
  const same = await User.findAll({
    where: { phone_hash: hash, display_name: name, username: null, password_hash: null, wechat_openid: null, gdid_sub: null, status: 'active' },
    attributes: ['id'], transaction: t,
  });
  if (same.length) {
    const withRoles = new Set((await UserRole.findAll({ where: { user_id: same.map((u) => u.id) }, attributes: ['user_id'], transaction: t })).map((r) => r.user_id));
    const contact = same.find((u) => !withRoles.has(u.id));
    if (contact) return contact.id;
  }
  const u = await User.create({ display_name: name, phone_enc: encrypt(key, phone), phone_hash: hash, status: 'active' }, { transaction: t });
  return u.id;
}

// ---------- reporting ----------

async function firstEvent(t: Transaction, ticket: Ticket, user: AuthUser, role: string | null, note: string | null, photos: CheckedPhoto[], now: Date): Promise<void> {
  await TicketEvent.create({
    ticket_id: ticket.id, seq: 1, action: 'create', from_status: null, to_status: 'submitted', actor_user_id: user.id, actor_name: user.displayName,
    actor_role: role, note, detail: null, created_at: now,
  }, { transaction: t });
  await attachPhotos(t, ticket.id, 1, 'report', photos, now);
}

async function announceNew(t: Transaction, ticket: Ticket): Promise<void> {
  const kind = TICKET_KIND_LABELS[ticket.kind];
  const category = ticketCategory(ticket.kind, ticket.category)?.label ?? ticket.category;
  await tell(t, await handlingPeople(t, ticket), ticket, { kind: 'ticket.new', title: `新${kind}：${category}（${ticket.ticket_no}）`, body: `办理期限 ${ticket.due_date}` });
}

/**
 * Report a repair, complaint or patrol issue. The same client request id twice returns the
 * ticket of the first (`created: false`).
 */
export async function createTicket(
  t: Transaction, deps: Deps, user: AuthUser, actor: AuditActor, input: TicketCreateInput, now = new Date(),
): Promise<{ ticket: Ticket; created: boolean }> {
  const clientKey = `${user.id}:${input.clientRequestId}`;
  const existing = await Ticket.findOne({ where: { client_key: clientKey }, transaction: t });
  if (existing) return { ticket: existing, created: false };
  const kindLabel = TICKET_KIND_LABELS[input.kind];
  const community = await Community.findByPk(input.communityId, { transaction: t });
  if (!community) throw errors.notFound('COMMUNITY_NOT_FOUND', '小区不存在');
  const category = ticketCategory(input.kind, input.category);
  if (!category) throw errors.validation([{ field: 'category', message: `${kindLabel}类别「${input.category}」不存在，请重新选择` }]);
  const today = shanghaiDate(now);

  let roomId: number | null = null;
  let place = input.place;
  let patrolTaskId: number | null = null;
  if (input.kind === 'patrol') {
    // 随手拍: the community's property company on its rounds, or an inspector.
    const ownCompany = isPropertyStaff(user) && user.orgId === community.property_org_id;
    if (!ownCompany && !user.roles.includes('inspector')) {
      throw errors.forbidden('TICKET_PATROL_DENIED', '只有本小区物业服务企业的工作人员或巡查人员可以上报巡查问题');
    }
    if (!input.photos.length) throw errors.validation([{ field: 'photos', message: '请上传现场照片（至少1张）' }]);
    place = 'common';
    if (input.patrolTaskId) {
      const task = await PatrolTask.findByPk(input.patrolTaskId, { attributes: ['id', 'community_id'], transaction: t });
      if (!task || task.community_id !== community.id) throw errors.validation([{ field: 'patrolTaskId', message: '巡查任务不存在或不属于该小区' }]);
      patrolTaskId = task.id;
    }
  } else {
    const houses = await housesOf(t, user.id, today);
    if (input.kind === 'repair' && place === 'home' && input.roomId == null) throw errors.validation([{ field: 'roomId', message: '请选择报修的房屋' }]);
    if (input.kind === 'complaint') place = input.roomId != null ? 'home' : 'common';
    if (input.roomId != null && (input.kind === 'complaint' || place === 'home')) {
      const project = houses.get(input.roomId);
      if (project === undefined) {
        throw errors.forbidden('TICKET_HOUSE_NOT_YOURS', `该房屋不在您名下（或您的居住期限已过），不能为其${input.kind === 'repair' ? '报修' : '投诉'}`);
      }
      if (project !== community.project_id) throw errors.validation([{ field: 'roomId', message: '所选房屋不属于该小区' }]);
      roomId = input.roomId;
    } else {
      const resident = community.project_id != null && [...houses.values()].includes(community.project_id);
      if (!resident && supervisorOf(user, community) !== 'committee') {
        throw errors.forbidden('TICKET_NOT_RESIDENT', `您尚未绑定该小区的房屋，不能提交${kindLabel}，请先完成房屋认证`);
      }
    }
  }

  const target = input.kind === 'complaint' ? input.target ?? 'property' : null;
  const handler = await handlerFor(t, input.kind, target, community);
  const photos = await checkPhotos(t, user, input.photos, { cameraOnly: input.kind === 'patrol' });
  const deadline = ticketDeadline(await loadCalendar(t), today, category.days);
  const me = await User.findByPk(user.id, { attributes: ['id', 'phone_enc'], transaction: t });
  const ticket = await Ticket.create({
    kind: input.kind, status: 'submitted', category: category.key, channel: input.kind === 'patrol' ? 'patrol' : 'miniapp', target,
    community_id: community.id, room_id: roomId, place, place_text: input.placeText || null, description: input.description,
    preferred_time: input.kind === 'repair' ? input.preferredTime || null : null, patrol_task_id: patrolTaskId,
    reporter_user_id: user.id, reporter_name: user.displayName, reporter_phone_enc: me?.phone_enc ?? null, registered_by: null, client_key: clientKey,
    ...handler, report_date: today, due_date: deadline.dueDate, warn_date: deadline.warnDate,
    lng: input.lng ?? null, lat: input.lat ?? null, created_at: now, updated_at: now,
  }, { transaction: t });
  await ticket.update({ ticket_no: ticketNo(ticket.kind, today, ticket.id) }, { transaction: t });
  const role = input.kind === 'patrol' ? user.roles.find((r) => r === 'inspector' || PROPERTY_ROLES.includes(r)) ?? null : user.roles[0] ?? null;
  await firstEvent(t, ticket, user, role, null, photos, now);
  await appendAudit(t, actor, {
    action: 'ticket.create', objectType: 'ticket', objectId: ticket.id,
    detail: { ticketNo: ticket.ticket_no, kind: ticket.kind, category: ticket.category, communityId: community.id, roomId, dueDate: ticket.due_date, photos: photos.map((p) => p.sha256) },
  });
  await announceNew(t, ticket);
  return { ticket, created: true };
}

/** A complaint taken by phone or at the counter (PM-022), registered by a regulator. */
export async function registerComplaint(
  t: Transaction, deps: Deps, user: AuthUser, actor: AuditActor, input: TicketRegisterInput, now = new Date(),
): Promise<{ ticket: Ticket; created: boolean }> {
  const clientKey = `${user.id}:${input.clientRequestId}`;
  const existing = await Ticket.findOne({ where: { client_key: clientKey }, transaction: t });
  if (existing) return { ticket: existing, created: false };
  const community = input.communityId != null ? await Community.findByPk(input.communityId, { transaction: t }) : null;
  if (input.communityId != null && !community) throw errors.notFound('COMMUNITY_NOT_FOUND', '小区不存在');
  const category = ticketCategory('complaint', input.category);
  if (!category) throw errors.validation([{ field: 'category', message: `投诉类别「${input.category}」不存在，请重新选择` }]);
  if (input.target === 'property' && !community) throw errors.validation([{ field: 'communityId', message: '投诉物业服务企业的，请选择所在小区' }]);
  const today = shanghaiDate(now);
  const handler = await handlerFor(t, 'complaint', input.target, community);
  const files = await checkPhotos(t, user, input.attachments.map((fileId) => ({ fileId })), { cameraOnly: false, anyKind: true, field: 'attachments' });
  const key = deps.config.dataKey;
  const contactId = await complainantContact(t, key, input.complainantName, input.complainantPhone);
  const deadline = ticketDeadline(await loadCalendar(t), today, category.days);
  const ticket = await Ticket.create({
    kind: 'complaint', status: 'submitted', category: category.key, channel: input.channel, target: input.target,
    community_id: community?.id ?? null, room_id: null, place: 'common', place_text: null, description: input.description, preferred_time: null,
    patrol_task_id: null, reporter_user_id: contactId, reporter_name: input.complainantName, reporter_phone_enc: encrypt(key, input.complainantPhone),
    registered_by: user.id, client_key: clientKey, ...handler, report_date: today, due_date: deadline.dueDate, warn_date: deadline.warnDate,
    lng: null, lat: null, created_at: now, updated_at: now,
  }, { transaction: t });
  await ticket.update({ ticket_no: ticketNo('complaint', today, ticket.id) }, { transaction: t });
  const role = user.roles.find((r) => REGULATOR_ROLES.includes(r)) ?? null;
  await firstEvent(t, ticket, user, role, `${TICKET_CHANNEL_LABELS[input.channel]}登记`, files, now);
  await appendAudit(t, actor, {
    action: 'ticket.register', objectType: 'ticket', objectId: ticket.id,
    detail: { ticketNo: ticket.ticket_no, channel: input.channel, category: ticket.category, target: input.target, communityId: community?.id ?? null, dueDate: ticket.due_date },
  });
  await announceNew(t, ticket);
  return { ticket, created: true };
}

// ---------- the lifecycle ----------

const NOTE_REQUIRED: Partial<Record<TicketAction, string>> = {
  resolve: '请填写处理结果',
  not_responsible: '请填写不属于本单位职责的理由及建议的处理途径',
  duplicate: '请填写说明（与哪件工单重复）',
  reopen: '请填写重新打开的原因',
  note: '请填写补充说明',
};
/** How the result notice words each outcome. */
const OUTCOME: Partial<Record<TicketAction, { sms: string; title: string }>> = {
  resolve: { sms: '已办结', title: '已办结' },
  not_responsible: { sms: '经核实不属于本单位职责', title: '经核实非本单位职责' },
  duplicate: { sms: '已按重复件合并处理', title: '已按重复件处理' },
};

function roleFor(user: AuthUser, side: TicketActor): Role | null {
  const pick = (roles: readonly Role[]) => user.roles.find((r) => roles.includes(r)) ?? null;
  if (side === 'regulator') return pick(REGULATOR_ROLES);
  if (side === 'handler' || side === 'assignee') return pick([...PROPERTY_ROLES, ...REGULATOR_ROLES]) ?? user.roles[0] ?? null;
  return user.roles[0] ?? null;
}

/** Whom a dispatch names: a person of the handling unit, or (complaints the regulator handles) a property company. */
async function checkAssignee(t: Transaction, x: Ticket, input: TicketActionInput): Promise<{ userId: number | null; orgId: number | null; name: string }> {
  let org: Org | null = null;
  if (input.assigneeOrgId != null) {
    if (x.handler_kind !== 'regulator') throw errors.validation([{ field: 'assigneeOrgId', message: '只有主管部门受理的投诉可以派给物业服务企业办理' }]);
    org = await Org.findByPk(input.assigneeOrgId, { attributes: ['id', 'kind', 'name', 'status'], transaction: t });
    if (!org || org.kind !== 'property_company') throw errors.validation([{ field: 'assigneeOrgId', message: '处理单位须为物业服务企业' }]);
  }
  if (input.assigneeUserId == null) return { userId: null, orgId: org!.id, name: org!.name };
  const u = await User.findByPk(input.assigneeUserId, { attributes: ['id', 'display_name', 'org_id', 'status'], transaction: t });
  const roles = u ? (await UserRole.findAll({ where: { user_id: u.id }, attributes: ['role'], transaction: t })).map((r) => r.role) : [];
  const property = roles.some((r) => PROPERTY_ROLES.includes(r));
  const ok = !!u && u.status === 'active' && (org
    ? property && u.org_id === org.id
    : x.handler_kind === 'property' ? property && u.org_id === x.org_id : roles.some((r) => REGULATOR_ROLES.includes(r)));
  if (!ok) throw errors.validation([{ field: 'assigneeUserId', message: org ? '处理人须为所选物业服务企业的工作人员' : '处理人须为本单位的工作人员' }]);
  return { userId: u!.id, orgId: org?.id ?? null, name: u!.display_name };
}

/** Take one step on a ticket (the shared table decides what is allowed and who may). */
export async function actOnTicket(
  t: Transaction, deps: Deps, user: AuthUser, actor: AuditActor, id: number, input: TicketActionInput, now = new Date(),
): Promise<VisibleTicket> {
  const found = await findVisible(t, user, id, true);
  const { ticket: x, view } = found;
  if (x.version !== input.version) throw errors.conflict('STALE_TICKET', '该工单已被他人处理或更新，请刷新后查看最新状态');
  const kindLabel = TICKET_KIND_LABELS[x.kind];
  const actionLabel = TICKET_ACTION_LABELS[input.action];
  const tr = findTicketTransition(x.kind, x.status, input.action);
  if (!tr) throw errors.conflict('TICKET_TRANSITION', `「${TICKET_STATUS_LABELS[x.status]}」状态的${kindLabel}不能「${actionLabel}」`);
  const side = tr.by.find((b) => view.sides.includes(b));
  if (!side) throw errors.forbidden('TICKET_ACTION_DENIED', `您不能对该${kindLabel}进行「${actionLabel}」`);

  const note = input.note?.trim() || null;
  const missing: { field: string; message: string }[] = [];
  for (const need of tr.needs ?? []) {
    if (need === 'note' && !note) {
      missing.push({ field: 'note', message: x.kind === 'complaint' && input.action === 'resolve' ? '请填写处理结果（投诉办结须登记处理结果）' : NOTE_REQUIRED[input.action] ?? '请填写说明' });
    }
    if (need === 'afterPhoto' && !input.photos?.length) missing.push({ field: 'photos', message: '请上传处理后的照片（至少1张）' });
    if (need === 'rating' && input.rating == null) missing.push({ field: 'rating', message: '请选择评分（1-5星）' });
    if (need === 'assignee' && input.assigneeUserId == null && input.assigneeOrgId == null) missing.push({ field: 'assigneeUserId', message: '请选择处理人或处理单位' });
    if (need === 'duplicateOf' && !input.duplicateOf) missing.push({ field: 'duplicateOf', message: '请填写与之重复的工单编号' });
  }
  if (input.action === 'rate' && note && [...note].length > 500) missing.push({ field: 'note', message: '评价内容不超过500个字' });
  if (missing.length) throw errors.validation(missing);

  const today = shanghaiDate(now);
  const to: TicketStatus = tr.to === 'same' ? x.status : tr.to;
  const updates: Partial<Ticket> = { status: to, version: x.version + 1, updated_at: now };
  const detail: Record<string, unknown> = {};
  switch (input.action) {
    case 'dispatch': {
      const a = await checkAssignee(t, x, input);
      Object.assign(updates, { assignee_user_id: a.userId, assignee_org_id: a.orgId });
      detail.assignee = a.name;
      break;
    }
    case 'duplicate':
    case 'resolve':
    case 'not_responsible': {
      if (input.action === 'duplicate') {
        const original = await Ticket.findOne({ where: { ticket_no: input.duplicateOf!.trim().toUpperCase() }, attributes: ['id', 'ticket_no'], transaction: t });
        if (!original || original.id === x.id) throw errors.validation([{ field: 'duplicateOf', message: `工单编号「${input.duplicateOf}」不存在，请核对` }]);
        updates.duplicate_of = original.ticket_no;
        detail.duplicateOf = original.ticket_no;
      }
      updates.result = note;
      if (!x.done_at) Object.assign(updates, { done_at: now, done_date: today, on_time: today <= x.due_date });
      updates.reopen_until = reopenUntil(await loadCalendar(t), today);
      break;
    }
    case 'rate':
      Object.assign(updates, { rating: input.rating, rating_comment: note, closed_at: now });
      detail.rating = input.rating;
      break;
    case 'reopen': {
      if (!x.reopen_until || today > x.reopen_until) {
        throw errors.conflict('TICKET_REOPEN_EXPIRED', `已超过可重新打开的期限（${x.reopen_until ?? '—'}），如问题仍未解决请重新提交${kindLabel}`);
      }
      // The work starts over with a fresh deadline (the first outcome keeps its on-time measure).
      const days = ticketCategory(x.kind, x.category)?.days ?? 5;
      const deadline = ticketDeadline(await loadCalendar(t), today, days);
      Object.assign(updates, {
        reopen_count: x.reopen_count + 1, reopen_until: null, result: null, due_date: deadline.dueDate, warn_date: deadline.warnDate,
        warned_at: null, escalation_level: 0, escalated_at: null,
      });
      detail.dueDate = deadline.dueDate;
      break;
    }
    case 'close':
    case 'withdraw':
      updates.closed_at = now;
      break;
    default:
      break;
  }

  // Photos: the reporter's own; before/after from the working side (after: with the resolution).
  let stage: PhotoStage = input.action === 'resolve' ? 'after' : input.photoStage ?? 'before';
  if (side === 'reporter') stage = 'report';
  const photos = input.photos?.length ? await checkPhotos(t, user, input.photos, { cameraOnly: x.kind === 'patrol' && side !== 'reporter' }) : [];
  const seq = ((await TicketEvent.max<number, TicketEvent>('seq', { where: { ticket_id: x.id }, transaction: t })) ?? 0) + 1;
  await TicketEvent.create({
    ticket_id: x.id, seq, action: input.action, from_status: x.status, to_status: to, actor_user_id: user.id, actor_name: user.displayName,
    actor_role: roleFor(user, side), note, detail: Object.keys(detail).length ? JSON.stringify(detail) : null, created_at: now,
  }, { transaction: t });
  await attachPhotos(t, x.id, seq, stage, photos, now);
  const from = x.status;
  await x.update(updates, { transaction: t });
  await appendAudit(t, actor, {
    action: `ticket.${input.action}`, objectType: 'ticket', objectId: x.id,
    detail: { ticketNo: x.ticket_no, kind: x.kind, from, to, side, seq, ...detail, photos: photos.map((p) => p.sha256) },
  });
  await announceStep(t, x, user, input.action, seq, note);
  // The person's side may have changed (a dispatch makes an assignee); present from the new state.
  return { ...found, view: viewOf(sidesOf(user, x)) };
}

async function announceStep(t: Transaction, x: Ticket, user: AuthUser, action: TicketAction, seq: number, note: string | null): Promise<void> {
  const kind = TICKET_KIND_LABELS[x.kind];
  const label = `${kind}（${x.ticket_no}）`;
  const outcome = OUTCOME[action];
  if (outcome && x.reporter_user_id != null && x.reporter_user_id !== user.id) {
    // PM-025 / PM-158: the result goes back to the reporter, by SMS (phone complainants too) and WeChat.
    await tell(t, [x.reporter_user_id], x, { kind: 'ticket.result', title: `您的${label}${outcome.title}`, body: note }, {
      template: 'ticket.result', data: noticeData(x, { outcome: outcome.sms, result: note }), dedupeKey: `ticket:${x.id}:result:${seq}`,
      page: `${OWNER_TICKET_PAGE}?id=${x.id}`,
    });
  }
  if (action === 'accept' && x.reporter_user_id != null && x.reporter_user_id !== user.id) {
    await tell(t, [x.reporter_user_id], x, { kind: 'ticket.accepted', title: `您的${label}已受理`, body: `办理期限 ${x.due_date}` });
  }
  if (action === 'dispatch') {
    const people = x.assignee_user_id != null ? [x.assignee_user_id] : await managersOrStaff(t, x.assignee_org_id);
    await tell(t, people, x, { kind: 'ticket.assigned', title: `待处理${label}`, body: `请于 ${x.due_date} 前办结` }, {
      template: 'ticket.assigned', data: noticeData(x), dedupeKey: `ticket:${x.id}:assigned:${seq}`, page: `${STAFF_TICKET_PAGE}?id=${x.id}`,
    });
  }
  if (action === 'reopen') {
    await tell(t, await handlingPeople(t, x), x, { kind: 'ticket.reopened', title: `${label}被重新打开`, body: note });
  }
}

/** A company's project managers, or its staff when it has none. */
async function managersOrStaff(t: Transaction, orgId: number | null): Promise<number[]> {
  if (orgId == null) return [];
  const managers = await usersWithRoles(t, ['property_manager'], orgId);
  return managers.length ? managers : usersWithRoles(t, ['property_staff'], orgId);
}

// ---------- whom to dispatch to ----------

type Assignee = z.infer<typeof assignee>;

async function openCounts(column: 'assignee_user_id' | 'assignee_org_id', ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await Ticket.findAll({
    where: { [column]: ids, status: [...OPEN_STATUSES] } as WhereOptions<Ticket>, attributes: [column, [Ticket.sequelize!.fn('COUNT', Ticket.sequelize!.col('id')), 'n']],
    group: [column], raw: true,
  }) as unknown as Record<string, number | string>[];
  return new Map(rows.map((r) => [Number(r[column]), Number(r.n)]));
}

async function peopleOf(roles: readonly Role[], orgId?: number): Promise<Assignee[]> {
  const links = await UserRole.findAll({ where: { role: [...roles] }, attributes: ['user_id'] });
  const users = await User.findAll({
    where: { id: [...new Set(links.map((l) => l.user_id))], status: 'active', ...(orgId !== undefined ? { org_id: orgId } : {}) },
    attributes: ['id', 'display_name'], order: [['id', 'ASC']],
  });
  const open = await openCounts('assignee_user_id', users.map((u) => u.id));
  // A person is dispatched by user id alone (orgId stays for units).
  return users.map((u) => ({ userId: u.id, orgId: null, name: u.display_name, openTickets: open.get(u.id) ?? 0 }));
}

/**
 * Whom this person may dispatch to: the people of the handling unit; for complaints the regulator
 * handles, also the property companies (the ticket's community's first).
 */
export async function assigneesFor(user: AuthUser, ticketId?: number): Promise<Assignee[]> {
  const found = ticketId ? await findVisible(undefined, user, ticketId) : null;
  const x = found?.ticket;
  const out: Assignee[] = [];
  const staffOrg = x ? (x.handler_kind === 'property' ? x.org_id : null) : isPropertyStaff(user) ? user.orgId : null;
  if (staffOrg != null && (isRegulator(user) || user.orgId === staffOrg)) out.push(...(await peopleOf(PROPERTY_ROLES, staffOrg)));
  if (isRegulator(user) && (!x || x.handler_kind === 'regulator')) {
    out.push(...(await peopleOf(REGULATOR_ROLES)));
    const companies = await Org.findAll({ where: { kind: 'property_company', status: 'active' }, attributes: ['id', 'name'], order: [['id', 'ASC']] });
    const open = await openCounts('assignee_org_id', companies.map((c) => c.id));
    const first = found?.community?.property_org_id ?? null;
    const rows = companies.map((c) => ({ userId: null, orgId: c.id, name: c.name, openTickets: open.get(c.id) ?? 0 }));
    out.push(...rows.filter((r) => r.orgId === first), ...rows.filter((r) => r.orgId !== first));
  }
  return out;
}
