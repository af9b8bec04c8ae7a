// The working-day calendar: statutory holidays and make-up workdays (调休), edited by the
// system administrator; deadlines everywhere count working days from it.
import { Op, type Transaction } from 'sequelize';
import { z, isIsoDate, WorkingCalendar, okResponse } from '@hq/common';
import { route } from '../../platform/http/route';
import { CalendarDay } from '../../platform/models';
import { appendAudit } from '../../platform/audit/audit';
import { errors } from '../../platform/errors';
import { actorOf } from '../../platform/http/actor';

const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期，格式 YYYY-MM-DD`);
const entry = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });

// Deadlines are computed on every submission and review; the calendar changes a few times a year.
// Kept for a minute per process, and dropped at once here when an administrator edits it (other
// processes pick the edit up within the minute).
let cached: { at: number; cal: WorkingCalendar } | null = null;
const CALENDAR_TTL_MS = 60_000;

export async function loadCalendar(t?: Transaction): Promise<WorkingCalendar> {
  if (cached && Date.now() - cached.at < CALENDAR_TTL_MS) return cached.cal;
  const cal = new WorkingCalendar(await CalendarDay.findAll({ attributes: ['date', 'kind'], transaction: t }));
  cached = { at: Date.now(), cal };
  return cal;
}

function forgetCalendar(): void {
  cached = null;
}

export const calendarRoutes = [
  route({
    method: 'get', path: '/api/calendar', summary: '工作日历（节假日与调休上班日）', tags: ['calendar'], requirements: ['NF-011'], access: 'user',
    query: z.object({ year: z.coerce.number().int().min(2000, '年份不早于2000').max(2100, '年份不晚于2100') }), response: z.array(entry),
    handler: async (_ctx, { query }) => {
      const rows = await CalendarDay.findAll({ where: { date: { [Op.like]: `${query.year}-%` } }, order: [['date', 'ASC']] });
      return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name }));
    },
  }),
  route({
    method: 'get', path: '/api/calendar/deadline', summary: '按工作日计算期限（起始日 + N 个工作日）', tags: ['calendar'], requirements: ['NF-011'],
    access: 'user', query: z.object({ from: isoDate('起始日'), days: z.coerce.number().int().min(0, '工作日数不能为负').max(365, '工作日数不超过365') }),
    response: z.object({ from: z.string(), days: z.number().int(), deadline: z.string() }),
    handler: async (_ctx, { query }) => ({ ...query, deadline: (await loadCalendar()).addWorkingDays(query.from, query.days) }),
  }),
  route({
    method: 'put', path: '/api/calendar/:date', summary: '设置节假日或调休上班日', tags: ['calendar'], requirements: ['NF-011'], access: ['sys_admin'],
    params: z.object({ date: isoDate('日期') }),
    body: z.object({ kind: z.enum(['holiday', 'workday'], { message: '类型应为 holiday（放假）或 workday（调休上班）' }), name: z.string().trim().min(1, '请填写名称，如 春节').max(64) }),
    response: entry,
    handler: async (ctx, { params, body }) => {
      await ctx.deps.db.tx(async (t) => {
        const before = await CalendarDay.findByPk(params.date, { transaction: t });
        await CalendarDay.upsert({ date: params.date, kind: body.kind, name: body.name, updated_by: ctx.state.user!.id, updated_at: new Date() }, { transaction: t });
        t.afterCommit(forgetCalendar);
        await appendAudit(t, actorOf(ctx), {
          action: 'calendar.set', objectType: 'calendar_day', objectId: params.date,
          detail: { before: before ? { kind: before.kind, name: before.name } : null, after: body },
        });
      });
      return { date: params.date, ...body };
    },
  }),
  route({
    method: 'delete', path: '/api/calendar/:date', summary: '删除节假日设置（恢复为普通工作日/周末）', tags: ['calendar'], requirements: ['NF-011'],
    access: ['sys_admin'], params: z.object({ date: isoDate('日期') }), response: okResponse,
    handler: async (ctx, { params }) => {
      await ctx.deps.db.tx(async (t) => {
        const n = await CalendarDay.destroy({ where: { date: params.date }, transaction: t });
        t.afterCommit(forgetCalendar);
        if (!n) throw errors.notFound('CALENDAR_DAY_NOT_FOUND', `${params.date} 没有节假日设置`);
        await appendAudit(t, actorOf(ctx), { action: 'calendar.delete', objectType: 'calendar_day', objectId: params.date });
      });
      return { ok: true as const };
    },
  }),
];
