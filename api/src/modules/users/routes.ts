// Account administration under separation of duties (三员分立): the system administrator
// manages accounts, the security administrator unlocks them, the audit administrator only reads.
import { Op } from 'sequelize';
import { z, idParam, pageQuery, pageOf, maskPhone, okResponse, ROLES } from '@hq/common';
import { route } from '../../platform/http/route';
import { User, UserRole } from '../../platform/models';
import { errors } from '../../platform/errors';
import { appendAudit } from '../../platform/audit/audit';
import { revokeAllSessions } from '../../platform/auth/tokens';
import { decrypt } from '../../platform/crypto';
import { actorOf } from '../../platform/http/actor';
import type { AppContext } from '../../platform/http/types';

const userRow = z.object({
  id: z.number().int(), username: z.string().nullable(), displayName: z.string(), roles: z.array(z.enum(ROLES)), orgId: z.number().int().nullable(),
  status: z.string(), locked: z.boolean(), phone: z.string().nullable(), totpEnrolled: z.boolean(),
});

async function setStatus(ctx: AppContext, id: number, action: 'disable' | 'enable' | 'unlock') {
  await ctx.deps.db.tx(async (t) => {
    const user = await User.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!user) throw errors.notFound('USER_NOT_FOUND', '用户不存在');
    if (action === 'disable') {
      if (user.id === ctx.state.user!.id) throw errors.conflict('CANNOT_DISABLE_SELF', '不能停用自己的账号');
      await user.update({ status: 'disabled' }, { transaction: t });
      await revokeAllSessions(t, user.id, 'disabled');
    } else if (action === 'enable') {
      await user.update({ status: 'active' }, { transaction: t });
    } else {
      await user.update({ failed_logins: 0, locked_until: null }, { transaction: t });
    }
    await appendAudit(t, actorOf(ctx), { action: `user.${action}`, objectType: 'user', objectId: user.id });
  });
  return { ok: true as const };
}

export const userRoutes = [
  route({
    method: 'get', path: '/api/admin/users', summary: '用户列表', tags: ['admin'], requirements: ['NF-001'], access: ['sys_admin', 'sec_admin'],
    query: pageQuery.extend({ keyword: z.string().trim().max(50).optional() }), response: pageOf(userRow),
    handler: async (ctx, { query }) => {
      const where = query.keyword
        ? { [Op.or]: [{ username: { [Op.like]: `%${query.keyword}%` } }, { display_name: { [Op.like]: `%${query.keyword}%` } }] }
        : {};
      const { rows, count } = await User.findAndCountAll({ where, order: [['id', 'ASC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      const roles = await UserRole.findAll({ where: { user_id: rows.map((r) => r.id) } });
      const now = Date.now();
      return {
        items: rows.map((u) => ({
          id: u.id, username: u.username ?? null, displayName: u.display_name, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
          orgId: u.org_id ?? null, status: u.status, locked: !!u.locked_until && new Date(u.locked_until).getTime() > now,
          phone: u.phone_enc ? maskPhone(decrypt(ctx.deps.config.dataKey, u.phone_enc)) : null, totpEnrolled: !!u.totp_enrolled_at,
        })),
        total: count, page: query.page, pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'post', path: '/api/admin/users/:id/unlock', summary: '解锁账号（安全管理员）', tags: ['admin'], requirements: ['NF-001'],
    access: ['sec_admin'], params: idParam, response: okResponse, handler: (ctx, { params }) => setStatus(ctx, params.id, 'unlock'),
  }),
  route({
    method: 'post', path: '/api/admin/users/:id/disable', summary: '停用账号（立即吊销其全部会话）', tags: ['admin'], requirements: ['NF-001'],
    access: ['sys_admin'], params: idParam, response: okResponse, handler: (ctx, { params }) => setStatus(ctx, params.id, 'disable'),
  }),
  route({
    method: 'post', path: '/api/admin/users/:id/enable', summary: '启用账号', tags: ['admin'], requirements: ['NF-001'],
    access: ['sys_admin'], params: idParam, response: okResponse, handler: (ctx, { params }) => setStatus(ctx, params.id, 'enable'),
  }),
];
