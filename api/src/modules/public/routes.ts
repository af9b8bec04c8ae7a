// Public disclosure API (no login, rate-limited, cached and revalidated by ETag): project
// search, project detail with sales summary, building tables, rooms, developers, agencies, map.
import {
  z, idParam, pageOf, publicProjectQuery, publicProjectSummary, publicProjectDetail, buildingTable, projectTable, publicRoomDetail,
  developerProfile, agencyQuery, agencySummary, agencyProfile, mapQuery, mapResponse, LEGEND,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { ResponseCache, sendCached, type CachedBody } from '../../platform/cache';
import type { Db } from '../../platform/db';
import type { AppContext } from '../../platform/http/types';
import * as svc from './service';
import { projectIndex } from './projectIndex';
import { Project } from '../realestate/models';

const caches = new WeakMap<Db, ResponseCache>();
function cacheOf(ctx: AppContext): ResponseCache {
  let c = caches.get(ctx.deps.db);
  if (!c) caches.set(ctx.deps.db, (c = new ResponseCache({ max: 5000, freshMs: 500 })));
  return c;
}

function found(body: CachedBody | null, code: string, message: string): CachedBody {
  if (!body) throw errors.notFound(code, message);
  return body;
}

/** Lists built from the in-memory project index are versioned by the index itself. */
const indexVersion = async (ctx: AppContext) => {
  const idx = projectIndex(ctx.deps.db);
  await idx.all();
  return idx.signatureNow;
};

const tags = ['public'];
const common = { access: 'public' as const, rateLimit: 'public' as const, tags };

export const publicRoutes = [
  route({
    ...common, method: 'get', path: '/api/public/projects', summary: '公开：项目查询（名称、备案名、推广名、开发企业、片区、用途、预售证号、关键字）',
    requirements: ['RE-003', 'RE-004', 'RE-141', 'RE-142'], query: publicProjectQuery, response: pageOf(publicProjectSummary),
    handler: async (ctx, { query }) => {
      const key = `search:${JSON.stringify(query)}`;
      const body = await cacheOf(ctx).get(key, () => indexVersion(ctx), () => svc.searchProjects(ctx.deps.db, query));
      return sendCached(ctx, body!);
    },
  }),
  route({
    ...common, method: 'get', path: '/api/public/projects/:id', summary: '公开：项目详情（项目信息、预售证、单体、形象进度、销售总览）',
    requirements: ['RE-002', 'RE-003', 'RE-004', 'RE-093', 'RE-141', 'RE-142', 'RE-010'], params: idParam, response: publicProjectDetail,
    handler: async (ctx, { params }) => {
      const db = ctx.deps.db;
      const body = await cacheOf(ctx).get(`project:${params.id}`, () => svc.projectVersion(db, params.id), () => svc.projectDetail(db, params.id));
      return sendCached(ctx, found(body, 'PROJECT_NOT_FOUND', '项目不存在'));
    },
  }),
  route({
    ...common, method: 'get', path: '/api/public/projects/:id/table', summary: '公开：项目全部单体的楼盘表',
    requirements: ['RE-004', 'RE-009', 'RE-142'], params: idParam, response: projectTable,
    handler: async (ctx, { params }) => {
      const db = ctx.deps.db;
      const body = await cacheOf(ctx).get(`ptable:${params.id}`, () => svc.projectVersion(db, params.id), async () => {
        const p = await Project.findByPk(params.id, { attributes: ['id', 'name'] });
        const tables = await svc.buildingTables(db, { projectId: params.id });
        return { project: { id: params.id, name: p?.name ?? '' }, buildings: tables.map(({ projectId: _p, ...t }) => t) };
      });
      return sendCached(ctx, found(body, 'PROJECT_NOT_FOUND', '项目不存在'));
    },
  }),
  route({
    ...common, method: 'get', path: '/api/public/buildings/:id/table', summary: '公开：单体楼盘表（按楼层排列，状态颜色与限制标记）',
    requirements: ['RE-003', 'RE-004', 'RE-009', 'RE-141', 'RE-142'], params: idParam, response: buildingTable,
    handler: async (ctx, { params }) => {
      const db = ctx.deps.db;
      const body = await cacheOf(ctx).get(`btable:${params.id}`, () => svc.buildingVersion(db, params.id), async () => {
        const [t] = await svc.buildingTables(db, { buildingId: params.id });
        const p = await Project.findByPk(t.projectId, { attributes: ['id', 'name'] });
        const { projectId, ...rest } = t;
        return { project: { id: projectId, name: p?.name ?? '' }, ...rest };
      });
      return sendCached(ctx, found(body, 'BUILDING_NOT_FOUND', '单体（楼栋）不存在'));
    },
  }),
  route({
    ...common, method: 'get', path: '/api/public/rooms/:id', summary: '公开：房屋详情（面积、备案价、状态、限制标记、状态变化记录）',
    requirements: ['RE-003', 'RE-004', 'RE-009', 'RE-142'], params: idParam, response: publicRoomDetail,
    handler: async (ctx, { params }) => {
      const db = ctx.deps.db;
      const body = await cacheOf(ctx).get(`room:${params.id}`, () => svc.roomVersion(db, params.id), () => svc.roomDetail(db, params.id));
      return sendCached(ctx, found(body, 'ROOM_NOT_FOUND', '房屋不存在'));
    },
  }),
  route({
    ...common, method: 'get', path: '/api/public/legend', summary: '公开：楼盘表颜色图例', requirements: ['RE-003', 'RE-141'],
    response: z.array(z.object({ key: z.string(), colour: z.string(), label: z.string() })),
    handler: async () => LEGEND,
  }),
  route({
    ...common, method: 'get', path: '/api/public/developers/:id', summary: '公开：开发企业信息（基本信息与在售项目）',
    requirements: ['RE-005', 'RE-143'], params: idParam, response: developerProfile,
    handler: async (ctx, { params }) => {
      const db = ctx.deps.db;
      const body = await cacheOf(ctx).get(`dev:${params.id}`, async () => {
        const v = await indexVersion(ctx);
        return (await svc.developerProfile(db, params.id)) ? v : null;
      }, () => svc.developerProfile(db, params.id));
      return sendCached(ctx, found(body, 'DEVELOPER_NOT_FOUND', '开发企业不存在'));
    },
  }),
  route({
    ...common, method: 'get', path: '/api/public/agencies', summary: '公开：备案中介机构查询', requirements: ['RE-006', 'RE-115', 'RE-144', 'RE-155', 'RE-161'],
    query: agencyQuery, response: pageOf(agencySummary),
    handler: async (ctx, { query }) => svc.searchAgencies(ctx.deps.db, query),
  }),
  route({
    ...common, method: 'get', path: '/api/public/agencies/:id', summary: '公开：中介机构信息', requirements: ['RE-006', 'RE-144'],
    params: idParam, response: agencyProfile,
    handler: async (ctx, { params }) => {
      const a = await svc.agencyProfile(ctx.deps.db, params.id);
      if (!a) throw errors.notFound('AGENCY_NOT_FOUND', '中介机构不存在');
      return a;
    },
  }),
  route({
    ...common, method: 'get', path: '/api/public/map/projects', summary: '公开：地图范围内的项目（缩小时聚合）；坐标系 gcj02/wgs84/bd09',
    requirements: ['RE-002', 'RE-091', 'RE-092', 'RE-146', 'RE-147'], query: mapQuery, response: mapResponse,
    handler: async (ctx, { query }) => {
      const body = await cacheOf(ctx).get(`map:${JSON.stringify(query)}`, () => indexVersion(ctx), () => svc.mapProjects(ctx.deps.db, query));
      return sendCached(ctx, body!);
    },
  }),
];
