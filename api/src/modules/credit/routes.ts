// 信用管理 (one engine for developers, agencies, brokers and property companies): standards,
// credit events with evidence and review, cross-department import, objections and revocation,
// explained scores, yearly snapshots, and the public's ratings of agencies and brokers.
import {
  z, idParam, pageOf, CREDIT_SUBJECT_KINDS, creditKindParam, creditSubjectParams, creditStandardBody, creditStandardView, creditEventInput, creditImportInput,
  creditImportResult, creditReviewInput, creditEventQuery, creditEventView, creditObjectionInput, creditObjectionView, objectionDecisionInput, objectionQuery,
  creditSubjectView, snapshotInput, snapshotResult, ratingInput, ratingView, type Role,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { actorOf } from '../../platform/http/actor';
import { DECIDERS, ENTERPRISE_STAFF, REGULATORS } from '../enterprises/policy';
import * as svc from './service';
import { CreditObjection } from './models';
import { presentObjection, userNames } from './presenter';

const tags = ['credit'];
const READERS: readonly Role[] = [...REGULATORS, 'association', ...ENTERPRISE_STAFF, 'broker'];
const REVIEWERS: readonly Role[] = [...DECIDERS, 'association'];
const SUBJECT_SIDE: readonly Role[] = [...ENTERPRISE_STAFF, 'broker'];
const COLLECT = ['RE-060', 'RE-073', 'RE-164', 'RE-168', 'PM-005'];

export const creditRoutes = [
  route({
    method: 'get', path: '/api/credit/standards', summary: '信用评级标准（各类主体的基础分、指标、等级，及可用的基础事实）', tags,
    requirements: ['RE-059', 'PM-005'], access: 'user', response: z.array(creditStandardView),
    handler: () => Promise.all(CREDIT_SUBJECT_KINDS.map((k) => svc.standardView(k))),
  }),
  route({
    method: 'put', path: '/api/credit/standards/:kind', summary: '修改信用评级标准（主管部门；中介机构与经纪人的亦可由行业协会修改；留痕）', tags,
    requirements: ['RE-059', 'PM-005'], access: REVIEWERS, params: creditKindParam, body: creditStandardBody, response: creditStandardView,
    handler: async (ctx, { params, body }) => {
      await ctx.deps.db.tx((t) => svc.updateStandard(t, ctx.state.user!, actorOf(ctx), params.kind, body));
      return svc.standardView(params.kind);
    },
  }),
  route({
    method: 'post', path: '/api/credit/events', summary: '信用信息报送与录入（企业自主报送、主管部门录入；须附依据与证据，待审核）', tags,
    requirements: COLLECT, access: [...REGULATORS, 'association', ...SUBJECT_SIDE], body: creditEventInput, response: creditEventView, status: 201,
    handler: async (ctx, { body }) => {
      const e = await ctx.deps.db.tx((t) => svc.reportEvent(t, ctx.state.user!, actorOf(ctx), body));
      return svc.eventDetail(ctx.state.user!, e.id);
    },
  }),
  route({
    method: 'post', path: '/api/credit/events/import', summary: '跨部门信用信息批量导入（JSON；逐条报告结果，重复记录不重复导入）', tags,
    requirements: ['RE-060', 'RE-061', 'RE-073'], access: DECIDERS, body: creditImportInput, response: creditImportResult,
    handler: (ctx, { body }) => ctx.deps.db.tx((t) => svc.importEvents(t, ctx.deps, ctx.state.user!, actorOf(ctx), body)),
  }),
  route({
    method: 'get', path: '/api/credit/events', summary: '信用信息查询（按年度、企业关键字、类别、状态、来源；企业仅本单位）', tags,
    requirements: ['RE-064', 'RE-165', 'RE-169'], access: READERS, query: creditEventQuery, response: pageOf(creditEventView),
    handler: (ctx, { query }) => svc.listEvents(ctx.state.user!, query),
  }),
  route({
    method: 'get', path: '/api/credit/events/:id', summary: '信用信息详情（依据、证据、审核与异议记录）', tags,
    requirements: ['RE-061', 'RE-064', 'RE-165', 'RE-169'], access: READERS, params: idParam, response: creditEventView,
    handler: (ctx, { params }) => svc.eventDetail(ctx.state.user!, params.id),
  }),
  route({
    method: 'post', path: '/api/credit/events/:id/review', summary: '审核信用信息（通过后计入信用；录入人不能审核本人录入的）', tags,
    requirements: ['RE-061', 'RE-073', 'PM-005'], access: REVIEWERS, params: idParam, body: creditReviewInput, response: creditEventView,
    handler: async (ctx, { params, body }) => {
      await ctx.deps.db.tx((t) => svc.reviewEvent(t, ctx.state.user!, actorOf(ctx), params.id, body.decision, body.opinion));
      return svc.eventDetail(ctx.state.user!, params.id);
    },
  }),
  route({
    method: 'post', path: '/api/credit/events/:id/objections', summary: '对信用信息提出异议（信用主体本身；须附证据材料）', tags,
    requirements: ['RE-062'], access: SUBJECT_SIDE, params: idParam, body: creditObjectionInput, response: creditObjectionView, status: 201,
    handler: async (ctx, { params, body }) => {
      const o = await ctx.deps.db.tx((t) => svc.objectEvent(t, ctx.state.user!, actorOf(ctx), params.id, body));
      return presentObjection(o, await userNames([o.submitted_by]));
    },
  }),
  route({
    method: 'get', path: '/api/credit/objections', summary: '信用异议列表（待核实 / 已核实）', tags,
    requirements: ['RE-062'], access: READERS, query: objectionQuery, response: pageOf(creditObjectionView),
    handler: (ctx, { query }) => svc.listObjections(ctx.state.user!, query),
  }),
  route({
    method: 'post', path: '/api/credit/objections/:id/decide', summary: '核实异议（成立则撤销该信用信息并重新评级）', tags,
    requirements: ['RE-062', 'RE-063'], access: REVIEWERS, params: idParam, body: objectionDecisionInput, response: creditObjectionView,
    handler: async (ctx, { params, body }) => {
      await ctx.deps.db.tx((t) => svc.decideObjection(t, ctx.state.user!, actorOf(ctx), params.id, body.decision, body.opinion));
      const o = (await CreditObjection.findByPk(params.id))!;
      return presentObjection(o, await userNames([o.submitted_by, o.decided_by]));
    },
  }),
  route({
    method: 'get', path: '/api/credit/subjects/:kind/:id', summary: '信用评价（分值、等级及计分明细：计入的信用信息、各自分值与有效期；历年档案）', tags,
    requirements: ['RE-063', 'RE-064', 'RE-074', 'RE-165', 'RE-169', 'PM-005'], access: READERS, params: creditSubjectParams, response: creditSubjectView,
    handler: (ctx, { params }) => svc.subjectView(ctx.state.user!, params.kind, params.id),
  }),
  route({
    method: 'post', path: '/api/credit/snapshots', summary: '生成年度信用档案（各主体当年末的分值、等级与明细；已生成的不覆盖）', tags,
    requirements: ['RE-063', 'RE-064'], access: DECIDERS, body: snapshotInput, response: snapshotResult,
    handler: (ctx, { body }) => ctx.deps.db.tx((t) => svc.takeSnapshots(t, ctx.state.user!, actorOf(ctx), body.year, body.kind)),
  }),
  route({
    method: 'post', path: '/api/ratings', summary: '评价中介机构或经纪人（须登录；每人每季度对同一对象评价一次，须写明理由；计入信用）', tags,
    requirements: ['RE-075'], access: 'user', body: ratingInput, response: ratingView, status: 201,
    handler: (ctx, { body }) => ctx.deps.db.tx((t) => svc.rate(t, ctx.state.user!, actorOf(ctx), body)),
  }),
];
