import { changePasswordRequest, meResponse, okResponse } from '@hq/common';
import { route } from '../../platform/http/route';
import { presentMe } from '../auth/presenter';
import { changePassword } from '../auth/service';

export const meRoutes = [
  route({
    method: 'get', path: '/api/me', summary: '当前登录人及其角色', tags: ['me'], requirements: ['NF-001'], access: 'user', response: meResponse,
    handler: async (ctx) => {
      const u = ctx.state.user!;
      const p = ctx.state.principal!; // read with the session: no further query
      const org = p.org_id && p.org_name ? { id: p.org_id, name: p.org_name, kind: p.org_kind ?? '' } : null;
      return presentMe(ctx.deps.config, { ...p, id: p.user_id }, u.roles, org);
    },
  }),
  route({
    method: 'post', path: '/api/me/password', summary: '修改本人密码', tags: ['me'], requirements: ['NF-001'], access: 'user',
    body: changePasswordRequest, response: okResponse,
    handler: async (ctx, { body }) => {
      const u = ctx.state.user!;
      await changePassword(ctx.deps, u.id, body.oldPassword, body.newPassword, {
        userId: u.id, name: u.displayName, role: u.roles[0] ?? null, ip: ctx.ip, requestId: ctx.state.requestId,
      });
      return { ok: true as const };
    },
  }),
];
