// Regulators' and developers' views of projects, buildings and rooms (RE-007…RE-009). Developer
// staff see only their own company's projects; regulators see all and maintain project facts;
// room status and flags change only through the building-table bus.
import { Op, type WhereOptions } from 'sequelize';
import {
  z, idParam, pageOf, projectListQuery, projectInput, projectPatch, projectAdminSummary, projectAdminDetail, buildingInput, buildingSummary,
  roomListQuery, adminBuildingTable, adminRoomDetail, roomEventInput, roomEventView, REGULATOR_ROLES, toGcj02, round6, okResponse,
  type ProjectInput, type Role,
} from '@hq/common';
import { route } from '../../platform/http/route';
import { errors } from '../../platform/errors';
import { assertOrgScope, scopeOf } from '../../platform/access/policy';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf } from '../../platform/http/actor';
import type { AppContext } from '../../platform/http/types';
import { Org } from '../../platform/models';
import { Building, Project, Room, RoomEvent } from './models';
import { changeRoom, presentEvent, touchVersions } from './bus';
import * as pub from '../public/service';
import { projectIndex, summaryOf } from '../public/projectIndex';

const READ: readonly Role[] = [...REGULATOR_ROLES, 'developer_staff'];
const MAINTAIN: readonly Role[] = ['reviewer_1', 'reviewer_2', 'reviewer_3', 'leader'];

async function scopedProject(ctx: AppContext, id: number): Promise<Project> {
  const p = await Project.findByPk(id);
  if (!p) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
  assertOrgScope(ctx.state.user!, p.developer_org_id);
  return p;
}

async function scopedBuilding(ctx: AppContext, id: number): Promise<Building> {
  const b = await Building.findByPk(id);
  if (!b) throw errors.notFound('BUILDING_NOT_FOUND', '单体（楼栋）不存在');
  await scopedProject(ctx, b.project_id);
  return b;
}

async function scopedRoom(ctx: AppContext, id: number): Promise<Room> {
  const r = await Room.findByPk(id);
  if (!r) throw errors.notFound('ROOM_NOT_FOUND', '房屋不存在');
  await scopedProject(ctx, r.project_id);
  return r;
}

function projectColumns(input: Partial<ProjectInput>) {
  const out: Record<string, unknown> = {};
  const map: Record<string, string> = {
    developerOrgId: 'developer_org_id', name: 'name', filedName: 'filed_name', marketingName: 'marketing_name', parcelCode: 'parcel_code',
    address: 'address', district: 'district', landArea: 'land_area', plannedFloorArea: 'planned_floor_area', landUse: 'land_use',
    plannedUse: 'planned_use', landTermStart: 'land_term_start', landTermEnd: 'land_term_end', plotRatio: 'plot_ratio', greeningRate: 'greening_rate',
    landCertNo: 'land_cert_no', planningPermitNo: 'planning_permit_no', constructionPermitNo: 'construction_permit_no', deliveryDate: 'delivery_date', status: 'status',
  };
  for (const [k, col] of Object.entries(map)) if ((input as Record<string, unknown>)[k] !== undefined) out[col] = (input as Record<string, unknown>)[k];
  if (input.lng != null && input.lat != null) {
    const g = toGcj02({ lng: input.lng, lat: input.lat }, input.crs ?? 'gcj02');
    out.lng = round6(g.lng);
    out.lat = round6(g.lat);
  } else if (input.lng === null || input.lat === null) {
    out.lng = null;
    out.lat = null;
  }
  return out;
}

async function assertDeveloper(orgId: number): Promise<void> {
  const org = await Org.findByPk(orgId);
  if (!org || org.kind !== 'developer') throw errors.validation([{ field: 'developerOrgId', message: '开发企业不存在，请从列表中选择' }]);
}

async function adminDetail(ctx: AppContext, p: Project) {
  const detail = await pub.projectDetail(ctx.deps.db, p.id);
  if (!detail) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
  return { ...detail, version: p.version, createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString() };
}

const buildingColumns = (b: Partial<z.infer<typeof buildingInput>>) => {
  const map: Record<string, string> = {
    buildingNo: 'building_no', surveyNo: 'survey_no', structure: 'structure', use: 'use', floorsTotal: 'floors_total', floorsBuilt: 'floors_built',
    floorsUnderground: 'floors_underground', address: 'address', totalArea: 'total_area', baseArea: 'base_area', presaleRoomCount: 'presale_room_count',
  };
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(map)) if ((b as Record<string, unknown>)[k] !== undefined) out[col] = (b as Record<string, unknown>)[k];
  return out;
};

