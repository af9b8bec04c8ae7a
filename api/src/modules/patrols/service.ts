// Patrol tasks (巡查任务, PM-029/030/079/130): the property company plans patrols of the
// communities it serves with a due date; its staff walk them and complete them on site with
// camera photos (server time and hash recorded with the upload); issues found on the way are
// patrol tickets pointing at the task. Overdue = still open after the due date (Asia/Shanghai);
// the regulator watches those on the monitoring page.
import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { isTicketOpen, shanghaiDate, type PatrolTaskView, type z, type patrolTaskComplete, type patrolTaskCreate, type patrolTaskQuery } from '@hq/common';
import type { Deps } from '../../platform/deps';
import type { AuthUser } from '../../platform/http/types';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { Org, User, UserRole } from '../../platform/models';
import { Community } from '../property/models';
import { PROPERTY_ROLES, isRegulator, propertyOrgOf } from '../property/policy';
import { PatrolTask, Ticket } from '../tickets/models';
import { checkPhotos } from '../tickets/photos';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const notFound = () => errors.notFound('PATROL_TASK_NOT_FOUND', '巡查任务不存在');

function checklistOf(x: PatrolTask): string[] {
  try {
    const v = JSON.parse(x.checklist) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

export async function presentTasks(tasks: PatrolTask[], today = shanghaiDate(), t?: Transaction): Promise<PatrolTaskView[]> {
  if (!tasks.length) return [];
  const ids = (f: (x: PatrolTask) => number | null) => [...new Set(tasks.map(f).filter((x): x is number => x != null))];
  const userIds = ids((x) => x.assignee_user_id);
  const orgIds = ids((x) => x.org_id);
  const [communities, orgs, users, issues] = await Promise.all([
    Community.findAll({ where: { id: ids((x) => x.community_id) }, attributes: ['id', 'name'], transaction: t }),
    orgIds.length ? Org.findAll({ where: { id: orgIds }, attributes: ['id', 'name'], transaction: t }) : [],
    userIds.length ? User.findAll({ where: { id: userIds }, attributes: ['id', 'display_name'], transaction: t }) : [],
    Ticket.findAll({ where: { patrol_task_id: tasks.map((x) => x.id) }, attributes: ['patrol_task_id', 'status'], transaction: t }),
  ]);
  const cName = new Map(communities.map((c) => [c.id, c.name]));
  const oName = new Map(orgs.map((o) => [o.id, o.name]));
  const uName = new Map(users.map((u) => [u.id, u.display_name]));
  return tasks.map((x) => {
    const found = issues.filter((i) => i.patrol_task_id === x.id);
    return {
      id: x.id, communityId: x.community_id, communityName: cName.get(x.community_id) ?? '',
      orgId: x.org_id, orgName: x.org_id != null ? oName.get(x.org_id) ?? null : null,
      title: x.title, checklist: checklistOf(x), dueDate: x.due_date, status: x.status,
      overdue: x.status === 'open' && x.due_date < today,
      assigneeName: x.assignee_user_id != null ? uName.get(x.assignee_user_id) ?? null : null,
      issues: found.length, openIssues: found.filter((i) => isTicketOpen(i.status)).length,
      doneAt: iso(x.done_at), doneNote: x.done_note ?? null, createdAt: iso(x.created_at)!,
    };
  });
}

/** Regulators all; the property company its own tasks; a street office its communities'. */
async function visibleTasks(user: AuthUser, t?: Transaction): Promise<WhereOptions<PatrolTask> | null> {
  if (isRegulator(user)) return null;
  const or: WhereOptions<PatrolTask>[] = [];
  const org = propertyOrgOf(user);
  if (org != null) or.push({ org_id: org });
  if (user.roles.includes('street_officer') && user.orgId != null) {
    const ids = (await Community.findAll({ where: { street_org_id: user.orgId }, attributes: ['id'], transaction: t })).map((c) => c.id);
    if (ids.length) or.push({ community_id: ids });
  }
  return or.length ? { [Op.or]: or } : { id: -1 };
}

export async function listTasks(user: AuthUser, q: z.infer<typeof patrolTaskQuery>): Promise<Page<PatrolTaskView>> {
  const today = shanghaiDate();
  const and: WhereOptions<PatrolTask>[] = [];
  const scope = await visibleTasks(user);
  if (scope) and.push(scope);
  if (q.communityId) and.push({ community_id: q.communityId });
  if (q.state === 'open') and.push({ status: 'open' });
  if (q.state === 'done') and.push({ status: 'done' });
  if (q.state === 'overdue') and.push({ status: 'open', due_date: { [Op.lt]: today } });
  if (q.mine) and.push({ assignee_user_id: user.id });
  const { rows, count } = await PatrolTask.findAndCountAll({
    where: { [Op.and]: and },
    order: q.state === 'done' ? [['done_at', 'DESC'], ['id', 'DESC']] : [['status', 'DESC'], ['due_date', 'ASC'], ['id', 'ASC']], // open before done
    limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: await presentTasks(rows, today), total: count, page: q.page, pageSize: q.pageSize };
}

export async function getTask(user: AuthUser, id: number): Promise<PatrolTaskView> {
  const scope = await visibleTasks(user);
  const x = await PatrolTask.findOne({ where: { [Op.and]: [{ id }, ...(scope ? [scope] : [])] } });
  if (!x) throw notFound();
  return (await presentTasks([x]))[0];
}

async function checkAssignee(t: Transaction, userId: number, orgId: number): Promise<void> {
  const u = await User.findByPk(userId, { attributes: ['id', 'org_id', 'status'], transaction: t });
  const roles = u ? await UserRole.findAll({ where: { user_id: u.id, role: [...PROPERTY_ROLES] }, attributes: ['role'], transaction: t }) : [];
  if (!u || u.org_id !== orgId || u.status !== 'active' || !roles.length) {
    throw errors.validation([{ field: 'assigneeUserId', message: '巡查人员：须为该小区物业服务企业的在岗工作人员' }]);
  }
}

export async function createTask(deps: Deps, actor: AuditActor, user: AuthUser, input: z.infer<typeof patrolTaskCreate>): Promise<PatrolTaskView> {
  const today = shanghaiDate();
  if (input.dueDate < today) throw errors.validation([{ field: 'dueDate', message: '完成期限：不能早于今天' }]);
  const id = await deps.db.tx(async (t) => {
    const c = await Community.findByPk(input.communityId, { attributes: ['id', 'property_org_id'], transaction: t });
    if (!c) throw errors.validation([{ field: 'communityId', message: '小区：所选小区不存在' }]);
    if (!isRegulator(user) && (propertyOrgOf(user) == null || c.property_org_id !== propertyOrgOf(user))) {
      throw errors.forbidden('DATA_SCOPE_DENIED', '只能为本企业服务的小区安排巡查任务');
    }
    if (c.property_org_id == null) throw errors.conflict('COMMUNITY_NO_PROPERTY_COMPANY', '该小区尚未登记物业服务企业，无法安排巡查任务');
    if (input.assigneeUserId != null) await checkAssignee(t, input.assigneeUserId, c.property_org_id);
    const now = new Date();
    const x = await PatrolTask.create({
      community_id: c.id, org_id: c.property_org_id, title: input.title, checklist: JSON.stringify(input.checklist), due_date: input.dueDate,
      assignee_user_id: input.assigneeUserId ?? null, status: 'open', created_by: user.id, created_at: now, updated_at: now,
    }, { transaction: t });
    await appendAudit(t, actor, {
      action: 'patrol_task.create', objectType: 'patrol_task', objectId: x.id,
      detail: { communityId: c.id, dueDate: x.due_date, assigneeUserId: x.assignee_user_id },
    });
    return x.id;
  });
  return (await presentTasks([(await PatrolTask.findByPk(id))!]))[0];
}

/** Done on site by the company's staff (or the person it was given to), with camera photos. */
export async function completeTask(deps: Deps, actor: AuditActor, user: AuthUser, id: number, input: z.infer<typeof patrolTaskComplete>): Promise<PatrolTaskView> {
  await deps.db.tx(async (t) => {
    const x = await PatrolTask.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    const own = x != null && ((x.org_id != null && propertyOrgOf(user) === x.org_id) || x.assignee_user_id === user.id);
    if (!x || (!own && !isRegulator(user))) throw notFound();
    if (!own) throw errors.forbidden('PATROL_COMPLETE_DENIED', '巡查任务须由物业服务企业人员到现场完成');
    if (x.status === 'done') throw errors.conflict('PATROL_TASK_DONE', '该巡查任务已完成，不能重复提交');
    const photos = await checkPhotos(t, user, input.photos, { cameraOnly: true });
    const now = new Date();
    await x.update({ status: 'done', done_at: now, done_note: input.note, done_photo_ids: photos.map((p) => p.fileId).join(','), updated_at: now }, { transaction: t });
    await appendAudit(t, actor, {
      action: 'patrol_task.complete', objectType: 'patrol_task', objectId: x.id,
      detail: { dueDate: x.due_date, doneDate: shanghaiDate(now), late: shanghaiDate(now) > x.due_date, photos: photos.map((p) => p.sha256) },
    });
  });
  return (await presentTasks([(await PatrolTask.findByPk(id))!]))[0];
}
