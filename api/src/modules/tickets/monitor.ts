// Monitoring of repairs, complaints and patrol issues (PM-026, PM-030, PM-032): totals, by
// handling company and by community, the trend by week or month, what is overdue, how far it has
// escalated, and the patrol tasks not done by their due date. The on-time rate is the one formula
// in @hq/common: closed on time / (closed + open overdue). A ticket counts as closed from the
// first time its work was over (a re-opened ticket keeps that measure and is not counted again
// as open overdue); open tickets not yet due count neither way.
import { Op, type WhereOptions } from 'sequelize';
import {
  addDays, isTicketOpen, onTimeRate, shanghaiDate, type MonitorResponse, type PatrolTaskView, type z, type monitorQuery,
} from '@hq/common';
import { Org, User } from '../../platform/models';
import type { AuthUser } from '../../platform/http/types';
import { Community } from '../property/models';
import { PatrolTask, Ticket } from './models';
import { isRegulator, monitoredTickets } from './policy';
import { presentTickets } from './presenter';
import { OPEN_STATUSES } from './service';

type MonitorQuery = z.infer<typeof monitorQuery>;
type Row = Pick<Ticket, 'id' | 'status' | 'handler_kind' | 'org_id' | 'assignee_org_id' | 'community_id' | 'report_date' | 'due_date' | 'warn_date' | 'done_date' | 'on_time' | 'rating' | 'escalation_level'>;

const OVERDUE_LIST_MAX = 100;
const TREND_PERIODS = 12;

interface Acc { closed: number; closedOnTime: number; openOverdue: number; open: number; ratingSum: number; ratings: number; created: number }
const acc = (): Acc => ({ closed: 0, closedOnTime: 0, openOverdue: 0, open: 0, ratingSum: 0, ratings: 0, created: 0 });

function add(a: Acc, r: Row, today: string): void {
  a.created++;
  const open = isTicketOpen(r.status);
  if (open) a.open++;
  if (r.done_date) {
    a.closed++;
    if (r.on_time) a.closedOnTime++;
  } else if (open && today > r.due_date) {
    a.openOverdue++;
  }
  if (r.rating != null) {
    a.ratingSum += r.rating;
    a.ratings++;
  }
}

const rate = (a: Acc) => ({
  closed: a.closed, closedOnTime: a.closedOnTime, openOverdue: a.openOverdue, open: a.open, onTimeRate: onTimeRate(a),
  avgRating: a.ratings ? Math.round((a.ratingSum / a.ratings) * 100) / 100 : null,
});

/** The unit answering for a ticket: the property company, or the one a regulator's complaint was dispatched to. */
const responsibleOrg = (r: Row) => (r.handler_kind === 'property' ? r.org_id : r.assignee_org_id ?? r.org_id);

/** ISO week (2026-W05) of a business date. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86400000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function periodOf(date: string, g: 'week' | 'month'): string {
  return g === 'month' ? date.slice(0, 7) : isoWeek(date);
}

/** Every period from `from` to `to` (at most 120). */
function periods(from: string, to: string, g: 'week' | 'month'): string[] {
  const out: string[] = [];
  const push = (p: string) => {
    if (out[out.length - 1] !== p) out.push(p);
  };
  let d = g === 'month' ? `${from.slice(0, 7)}-01` : from;
  while (d <= to && out.length < 120) {
    push(periodOf(d, g));
    d = g === 'week' ? addDays(d, 7) : nextMonth(d);
  }
  if (out.length < 120) push(periodOf(to, g));
  return out;
}