export const realEstateRoutes = [
  route({
    method: 'get', path: '/api/projects', summary: '项目列表（开发企业仅见本企业项目）', tags: ['realestate'],
    requirements: ['RE-007', 'RE-011'], access: READ, query: projectListQuery, response: pageOf(projectAdminSummary),
    handler: async (ctx, { query }) => {
      const user = ctx.state.user!;
      const mine = scopeOf(user) === 'all' ? null : user.orgId ?? -1;
      const k = query.keyword?.toLowerCase();
      const all = (await projectIndex(ctx.deps.db).all())
        .filter((p) => (mine === null || p.developerId === mine) && (!k || p.haystack.includes(k)) && (!query.district || p.district === query.district)
          && (!query.status || p.status === query.status) && (!query.developerId || p.developerId === query.developerId))
        .sort((a, b) => a.id - b.id);
      const page = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      return {
        items: page.map((p) => ({ ...summaryOf(p), filedName: p.filedName, parcelCode: p.parcelCode, version: p.version })),
        total: all.length, page: query.page, pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get', path: '/api/projects/:id', summary: '项目详情（土地与规划信息、预售证、单体、销售总览）', tags: ['realestate'],
    requirements: ['RE-007', 'RE-008', 'RE-011'], access: READ, params: idParam, response: projectAdminDetail,
    handler: async (ctx, { params }) => adminDetail(ctx, await scopedProject(ctx, params.id)),
  }),
  route({
    method: 'post', path: '/api/projects', summary: '新建项目', tags: ['realestate'], requirements: ['RE-007'], access: MAINTAIN,
    body: projectInput, response: projectAdminDetail, status: 201,
    handler: async (ctx, { body }) => {
      await assertDeveloper(body.developerOrgId);
      const p = await ctx.deps.db.tx(async (t) => {
        const created = await Project.create(projectColumns(body) as never, { transaction: t });
        await appendAudit(t, actorOf(ctx), { action: 'project.create', objectType: 'project', objectId: created.id, detail: { name: body.name } });
        return created;
      });
      return adminDetail(ctx, p);
    },
  }),
  route({
    method: 'patch', path: '/api/projects/:id', summary: '修改项目信息（带版本号，防止覆盖他人修改）', tags: ['realestate'], requirements: ['RE-007'], access: MAINTAIN,
    params: idParam, body: projectPatch.extend({ version: z.number().int().nonnegative('请提供版本号') }), response: projectAdminDetail,
    handler: async (ctx, { params, body }) => {
      if (body.developerOrgId) await assertDeveloper(body.developerOrgId);
      const p = await ctx.deps.db.tx(async (t) => {
        const p = await Project.findByPk(params.id, { transaction: t, lock: t.LOCK.UPDATE });
        if (!p) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
        if (p.version !== body.version) throw errors.conflict('PROJECT_STALE', '项目已被他人修改，请刷新后再编辑');
        const { version: _v, ...changes } = body;
        const cols = projectColumns(changes);
        const before = Object.fromEntries(Object.keys(cols).map((c) => [c, (p as unknown as Record<string, unknown>)[c]]));
        await p.update({ ...cols, version: p.version + 1, updated_at: new Date() }, { transaction: t });
        await appendAudit(t, actorOf(ctx), { action: 'project.update', objectType: 'project', objectId: p.id, detail: { before, after: cols } });
        return p;
      });
      return adminDetail(ctx, p);
    },
  }),
  route({
    method: 'get', path: '/api/projects/:id/buildings', summary: '项目的单体（楼栋）列表', tags: ['realestate'], requirements: ['RE-008'], access: READ,
    params: idParam, response: z.array(buildingSummary),
    handler: async (ctx, { params }) => (await adminDetail(ctx, await scopedProject(ctx, params.id))).buildings,
  }),
  route({
    method: 'post', path: '/api/projects/:id/buildings', summary: '新建单体（楼栋）', tags: ['realestate'], requirements: ['RE-008'], access: MAINTAIN,
    params: idParam, body: buildingInput, response: z.object({ id: z.number().int() }), status: 201,
    handler: async (ctx, { params, body }) => {
      const p = await scopedProject(ctx, params.id);
      if (body.floorsBuilt > body.floorsTotal) throw errors.validation([{ field: 'floorsBuilt', message: '已建层数不能大于总层数' }]);
      return ctx.deps.db.tx(async (t) => {
        if (await Building.findOne({ where: { project_id: p.id, building_no: body.buildingNo }, transaction: t })) {
          throw errors.conflict('BUILDING_EXISTS', `本项目已有幢号「${body.buildingNo}」`);
        }
        const b = await Building.create({ project_id: p.id, ...buildingColumns(body) } as never, { transaction: t });
        await touchVersions(t, [], [p.id]);
        await appendAudit(t, actorOf(ctx), { action: 'building.create', objectType: 'building', objectId: b.id, detail: { projectId: p.id, buildingNo: body.buildingNo } });
        return { id: b.id };
      });
    },
  }),
  route({
    method: 'patch', path: '/api/buildings/:id', summary: '修改单体（楼栋）信息', tags: ['realestate'], requirements: ['RE-008'], access: MAINTAIN,
    params: idParam, body: buildingInput.partial(), response: okResponse,
    handler: async (ctx, { params, body }) => {
      const b = await scopedBuilding(ctx, params.id);
      const floorsTotal = body.floorsTotal ?? b.floors_total;
      if ((body.floorsBuilt ?? b.floors_built) > floorsTotal) throw errors.validation([{ field: 'floorsBuilt', message: '已建层数不能大于总层数' }]);
      await ctx.deps.db.tx(async (t) => {
        if (body.buildingNo && body.buildingNo !== b.building_no && await Building.findOne({ where: { project_id: b.project_id, building_no: body.buildingNo }, transaction: t })) {
          throw errors.conflict('BUILDING_EXISTS', `本项目已有幢号「${body.buildingNo}」`);
        }
        const cols = buildingColumns(body);
        await Building.update(cols, { where: { id: b.id }, transaction: t });
        await touchVersions(t, [b.id], [b.project_id]);
        await appendAudit(t, actorOf(ctx), { action: 'building.update', objectType: 'building', objectId: b.id, detail: { after: cols } });
      });
      return { ok: true as const };
    },
  }),
  route({
    method: 'get', path: '/api/buildings/:id/table', summary: '楼盘表（含不动产单元号，供监管与开发企业使用）', tags: ['realestate'], requirements: ['RE-009'],
    access: READ, params: idParam, response: adminBuildingTable,
    handler: async (ctx, { params }) => {
      const b = await scopedBuilding(ctx, params.id);
      const [t] = await pub.buildingTables(ctx.deps.db, { buildingId: b.id }, true);
      const p = await Project.findByPk(b.project_id, { attributes: ['id', 'name'] });
      const { projectId: _p, ...rest } = t;
      return { project: { id: p!.id, name: p!.name }, ...rest };
    },
  }),
  route({
    method: 'get', path: '/api/rooms', summary: '房屋查询（按项目、楼栋、状态、限制标记、用途、房号或不动产单元号）', tags: ['realestate'], requirements: ['RE-009', 'RE-011'],
    access: READ, query: roomListQuery,
    response: pageOf(z.object({ id: z.number().int(), projectId: z.number().int(), buildingId: z.number().int(), unitNumber: z.string(), roomNo: z.string(), floor: z.number().int(), use: z.string(), buildArea: z.number().int(), status: z.string(), flags: z.array(z.string()), label: z.string(), colour: z.string() })),
    handler: async (ctx, { query }) => {
      const user = ctx.state.user!;
      const where: WhereOptions = {};
      const w = where as Record<string | symbol, unknown>;
      if (scopeOf(user) !== 'all') {
        const own = await Project.findAll({ where: { developer_org_id: user.orgId ?? -1 }, attributes: ['id'] });
        w.project_id = query.projectId ? (own.some((p) => p.id === query.projectId) ? query.projectId : -1) : own.map((p) => p.id);
      } else if (query.projectId) w.project_id = query.projectId;
      if (query.buildingId) w.building_id = query.buildingId;
      if (query.status) w.sale_status = query.status;
      if (query.use) w.use = query.use;
      if (query.flag) w.flags = { [Op.like]: `%${query.flag}%` };
      if (query.keyword) w[Op.or] = [{ unit_number: query.keyword }, { room_no: query.keyword }];
      const { rows, count } = await Room.findAndCountAll({ where, order: [['id', 'ASC']], limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return {
        items: rows.map((r) => {
          const t = pub.tableRoom(r);
          return { id: r.id, projectId: r.project_id, buildingId: r.building_id, unitNumber: r.unit_number, roomNo: r.room_no, floor: r.floor, use: r.use, buildArea: r.build_area, status: t.status, flags: t.flags, label: t.label, colour: t.colour };
        }),
        total: count, page: query.page, pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get', path: '/api/rooms/:id', summary: '房屋详情与楼盘表总线记录（谁、何时、来源、依据）', tags: ['realestate'], requirements: ['RE-009'],
    access: READ, params: idParam, response: adminRoomDetail,
    handler: async (ctx, { params }) => {
      const r = await scopedRoom(ctx, params.id);
      const detail = (await pub.roomDetail(ctx.deps.db, r.id))!;
      const events = await RoomEvent.findAll({ where: { room_id: r.id }, order: [['seq', 'ASC']] });
      const { history: _h, ...rest } = detail;
      return { ...rest, seq: r.event_seq, events: events.map(presentEvent) };
    },
  }),
  route({
    method: 'post', path: '/api/rooms/:id/events', summary: '变更房屋销售状态或限制标记（写入楼盘表总线）', tags: ['realestate'], requirements: ['RE-009'],
    access: MAINTAIN, params: idParam, body: roomEventInput, response: roomEventView, status: 201,
    handler: async (ctx, { params, body }) => {
      const { event } = await ctx.deps.db.tx((t) => changeRoom(t, actorOf(ctx), {
        roomId: params.id, change: { kind: body.kind, value: body.value } as never, source: body.source, reference: body.reference ?? null,
        reason: body.reason, expectedSeq: body.expectedSeq,
      }));
      return presentEvent(event);
    },
  }),
];
