// Demo history for the building-table bus: each seeded room is created (as 不可售 or 可售 by the
// survey import), then walks the sale path to its current status, then gets its flags — every
// step through the same derivation rule the API uses, so the replay check holds from day one.
import type { CreationAttributes } from 'sequelize';
import { applyRoomChange, isRefusal, parseFlags, formatFlags, type RoomChange, type RoomState, type SaleStatus } from '@hq/common';
import type { Room, RoomEvent } from '../modules/realestate/models';
import type { Rng } from './rng';

const PATH: SaleStatus[] = ['unsellable', 'available', 'subscribed', 'signed', 'filed', 'registered'];
const SOURCE_OF: Record<SaleStatus, string> = {
  unsellable: 'survey_import', available: 'presale_permit', subscribed: 'online_signing', signed: 'online_signing', filed: 'online_signing', registered: 'registry',
};

export function buildSeedEvents(
  rng: Rng, rooms: Pick<Room, 'id' | 'building_id' | 'project_id' | 'sale_status' | 'flags'>[], start: Date, permitOf: Map<number, string> = new Map(),
): CreationAttributes<RoomEvent>[] {
  const out: CreationAttributes<RoomEvent>[] = [];
  let contractNo = 0;
  for (const room of rooms) {
    const target = room.sale_status as SaleStatus;
    const flags = parseFlags(room.flags);
    let at = start.getTime() + rng.int(0, 72) * 3600_000;
    let state: RoomState = { status: 'unsellable', flags: [] };
    let seq = 1;
    const base = { room_id: room.id, building_id: room.building_id, project_id: room.project_id, actor_user_id: null, actor_name: null, reason: null };
    out.push({ ...base, seq, kind: 'created', value: 'unsellable|', before_status: null, before_flags: null, after_status: 'unsellable', after_flags: '', source: 'survey_import', reference: null, created_at: new Date(at) });
    const steps: RoomChange[] = [];
    if (target !== 'unsellable') {
      for (const s of PATH.slice(1, PATH.indexOf(target) + 1)) {
        if (s === 'subscribed' && target !== 'subscribed' && rng.chance(0.7)) continue; // most buyers sign without a separate 认购
        steps.push({ kind: 'status', value: s });
      }
    }
    for (const f of flags) steps.push({ kind: 'flag_on', value: f });
    for (const change of steps) {
      // Suspension and seizure may arrive before the sale steps are done only when no later step is blocked.
      const next = applyRoomChange(state, change);
      if (isRefusal(next)) throw new Error(`seed event refused for room ${room.id}: ${next.code}`);
      at += rng.int(3, 60) * 86400_000;
      seq++;
      const reference = change.kind === 'status' && (change.value === 'signed' || change.value === 'filed')
        ? `HQ${new Date(at).getUTCFullYear()}${String(++contractNo + room.project_id * 10000).padStart(8, '0')}`
        : change.kind === 'status' && change.value === 'available' ? permitOf.get(room.building_id) ?? null
        : change.kind === 'flag_on' && change.value === 'seized' ? `（2025）粤0491执${rng.int(100, 999)}号` : null;
      out.push({
        ...base, seq, kind: change.kind, value: change.value, before_status: state.status, before_flags: formatFlags(state.flags),
        after_status: next.status, after_flags: formatFlags(next.flags),
        source: change.kind === 'status' ? SOURCE_OF[change.value] : change.value === 'seized' ? 'court' : change.value === 'mortgaged' ? 'registry' : 'regulator',
        reference, created_at: new Date(Math.min(at, Date.now() - 3600_000)),
      });
      state = next;
    }
  }
  return out;
}
