// 赋码 (RE-020…RE-025): the public check of a code, the rules (system administrator) and the
// register of issued codes (regulators read and cancel; the audit administrator reads).
// Codes themselves are issued by the modules that own the records, inside their transactions.
import {
  z, idParam, pageOf, okResponse, CODE_FAMILY_REQUIREMENTS, cancelCodeBody, codeFamilyParam, codeIssueRow, codeIssuesQuery,
  codeRuleBody, codeRuleRow, codeVerifyQuery, codeVerifyResponse, type Role,
} from '@hq/common';
import { route } from '../http/route';
import { actorOf } from '../http/actor';
import { errors } from '../errors';
import { CodeIssue } from './models';
import { cancelCode, listIssues, listRules, presentIssue, updateRule, verifyCode } from './service';

const requirements = Object.values(CODE_FAMILY_REQUIREMENTS);
const tags = ['codes'];
const REGULATORS: readonly Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];

export const codeRoutes = [
  route({
    method: 'get', path: '/api/public/codes/verify', summary: '公开：核验编码（预售许可证号、现售备案号、各类网签合同备案号）是否有效', tags: ['public', ...tags],
    requirements, access: 'public', rateLimit: 'public', query: codeVerifyQuery, response: codeVerifyResponse,
    handler: (_ctx, { query }) => verifyCode(query.code),
  }),
  route({
    method: 'get', path: '/api/codes/rules', summary: '赋码规则列表', tags, requirements,
    access: ['sys_admin', ...REGULATORS, 'audit_admin'], response: z.object({ items: z.array(codeRuleRow) }),
    handler: async () => ({ items: await listRules() }),
  }),
  route({
    method: 'put', path: '/api/codes/rules/:family', summary: '修改赋码规则（系统管理员；模板经校验，留痕）', tags, requirements,
    access: ['sys_admin'], params: codeFamilyParam, body: codeRuleBody, response: okResponse,
    handler: async (ctx, { params, body }) => {
      await ctx.deps.db.tx((t) => updateRule(t, params.family, body, actorOf(ctx)));
      return { ok: true as const };
    },
  }),
  route({
    method: 'get', path: '/api/codes/issues', summary: '已发放编码登记簿（按类别、周期、状态查询）', tags, requirements,
    access: [...REGULATORS, 'audit_admin'], query: codeIssuesQuery, response: pageOf(codeIssueRow),
    handler: (_ctx, { query }) => listIssues(query),
  }),
  route({
    method: 'post', path: '/api/codes/issues/:id/cancel', summary: '注销编码（须填写原因；注销后的编号不再使用）', tags, requirements,
    access: REGULATORS, params: idParam, body: cancelCodeBody, response: codeIssueRow,
    handler: (ctx, { params, body }) => ctx.deps.db.tx(async (t) => {
      const issue = await CodeIssue.findByPk(params.id, { transaction: t });
      if (!issue) throw errors.notFound('CODE_NOT_FOUND', '编码记录不存在');
      return presentIssue(await cancelCode(t, issue.code, body.reason, actorOf(ctx)));
    }),
  }),
];
