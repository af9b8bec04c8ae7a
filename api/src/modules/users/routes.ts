// Account administration under separation of duties (三员分立): the system administrator
// manages accounts, the security administrator unlocks them, the audit administrator only reads.
import { Op } from 'sequelize';
import { z, idParam, pageQuery, pageOf, maskPhone, okResponse, passwordSchema, ROLES, ADMIN_ROLES } from '@hq/common';
import { route } from '../../platform/http/route';
import { Org, User, UserRole } from '../../platform/models';
import { hashPassword } from '../../platform/auth/passwords';
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

const createUserBody = z.object({
  username: z.string().trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为3至32位小写字母、数字、下划线、点或横线，以字母开头'),
  displayName: z.string().trim().min(1, '请填写姓名').max(100, '姓名不超过100个字符'),
  orgId: z.number().int().positive('单位编号必须为正整数').nullable().default(null),
  initialPassword: passwordSchema,
});

export const userRoutes = [
  route({
    method: 'post', path: '/api/admin/users', summary: '创建账号（系统管理员；首次登录须修改密码，角色由安全管理员授予）', tags: ['admin'],
    requirements: ['NF-001'], access: ['sys_admin'], body: createUserBody, response: z.object({ id: z.number().int() }), status: 201,
    handler: async (ctx, { body }) => {
      const hash = await hashPassword(body.initialPassword);
      return ctx.deps.db.tx(async (t) => {
        if (await User.findOne({ where: { username: body.username }, transaction: t })) {
          throw errors.conflict('USERNAME_TAKEN', `用户名 ${body.username} 已被使用，请换一个`);
        }
        if (body.orgId && !(await Org.findByPk(body.orgId, { transaction: t }))) {
          throw errors.badRequest('ORG_NOT_FOUND', '所属单位不存在', [{ field: 'orgId', message: '所属单位不存在，请先登记单位' }]);
        }
        const u = await User.create(
          { username: body.username, display_name: body.displayName, org_id: body.orgId, password_hash: hash, must_change_password: true },
          { transaction: t },
        );
        await appendAudit(t, actorOf(ctx), { action: 'user.create', objectType: 'user', objectId: u.id, detail: { username: body.username, orgId: body.orgId } });
        return { id: u.id };
      });
    },
  }),
  route({
    method: 'put', path: '/api/admin/users/:id/roles', summary: '授予或调整角色（安全管理员）', tags: ['admin'], requirements: ['NF-001'],
    access: ['sec_admin'], params: idParam, body: z.object({ roles: z.array(z.enum(ROLES, { message: '角色不存在' })).min(1, '至少授予一个角色').max(6) }),
    response: okResponse,
    handler: async (ctx, { params, body }) => {
      const roles = [...new Set(body.roles)];
      if (roles.some((r) => ADMIN_ROLES.includes(r)) && roles.length > 1) {
        throw errors.badRequest('ADMIN_ROLE_EXCLUSIVE', '系统、安全、审计管理员角色须单独授予，不能与其他角色兼任（三员分立）');
      }
      if (params.id === ctx.state.user!.id) throw errors.conflict('CANNOT_GRANT_SELF', '不能调整自己的角色');
      await ctx.deps.db.tx(async (t) => {
        const user = await User.findByPk(params.id, { transaction: t, lock: t.LOCK.UPDATE });
        if (!user) throw errors.notFound('USER_NOT_FOUND', '用户不存在');
        const before = (await UserRole.findAll({ where: { user_id: user.id }, transaction: t })).map((r) => r.role);
        await UserRole.destroy({ where: { user_id: user.id }, transaction: t });
        await UserRole.bulkCreate(roles.map((role) => ({ user_id: user.id, role })), { transaction: t });
        await revokeAllSessions(t, user.id, 'roles_changed'); // new roles apply from the next login
        await appendAudit(t, actorOf(ctx), { action: 'user.roles', objectType: 'user', objectId: user.id, detail: { before, after: roles } });
      });
      return { ok: true as const };
    },
  }),
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
