// 预售许可 / 现售备案: query (by project, number, company, year, status), statistics by period,
// kind, status and use, and export to Excel for the records people keep (RE-016…RE-018,
// RE-201…RE-204). Developer staff see their own company's.
import { QueryTypes } from 'sequelize';
import {
  z, idParam, pageOf, permitQuery, permitRow, permitStatsQuery, permitStatsRow, PERMIT_KIND_LABELS, PERMIT_STATUS_LABELS, REGULATOR_ROLES, ROOM_USE_LABELS,
  type PermitQuery, type PermitRow, type Role, type RoomUse,
} from '@hq/common';
import { scopeOf } from '../../platform/access/policy';
import { route } from '../../platform/http/route';
import { sendXlsx, XLSX_TYPE } from '../../platform/documents/xlsx';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/http/types';
import { PresalePermit } from '../realestate/models';
import { certificatePdf, permitFacts, registerElicence } from './certificate';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf } from '../../platform/http/actor';
import { changeRooms, touchVersions } from '../realestate/bus';
import { cancelCode } from '../../platform/codes/service';
import { AppError } from '../../platform/errors';

const READ: readonly Role[] = [...REGULATOR_ROLES, 'developer_staff'];

function filters(ctx: AppContext, q: Omit<PermitQuery, 'page' | 'pageSize'> & { id?: number }): { sql: string; params: Record<string, unknown> } {
  const user = ctx.state.user!;
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (scopeOf(user) !== 'all') {
    parts.push('p.developer_org_id = :org');
    params.org = user.orgId ?? -1;
  }
  if (q.keyword) {
    parts.push('(pp.permit_no LIKE :k OR p.name LIKE :k OR o.name LIKE :k)');
    params.k = `%${q.keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  }
  if (q.kind) {
    parts.push('pp.kind = :kind');
    params.kind = q.kind;
  }
  if (q.year) {
    parts.push('pp.year = :year');
    params.year = q.year;
  }
  if (q.status) {
    parts.push('pp.status = :status');
    params.status = q.status;
  }
  if (q.projectId) {
    parts.push('pp.project_id = :projectId');
    params.projectId = q.projectId;
  }
  if (q.id) {
    parts.push('pp.id = :id');
    params.id = q.id;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const FROM = 'FROM presale_permits pp JOIN projects p ON p.id = pp.project_id LEFT JOIN orgs o ON o.id = p.developer_org_id';

async function listPermits(ctx: AppContext, q: PermitQuery & { id?: number }, all = false): Promise<{ items: PermitRow[]; total: number }> {
  const db = ctx.deps.db.sequelize;
  const f = filters(ctx, q);
  const rows = await db.query<{
    id: number; permit_no: string; kind: 'presale' | 'completed'; project_id: number; project_name: string; developer_id: number; developer_name: string | null;
    issued_on: string; room_count: number; area: number | string; status: string; building_ids: string;
  }>(
    `SELECT pp.id, pp.permit_no, pp.kind, pp.project_id, p.name AS project_name, p.developer_org_id AS developer_id, o.name AS developer_name,
            pp.issued_on, pp.room_count, pp.area, pp.status, pp.building_ids ${FROM} ${f.sql} ORDER BY pp.issued_on DESC, pp.id DESC
     ${all ? 'LIMIT 100000' : 'LIMIT :limit OFFSET :offset'}`,
    { replacements: { ...f.params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }, type: QueryTypes.SELECT },
  );
  const [{ n }] = await db.query<{ n: number | string }>(`SELECT COUNT(*) AS n ${FROM} ${f.sql}`, { replacements: f.params, type: QueryTypes.SELECT });
  const buildingIds = [...new Set(rows.flatMap((r) => r.building_ids.split(',').map(Number)))];
  const names = buildingIds.length
    ? new Map((await db.query<{ id: number; building_no: string }>('SELECT id, building_no FROM buildings WHERE id IN (:ids)', { replacements: { ids: buildingIds }, type: QueryTypes.SELECT })).map((b) => [b.id, b.building_no]))
    : new Map<number, string>();
  return {
    total: Number(n),
    items: rows.map((r) => ({
      id: r.id, permitNo: r.permit_no, kind: r.kind, projectId: r.project_id, projectName: r.project_name, developerId: r.developer_id, developerName: r.developer_name,
      issuedOn: r.issued_on, roomCount: r.room_count, area: Number(r.area), status: r.status,
      buildingNos: r.building_ids.split(',').map(Number).map((id) => names.get(id)).filter((x): x is string => !!x),
    })),
  };
}

function periodOf(date: string, period: 'year' | 'quarter' | 'month'): string {
  if (period === 'year') return date.slice(0, 4);
  if (period === 'month') return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

export const permitRoutes = [
  route({
    method: 'get', path: '/api/permits', summary: '预售许可与现售备案查询（项目、证号、企业、年度、状态）', tags: ['permits'],
    requirements: ['RE-016', 'RE-018', 'RE-201', 'RE-203'], access: READ, query: permitQuery, response: pageOf(permitRow),
    handler: async (ctx, { query }) => ({ ...(await listPermits(ctx, query)), page: query.page, pageSize: query.pageSize }),
  }),
  route({
    method: 'get', path: '/api/permits/export.xlsx', summary: '导出预售许可与现售备案（Excel）', tags: ['permits'], requirements: ['RE-018', 'RE-204'],
    access: READ, query: permitQuery.omit({ page: true, pageSize: true }), produces: XLSX_TYPE,
    handler: async (ctx, { query }) => {
      const { items } = await listPermits(ctx, { ...query, page: 1, pageSize: 100000 }, true);
      return sendXlsx(ctx, { sheet: '预售许可与现售备案', filename: '预售许可与现售备案.xlsx' }, [
        { header: '证号', key: 'permitNo', width: 32 }, { header: '类别', key: 'kind', width: 16 }, { header: '项目', key: 'projectName', width: 24 },
        { header: '开发企业', key: 'developerName', width: 32 }, { header: '楼栋', key: 'buildings', width: 20 }, { header: '发证日期', key: 'issuedOn', width: 12 },
        { header: '套数', key: 'roomCount', width: 8 }, { header: '面积（m²）', key: 'area', width: 14 }, { header: '状态', key: 'status', width: 8 },
      ], items.map((p) => ({
        permitNo: p.permitNo, kind: PERMIT_KIND_LABELS[p.kind], projectName: p.projectName, developerName: p.developerName, buildings: p.buildingNos.join('、'),
        issuedOn: p.issuedOn, roomCount: p.roomCount, area: p.area / 100, status: PERMIT_STATUS_LABELS[p.status] ?? p.status,
      })));
    },
  }),
  route({
    method: 'get', path: '/api/permits/stats', summary: '预售许可与现售备案统计（按期间、类别、状态、用途：证数、套数、面积）', tags: ['permits'],
    requirements: ['RE-017', 'RE-202'], access: READ, query: permitStatsQuery, response: z.array(permitStatsRow),
    handler: async (ctx, { query }) => {
      if (query.from && query.to && query.from > query.to) throw errors.validation([{ field: 'from', message: '开始日期不能晚于结束日期' }]);
      const f = filters(ctx, { kind: query.kind });
      const extra: string[] = [];
      if (query.from) extra.push('pp.issued_on >= :from');
      if (query.to) extra.push('pp.issued_on <= :to');
      const where = [f.sql.replace(/^WHERE /, ''), ...extra].filter(Boolean).join(' AND ');
      const rows = await ctx.deps.db.sequelize.query<{ id: number; issued_on: string; kind: string; status: string; use: RoomUse; rooms: number | string; area: number | string | null }>(
        `SELECT pp.id, pp.issued_on, pp.kind, pp.status, r.\`use\` AS \`use\`, COUNT(r.id) AS rooms, SUM(r.build_area) AS area
         ${FROM} JOIN room_events e ON e.reference = pp.permit_no AND e.kind = 'status' AND e.value = 'available' JOIN rooms r ON r.id = e.room_id
         ${where ? `WHERE ${where}` : ''} GROUP BY pp.id, pp.issued_on, pp.kind, pp.status, r.\`use\``,
        { replacements: { ...f.params, from: query.from, to: query.to }, type: QueryTypes.SELECT },
      );
      const out = new Map<string, z.infer<typeof permitStatsRow> & { ids: Set<number> }>();
      for (const r of rows) {
        const key = [periodOf(r.issued_on, query.period), r.kind, r.status, r.use].join('|');
        const o = out.get(key) ?? { period: periodOf(r.issued_on, query.period), kind: r.kind, status: r.status, use: ROOM_USE_LABELS[r.use] ?? r.use, permits: 0, rooms: 0, area: 0, ids: new Set<number>() };
        o.ids.add(r.id);
        o.permits = o.ids.size;
        o.rooms += Number(r.rooms);
        o.area += Number(r.area ?? 0);
        out.set(key, o);
      }
      return [...out.values()].sort((a, b) => a.period.localeCompare(b.period) || a.kind.localeCompare(b.kind)).map(({ ids: _ids, ...r }) => r);
    },
  }),
  route({
    method: 'get', path: '/api/permits/:id/certificate.pdf', summary: '打印预售许可证 / 现售备案证明（PDF，带核验二维码）', tags: ['permits'],
    requirements: ['RE-014', 'RE-019', 'RE-199'], access: READ, params: idParam, produces: 'application/pdf',
    handler: async (ctx, { params }) => {
      const { items } = await listPermits(ctx, { page: 1, pageSize: 1, id: params.id } as PermitQuery & { id: number });
      if (!items[0]) throw errors.notFound('PERMIT_NOT_FOUND', '预售许可证不存在');
      const facts = (await permitFacts(ctx.deps, { id: params.id }))!;
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${facts.permitNo}.pdf`)}`);
      ctx.body = await certificatePdf(ctx.deps, facts);
      return undefined;
    },
  }),
  route({
    method: 'post', path: '/api/permits/:id/elicence', summary: '向省电子证照系统登记（失败后重试；重复登记返回同一证照编号）', tags: ['permits'],
    requirements: ['RE-214'], access: ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'], params: idParam, response: z.object({ licenceId: z.string() }),
    handler: async (ctx, { params }) => {
      if (!(await PresalePermit.findByPk(params.id))) throw errors.notFound('PERMIT_NOT_FOUND', '预售许可证不存在');
      return { licenceId: await registerElicence(ctx.deps, params.id) };
    },
  }),
  route({
    method: 'post', path: '/api/permits/:id/revoke', summary: '注销预售许可 / 现售备案（未售房屋恢复为不可售，核验页显示已注销）', tags: ['permits'],
    requirements: ['RE-015', 'RE-200'], access: ['reviewer_3', 'leader'], params: idParam,
    body: z.object({ reason: z.string().trim().min(4, '请填写注销原因（至少4个字）').max(300, '注销原因不超过300字') }), response: z.object({ ok: z.literal(true), roomsWithdrawn: z.number().int() }),
    handler: async (ctx, { params, body }) => {
      const actor = actorOf(ctx);
      const { permit, rooms } = await ctx.deps.db.tx(async (t) => {
        const permit = await PresalePermit.findByPk(params.id, { transaction: t, lock: t.LOCK.UPDATE });
        if (!permit) throw errors.notFound('PERMIT_NOT_FOUND', '预售许可证不存在');
        if (permit.status !== 'valid') throw errors.conflict('PERMIT_NOT_VALID', '该证已注销或已变更');
        // Unsold rooms this permit made 可售 return to 不可售; sold ones keep their contracts.
        const [rows] = await ctx.deps.db.sequelize.query(
          "SELECT r.id FROM rooms r JOIN room_events e ON e.room_id = r.id AND e.reference = :no AND e.kind = 'status' AND e.value = 'available' WHERE r.sale_status = 'available'",
          { replacements: { no: permit.permit_no }, transaction: t },
        );
        const ids = (rows as { id: number }[]).map((r) => r.id);
        const n = await changeRooms(t, actor, ids, { kind: 'status', value: 'unsellable' }, 'regulator', permit.permit_no, `注销：${body.reason}`);
        await permit.update({ status: 'revoked' }, { transaction: t });
        // The number is cancelled in the code register too: it verifies as 已注销 and is never issued again.
        await cancelCode(t, permit.permit_no, body.reason, actor).catch((err: unknown) => {
          if (!(err instanceof AppError && err.code === 'CODE_NOT_FOUND')) throw err;
        });
        await touchVersions(t, permit.building_ids.split(',').map(Number), [permit.project_id]);
        await appendAudit(t, actor, { action: 'permit.revoke', objectType: 'permit', objectId: permit.id, detail: { permitNo: permit.permit_no, reason: body.reason, roomsWithdrawn: n } });
        return { permit, rooms: n };
      });
      if (permit.licence_id) {
        const log = ctx.deps.logger;
        void ctx.deps.elicence.revoke(permit.licence_id, body.reason).catch((err: unknown) => log.warn({ err: String(err), permitId: permit.id }, 'e-licence revocation failed; retry later'));
      }
      return { ok: true as const, roomsWithdrawn: rooms };
    },
  }),
  route({
    method: 'get', path: '/api/public/permits/verify', summary: '公开：预售许可证 / 现售备案证明核验（扫码打开）', tags: ['permits', 'public'],
    requirements: ['RE-003', 'RE-014', 'RE-141'], access: 'public', rateLimit: 'public',
    query: z.object({ no: z.string().trim().min(4, '请提供证号').max(64, '证号不超过64个字符') }),
    response: z.object({
      valid: z.boolean(), permitNo: z.string(), facts: z.object({
        id: z.number().int(), kind: z.string(), kindLabel: z.string(), projectId: z.number().int(), projectName: z.string(), address: z.string(), developerName: z.string(),
        developerUscc: z.string().nullable(), buildingNos: z.array(z.string()), uses: z.array(z.string()), roomCount: z.number().int(), area: z.number().int(),
        issuedOn: z.string(), status: z.string(), statusLabel: z.string(), licenceId: z.string().nullable(), validUntil: z.string().nullable(),
        changedAt: z.string().nullable(),
      }).nullable(),
      message: z.string(),
    }),
    handler: async (ctx, { query }) => {
      const f = await permitFacts(ctx.deps, { permitNo: query.no });
      if (!f) return { valid: false, permitNo: query.no, facts: null, message: '未查询到该证号，请谨防伪造证件' };
      const { permitNo: _n, ...rest } = f;
      const facts = { ...rest };
      return {
        valid: f.status === 'valid', permitNo: f.permitNo, facts,
        message: f.status !== 'valid' ? `该证${f.statusLabel}，不能据此销售`
          : f.changedAt ? `${f.kindLabel}有效；该证已于 ${new Date(f.changedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} 变更，请以本页所列信息为准`
            : `${f.kindLabel}有效`,
      };
    },
  }),
  route({
    method: 'get', path: '/api/permits/:id', summary: '预售许可 / 现售备案详情', tags: ['permits'], requirements: ['RE-016', 'RE-201'], access: READ,
    params: idParam, response: permitRow,
    handler: async (ctx, { params }) => {
      const { items } = await listPermits(ctx, { page: 1, pageSize: 1, id: params.id } as PermitQuery & { id: number });
      const p = items[0];
      if (!p) throw errors.notFound('PERMIT_NOT_FOUND', '预售许可证不存在');
      return p;
    },
  }),
];
