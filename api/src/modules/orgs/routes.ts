import { Op } from 'sequelize';
import { z, idParam, pageQuery, pageOf, ORG_KINDS, ORG_KIND_LABELS, REGULATOR_ROLES, type OrgKind } from '@hq/common';
import { route } from '../../platform/http/route';
import { Org } from '../../platform/models';
import { errors } from '../../platform/errors';
import { assertOrgScope } from '../../platform/access/policy';

const orgDetail = z.object({
  id: z.number().int(), kind: z.string(), kindLabel: z.string(), name: z.string(), uscc: z.string().nullable(),
  legalRep: z.string().nullable(), address: z.string().nullable(), status: z.string(),
});

const orgOption = z.object({ id: z.number().int(), kind: z.string(), kindLabel: z.string(), name: z.string(), uscc: z.string().nullable(), status: z.string() });

export const orgRoutes = [
  route({
    method: 'get', path: '/api/orgs', summary: '单位名录（名称与统一社会信用代码，供选择开发企业、监管银行等）', tags: ['orgs'],
    requirements: ['RE-056', 'PM-003'], access: 'user',
    query: pageQuery.extend({ kind: z.enum(ORG_KINDS).optional(), keyword: z.string().trim().max(50, '关键字不超过50个字符').optional() }),
    response: pageOf(orgOption),
    handler: async (_ctx, { query }) => {
      const where: Record<string | symbol, unknown> = {};
      if (query.kind) where.kind = query.kind;
      if (query.keyword) {
        const k = `%${query.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        where[Op.or] = [{ name: { [Op.like]: k } }, { uscc: { [Op.like]: k } }];
      }
      const { rows, count } = await Org.findAndCountAll({ where, order: [['kind', 'ASC'], ['id', 'ASC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return {
        items: rows.map((o) => ({ id: o.id, kind: o.kind, kindLabel: ORG_KIND_LABELS[o.kind as OrgKind] ?? o.kind, name: o.name, uscc: o.uscc, status: o.status })),
        total: count, page: query.page, pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get', path: '/api/orgs/:id', summary: '企业/单位详情（企业用户仅可查看本单位）', tags: ['orgs'],
    requirements: ['RE-056', 'PM-003'], access: [...REGULATOR_ROLES, 'association', 'developer_staff', 'agency_admin', 'property_staff', 'bank', 'review_unit'],
    params: idParam, response: orgDetail,
    handler: async (ctx, { params }) => {
      const org = await Org.findByPk(params.id);
      if (!org) throw errors.notFound('ORG_NOT_FOUND', '单位不存在');
      assertOrgScope(ctx.state.user!, org.id);
      return {
        id: org.id, kind: org.kind, kindLabel: ORG_KIND_LABELS[org.kind as OrgKind] ?? org.kind, name: org.name, uscc: org.uscc,
        legalRep: org.legal_rep ?? null, address: org.address ?? null, status: org.status,
      };
    },
  }),
];
