// 楼盘表总线 (building-table bus, RE-009). Every change of a room's sale status or flags is an
// event; the room row is only ever written together with its event, in one transaction, under
// a row lock, and the state written is the one the shared derivation rule computes. A replay
// check re-derives every room from its events and reports any room whose row disagrees.
import { QueryTypes, type CreationAttributes, type Transaction } from 'sequelize';
import {
  applyRoomChange, isRefusal, parseFlags, formatFlags, SALE_STATUSES, SALE_STATUS_LABELS, ROOM_FLAG_LABELS, ROOM_EVENT_SOURCES,
  type RoomChange, type RoomState, type SaleStatus, type RoomFlag, type RoomEventSource, type RoomEventView,
} from '@hq/common';
import type { Db } from '../../platform/db';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { Building, Project, Room, RoomEvent } from './models';

export interface ChangeRequest {
  roomId: number;
  change: RoomChange;
  source: RoomEventSource;
  reference?: string | null;
  reason?: string | null;
  /** The seq the caller last saw; if the room has moved on since, the change is refused as stale. */
  expectedSeq?: number;
}

export function roomState(room: Pick<Room, 'sale_status' | 'flags'>): RoomState {
  return { status: room.sale_status as SaleStatus, flags: parseFlags(room.flags) };
}

/** Bump the versions public caches revalidate against. */
export async function touchVersions(t: Transaction, buildingIds: number[], projectIds: number[]): Promise<void> {
  if (buildingIds.length) await Building.increment('version', { by: 1, where: { id: [...new Set(buildingIds)] }, transaction: t });
  if (projectIds.length) await Project.increment('version', { by: 1, where: { id: [...new Set(projectIds)] }, transaction: t });
}

/**
 * Apply one change to one room inside the caller's transaction: lock the room, derive the new
 * state, write the event and the room, bump cache versions and write the audit record.
 */
export async function changeRoom(t: Transaction, actor: AuditActor, req: ChangeRequest): Promise<{ room: Room; event: RoomEvent }> {
  const room = await Room.findByPk(req.roomId, { transaction: t, lock: t.LOCK.UPDATE });
  if (!room) throw errors.notFound('ROOM_NOT_FOUND', '房屋不存在');
  if (req.expectedSeq != null && req.expectedSeq !== room.event_seq) {
    throw errors.conflict('ROOM_STALE', '该房屋状态已被他人更新，请刷新后重试');
  }
  const before = roomState(room);
  const after = applyRoomChange(before, req.change);
  if (isRefusal(after)) throw errors.conflict(after.code, after.message);
  const seq = room.event_seq + 1;
  const event = await RoomEvent.create(
    {
      room_id: room.id, building_id: room.building_id, project_id: room.project_id, seq, kind: req.change.kind, value: req.change.value,
      before_status: before.status, before_flags: formatFlags(before.flags), after_status: after.status, after_flags: formatFlags(after.flags),
      source: req.source, reference: req.reference ?? null, reason: req.reason ?? null, actor_user_id: actor.userId, actor_name: actor.name,
    },
    { transaction: t },
  );
  await room.update({ sale_status: after.status, flags: formatFlags(after.flags), event_seq: seq, updated_at: new Date() }, { transaction: t });
  await touchVersions(t, [room.building_id], [room.project_id]);
  await appendAudit(t, actor, {
    action: `room.${req.change.kind}`, objectType: 'room', objectId: room.id,
    detail: { unitNumber: room.unit_number, change: req.change, before, after, source: req.source, reference: req.reference ?? null, seq },
  });
  return { room, event };
}

/** Convenience for callers outside a transaction. */
export function changeRoomTx(db: Db, actor: AuditActor, req: ChangeRequest) {
  return db.tx((t) => changeRoom(t, actor, req));
}

/**
 * The first event of newly created rooms (seq 1, kind "created"), written in bulk. Rooms must
 * have event_seq 0; they get 1.
 */
export async function recordCreated(
  t: Transaction, rooms: Pick<Room, 'id' | 'building_id' | 'project_id' | 'sale_status' | 'flags'>[], source: RoomEventSource,
  actor: { userId: number | null; name: string | null }, reference: string | null = null,
): Promise<void> {
  const now = new Date();
  for (let i = 0; i < rooms.length; i += 2000) {
    const chunk = rooms.slice(i, i + 2000);
    await RoomEvent.bulkCreate(
      chunk.map((r) => {
        const flags = formatFlags(parseFlags(r.flags));
        return {
          room_id: r.id, building_id: r.building_id, project_id: r.project_id, seq: 1, kind: 'created' as const, value: `${r.sale_status}|${flags}`,
          before_status: null, before_flags: null, after_status: r.sale_status, after_flags: flags, source, reference, reason: null,
          actor_user_id: actor.userId, actor_name: actor.name, created_at: now,
        };
      }),
      { transaction: t },
    );
    await Room.update({ event_seq: 1 }, { where: { id: chunk.map((r) => r.id) }, transaction: t });
  }
}

