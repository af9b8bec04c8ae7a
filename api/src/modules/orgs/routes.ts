import { z, idParam, ORG_KIND_LABELS, REGULATOR_ROLES, type OrgKind } from '@hq/common';
import { route } from '../../platform/http/route';
import { Org } from '../../platform/models';
import { errors } from '../../platform/errors';
import { assertOrgScope } from '../../platform/access/policy';

const orgDetail = z.object({
  id: z.number().int(), kind: z.string(), kindLabel: z.string(), name: z.string(), uscc: z.string().nullable(),
  legalRep: z.string().nullable(), address: z.string().nullable(), status: z.string(),
});

export const orgRoutes = [
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
