// The deadline sweep (PM-026, PM-032): open tickets near their deadline warn the handling side
// once; overdue ones climb the ladder (escalationLevelFor in @hq/common: the property company's
// project manager, then the street / community office, then the regulator), each level once with
// an 'escalate' event and notices; resolved ones whose re-open window has passed close.
//
// Several API processes may sweep at once: every change is a conditional update on the ticket
// (only where it is still in the state the sweep saw), so exactly one process wins each step and
// writes its event and notices; the others change nothing. On MySQL the winner's update holds the
// row lock until commit, so a person acting on the ticket meanwhile waits and then sees it.
import { Op, type Transaction } from 'sequelize';
import {
  ESCALATION_LABELS, TICKET_KIND_LABELS, escalationLevelFor, shanghaiDate, type EscalationLevel, type Role, type TicketStatus,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import { appendAudit, SYSTEM_ACTOR } from '../../platform/audit/audit';
import { loadCalendar } from '../calendar/routes';
import { Community } from '../property/models';
import { Ticket, TicketEvent } from './models';
import { noticeData, tell, usersWithRoles } from './notices';
import { handlingPeople, OPEN_STATUSES } from './service';

/** At the top of the ladder: the regulator's people who supervise property services (分管领导, 巡查检查人员). */
export const ESCALATION_REGULATOR_ROLES: readonly Role[] = ['leader', 'inspector'];
/** How often each API process sweeps. */
export const TICKET_SWEEP_INTERVAL_MS = 5 * 60_000;
/** How many tickets of each kind of step one run takes; the next run takes the rest. */
const BATCH = 500;

export interface SweepResult {
  warned: number;
  escalated: Record<'1' | '2' | '3', number>;
  closed: number;
}

const SYSTEM = { actor_user_id: null, actor_name: '系统', actor_role: null } as const;

async function nextSeq(t: Transaction, ticketId: number): Promise<number> {
  return ((await TicketEvent.max<number, TicketEvent>('seq', { where: { ticket_id: ticketId }, transaction: t })) ?? 0) + 1;
}

/** Run the sweep as of `now` (tests pass a time; the timer passes the clock). */
export async function sweepTickets(deps: Deps, now = new Date()): Promise<SweepResult> {
  const today = shanghaiDate(now);
  const cal = await loadCalendar();
  const result: SweepResult = { warned: 0, escalated: { 1: 0, 2: 0, 3: 0 }, closed: 0 };

  const nearing = await Ticket.findAll({
    where: { status: [...OPEN_STATUSES], warned_at: { [Op.is]: null }, warn_date: { [Op.lte]: today }, due_date: { [Op.gte]: today } },
    attributes: ['id'], order: [['id', 'ASC']], limit: BATCH,
  });
  for (const { id } of nearing) if (await deps.db.tx((t) => warn(t, id, now))) result.warned++;

  const overdue = await Ticket.findAll({
    where: { status: [...OPEN_STATUSES], due_date: { [Op.lt]: today }, escalation_level: { [Op.lt]: 3 } },
    attributes: ['id', 'due_date', 'escalation_level'], order: [['due_date', 'ASC'], ['id', 'ASC']], limit: BATCH,
  });
  for (const x of overdue) {
    const target = escalationLevelFor(cal, x.due_date, today);
    if (target <= x.escalation_level) continue;
    const levels = await deps.db.tx((t) => escalate(t, x.id, x.escalation_level, target, now));
    for (const l of levels) result.escalated[String(l) as '1' | '2' | '3']++;
  }

  const expired = await Ticket.findAll({
    where: { status: ['resolved', 'not_responsible', 'duplicate'], reopen_until: { [Op.lt]: today } },
    attributes: ['id', 'status'], order: [['id', 'ASC']], limit: BATCH,
  });
  for (const x of expired) if (await deps.db.tx((t) => autoClose(t, x.id, x.status, now))) result.closed++;
  return result;
}

async function warn(t: Transaction, id: number, now: Date): Promise<boolean> {
  const [won] = await Ticket.update({ warned_at: now }, { where: { id, warned_at: { [Op.is]: null }, status: [...OPEN_STATUSES] }, transaction: t });
  if (!won) return false;
  const x = (await Ticket.findByPk(id, { transaction: t }))!;
  const seq = await nextSeq(t, id);
  await TicketEvent.create({
    ticket_id: id, seq, action: 'warn', from_status: x.status, to_status: x.status, ...SYSTEM, note: `即将到期：办理期限 ${x.due_date}`, detail: null, created_at: now,
  }, { transaction: t });
  await appendAudit(t, SYSTEM_ACTOR, { action: 'ticket.warn', objectType: 'ticket', objectId: id, detail: { ticketNo: x.ticket_no, dueDate: x.due_date } });
  const label = `${TICKET_KIND_LABELS[x.kind]}（${x.ticket_no}）`;
  await tell(t, await handlingPeople(t, x), x, { kind: 'ticket.due_soon', title: `${label}即将到期`, body: `办理期限 ${x.due_date}，请尽快办结` }, {
    template: 'ticket.due_soon', data: noticeData(x), dedupeKey: `ticket:${id}:warn:${seq}`,
  });
  return true;
}

/** The people of one level of the ladder for this ticket. */
async function ladderPeople(t: Transaction, x: Ticket, level: Exclude<EscalationLevel, 0>): Promise<number[]> {
  if (level === 1) return usersWithRoles(t, ['property_manager'], x.handler_kind === 'property' ? x.org_id : x.assignee_org_id);
  if (level === 2) {
    const c = x.community_id != null ? await Community.findByPk(x.community_id, { attributes: ['id', 'street_org_id'], transaction: t }) : null;
    return usersWithRoles(t, ['street_officer'], c?.street_org_id ?? null);
  }
  return usersWithRoles(t, ESCALATION_REGULATOR_ROLES);
}

async function escalate(t: Transaction, id: number, from: number, target: EscalationLevel, now: Date): Promise<number[]> {
  const [won] = await Ticket.update(
    { escalation_level: target, escalated_at: now },
    { where: { id, escalation_level: from, status: [...OPEN_STATUSES] }, transaction: t },
  );
  if (!won) return [];
  const x = (await Ticket.findByPk(id, { transaction: t }))!;
  const handling = await handlingPeople(t, x);
  const label = `${TICKET_KIND_LABELS[x.kind]}（${x.ticket_no}）`;
  const levels: number[] = [];
  for (let level = from + 1; level <= target; level++) {
    const l = level as Exclude<EscalationLevel, 0>;
    const people = await ladderPeople(t, x, l);
    const seq = await nextSeq(t, id);
    await TicketEvent.create({
      ticket_id: id, seq, action: 'escalate', from_status: x.status, to_status: x.status, ...SYSTEM,
      note: `超过办理期限（${x.due_date}）未办结，升级至${ESCALATION_LABELS[l]}督办`, detail: JSON.stringify({ level: l, notified: people.length }), created_at: now,
    }, { transaction: t });
    await tell(t, [...people, ...handling], x, { kind: 'ticket.escalated', title: `${label}超期未办结，已升级至${ESCALATION_LABELS[l]}督办`, body: `办理期限 ${x.due_date}` }, {
      template: 'ticket.escalated', data: noticeData(x, { level: ESCALATION_LABELS[l] }), dedupeKey: `ticket:${id}:escalate:${l}:${seq}`,
    });
    levels.push(l);
  }
  await appendAudit(t, SYSTEM_ACTOR, { action: 'ticket.escalate', objectType: 'ticket', objectId: id, detail: { ticketNo: x.ticket_no, from, to: target, dueDate: x.due_date } });
  return levels;
}

async function autoClose(t: Transaction, id: number, status: TicketStatus, now: Date): Promise<boolean> {
  const [won] = await Ticket.update(
    { status: 'closed', closed_at: now, updated_at: now, version: Ticket.sequelize!.literal('version + 1') as unknown as number },
    { where: { id, status }, transaction: t },
  );
  if (!won) return false;
  const x = (await Ticket.findByPk(id, { transaction: t }))!;
  const seq = await nextSeq(t, id);
  await TicketEvent.create({
    ticket_id: id, seq, action: 'close', from_status: status, to_status: 'closed', ...SYSTEM, note: `评价期限（${x.reopen_until}）已过，系统自动关闭`, detail: null, created_at: now,
  }, { transaction: t });
  await appendAudit(t, SYSTEM_ACTOR, { action: 'ticket.close', objectType: 'ticket', objectId: id, detail: { ticketNo: x.ticket_no, from: status, auto: true } });
  return true;
}

/** Sweeps every `intervalMs` (never two at once in this process); the returned function stops it. */
export function startTicketSweeper(deps: Deps, opts: { intervalMs: number }): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = sweepTickets(deps)
      .then((r) => {
        if (r.warned || r.closed || r.escalated[1] || r.escalated[2] || r.escalated[3]) deps.logger.info({ tickets: r }, 'ticket deadlines swept');
      })
      .catch((err) => deps.logger.error({ err }, 'ticket sweep failed'))
      .finally(() => {
        running = null;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, opts.intervalMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