/** A person-readable line for one event, e.g. "可售 → 已网签" or "设置「查封」". */
export function eventText(e: Pick<RoomEvent, 'kind' | 'value' | 'before_status' | 'after_status'>): string {
  const status = (s: string | null) => (s ? (SALE_STATUS_LABELS[s as SaleStatus] ?? s) : '—');
  switch (e.kind) {
    case 'created': return `建立房屋，状态「${status(e.after_status)}」`;
    case 'status': return `${status(e.before_status)} → ${status(e.after_status)}`;
    case 'flag_on': return `设置「${ROOM_FLAG_LABELS[e.value as RoomFlag] ?? e.value}」`;
    case 'flag_off': return `解除「${ROOM_FLAG_LABELS[e.value as RoomFlag] ?? e.value}」`;
  }
}

export function presentEvent(e: RoomEvent): RoomEventView {
  return {
    id: Number(e.id), seq: e.seq, kind: e.kind, value: e.value, text: eventText(e),
    beforeStatus: (e.before_status as SaleStatus | null) ?? null, beforeFlags: parseFlags(e.before_flags),
    afterStatus: e.after_status as SaleStatus, afterFlags: parseFlags(e.after_flags),
    source: e.source, sourceLabel: ROOM_EVENT_SOURCES[e.source as RoomEventSource] ?? e.source,
    reference: e.reference, reason: e.reason, actorName: e.actor_name, at: e.created_at.toISOString(),
  };
}

// ---------- replay check ----------

export type Mismatch =
  | { roomId: number; problem: 'no_events' }
  | { roomId: number; problem: 'seq_gap'; seq: number; expected: number }
  | { roomId: number; problem: 'first_not_created'; seq: number }
  | { roomId: number; problem: 'before_mismatch'; seq: number }
  | { roomId: number; problem: 'refused'; seq: number; code: string }
  | { roomId: number; problem: 'after_mismatch'; seq: number; derived: string; recorded: string }
  | { roomId: number; problem: 'state_mismatch'; derived: string; stored: string }
  | { roomId: number; problem: 'seq_mismatch'; derived: number; stored: number };

export interface ReplayReport {
  rooms: number;
  events: number;
  mismatches: Mismatch[];
  ms: number;
}

type EventRow = Pick<RoomEvent, 'room_id' | 'seq' | 'kind' | 'value' | 'before_status' | 'before_flags' | 'after_status' | 'after_flags'>;
type RoomRow = { id: number; sale_status: string; flags: string; event_seq: number };

const show = (s: RoomState) => `${s.status}|${formatFlags(s.flags)}`;

/** Derive one room's state from its events (in seq order), recording every inconsistency. */
export function replayRoom(roomId: number, events: EventRow[], out: Mismatch[]): { state: RoomState; seq: number } | null {
  let state: RoomState | null = null;
  let seq = 0;
  for (const e of events) {
    if (e.seq !== seq + 1) out.push({ roomId, problem: 'seq_gap', seq: e.seq, expected: seq + 1 });
    seq = e.seq;
    if (state === null) {
      if (e.kind !== 'created') {
        out.push({ roomId, problem: 'first_not_created', seq: e.seq });
        return null;
      }
      const [status, flags] = e.value.split('|');
      if (!(SALE_STATUSES as readonly string[]).includes(status)) {
        out.push({ roomId, problem: 'refused', seq: e.seq, code: 'UNKNOWN_STATUS' });
        return null;
      }
      state = { status: status as SaleStatus, flags: parseFlags(flags) };
    } else {
      if (e.kind === 'created') {
        out.push({ roomId, problem: 'refused', seq: e.seq, code: 'CREATED_TWICE' });
        return null;
      }
      if (`${e.before_status}|${e.before_flags ?? ''}` !== show(state)) out.push({ roomId, problem: 'before_mismatch', seq: e.seq });
      const next = applyRoomChange(state, { kind: e.kind, value: e.value } as RoomChange);
      if (isRefusal(next)) {
        out.push({ roomId, problem: 'refused', seq: e.seq, code: next.code });
        return null;
      }
      state = next;
    }
    const recorded = `${e.after_status}|${e.after_flags}`;
    if (recorded !== show(state)) out.push({ roomId, problem: 'after_mismatch', seq: e.seq, derived: show(state), recorded });
  }
  return state ? { state, seq } : null;
}

