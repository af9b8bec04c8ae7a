// Regulators' and developers' view of projects. Developer staff see only their own company's.
import { Op, fn, col } from 'sequelize';
import { z, idParam, pageQuery, pageOf, REGULATOR_ROLES } from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { assertOrgScope, scopeOf } from '../../platform/access/policy';
import { Org } from '../../platform/models';
import { Project, Room } from './models';

const projectSummary = z.object({
  id: z.number().int(), name: z.string(), district: z.string(), address: z.string(), developerOrgId: z.number().int(),
  developerName: z.string().nullable(), status: z.string(), lng: z.number().nullable(), lat: z.number().nullable(),
});
const projectDetail = projectSummary.extend({
  filedName: z.string().nullable(), marketingName: z.string().nullable(), parcelCode: z.string().nullable(),
  roomCount: z.number().int(), roomsByStatus: z.record(z.string(), z.number().int()),
});

const ACCESS = [...REGULATOR_ROLES, 'developer_staff'] as const;

/** Developer names for a page of projects, in one query. */
async function developerNames(projects: Project[]): Promise<Map<number, string>> {
  const ids = [...new Set(projects.map((p) => p.developer_org_id))];
  const orgs = await Org.findAll({ where: { id: ids }, attributes: ['id', 'name'] });
  return new Map(orgs.map((o) => [o.id, o.name]));
}

function summary(p: Project, names: Map<number, string>) {
  return {
    id: p.id, name: p.name, district: p.district, address: p.address, developerOrgId: p.developer_org_id,
    developerName: names.get(p.developer_org_id) ?? null, status: p.status, lng: p.lng, lat: p.lat,
  };
}

export const realEstateRoutes = [
  route({
    method: 'get', path: '/api/projects', summary: '项目列表（开发企业仅见本企业项目）', tags: ['realestate'],
    requirements: ['RE-003', 'RE-007'], access: ACCESS,
    query: pageQuery.extend({ keyword: z.string().trim().max(50, '关键字不超过50个字符').optional() }), response: pageOf(projectSummary),
    handler: async (ctx, { query }) => {
      const user = ctx.state.user!;
      const where: Record<string | symbol, unknown> = {};
      if (scopeOf(user) !== 'all') where.developer_org_id = user.orgId ?? -1;
      if (query.keyword) {
        const k = `%${query.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
        where[Op.or] = [{ name: { [Op.like]: k } }, { filed_name: { [Op.like]: k } }, { marketing_name: { [Op.like]: k } }];
      }
      const { rows, count } = await Project.findAndCountAll({
        where, order: [['id', 'ASC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
      });
      const names = await developerNames(rows);
      return { items: rows.map((p) => summary(p, names)), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'get', path: '/api/projects/:id', summary: '项目详情（含按销售状态统计的房屋数）', tags: ['realestate'],
    requirements: ['RE-003', 'RE-007'], access: ACCESS, params: idParam, response: projectDetail,
    handler: async (ctx, { params }) => {
      const p = await Project.findByPk(params.id);
      if (!p) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
      assertOrgScope(ctx.state.user!, p.developer_org_id);
      const counts = (await Room.findAll({
        where: { project_id: p.id }, attributes: ['sale_status', [fn('COUNT', col('id')), 'n']], group: ['sale_status'], raw: true,
      })) as unknown as { sale_status: string; n: number | string }[];
      const roomsByStatus = Object.fromEntries(counts.map((c) => [c.sale_status, Number(c.n)]));
      return {
        ...summary(p, await developerNames([p])), filedName: p.filed_name, marketingName: p.marketing_name, parcelCode: p.parcel_code,
        roomCount: Object.values(roomsByStatus).reduce((a, b) => a + b, 0), roomsByStatus,
      };
    },
  }),
];