function nextMonth(first: string): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function trendStart(today: string, g: 'week' | 'month'): string {
  if (g === 'week') return addDays(today, -7 * (TREND_PERIODS - 1));
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - (TREND_PERIODS - 1);
  while (m < 1) {
    m += 12;
    y--;
  }
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

export async function monitorTickets(user: AuthUser, q: MonitorQuery): Promise<MonitorResponse> {
  const today = shanghaiDate();
  const scope = await monitoredTickets(user);
  const and: WhereOptions<Ticket>[] = scope ? [scope] : [];
  if (q.kind) and.push({ kind: q.kind });
  if (q.orgId) and.push({ [Op.or]: [{ org_id: q.orgId }, { assignee_org_id: q.orgId }] });
  if (q.communityId) and.push({ community_id: q.communityId });
  const filtered = [...and];
  if (q.from) filtered.push({ report_date: { [Op.gte]: q.from } });
  if (q.to) filtered.push({ report_date: { [Op.lte]: q.to } });
  const rows: Row[] = await Ticket.findAll({
    where: { [Op.and]: filtered },
    attributes: ['id', 'status', 'handler_kind', 'org_id', 'assignee_org_id', 'community_id', 'report_date', 'due_date', 'warn_date', 'done_date', 'on_time', 'rating', 'escalation_level'],
  });

  const totals = acc();
  let dueSoon = 0;
  const escalated: Record<string, number> = { 1: 0, 2: 0, 3: 0 };
  const byOrg = new Map<number | null, Acc>();
  const byCommunity = new Map<number | null, Acc>();
  const g = q.granularity;
  const trendFrom = q.from ?? trendStart(today, g);
  const trendTo = q.to ?? today;
  const trendKeys = periods(trendFrom, trendTo, g);
  const trend = new Map(trendKeys.map((p) => [p, acc()]));
  for (const r of rows) {
    add(totals, r, today);
    const open = isTicketOpen(r.status);
    if (open && !r.done_date && r.warn_date <= today && today <= r.due_date) dueSoon++;
    if (open && r.escalation_level > 0) escalated[String(r.escalation_level)] = (escalated[String(r.escalation_level)] ?? 0) + 1;
    const org = responsibleOrg(r);
    if (!byOrg.has(org)) byOrg.set(org, acc());
    add(byOrg.get(org)!, r, today);
    if (!byCommunity.has(r.community_id)) byCommunity.set(r.community_id, acc());
    add(byCommunity.get(r.community_id)!, r, today);
    if (r.report_date >= trendFrom && r.report_date <= trendTo) {
      const bucket = trend.get(periodOf(r.report_date, g));
      if (bucket) add(bucket, r, today);
    }
  }

  const communityIds = [...byCommunity.keys()].filter((x): x is number => x != null);
  const communities = communityIds.length ? await Community.findAll({ where: { id: communityIds }, attributes: ['id', 'name', 'property_org_id'] }) : [];
  const orgIds = [...new Set([...byOrg.keys(), ...communities.map((c) => c.property_org_id)].filter((x): x is number => x != null))];
  const orgNames = new Map((orgIds.length ? await Org.findAll({ where: { id: orgIds }, attributes: ['id', 'name'] }) : []).map((o) => [o.id, o.name]));
  const community = new Map(communities.map((c) => [c.id, c]));
  const byRate = <T extends { onTimeRate: number | null; openOverdue: number }>(a: T, b: T) => (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) || b.openOverdue - a.openOverdue;

  const overdueRows = await Ticket.findAll({
    where: { [Op.and]: [...and, { status: [...OPEN_STATUSES], due_date: { [Op.lt]: today } }] },
    order: [['due_date', 'ASC'], ['id', 'ASC']], limit: OVERDUE_LIST_MAX,
  });

  return {
    asOf: new Date().toISOString(),
    totals: { ...rate(totals), dueSoon, escalated },
    byOrg: [...byOrg.entries()].map(([orgId, a]) => ({ orgId, orgName: orgId != null ? orgNames.get(orgId) ?? '' : '未指定', ...rate(a) })).sort(byRate),
    byCommunity: [...byCommunity.entries()].map(([id, a]) => {
      const c = id != null ? community.get(id) : undefined;
      return { communityId: id, communityName: c?.name ?? '未指定小区', orgName: c?.property_org_id != null ? orgNames.get(c.property_org_id) ?? null : null, ...rate(a) };
    }).sort(byRate),
    trend: trendKeys.map((p) => ({ period: p, created: trend.get(p)!.created, ...rate(trend.get(p)!) })),
    overdue: await presentTickets(user, overdueRows),
    overduePatrolTasks: await overduePatrolTasks(user, q, today),
  };
}

/** Patrol tasks still open after their due date (PM-030), in the person's scope. */
async function overduePatrolTasks(user: AuthUser, q: MonitorQuery, today: string): Promise<PatrolTaskView[]> {
  const and: WhereOptions<PatrolTask>[] = [{ status: 'open', due_date: { [Op.lt]: today } }];
  if (!isRegulator(user)) {
    const or: WhereOptions<PatrolTask>[] = [];
    if (user.roles.includes('property_manager') && user.orgId != null) or.push({ org_id: user.orgId });
    if (user.roles.includes('street_officer') && user.orgId != null) {
      const ids = (await Community.findAll({ where: { street_org_id: user.orgId }, attributes: ['id'] })).map((c) => c.id);
      if (ids.length) or.push({ community_id: ids });
    }
    and.push(or.length ? { [Op.or]: or } : { id: -1 });
  }
  if (q.orgId) and.push({ org_id: q.orgId });
  if (q.communityId) and.push({ community_id: q.communityId });
  const tasks = await PatrolTask.findAll({ where: { [Op.and]: and }, order: [['due_date', 'ASC'], ['id', 'ASC']], limit: OVERDUE_LIST_MAX });
  if (!tasks.length) return [];
  const ids = (f: (x: PatrolTask) => number | null) => [...new Set(tasks.map(f).filter((x): x is number => x != null))];
  const [communities, orgs, users, issues] = await Promise.all([
    Community.findAll({ where: { id: ids((x) => x.community_id) }, attributes: ['id', 'name'] }),
    Org.findAll({ where: { id: ids((x) => x.org_id) }, attributes: ['id', 'name'] }),
    User.findAll({ where: { id: ids((x) => x.assignee_user_id) }, attributes: ['id', 'display_name'] }),
    Ticket.findAll({ where: { patrol_task_id: tasks.map((x) => x.id) }, attributes: ['patrol_task_id', 'status'] }),
  ]);
  const cName = new Map(communities.map((c) => [c.id, c.name]));
  const oName = new Map(orgs.map((o) => [o.id, o.name]));
  const uName = new Map(users.map((u) => [u.id, u.display_name]));
  return tasks.map((x) => {
    const mine = issues.filter((i) => i.patrol_task_id === x.id);
    let checklist: string[] = [];
    try {
      checklist = JSON.parse(x.checklist) as string[];
    } catch {
      checklist = [];
    }
    return {
      id: x.id, communityId: x.community_id, communityName: cName.get(x.community_id) ?? '', orgId: x.org_id, orgName: x.org_id != null ? oName.get(x.org_id) ?? null : null,
      title: x.title, checklist, dueDate: x.due_date, status: x.status, overdue: true,
      assigneeName: x.assignee_user_id != null ? uName.get(x.assignee_user_id) ?? null : null,
      issues: mine.length, openIssues: mine.filter((i) => isTicketOpen(i.status)).length,
      doneAt: x.done_at ? new Date(x.done_at).toISOString() : null, doneNote: x.done_note ?? null, createdAt: new Date(x.created_at).toISOString(),
    };
  });
}