/** Replay every room's events and compare with the stored rows, in batches of rooms. */
export async function replayCheck(db: Db, opts: { batch?: number; projectId?: number } = {}): Promise<ReplayReport> {
  const started = Date.now();
  const batch = opts.batch ?? 2000;
  const mismatches: Mismatch[] = [];
  let rooms = 0;
  let events = 0;
  let lastId = 0;
  const q = db.sequelize;
  const projectFilter = opts.projectId ? ' AND project_id = :projectId' : '';
  for (;;) {
    const roomRows = await q.query<RoomRow>(
      `SELECT id, sale_status, flags, event_seq FROM rooms WHERE id > :lastId${projectFilter} ORDER BY id LIMIT :batch`,
      { replacements: { lastId, batch, projectId: opts.projectId ?? 0 }, type: QueryTypes.SELECT },
    );
    if (!roomRows.length) break;
    const first = roomRows[0].id;
    const last = roomRows[roomRows.length - 1].id;
    const eventRows = await q.query<EventRow>(
      `SELECT room_id, seq, kind, value, before_status, before_flags, after_status, after_flags FROM room_events
       WHERE room_id BETWEEN :first AND :last ORDER BY room_id, seq`,
      { replacements: { first, last }, type: QueryTypes.SELECT },
    );
    events += eventRows.length;
    const byRoom = new Map<number, EventRow[]>();
    for (const e of eventRows) {
      const list = byRoom.get(e.room_id);
      if (list) list.push(e);
      else byRoom.set(e.room_id, [e]);
    }
    for (const r of roomRows) {
      rooms++;
      const list = byRoom.get(r.id);
      if (!list?.length) {
        mismatches.push({ roomId: r.id, problem: 'no_events' });
        continue;
      }
      const derived = replayRoom(r.id, list, mismatches);
      if (!derived) continue;
      const stored = `${r.sale_status}|${formatFlags(parseFlags(r.flags))}`;
      if (stored !== show(derived.state) || r.flags !== formatFlags(parseFlags(r.flags))) {
        mismatches.push({ roomId: r.id, problem: 'state_mismatch', derived: show(derived.state), stored: `${r.sale_status}|${r.flags}` });
      }
      if (Number(r.event_seq) !== derived.seq) mismatches.push({ roomId: r.id, problem: 'seq_mismatch', derived: derived.seq, stored: Number(r.event_seq) });
    }
    lastId = last;
  }
  return { rooms, events, mismatches, ms: Date.now() - started };
}

/**
 * One change applied to many rooms at once (e.g. a presale permit making its rooms 可售): all
 * rooms locked, every change derived by the same rule, refused as a whole if any room refuses,
 * one event per room, one audit record for the batch.
 */
export async function changeRooms(
  t: Transaction, actor: AuditActor, roomIds: number[], change: RoomChange, source: RoomEventSource, reference: string | null, reason: string | null,
): Promise<number> {
  if (!roomIds.length) return 0;
  const rooms = await Room.findAll({ where: { id: roomIds }, order: [['id', 'ASC']], transaction: t, lock: t.LOCK.UPDATE });
  if (rooms.length !== new Set(roomIds).size) throw errors.notFound('ROOM_NOT_FOUND', '部分房屋不存在');
  const events: CreationAttributes<RoomEvent>[] = [];
  const refusals: string[] = [];
  const now = new Date();
  for (const room of rooms) {
    const before = roomState(room);
    const after = applyRoomChange(before, change);
    if (isRefusal(after)) {
      refusals.push(`${room.room_no}（${room.unit_number}）：${after.message}`);
      continue;
    }
    events.push({
      room_id: room.id, building_id: room.building_id, project_id: room.project_id, seq: room.event_seq + 1, kind: change.kind, value: change.value,
      before_status: before.status, before_flags: formatFlags(before.flags), after_status: after.status, after_flags: formatFlags(after.flags),
      source, reference, reason, actor_user_id: actor.userId, actor_name: actor.name, created_at: now,
    });
  }
  if (refusals.length) {
    throw errors.conflict('ROOMS_REFUSED', `${refusals.length} 套房屋不能变更：${refusals.slice(0, 5).join('；')}${refusals.length > 5 ? '……' : ''}`);
  }
  for (let i = 0; i < events.length; i += 1000) await RoomEvent.bulkCreate(events.slice(i, i + 1000), { transaction: t });
  const byAfter = new Map<string, number[]>();
  for (const e of events) {
    const key = `${e.after_status}|${e.after_flags}`;
    (byAfter.get(key) ?? byAfter.set(key, []).get(key)!).push(e.room_id as number);
  }
  for (const [key, ids] of byAfter) {
    const [status, flags] = key.split('|');
    await Room.update(
      { sale_status: status, flags, event_seq: Room.sequelize!.literal('event_seq + 1') as unknown as number, updated_at: now },
      { where: { id: ids }, transaction: t },
    );
  }
  await touchVersions(t, rooms.map((r) => r.building_id), rooms.map((r) => r.project_id));
  await appendAudit(t, actor, {
    action: `room.${change.kind}.batch`, objectType: 'project', objectId: rooms[0].project_id,
    detail: { change, source, reference, count: rooms.length, firstRoomId: rooms[0].id, lastRoomId: rooms[rooms.length - 1].id },
  });
  return rooms.length;
}
