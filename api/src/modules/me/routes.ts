import { changePasswordRequest, meResponse, okResponse } from '@hq/common';
import { route } from '../../platform/http/route';
import { User } from '../../platform/models';
import { errors } from '../../platform/errors';
import { presentMe } from '../auth/presenter';
import { changePassword } from '../auth/service';

const ME_FIELDS = [
  'id', 'username', 'display_name', 'org_id', 'phone_enc', 'real_name_verified_at', 'gdid_sub', 'wechat_openid', 'totp_enrolled_at', 'password_changed_at',
] as const;

export const meRoutes = [
  route({
    method: 'get', path: '/api/me', summary: '当前登录人及其角色', tags: ['me'], requirements: ['NF-001'], access: 'user', response: meResponse,
    handler: async (ctx) => {
      const u = ctx.state.user!;
      const user = await User.findByPk(u.id, { attributes: [...ME_FIELDS] });
      if (!user) throw errors.unauthenticated();
      return presentMe(ctx.deps.config, user, u.roles);
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
