import { Op, type WhereOptions } from 'sequelize';
import { auditQuery, auditRecord, auditVerifyResponse, pageOf, formatShanghai, z, type AuditRecordDto } from '@hq/common';
import { route } from '../../platform/http/route';
import { AuditLog } from '../../platform/models';
import { verifyAuditChain } from '../../platform/audit/verify';
import { writeAudit } from '../../platform/audit/audit';
import { actorOf } from '../../platform/http/actor';

const AUDIT_ONLY = ['audit_admin'] as const;
const REQ = ['NF-001', 'NF-002', 'NF-004'];

function present(r: AuditLog): AuditRecordDto {
  return {
    seq: Number(r.seq), at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.actor_name, actorRole: r.actor_role,
    action: r.action, objectType: r.object_type, objectId: r.object_id, result: r.result, ip: r.ip, requestId: r.request_id,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null, hash: r.hash,
  };
}

function whereOf(q: z.infer<typeof auditQuery>): WhereOptions<AuditLog> {
  const w: Record<string | symbol, unknown> = {};
  if (q.action) w.action = { [Op.like]: `${q.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%` };
  if (q.actorId) w.actor_id = q.actorId;
  if (q.result) w.result = q.result;
  if (q.from || q.to) w.at = { ...(q.from ? { [Op.gte]: new Date(q.from) } : {}), ...(q.to ? { [Op.lte]: new Date(q.to) } : {}) };
  return w as WhereOptions<AuditLog>;
}

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s; // no formula injection in spreadsheets
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const auditRoutes = [
  route({
    method: 'get', path: '/api/audit', summary: '审计日志查询（审计管理员）', tags: ['audit'], requirements: REQ, access: AUDIT_ONLY,
    query: auditQuery, response: pageOf(auditRecord),
    handler: async (_ctx, { query }) => {
      const { rows, count } = await AuditLog.findAndCountAll({
        where: whereOf(query), order: [['seq', 'DESC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
      });
      return { items: rows.map(present), total: count, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'post', path: '/api/audit/verify', summary: '校验审计链（发现被修改或删除的记录）', tags: ['audit'], requirements: REQ,
    access: AUDIT_ONLY, response: auditVerifyResponse,
    handler: async (ctx) => {
      const result = await verifyAuditChain();
      await writeAudit(ctx.deps.db, actorOf(ctx), {
        action: 'audit.verify', result: result.ok ? 'success' : 'failure', detail: { checked: result.checked, problems: result.problems.length },
      });
      return result;
    },
  }),
  route({
    method: 'get', path: '/api/audit/export', summary: '导出审计日志（CSV）', tags: ['audit'], requirements: REQ, access: AUDIT_ONLY,
    query: auditQuery.omit({ page: true, pageSize: true }), produces: 'text/csv',
    handler: async (ctx, { query }) => {
      const rows = await AuditLog.findAll({ where: whereOf({ ...query, page: 1, pageSize: 1 }), order: [['seq', 'ASC']], limit: 100_000 });
      await writeAudit(ctx.deps.db, actorOf(ctx), { action: 'audit.export', detail: { rows: rows.length, filter: query } });
      const header = ['序号', '时间', '操作人ID', '操作人', '角色', '操作', '对象类型', '对象ID', '结果', 'IP', '请求号', '详情', '哈希'];
      const lines = rows.map((r) =>
        [r.seq, formatShanghai(r.at), r.actor_id, r.actor_name, r.actor_role, r.action, r.object_type, r.object_id, r.result, r.ip, r.request_id, r.detail, r.hash]
          .map(csvCell).join(','),
      );
      ctx.type = 'text/csv; charset=utf-8';
      ctx.attachment(`audit-${formatShanghai(new Date()).slice(0, 10)}.csv`);
      ctx.body = `\ufeff${header.join(',')}\n${lines.join('\n')}\n`;
      return undefined;
    },
  }),
];
