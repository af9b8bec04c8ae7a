// An owner's own houses, their verification against the registry, household members and the
// notices of their communities. Nobody else's house is ever returned to them.
import {
  z, okResponse, pageOf, pageQuery, communityNotice, houseVerification, houseVerifyRequest, houseView, memberCreate, memberView,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { actorOf } from '../../platform/http/actor';
import { myHouse, myHouses, myVerifications, verifyHouse } from './houses';
import { addMember, listMembers, removeMember } from './members';
import { myNotices } from './notices';

const tags = ['property'];
const HOUSE_REQUIREMENTS = ['PM-099', 'PM-150'];
const roomParam = z.object({ roomId: z.coerce.number().int().positive('房屋编号必须为正整数') });
const memberParam = roomParam.extend({ memberId: z.coerce.number().int().positive('成员编号必须为正整数') });

export const propertyRoutes = [
  route({
    method: 'get', path: '/api/my/houses', summary: '我的房屋（业主、家庭成员、租户；被业主添加的成员在此绑定）', tags,
    requirements: HOUSE_REQUIREMENTS, access: 'user', response: z.array(houseView),
    handler: (ctx) => myHouses(ctx.deps, ctx.state.user!.id),
  }),
  route({
    method: 'post', path: '/api/my/houses/verify',
    summary: '房屋认证：以不动产权证号向不动产登记系统核验，本人为权利人时绑定为业主（失败时返回原因与处理办法）', tags,
    requirements: HOUSE_REQUIREMENTS, access: 'user', body: houseVerifyRequest, response: houseView,
    handler: (ctx, { body }) => verifyHouse(ctx.deps, actorOf(ctx), ctx.state.user!, body),
  }),
  route({
    method: 'get', path: '/api/my/house-verifications', summary: '我的房屋认证记录（含失败原因）', tags,
    requirements: HOUSE_REQUIREMENTS, access: 'user', query: pageQuery, response: pageOf(houseVerification),
    handler: (ctx, { query }) => myVerifications(ctx.state.user!.id, query),
  }),
  route({
    method: 'get', path: '/api/my/houses/:roomId', summary: '我的房屋详情（仅限本人名下）', tags,
    requirements: HOUSE_REQUIREMENTS, access: 'user', params: roomParam, response: houseView,
    handler: (ctx, { params }) => myHouse(ctx.state.user!.id, params.roomId),
  }),
  route({
    method: 'get', path: '/api/my/houses/:roomId/members', summary: '家庭成员与租户（仅已认证业主本人）', tags,
    requirements: HOUSE_REQUIREMENTS, access: 'user', params: roomParam, response: z.array(memberView),
    handler: (ctx, { params }) => listMembers(ctx.deps, ctx.state.user!.id, params.roomId),
  }),
  route({
    method: 'post', path: '/api/my/houses/:roomId/members', summary: '添加家庭成员或租户（姓名、手机号；租户须填租期），对方以该手机号登录后绑定', tags,
    requirements: HOUSE_REQUIREMENTS, access: 'user', params: roomParam, body: memberCreate, response: memberView, status: 201,
    handler: (ctx, { params, body }) => addMember(ctx.deps, actorOf(ctx), ctx.state.user!.id, params.roomId, body),
  }),
  route({
    method: 'delete', path: '/api/my/houses/:roomId/members/:memberId', summary: '移除家庭成员或租户（其访问权限随即取消）', tags,
    requirements: HOUSE_REQUIREMENTS, access: 'user', params: memberParam, response: okResponse,
    handler: async (ctx, { params }) => {
      await removeMember(ctx.deps, actorOf(ctx), ctx.state.user!.id, params.roomId, params.memberId);
      return { ok: true as const };
    },
  }),
  route({
    method: 'get', path: '/api/my/notices', summary: '我的小区公告（所住小区已发布的公告，最新在前）', tags,
    requirements: ['PM-083', 'PM-134'], access: 'user', query: pageQuery, response: pageOf(communityNotice),
    handler: (ctx, { query }) => myNotices(ctx.state.user!.id, query),
  }),
];
