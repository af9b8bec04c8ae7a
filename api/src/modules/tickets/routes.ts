// Repairs, complaints and patrol issues: one lifecycle (@hq/common tickets.ts). Each route is a
// pipeline: validate → authenticate → role → one service call (which checks the record) → presenter.
// Fixed paths (/export, /assignees, /monitor, /sweep) come before /:id.
import { UniqueConstraintError } from 'sequelize';
import {
  z, idParam, pageOf, ticketCreate, ticketRegister, ticketActionRequest, ticketDetail, ticketSummary, ticketQuery, assignee, monitorQuery,
  monitorResponse, publicPatrolQuery, publicPatrolResult, REGULATOR_ROLES, TICKET_KIND_LABELS, PLACE_LABELS, TICKET_CHANNEL_LABELS,
  ESCALATION_LABELS, type EscalationLevel,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { sendXlsx, XLSX_TYPE } from '../../platform/documents/xlsx';
import { actorOf } from '../../platform/http/actor';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/http/types';
import { FileObject } from '../../platform/models';
import { Ticket, TicketPhoto } from './models';
import { MONITOR_ROLES, PROPERTY_ROLES, TICKET_STAFF_ROLES, sidesOf, viewOf } from './policy';
import { presentDetail, presentTickets } from './presenter';
import { actOnTicket, assigneesFor, createTicket, findVisible, listTickets, registerComplaint } from './service';
import { monitorTickets } from './monitor';
import { sweepTickets } from './escalation';
import { publicPatrolResults, publishedPhoto } from './public';
import { mosaicOf } from './photos';

const tags = ['tickets'];
const REPORT = ['PM-031', 'PM-101', 'PM-102', 'PM-152', 'PM-153', 'PM-095', 'PM-096', 'PM-146', 'PM-147', 'PM-029', 'PM-079', 'PM-130', 'PM-156'];
const HANDLE = ['PM-023', 'PM-024', 'PM-025', 'PM-029', 'PM-079', 'PM-080', 'PM-081', 'PM-130', 'PM-131', 'PM-132', 'PM-101', 'PM-102', 'PM-152', 'PM-153', 'PM-158'];
const READ = ['PM-031', 'PM-080', 'PM-081', 'PM-095', 'PM-096', 'PM-098', 'PM-101', 'PM-102', 'PM-131', 'PM-132', 'PM-146', 'PM-147', 'PM-149', 'PM-152', 'PM-153'];
const MONITOR = ['PM-026', 'PM-030', 'PM-032'];

const photoParams = z.object({
  id: z.coerce.number().int().positive('工单编号必须为正整数'),
  photoId: z.coerce.number().int().positive('照片编号必须为正整数'),
});
const exportQuery = ticketQuery.omit({ page: true, pageSize: true });
const sweepResult = z.object({ warned: z.number().int(), escalated: z.record(z.string(), z.number().int()), closed: z.number().int() });

/** A submission answered: 201 when it made the ticket, 200 when the same request id was seen before. */
async function submitted(ctx: AppContext, run: () => Promise<{ ticket: Ticket; created: boolean }>, clientKey: string): Promise<undefined> {
  const user = ctx.state.user!;
  let result: { ticket: Ticket; created: boolean };
  try {
    result = await run();
  } catch (e) {
    // The same request at the same moment from another connection: the first one's ticket stands.
    if (!(e instanceof UniqueConstraintError)) throw e;
    const first = await Ticket.findOne({ where: { client_key: clientKey } });
    if (!first) throw e;
    result = { ticket: first, created: false };
  }
  // The submitter is its reporter (or, for a registered complaint, the regulator who took it).
  const view = viewOf(sidesOf(user, result.ticket));
  ctx.status = result.created ? 201 : 200;
  ctx.body = await presentDetail(result.ticket, view, ctx.deps.config.dataKey);
  return undefined;
}

export const ticketRoutes = [
  route({
    method: 'post', path: '/api/tickets', summary: '报修、投诉、巡查问题（随手拍）上报；同一请求编号重复提交返回同一工单', tags,
    requirements: REPORT, access: 'user', body: ticketCreate, response: ticketDetail, status: 201,
    handler: (ctx, { body }) => submitted(ctx, () => ctx.deps.db.tx((t) => createTicket(t, ctx.deps, ctx.state.user!, actorOf(ctx), body)), `${ctx.state.user!.id}:${body.clientRequestId}`),
  }),
  route({
    method: 'post', path: '/api/tickets/register', summary: '投诉登记（电话、窗口来访），投诉人手机号加密保存', tags,
    requirements: ['PM-022', 'PM-023', 'PM-025'], access: REGULATOR_ROLES, body: ticketRegister, response: ticketDetail, status: 201,
    handler: (ctx, { body }) => submitted(ctx, () => ctx.deps.db.tx((t) => registerComplaint(t, ctx.deps, ctx.state.user!, actorOf(ctx), body)), `${ctx.state.user!.id}:${body.clientRequestId}`),
  }),
  route({
    method: 'get', path: '/api/tickets', summary: '工单列表（本人上报的、本单位的、派给我的、本小区的；按类型、状态、小区、期限、编号或内容查询）', tags,
    requirements: READ, access: 'user', query: ticketQuery, response: pageOf(ticketSummary),
    handler: async (ctx, { query }) => {
      const { rows, total } = await listTickets(ctx.state.user!, query);
      return { items: await presentTickets(ctx.state.user!, rows), total, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get', path: '/api/tickets/export', summary: '导出工单列表（Excel，与列表相同的筛选与脱敏）', tags,
    requirements: ['PM-026', 'PM-032', 'PM-080', 'PM-081'], access: TICKET_STAFF_ROLES, query: exportQuery,
    produces: XLSX_TYPE,
    handler: async (ctx, { query }) => {
      const { rows } = await listTickets(ctx.state.user!, { ...query, page: 1, pageSize: 10000 });
      const items = await presentTickets(ctx.state.user!, rows);
      const time = (s: string | null) => (s ? new Date(new Date(s).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');
      return sendXlsx(ctx, { sheet: '工单', filename: '报修投诉工单.xlsx' }, [
        { header: '受理编号', key: 'ticketNo', width: 16 }, { header: '类型', key: 'kind', width: 10 }, { header: '类别', key: 'categoryLabel', width: 14 },
        { header: '状态', key: 'statusLabel', width: 12 }, { header: '小区', key: 'communityName', width: 20 }, { header: '处理单位', key: 'orgName', width: 28 },
        { header: '位置', key: 'place', width: 16 }, { header: '问题描述', key: 'descriptionPreview', width: 40 }, { header: '来源', key: 'channel', width: 10 },
        { header: '上报人', key: 'reporterName', width: 10 }, { header: '处理人', key: 'assigneeName', width: 16 }, { header: '上报时间', key: 'createdAt', width: 18 },
        { header: '办理期限', key: 'dueDate', width: 12 }, { header: '是否超期', key: 'overdue', width: 10 }, { header: '督办层级', key: 'escalation', width: 14 },
        { header: '办结时间', key: 'doneAt', width: 18 }, { header: '评分', key: 'rating', width: 6 },
      ], items.map((x) => ({
        ticketNo: x.ticketNo, kind: TICKET_KIND_LABELS[x.kind], categoryLabel: x.categoryLabel, statusLabel: x.statusLabel, communityName: x.communityName, orgName: x.orgName,
        place: [PLACE_LABELS[x.place], x.houseLabel ?? x.placeText ?? ''].filter(Boolean).join(' '), descriptionPreview: x.descriptionPreview,
        channel: TICKET_CHANNEL_LABELS[x.channel], reporterName: x.reporterName, assigneeName: x.assigneeName, createdAt: time(x.createdAt), dueDate: x.dueDate,
        overdue: x.overdue ? '是' : '否', escalation: ESCALATION_LABELS[x.escalationLevel as EscalationLevel] ?? '', doneAt: time(x.doneAt), rating: x.rating ?? '',
      })));
    },
  }),
  route({
    method: 'get', path: '/api/tickets/assignees', summary: '可派单对象（本单位工作人员；主管部门受理的投诉另可派给物业服务企业）', tags,
    requirements: ['PM-023', 'PM-080', 'PM-131'], access: [...REGULATOR_ROLES, ...PROPERTY_ROLES],
    query: z.object({ ticketId: z.coerce.number().int().positive('工单编号必须为正整数').optional() }), response: z.array(assignee),
    handler: (ctx, { query }) => assigneesFor(ctx.state.user!, query.ticketId),
  }),
  route({
    method: 'get', path: '/api/tickets/monitor', summary: '报修投诉巡查监测：按时办结率（按时办结 ÷ (已办结 + 超期未办结)）、按企业和小区、趋势、超期清单、升级情况、超期巡查任务', tags,
    requirements: MONITOR, access: MONITOR_ROLES, query: monitorQuery, response: monitorResponse,
    handler: async (ctx, { query }) => {
      if (query.from && query.to && query.from > query.to) throw errors.validation([{ field: 'from', message: '开始日期不能晚于结束日期' }]);
      return monitorTickets(ctx.state.user!, query);
    },
  }),
  route({
    method: 'post', path: '/api/tickets/sweep', summary: '立即执行一次期限检查（临期提醒、超期升级、评价期满自动关闭）', tags,
    requirements: ['PM-026', 'PM-032'], access: ['sys_admin'], response: sweepResult,
    handler: (ctx) => sweepTickets(ctx.deps),
  }),
  route({
    method: 'get', path: '/api/tickets/:id', summary: '工单详情（处理记录、照片、当前可执行的操作）', tags,
    requirements: READ, access: 'user', params: idParam, response: ticketDetail,
    handler: async (ctx, { params }) => {
      const { ticket, view } = await findVisible(undefined, ctx.state.user!, params.id);
      return presentDetail(ticket, view, ctx.deps.config.dataKey);
    },
  }),
  route({
    method: 'post', path: '/api/tickets/:id/actions', summary: '工单操作：受理、派单、开始处理、办结（报修、巡查须处理后照片；投诉须处理结果）、非本单位职责、重复件、评价、重新打开、关闭、撤回、补充说明', tags,
    requirements: HANDLE, access: 'user', params: idParam, body: ticketActionRequest, response: ticketDetail,
    handler: async (ctx, { params, body }) => {
      const key = ctx.deps.config.dataKey;
      return ctx.deps.db.tx(async (t) => {
        const { ticket, view } = await actOnTicket(t, ctx.deps, ctx.state.user!, actorOf(ctx), params.id, body);
        return presentDetail(ticket, view, key, t);
      });
    },
  }),
  route({
    method: 'get', path: '/api/tickets/:id/photos/:photoId', summary: '工单照片（处理方与上报人看原图，监督方看去除元数据的版本；variant=thumb 为缩略图）', tags,
    requirements: ['PM-029', 'PM-079', 'PM-130'], access: 'user', params: photoParams, produces: 'image/jpeg',
    query: z.object({ variant: z.enum(['original', 'thumb']).default('original') }),
    handler: async (ctx, { params, query }) => {
      const { view } = await findVisible(undefined, ctx.state.user!, params.id);
      const photo = await TicketPhoto.findOne({ where: { id: params.photoId, ticket_id: params.id } });
      const f = photo ? await FileObject.findByPk(photo.file_id) : null;
      if (!f) throw errors.notFound('PHOTO_NOT_FOUND', '照片不存在');
      const key = query.variant === 'thumb' ? f.thumb_key : view.originals ? f.storage_key : f.public_key;
      if (!key) throw errors.notFound('PHOTO_VARIANT_NOT_FOUND', '该文件没有此版本');
      ctx.type = key === f.storage_key ? f.mime : 'image/jpeg';
      ctx.set('Cache-Control', 'private, max-age=300');
      ctx.body = ctx.deps.files.read(key);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/public/patrol-results', summary: '公开：巡查问题处理结果（不含个人信息，照片已马赛克处理）', tags: [...tags, 'public'],
    requirements: ['PM-029', 'PM-079', 'PM-130'], access: 'public', rateLimit: 'public', query: publicPatrolQuery, response: pageOf(publicPatrolResult),
    handler: async (_ctx, { query }) => ({ ...(await publicPatrolResults(query)), page: query.page, pageSize: query.pageSize }),
  }),
  route({
    method: 'get', path: '/api/public/files/patrol-photos/:id', summary: '公开：巡查照片（马赛克处理，无元数据）', tags: [...tags, 'public'],
    requirements: ['PM-029', 'PM-079', 'PM-130'], access: 'public', rateLimit: 'public', params: idParam, produces: 'image/jpeg',
    handler: async (ctx, { params }) => {
      const photo = await publishedPhoto(params.id);
      if (!photo) throw errors.notFound('PHOTO_NOT_FOUND', '照片不存在或未公开');
      const key = await mosaicOf(ctx.deps, photo);
      ctx.type = 'image/jpeg';
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.body = ctx.deps.files.read(key);
      return undefined;
    },
  }),
];

