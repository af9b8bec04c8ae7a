// What leaves the server about a ticket: whitelisted fields only. The reporter's full name only
// for the reporter and the handling side, the full phone number and photo locations only for the
// handling side (handlers, assignees, regulators); supervisors (owners' committee, street office)
// see names masked, free text scrubbed of phone and ID numbers, and the public rendition of photos.
import { Op, type Transaction } from 'sequelize';
import {
  TICKET_ACTION_LABELS, TICKET_STATUS_LABELS, allowedTicketActions, isTicketOpen, maskName, maskPhone, scrubPublicText, shanghaiDate,
  ticketCategory, type TicketAction, type TicketDetail, type TicketSummary,
} from '@hq/common';
import { Org, User } from '../../platform/models';
import { decrypt } from '../../platform/crypto';
import { Building, Room } from '../realestate/models';
import { Community } from '../property/models';
import { TicketEvent, TicketPhoto, type Ticket } from './models';
import { sidesOf, viewOf, type TicketView } from './policy';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const PREVIEW_CHARS = 60;
const EVENT_LABELS: Record<string, string> = { create: '提交', warn: '临期提醒', escalate: '超期升级' };

interface Names {
  communities: Map<number, string>;
  orgs: Map<number, string>;
  users: Map<number, string>;
  houses: Map<number, { building: string; room: string }>;
}

async function namesFor(tickets: Ticket[], t?: Transaction): Promise<Names> {
  const ids = (pick: (x: Ticket) => number | null) => [...new Set(tickets.map(pick).filter((x): x is number => x != null))];
  const communityIds = ids((x) => x.community_id);
  const orgIds = [...ids((x) => x.org_id), ...ids((x) => x.assignee_org_id)];
  const userIds = ids((x) => x.assignee_user_id);
  const roomIds = ids((x) => x.room_id);
  const [communities, orgs, users, rooms] = await Promise.all([
    communityIds.length ? Community.findAll({ where: { id: communityIds }, attributes: ['id', 'name'], transaction: t }) : [],
    orgIds.length ? Org.findAll({ where: { id: orgIds }, attributes: ['id', 'name'], transaction: t }) : [],
    userIds.length ? User.findAll({ where: { id: userIds }, attributes: ['id', 'display_name'], transaction: t }) : [],
    roomIds.length ? Room.findAll({ where: { id: roomIds }, attributes: ['id', 'building_id', 'unit_name', 'room_no'], transaction: t }) : [],
  ]);
  const buildingIds = [...new Set(rooms.map((r) => r.building_id))];
  const buildings = buildingIds.length ? await Building.findAll({ where: { id: buildingIds }, attributes: ['id', 'building_no'], transaction: t }) : [];
  const buildingNo = new Map(buildings.map((b) => [b.id, b.building_no]));
  return {
    communities: new Map(communities.map((c) => [c.id, c.name])),
    orgs: new Map(orgs.map((o) => [o.id, o.name])),
    users: new Map(users.map((u) => [u.id, u.display_name])),
    houses: new Map(rooms.map((r) => [r.id, { building: buildingNo.get(r.building_id) ?? '', room: `${r.unit_name ?? ''}${r.room_no}` }])),
  };
}

