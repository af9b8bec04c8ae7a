// Communities built from real-estate projects (PM-001/002, PM-155): regulators create and
// maintain them; houses and registered counts come from the building table through the
// registry adapter. Each route is a pipeline plus one service call; scope is checked per record.
import {
  idParam, pageOf, REGULATOR_ROLES, communityCreate, communityDetail, communityHouse, communityHouseQuery, communityQuery,
  communitySummary, communityUpdate, syncResult,
} from '@hq/common';
import { route, type RouteDef } from '../../platform/http/route';
import { actorOf } from '../../platform/http/actor';
import { createCommunity, getCommunity, listCommunities, listHouses, syncCommunity, updateCommunity } from './communities';
import { COMMUNITY_READER_ROLES, COMMUNITY_SYNC_ROLES } from './policy';

const tags = ['property', 'communities'];
const requirements = ['PM-001', 'PM-002', 'PM-155'];

export const communityRoutes: RouteDef[] = [
  route({
    method: 'get', path: '/api/communities',
    summary: '小区列表（监管部门全部；物业服务企业本企业服务的；街道/社区所辖的；业委会本小区）', tags, requirements,
    access: COMMUNITY_READER_ROLES, query: communityQuery, response: pageOf(communitySummary),
    handler: (ctx, { query }) => listCommunities(ctx.state.user!, query),
  }),
  route({
    method: 'post', path: '/api/communities', summary: '由房地产项目建立小区（位置、开发企业、地址取自项目；随即从楼盘表同步房屋）', tags, requirements,
    access: REGULATOR_ROLES, body: communityCreate, response: communityDetail, status: 201,
    handler: (ctx, { body }) => createCommunity(ctx.deps, actorOf(ctx), ctx.state.user!, body),
  }),
  route({
    method: 'get', path: '/api/communities/:id', summary: '小区概况（开发企业、物业服务企业、属地街道/社区、业委会、房屋与工单数）', tags, requirements,
    access: COMMUNITY_READER_ROLES, params: idParam, response: communityDetail,
    handler: (ctx, { params }) => getCommunity(ctx.state.user!, params.id),
  }),
  route({
    method: 'put', path: '/api/communities/:id', summary: '维护小区（名称、物业服务企业、街道/社区、业委会）', tags, requirements,
    access: REGULATOR_ROLES, params: idParam, body: communityUpdate, response: communityDetail,
    handler: (ctx, { params, body }) => updateCommunity(ctx.deps, actorOf(ctx), params.id, body),
  }),
  route({
    method: 'post', path: '/api/communities/:id/sync', summary: '从楼盘表经不动产登记接口同步房屋数与已登记房屋数（可重复执行）', tags, requirements,
    access: COMMUNITY_SYNC_ROLES, params: idParam, response: syncResult,
    handler: (ctx, { params }) => syncCommunity(ctx.deps, actorOf(ctx), ctx.state.user!, params.id),
  }),
  route({
    method: 'get', path: '/api/communities/:id/houses', summary: '小区房源（楼盘表房屋、登记状态，业主姓名已脱敏）', tags, requirements,
    access: COMMUNITY_READER_ROLES, params: idParam, query: communityHouseQuery, response: pageOf(communityHouse),
    handler: (ctx, { params, query }) => listHouses(ctx.deps, ctx.state.user!, params.id, query),
  }),
];
