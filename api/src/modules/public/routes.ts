// Public disclosure API (no login, rate-limited, cached and revalidated by ETag): project
// search, project detail with sales summary, building tables, rooms, developers, agencies, map.
import {
  z, idParam, pageOf, publicProjectQuery, publicProjectSummary, publicProjectDetail, buildingTable, projectTable, publicRoomDetail,
  agencyQuery, mapQuery, mapResponse, LEGEND, publicDeveloperProfile, publicAgencySummary, publicAgencyProfile, publicBrokerQuery, publicBrokerSummary,
  publicPropertyCompanySummary, publicPropertyCompanyProfile, publicEnterpriseQuery, publicCreditView, ratingSummary, certificateVerifyQuery,
  certificateVerifyResponse, type CreditSubjectKind,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { ResponseCache, sendCached, type CachedBody } from '../../platform/cache';
import type { Db } from '../../platform/db';
import type { AppContext } from '../../platform/http/types';
import * as svc from './service';
import { projectIndex } from './projectIndex';
import { Project } from '../realestate/models';
import * as credit from '../credit/service';
import { verifyCertificate } from '../enterprises/certificates';

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

const NOT_FOUND: Record<CreditSubjectKind, [string, string]> = {
  developer: ['DEVELOPER_NOT_FOUND', '开发企业不存在'], agency: ['AGENCY_NOT_FOUND', '中介机构不存在'], broker: ['BROKER_NOT_FOUND', '经纪人不存在'],
  property_company: ['PROPERTY_COMPANY_NOT_FOUND', '物业服务企业不存在'],
};

/** A subject's public credit page, cached by its version and the day. */
function creditRoute(kind: CreditSubjectKind, path: string, summary: string, requirements: string[]) {
  return route({
    ...common, method: 'get', path, summary, requirements, params: idParam, response: publicCreditView,
    handler: async (ctx, { params }) => {
      const body = await cacheOf(ctx).get(`credit:${kind}:${params.id}`, () => svc.profileVersion(kind, params.id), () => credit.publicCredit(kind, params.id));
      return sendCached(ctx, found(body, ...NOT_FOUND[kind]));
    },
  });
}

function ratingsRoute(kind: 'agency' | 'broker', path: string, summary: string) {
  return route({
    ...common, method: 'get', path, summary, requirements: ['RE-075'], params: idParam, response: ratingSummary,
    handler: async (ctx, { params }) => {
      const body = await cacheOf(ctx).get(`ratings:${kind}:${params.id}`, () => svc.profileVersion(kind, params.id), () => credit.ratingSummary(kind, params.id));
      return sendCached(ctx, found(body, ...NOT_FOUND[kind]));
    },
  });
}

function qrRoute(kind: 'developer' | 'agency', path: string, summary: string, requirements: string[]) {
  return route({
    ...common, method: 'get', path, summary, requirements, params: idParam, produces: 'image/png',
    handler: async (ctx, { params }) => {
      const png = await svc.profileQr(ctx.deps, kind, params.id);
      if (!png) throw errors.notFound(...NOT_FOUND[kind]);
      ctx.type = 'image/png';
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.body = png;
      return undefined;
    },
  });
}

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
    ...common, method: 'get', path: '/api/public/developers/:id', summary: '公开：开发企业信息（注册状态、资质、信用等级、在售项目、二维码地址）',
    requirements: ['RE-005', 'RE-057', 'RE-143'], params: idParam, response: publicDeveloperProfile,
    handler: async (ctx, { params }) => {
      const body = await cacheOf(ctx).get(`dev:${params.id}`, async () => {
        const v = await svc.profileVersion('developer', params.id);
        return v === null ? null : `${await indexVersion(ctx)}:${v}`;
      }, () => svc.developerProfile(ctx.deps, params.id));
      return sendCached(ctx, found(body, 'DEVELOPER_NOT_FOUND', '开发企业不存在'));
    },
  }),
  qrRoute('developer', '/api/public/developers/:id/qr.png', '公开：开发企业二维码（扫码打开企业公示页）', ['RE-057']),
  creditRoute('developer', '/api/public/developers/:id/credit', '公开：开发企业信用评价（分值、等级与计分明细）', ['RE-005', 'RE-063', 'RE-143']),
  route({
    ...common, method: 'get', path: '/api/public/agencies', summary: '公开：备案中介机构查询（备案状态、备案证明编号、信用等级；已注销的标明）',
    requirements: ['RE-006', 'RE-074', 'RE-115', 'RE-144', 'RE-155', 'RE-161'], query: agencyQuery, response: pageOf(publicAgencySummary),
    handler: async (ctx, { query }) => svc.searchAgencies(ctx.deps, query),
  }),
  route({
    ...common, method: 'get', path: '/api/public/agencies/:id', summary: '公开：中介机构信息（备案证明、信用等级、已备案经纪人）', requirements: ['RE-006', 'RE-070', 'RE-074', 'RE-144'],
    params: idParam, response: publicAgencyProfile,
    handler: async (ctx, { params }) => {
      const body = await cacheOf(ctx).get(`agency:${params.id}`, () => svc.profileVersion('agency', params.id), () => svc.agencyProfile(ctx.deps, params.id));
      return sendCached(ctx, found(body, 'AGENCY_NOT_FOUND', '中介机构不存在'));
    },
  }),
  qrRoute('agency', '/api/public/agencies/:id/qr.png', '公开：中介机构二维码（扫码打开机构公示页）', ['RE-006']),
  creditRoute('agency', '/api/public/agencies/:id/credit', '公开：中介机构信用评价（分值、等级与计分明细）', ['RE-006', 'RE-074', 'RE-144']),
  ratingsRoute('agency', '/api/public/agencies/:id/ratings', '公开：中介机构的公众评价'),
  route({
    ...common, method: 'get', path: '/api/public/brokers', summary: '公开：备案经纪人查询（姓名脱敏，含所属中介机构与备案证明编号）',
    requirements: ['RE-006', 'RE-144', 'RE-161', 'RE-167'], query: publicBrokerQuery, response: pageOf(publicBrokerSummary),
    handler: async (ctx, { query }) => svc.searchBrokers(ctx.deps, query),
  }),
  route({
    ...common, method: 'get', path: '/api/public/brokers/:id', summary: '公开：经纪人信息（姓名脱敏、所属机构、从业资格、信用等级）', requirements: ['RE-006', 'RE-144', 'RE-167'],
    params: idParam, response: publicBrokerSummary,
    handler: async (ctx, { params }) => {
      const body = await cacheOf(ctx).get(`broker:${params.id}`, () => svc.profileVersion('broker', params.id), () => svc.brokerProfile(ctx.deps, params.id));
      return sendCached(ctx, found(body, 'BROKER_NOT_FOUND', '经纪人不存在'));
    },
  }),
  creditRoute('broker', '/api/public/brokers/:id/credit', '公开：经纪人信用评价（分值、等级与计分明细）', ['RE-074', 'RE-075', 'RE-169']),
  ratingsRoute('broker', '/api/public/brokers/:id/ratings', '公开：经纪人的公众评价'),
  route({
    ...common, method: 'get', path: '/api/public/property-companies', summary: '公开：物业服务企业查询（备案状态、信用等级）', requirements: ['PM-055', 'PM-106'],
    query: publicEnterpriseQuery, response: pageOf(publicPropertyCompanySummary),
    handler: async (ctx, { query }) => svc.searchPropertyCompanies(ctx.deps, query),
  }),
  route({
    ...common, method: 'get', path: '/api/public/property-companies/:id', summary: '公开：物业服务企业信息（备案、信用等级、在管小区）', requirements: ['PM-055', 'PM-106'],
    params: idParam, response: publicPropertyCompanyProfile,
    handler: async (ctx, { params }) => {
      const body = await cacheOf(ctx).get(`pm:${params.id}`, () => svc.profileVersion('property_company', params.id), () => svc.propertyCompanyProfile(ctx.deps, params.id));
      return sendCached(ctx, found(body, 'PROPERTY_COMPANY_NOT_FOUND', '物业服务企业不存在'));
    },
  }),
  creditRoute('property_company', '/api/public/property-companies/:id/credit', '公开：物业服务企业信用评价（分值、等级与计分明细）', ['PM-005', 'PM-055', 'PM-106']),
  route({
    ...common, method: 'get', path: '/api/public/certificates/verify', summary: '公开：资质证书 / 备案证明 / 经纪人备案证明核验（扫码打开）',
    requirements: ['RE-067', 'RE-068', 'RE-070', 'RE-166', 'PM-004'], query: certificateVerifyQuery, response: certificateVerifyResponse,
    handler: async (_ctx, { query }) => verifyCertificate(query.no),
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
