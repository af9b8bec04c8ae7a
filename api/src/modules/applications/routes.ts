// 网上办事: applications and reviews through the one engine — drafts (草稿箱), submit, review
// steps, return for supplements, versions and their differences, the inbox (待办/已办), and
// in-app notifications.
import { Op, type WhereOptions } from 'sequelize';
import {
  z, idParam, pageOf, okResponse, draftCreateInput, draftSaveInput, actInput, applicationSummary, applicationDetail, inboxQuery, versionDiff,
  notificationView, REGULATOR_ROLES, ROLE_SCOPE, type Role,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { actorOf } from '../../platform/http/actor';
import type { AppContext } from '../../platform/http/types';
import { Application, ApplicationAction, ApplicationVersion, Notification } from '../../platform/workflow/models';
import { act, businessTypes, canSee, createDraft, detail, diffForms, orgNames, saveForm, summarise } from '../../platform/workflow/engine';
import { registerElicenceLater } from '../permits/certificate';
import '../permits/presale';
import '../permits/completed';
import '../permits/change';
import '../enterprises/businessTypes';

const REVIEWERS: readonly Role[] = REGULATOR_ROLES;
/** Brokers apply for their own filing (经纪人备案) from the mini-program. */
const APPLICANTS: readonly Role[] = ['developer_staff', 'agency_admin', 'property_staff', 'broker'];
/** The industry association reviews agency and broker filings. */
const ANYONE: readonly Role[] = [...REVIEWERS, 'association', ...APPLICANTS];
/** A person whose roles see only their own records works with the applications they created. */
const selfOnly = (roles: readonly Role[]) => roles.every((r) => ROLE_SCOPE[r] === 'self');

async function visible(ctx: AppContext, id: number): Promise<Application> {
  const app = await Application.findByPk(id);
  if (!app || !canSee(ctx.state.user!, app, REVIEWERS)) throw errors.notFound('APPLICATION_NOT_FOUND', '申请不存在');
  return app;
}

async function detailOf(ctx: AppContext, id: number) {
  return ctx.deps.db.tx(async (t) => detail(t, ctx.state.user!, (await Application.findByPk(id, { transaction: t }))!));
}

const typeInfo = z.object({
  key: z.string(), label: z.string(), applicantRoles: z.array(z.string()),
  steps: z.array(z.object({ key: z.string(), label: z.string(), roles: z.array(z.string()), days: z.number().int() })),
  attachments: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
});

export const applicationRoutes = [
  route({
    method: 'get', path: '/api/applications/types', summary: '可办理的业务类型（审核环节、时限、所需附件）', tags: ['workflow'],
    requirements: ['RE-001', 'RE-012'], access: ANYONE, response: z.array(typeInfo),
    handler: async () => businessTypes().map((t) => ({
      key: t.key, label: t.label, applicantRoles: [...t.applicantRoles], steps: t.steps.map((s) => ({ ...s, roles: [...s.roles] })), attachments: t.attachments.map((a) => ({ ...a })),
    })),
  }),
  route({
    method: 'post', path: '/api/applications', summary: '新建申请（存入草稿箱）', tags: ['workflow'], requirements: ['RE-001', 'RE-012', 'RE-098'],
    access: APPLICANTS, body: draftCreateInput, response: applicationDetail, status: 201,
    handler: async (ctx, { body }) => {
      const app = await ctx.deps.db.tx((t) => createDraft(t, ctx.state.user!, actorOf(ctx), body.type, body.form, body.attachments));
      return detailOf(ctx, app.id);
    },
  }),
  route({
    method: 'get', path: '/api/applications', summary: '待办 / 已办 / 本单位申请（逾期标红）', tags: ['workflow'], requirements: ['RE-001', 'RE-015', 'RE-016', 'RE-017'],
    access: ANYONE, query: inboxQuery, response: pageOf(applicationSummary),
    handler: async (ctx, { query }) => {
      const user = ctx.state.user!;
      const where: Record<string | symbol, unknown> = {};
      const and: WhereOptions[] = [];
      const isReviewer = user.roles.some((r) => REVIEWERS.includes(r));
      if (query.box === 'todo') {
        const mineAsApplicant = user.orgId != null && user.roles.some((r) => APPLICANTS.includes(r))
          ? [{ org_id: user.orgId, status: ['draft', 'returned'], ...(selfOnly(user.roles) ? { created_by: user.id } : {}) }] : [];
        const mineAsReviewer = user.roles.map((r) => ({ status: ['submitted', 'in_review'], step_roles: { [Op.like]: `%${r}%` } }));
        and.push({ [Op.or]: [...mineAsApplicant, ...mineAsReviewer] });
      } else if (query.box === 'done') {
        const acted = await ApplicationAction.findAll({ where: { actor_user_id: user.id }, attributes: ['application_id'], group: ['application_id'], raw: true });
        where.id = acted.map((a) => a.application_id);
      } else if (selfOnly(user.roles)) {
        where.created_by = user.id;
        where.org_id = user.orgId ?? -1;
      } else if (!isReviewer) {
        where.org_id = user.orgId ?? -1;
      }
      if (query.type) where.type = query.type;
      if (query.status) where.status = query.status;
      if (query.overdue === 'true') and.push({ status: ['submitted', 'in_review'], deadline_at: { [Op.lt]: new Date() } });
      if (query.keyword) {
        const k = `%${query.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        and.push({ [Op.or]: [{ title: { [Op.like]: k } }, { app_no: { [Op.like]: k } }] });
      }
      if (and.length) where[Op.and] = and;
      const { rows, count } = await Application.findAndCountAll({
        where, order: [['deadline_at', 'ASC'], ['updated_at', 'DESC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
      });
      const names = await orgNames(rows.map((r) => r.org_id));
      return { items: rows.map((r) => summarise(r, names.get(r.org_id) ?? null)), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get', path: '/api/applications/:id', summary: '申请详情（表单、附件、审核记录、版本、可执行操作、缺项）', tags: ['workflow'],
    requirements: ['RE-012', 'RE-015', 'RE-016', 'RE-017', 'RE-099'], access: ANYONE, params: idParam, response: applicationDetail,
    handler: async (ctx, { params }) => detailOf(ctx, (await visible(ctx, params.id)).id),
  }),
  route({
    method: 'put', path: '/api/applications/:id/form', summary: '保存申请表（草稿自动保存；退回补正时生成新版本）', tags: ['workflow'],
    requirements: ['RE-098', 'RE-099'], access: APPLICANTS, params: idParam, body: draftSaveInput, response: applicationDetail,
    handler: async (ctx, { params, body }) => {
      await visible(ctx, params.id);
      await ctx.deps.db.tx((t) => saveForm(t, ctx.state.user!, actorOf(ctx), params.id, body.lockVersion, body.form, body.attachments));
      return detailOf(ctx, params.id);
    },
  }),
  route({
    method: 'post', path: '/api/applications/:id/actions', summary: '提交、审核通过、退回补正、不予通过、重新提交、撤回', tags: ['workflow'],
    requirements: ['RE-013', 'RE-015', 'RE-016', 'RE-017', 'RE-099'], access: ANYONE, params: idParam, body: actInput, response: applicationDetail,
    handler: async (ctx, { params, body }) => {
      await visible(ctx, params.id);
      const app = await ctx.deps.db.tx((t) => act(t, ctx.state.user!, actorOf(ctx), params.id, body, ctx.deps));
      if (app.status === 'approved' && body.action === 'approve' && (app.result_type === 'presale_permit' || app.result_type === 'completed_filing') && app.result_id) {
        // After the approval has committed: register with the provincial e-licence platform. A failure
        // leaves the permit valid without a licence id; POST /api/permits/:id/elicence retries.
        registerElicenceLater(ctx.deps, app.result_id);
      }
      return detailOf(ctx, params.id);
    },
  }),
  route({
    method: 'get', path: '/api/applications/:id/versions/:no', summary: '申请表的某一版本', tags: ['workflow'], requirements: ['RE-099'], access: ANYONE,
    params: z.object({ id: idParam.shape.id, no: z.coerce.number().int().positive('版本号必须为正整数') }),
    response: z.object({ versionNo: z.number().int(), form: z.record(z.string(), z.unknown()), attachments: z.array(z.unknown()), at: z.string() }),
    handler: async (ctx, { params }) => {
      await visible(ctx, params.id);
      const v = await ApplicationVersion.findOne({ where: { application_id: params.id, version_no: params.no } });
      if (!v) throw errors.notFound('VERSION_NOT_FOUND', '该版本不存在');
      return { versionNo: v.version_no, form: JSON.parse(v.form), attachments: JSON.parse(v.attachments), at: v.updated_at.toISOString() };
    },
  }),
  route({
    method: 'get', path: '/api/applications/:id/diff', summary: '比较两个版本的申请表', tags: ['workflow'], requirements: ['RE-099'], access: ANYONE,
    params: idParam, query: z.object({ from: z.coerce.number().int().positive('版本号必须为正整数'), to: z.coerce.number().int().positive('版本号必须为正整数') }),
    response: versionDiff,
    handler: async (ctx, { params, query }) => {
      await visible(ctx, params.id);
      const [a, b] = await Promise.all([query.from, query.to].map((no) => ApplicationVersion.findOne({ where: { application_id: params.id, version_no: no } })));
      if (!a || !b) throw errors.notFound('VERSION_NOT_FOUND', '该版本不存在');
      const files = (v: ApplicationVersion) => ({ form: JSON.parse(v.form), attachments: JSON.parse(v.attachments) });
      return { from: query.from, to: query.to, changes: diffForms(files(a), files(b)) };
    },
  }),
  route({
    method: 'get', path: '/api/notifications', summary: '站内消息（本人及所任角色）', tags: ['workflow'], requirements: ['RE-001'], access: 'user',
    query: z.object({ unread: z.enum(['true', 'false']).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
    response: pageOf(notificationView),
    handler: async (ctx, { query }) => {
      const user = ctx.state.user!;
      const where: Record<string | symbol, unknown> = { [Op.or]: [{ user_id: user.id }, { role: user.roles }] };
      if (query.unread === 'true') where.read_at = null;
      const { rows, count } = await Notification.findAndCountAll({ where, order: [['id', 'DESC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return {
        items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: !!n.read_at, at: n.created_at.toISOString() })),
        total: count, page: query.page, pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'post', path: '/api/notifications/:id/read', summary: '标记消息已读', tags: ['workflow'], requirements: ['RE-001'], access: 'user',
    params: idParam, response: okResponse,
    handler: async (ctx, { params }) => {
      const user = ctx.state.user!;
      // Role-wide messages are marked read for everyone holding the role: reviewers share a queue.
      await ctx.deps.db.tx((t) => Notification.update({ read_at: new Date() }, { where: { id: params.id, [Op.or]: [{ user_id: user.id }, { role: user.roles }] }, transaction: t }));
      return { ok: true as const };
    },
  }),
];