function summary(x: Ticket, view: TicketView, names: Names, today: string): TicketSummary {
  const text = (s: string) => (view.names ? s : scrubPublicText(s));
  const house = x.room_id != null ? names.houses.get(x.room_id) : undefined;
  const assignee = x.assignee_user_id != null ? names.users.get(x.assignee_user_id) : x.assignee_org_id != null ? names.orgs.get(x.assignee_org_id) : undefined;
  const preview = [...text(x.description)];
  return {
    id: x.id, ticketNo: x.ticket_no ?? '', kind: x.kind, status: x.status, statusLabel: TICKET_STATUS_LABELS[x.status],
    category: x.category, categoryLabel: ticketCategory(x.kind, x.category)?.label ?? x.category,
    communityId: x.community_id, communityName: x.community_id != null ? names.communities.get(x.community_id) ?? null : null,
    orgId: x.org_id, orgName: x.org_id != null ? names.orgs.get(x.org_id) ?? null : null,
    place: x.place, placeText: x.place_text ? text(x.place_text) : null,
    // Supervisors learn the building, not the owner's door.
    houseLabel: house ? (view.names ? `${house.building}${house.room}` : house.building || null) : null,
    descriptionPreview: preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS - 1).join('')}…` : preview.join(''),
    channel: x.channel, target: x.target,
    reporterName: x.reporter_name ? (view.names ? x.reporter_name : maskName(x.reporter_name)) : null,
    assigneeName: assignee ?? null,
    dueDate: x.due_date, overdue: isTicketOpen(x.status) && today > x.due_date, escalationLevel: x.escalation_level,
    rating: x.rating ?? null, createdAt: iso(x.created_at)!, doneAt: iso(x.done_at), version: x.version,
  };
}

/** List rows, each masked for this person by their own side of that ticket. */
export async function presentTickets(user: Parameters<typeof sidesOf>[0], tickets: Ticket[], t?: Transaction, views?: Map<number, TicketView>): Promise<TicketSummary[]> {
  const names = await namesFor(tickets, t);
  const today = shanghaiDate();
  return tickets.map((x) => summary(x, views?.get(x.id) ?? viewOf(sidesOf(user, x)), names, today));
}

/** The actions this view may take now; a re-open only inside its window. */
export function actionsOf(x: Ticket, view: TicketView, today = shanghaiDate()): TicketAction[] {
  return allowedTicketActions(x.kind, x.status, view.sides).filter((a) => a !== 'reopen' || (!!x.reopen_until && today <= x.reopen_until));
}

export async function presentDetail(x: Ticket, view: TicketView, dataKey: Buffer, t?: Transaction): Promise<TicketDetail> {
  const [names, events, photos] = await Promise.all([
    namesFor([x], t),
    TicketEvent.findAll({ where: { ticket_id: x.id }, order: [['seq', 'ASC']], transaction: t }),
    TicketPhoto.findAll({ where: { ticket_id: x.id, stage: { [Op.in]: ['report', 'before', 'after'] } }, order: [['id', 'ASC']], transaction: t }),
  ]);
  const today = shanghaiDate();
  const text = (s: string | null) => (s == null ? null : view.names ? s : scrubPublicText(s));
  let phone: string | null = null;
  if (x.reporter_phone_enc) {
    try {
      const p = decrypt(dataKey, x.reporter_phone_enc);
      phone = view.phone ? p : maskPhone(p);
    } catch {
      phone = null;
    }
  }
  const base = `/api/tickets/${x.id}/photos`;
  return {
    ...summary(x, view, names, today),
    description: text(x.description)!, preferredTime: x.preferred_time, reporterPhone: phone, result: text(x.result ?? null),
    ratingComment: text(x.rating_comment ?? null), reopenCount: x.reopen_count, reopenUntil: x.reopen_until ?? null, warnDate: x.warn_date,
    duplicateOf: x.duplicate_of ?? null, patrolTaskId: x.patrol_task_id,
    photos: photos.map((p) => ({
      id: p.id, stage: p.stage, url: `${base}/${p.id}`, thumbnailUrl: `${base}/${p.id}?variant=thumb`, sha256: p.sha256,
      takenAt: iso(p.created_at)!, fromCamera: p.from_camera,
      location: view.location && p.lng != null && p.lat != null ? { lng: Number(p.lng), lat: Number(p.lat) } : null,
    })),
    events: events.map((e) => ({
      seq: e.seq, action: e.action, actionLabel: EVENT_LABELS[e.action] ?? TICKET_ACTION_LABELS[e.action as TicketAction] ?? e.action,
      fromStatus: e.from_status, toStatus: e.to_status,
      actorName: !view.names && e.actor_user_id != null && e.actor_user_id === x.reporter_user_id ? maskName(e.actor_name) : e.actor_name,
      actorRole: e.actor_role, note: text(e.note), at: iso(e.created_at)!,
    })),
    actions: actionsOf(x, view, today),
  };
}
