// 预售测绘数据导入 (RE-011). An import is recorded first (status running), then checked and
// written in the background: every row is checked against the file itself and against the
// database, and the whole write — buildings, rooms, the rooms' first bus events, building
// totals, cache versions, the import's outcome and its audit record — is one transaction.
import crypto from 'node:crypto';
import { Op, QueryTypes, UniqueConstraintError, type CreationAttributes, type Transaction } from 'sequelize';
import {
  SALE_STATUS_LABELS, SURVEY_LIMITS, ROOM_USE_LABELS, OFFICE_SUBTYPES,
  type SaleStatus, type SurveyImportDetail, type SurveyImportMode, type SurveyImportSummary, type SurveyRowError,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import { errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { assertOrgScope } from '../../platform/access/policy';
import type { AuthUser } from '../../platform/http/types';
import { Building, Project, Room, SurveyImport } from '../realestate/models';
import { recordCreated, touchVersions } from '../realestate/bus';
import { checkRows, type RawRow, type SurveyRow } from './rows';

/** Sale statuses beyond 可售: a buyer relies on the room's area and use, so the survey may not change them. */
const SOLD_STATUSES: readonly SaleStatus[] = ['subscribed', 'signed', 'filed', 'registered'];
/** Stored errors per import; the count stays exact beyond it. */
const MAX_STORED_ERRORS = 50_000;

/** Rows written so far by imports running in this process (the database row is updated at commit). */
const live = new Map<number, number>();
/** Running jobs, so a caller may wait for one (?wait=true) and tests may drain them. */
const jobs = new Map<number, Promise<void>>();

export async function loadProjectInScope(user: AuthUser, projectId: number, t?: Transaction): Promise<Project> {
  const project = await Project.findByPk(projectId, { transaction: t });
  if (!project) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
  assertOrgScope(user, project.developer_org_id);
  return project;
}

export async function loadImportInScope(user: AuthUser, id: number): Promise<SurveyImport> {
  const imp = await SurveyImport.findByPk(id);
  if (!imp) throw errors.notFound('SURVEY_IMPORT_NOT_FOUND', '导入记录不存在');
  await loadProjectInScope(user, imp.project_id);
  return imp;
}

export const contentHash = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

export interface StartImport {
  project: Project;
  source: 'xlsx' | 'json';
  fileId: string | null;
  contentHash: string;
  mode: SurveyImportMode;
  rows: RawRow[];
}

/** Record the import and start it in the background; the returned promise settles when it is done. */
export async function startImport(deps: Deps, actor: AuditActor, input: StartImport): Promise<{ imp: SurveyImport; done: Promise<void> }> {
  if (input.rows.length > SURVEY_LIMITS.maxRows) {
    throw errors.badRequest('SURVEY_TOO_MANY_ROWS', `每次最多导入 ${SURVEY_LIMITS.maxRows} 行，请拆分后分批导入`);
  }
  const imp = await deps.db.tx((t) => SurveyImport.create(
    {
      project_id: input.project.id, source: input.source, file_id: input.fileId, content_hash: input.contentHash, mode: input.mode,
      status: 'running', total_rows: input.rows.length, created_by: actor.userId,
    },
    { transaction: t },
  ));
  const done = runImport(deps, actor, imp.id, input).finally(() => {
    live.delete(imp.id);
    jobs.delete(imp.id);
  });
  jobs.set(imp.id, done);
  return { imp, done };
}

/** Wait for every import running in this process (tests; graceful shutdown). */
export async function drainImports(): Promise<void> {
  await Promise.all([...jobs.values()]);
}

async function runImport(deps: Deps, actor: AuditActor, importId: number, input: StartImport): Promise<void> {
  try {
    await deps.db.tx((t) => importRows(deps, t, actor, importId, input));
  } catch (err) {
    deps.logger.error({ err, importId }, 'survey import failed');
    const message = err instanceof UniqueConstraintError
      ? '导入时有不动产单元号被同时进行的其他导入使用，未写入任何数据，请重新导入'
      : '导入过程中出错，未写入任何数据，请重试；如持续出现请联系管理员';
    const failure: SurveyRowError = { row: 0, column: '', field: '', code: 'IMPORT_FAILED', message };
    try {
      await deps.db.tx(async (t) => {
        await SurveyImport.update(
          { status: 'failed', error_count: 1, errors: JSON.stringify([failure]), finished_at: new Date() },
          { where: { id: importId }, transaction: t },
        );
        await appendAudit(t, actor, {
          action: 'survey.import', objectType: 'project', objectId: input.project.id, result: 'failure',
          detail: { importId, source: input.source, rows: input.rows.length, error: 'IMPORT_FAILED' },
        });
      });
    } catch (e2) {
      deps.logger.error({ err: e2, importId }, 'could not record survey import failure');
    }
  }
}

type RoomAttrs = Pick<Room, 'unit_name' | 'floor' | 'room_no' | 'use' | 'office_subtype' | 'build_area' | 'inner_area' | 'shared_area' | 'floor_height' | 'fitout'>;
const ROOM_FIELDS: (keyof RoomAttrs)[] = ['unit_name', 'floor', 'room_no', 'use', 'office_subtype', 'build_area', 'inner_area', 'shared_area', 'floor_height', 'fitout'];

function roomAttrs(r: SurveyRow): RoomAttrs {
  return {
    unit_name: r.unit, floor: r.floor, room_no: r.roomNo, use: r.use, office_subtype: r.officeSubtype, build_area: r.buildArea,
    inner_area: r.innerArea, shared_area: r.sharedArea, floor_height: r.floorHeight, fitout: r.fitout,
  };
}

/** Stored values as comparable plain values (MySQL gives 0/1 for booleans, strings for some numbers). */
function norm(field: keyof RoomAttrs, v: unknown): string | number | boolean | null {
  if (v == null) return null;
  if (field === 'fitout') return Boolean(Number(v));
  if (typeof v === 'string' && ['floor', 'build_area', 'inner_area', 'shared_area', 'floor_height'].includes(field)) return Number(v);
  return v as string | number;
}

function changedFields(room: Room, attrs: RoomAttrs): (keyof RoomAttrs)[] {
  return ROOM_FIELDS.filter((f) => norm(f, room[f]) !== norm(f, attrs[f]));
}

const positionKey = (buildingNo: string, unit: string | null, floor: number, roomNo: string) => `${buildingNo}\u0000${unit ?? ''}\u0000${floor}\u0000${roomNo}`;
const area = (h: number) => `${(Number(h) / 100).toFixed(2)} m²`;
const SOLD_LOCK_FIELDS: { field: keyof RoomAttrs; column: 'buildArea' | 'innerArea' | 'sharedArea' | 'use' | 'officeSubtype'; show: (v: unknown) => string }[] = [
  { field: 'build_area', column: 'buildArea', show: (v) => area(Number(v)) },
  { field: 'inner_area', column: 'innerArea', show: (v) => area(Number(v)) },
  { field: 'shared_area', column: 'sharedArea', show: (v) => area(Number(v)) },
  { field: 'use', column: 'use', show: (v) => ROOM_USE_LABELS[v as keyof typeof ROOM_USE_LABELS] ?? String(v) },
  { field: 'office_subtype', column: 'officeSubtype', show: (v) => (v ? OFFICE_SUBTYPES[v as keyof typeof OFFICE_SUBTYPES] ?? String(v) : '空') },
];

async function inChunks<T>(items: T[], size: number, fn: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

/** Checks that need the database: other projects' unit numbers, occupied room positions, sold rooms. */
async function checkAgainstDb(
  t: Transaction, project: Project, parsed: ReturnType<typeof checkRows>, projectRooms: Room[], buildingById: Map<number, Building>,
): Promise<void> {
  const { rows, errs, unitNumbers } = parsed;
  const elsewhere = new Set<string>();
  await inChunks([...unitNumbers.keys()], 1000, async (chunk) => {
    const found = await Room.findAll({
      where: { unit_number: chunk, project_id: { [Op.ne]: project.id } }, attributes: ['unit_number'], transaction: t,
    });
    for (const r of found) elsewhere.add(r.unit_number);
  });
  for (const un of elsewhere) {
    for (const rowNo of unitNumbers.get(un) ?? []) {
      errs.add(rowNo, 'unitNumber', 'UNIT_NUMBER_OTHER_PROJECT', `不动产单元号 ${un} 已被其他项目的房屋使用，不能导入到本项目`);
    }
  }

  const byUnitNumber = new Map(projectRooms.map((r) => [r.unit_number, r]));
  const occupied = new Map<string, string>();
  for (const r of projectRooms) {
    if (unitNumbers.has(r.unit_number)) continue; // its position comes from the file
    const b = buildingById.get(r.building_id);
    if (b) occupied.set(positionKey(b.building_no, r.unit_name, Number(r.floor), r.room_no), r.unit_number);
  }
  for (const row of rows) {
    const other = occupied.get(positionKey(row.buildingNo, row.unit, row.floor, row.roomNo));
    if (other) {
      errs.add(row.rowNo, 'roomNo', 'ROOM_NO_DUPLICATE',
        `${row.buildingNo}${row.unit ? ` ${row.unit}` : ''} 第${row.floor}层已有房号 ${row.roomNo} 的房屋（不动产单元号 ${other}）`);
    }
    const existing = byUnitNumber.get(row.unitNumber);
    if (!existing) continue;
    const was = buildingById.get(existing.building_id);
    if (was && was.building_no !== row.buildingNo) {
      errs.add(row.rowNo, 'buildingNo', 'ROOM_BUILDING_CHANGED', `不动产单元号 ${row.unitNumber} 的房屋属于「${was.building_no}」，不能改到「${row.buildingNo}」`);
    }
    if (SOLD_STATUSES.includes(existing.sale_status as SaleStatus)) {
      const attrs = roomAttrs(row);
      const status = SALE_STATUS_LABELS[existing.sale_status as SaleStatus];
      for (const f of SOLD_LOCK_FIELDS) {
        if (norm(f.field, existing[f.field]) === norm(f.field, attrs[f.field])) continue;
        errs.add(row.rowNo, f.column, 'ROOM_SOLD_LOCKED',
          `该房屋已是「${status}」状态，不能修改${f.field === 'use' || f.field === 'office_subtype' ? '用途' : '面积'}（现为 ${f.show(existing[f.field])}，文件为 ${f.show(attrs[f.field])}）`);
      }
    }
  }
}

async function importRows(deps: Deps, t: Transaction, actor: AuditActor, importId: number, input: StartImport): Promise<void> {
  const imp = (await SurveyImport.findByPk(importId, { transaction: t }))!;
  // One import at a time per project: the project row is the lock.
  const project = await Project.findByPk(input.project.id, { transaction: t, lock: t.LOCK.UPDATE });
  if (!project) throw errors.notFound('PROJECT_NOT_FOUND', '项目不存在');
  const total = input.rows.length;
  const parsed = checkRows(input.rows, project.parcel_code);
  const buildings = await Building.findAll({ where: { project_id: project.id }, transaction: t, lock: t.LOCK.UPDATE });
  const buildingById = new Map(buildings.map((b) => [b.id, b]));
  const buildingByNo = new Map(buildings.map((b) => [b.building_no, b]));
  // Locked, so that no room is sold between the check and the write.
  const projectRooms = await Room.findAll({ where: { project_id: project.id }, transaction: t, lock: t.LOCK.UPDATE });
  await checkAgainstDb(t, project, parsed, projectRooms, buildingById);
  const { errs } = parsed;
  const errorList = errs.sorted();
  const writable = parsed.rows.filter((r) => !errs.badRows.has(r.rowNo));
  const counts = { buildingsCreated: 0, buildingsUpdated: 0, roomsCreated: 0, roomsUpdated: 0, roomsUnchanged: 0 };

  const finish = async (status: 'done' | 'failed') => {
    await imp.update(
      {
        status, processed_rows: total, error_count: errorList.length, errors: errorList.length ? JSON.stringify(errorList.slice(0, MAX_STORED_ERRORS)) : null,
        buildings_created: counts.buildingsCreated, rooms_created: counts.roomsCreated, rooms_updated: counts.roomsUpdated,
        rooms_unchanged: counts.roomsUnchanged, finished_at: new Date(),
      },
      { transaction: t },
    );
  };
  const auditBase = {
    importId, mode: input.mode, source: input.source, fileId: input.fileId, contentHash: input.contentHash, rows: total,
    errorCount: errorList.length, badRows: errs.badRows.size,
  };

  if (input.mode === 'all_or_nothing' && errs.badRows.size) {
    await finish('failed');
    await appendAudit(t, actor, { action: 'survey.import', objectType: 'project', objectId: project.id, result: 'failure', detail: auditBase });
    return;
  }

  const touched = new Set<number>();
  // Buildings keyed by (project, 幢号): the first good row of each carries its facts.
  const facts = new Map<string, SurveyRow>();
  for (const r of writable) if (!facts.has(r.buildingNo)) facts.set(r.buildingNo, r);
  for (const [no, f] of facts) {
    const attrs = {
      survey_no: f.surveyNo, structure: f.structure, use: f.buildingUse, floors_total: f.floorsTotal, floors_underground: f.floorsUnderground,
    };
    const b = buildingByNo.get(no);
    if (!b) {
      const created = await Building.create(
        { project_id: project.id, building_no: no, ...attrs, floors_built: 0, address: null, total_area: 0, base_area: null, presale_room_count: 0 },
        { transaction: t },
      );
      buildingByNo.set(no, created);
      touched.add(created.id);
      counts.buildingsCreated++;
    } else if ((Object.keys(attrs) as (keyof typeof attrs)[]).some((k) => String(b[k] ?? '') !== String(attrs[k] ?? ''))) {
      await b.update({ ...attrs, floors_built: Math.min(Number(b.floors_built), f.floorsTotal) }, { transaction: t });
      touched.add(b.id);
      counts.buildingsUpdated++;
    }
  }

  // Rooms keyed by 不动产单元号: created, updated (attributes only, never status) or left alone.
  const byUnitNumber = new Map(projectRooms.map((r) => [r.unit_number, r]));
  const changes: { unitNumber: string; fields: string[] }[] = [];
  const now = new Date();
  let processed = 0;
  await inChunks(writable, SURVEY_LIMITS.chunkRows, async (chunk) => {
    const toCreate: CreationAttributes<Room>[] = [];
    for (const r of chunk) {
      const building = buildingByNo.get(r.buildingNo)!;
      const attrs = roomAttrs(r);
      const existing = byUnitNumber.get(r.unitNumber);
      if (!existing) {
        toCreate.push({
          building_id: building.id, project_id: project.id, unit_number: r.unitNumber, ...attrs,
          filed_unit_price: null, filed_total_price: null, sale_status: 'unsellable', flags: '', updated_at: now,
        });
        continue;
      }
      const fields = changedFields(existing, attrs);
      if (!fields.length) {
        counts.roomsUnchanged++;
        continue;
      }
      await Room.update({ ...attrs, updated_at: now }, { where: { id: existing.id }, transaction: t });
      counts.roomsUpdated++;
      touched.add(existing.building_id);
      if (changes.length < 50) changes.push({ unitNumber: r.unitNumber, fields });
    }
    if (toCreate.length) {
      await Room.bulkCreate(toCreate, { transaction: t });
      const created = await Room.findAll({
        where: { project_id: project.id, unit_number: toCreate.map((c) => c.unit_number) },
        attributes: ['id', 'building_id', 'project_id', 'sale_status', 'flags'], order: [['id', 'ASC']], transaction: t,
      });
      await recordCreated(t, created, 'survey_import', { userId: actor.userId, name: actor.name }, `测绘导入#${importId}`);
      counts.roomsCreated += created.length;
      for (const c of created) touched.add(c.building_id);
    }
    processed += chunk.length;
    await reportProgress(deps, importId, processed);
  });

  // Building totals follow the rooms they hold.
  const involved = [...facts.keys()].map((no) => buildingByNo.get(no)!);
  if (involved.length) {
    const sums = await deps.db.sequelize.query<{ building_id: number; n: number; a: number | string | null }>(
      'SELECT building_id, COUNT(*) AS n, SUM(build_area) AS a FROM rooms WHERE building_id IN (:ids) GROUP BY building_id',
      { replacements: { ids: involved.map((b) => b.id) }, type: QueryTypes.SELECT, transaction: t },
    );
    const byId = new Map(sums.map((s) => [Number(s.building_id), s]));
    for (const b of involved) {
      const s = byId.get(b.id);
      const n = Number(s?.n ?? 0);
      const a = Number(s?.a ?? 0);
      if (Number(b.presale_room_count) !== n || Number(b.total_area) !== a) {
        await Building.update({ presale_room_count: n, total_area: a }, { where: { id: b.id }, transaction: t });
        touched.add(b.id);
      }
    }
  }
  if (touched.size) await touchVersions(t, [...touched], [project.id]);
  await finish('done');
  await appendAudit(t, actor, {
    action: 'survey.import', objectType: 'project', objectId: project.id,
    detail: { ...auditBase, ...counts, buildingsTouched: touched.size, changed: changes },
  });
}

async function reportProgress(deps: Deps, importId: number, processed: number): Promise<void> {
  live.set(importId, processed);
  // On MySQL/MariaDB another connection can record progress while the import's transaction is
  // open (`transaction: null`: outside the import's on purpose); SQLite has one writer, so there
  // the in-process figure is what readers see.
  if (deps.db.dialect !== 'sqlite') {
    await SurveyImport.update({ processed_rows: processed }, { where: { id: importId, status: 'running' }, transaction: null }).catch(() => undefined);
  }
}

// ---------- presenters ----------

function outcome(imp: SurveyImport, processed: number): string {
  if (imp.status === 'running') return `正在导入：已处理 ${processed}/${imp.total_rows} 行`;
  if (imp.status === 'failed') {
    if (!isSystemFailure(imp)) {
      return `未导入：发现 ${imp.error_count} 处错误，按「全部正确才导入」未写入任何数据，请修改后重新导入`;
    }
    return '导入失败，未写入任何数据，请重试';
  }
  const parts = [
    imp.buildings_created ? `新建幢 ${imp.buildings_created} 个` : null,
    `新建房屋 ${imp.rooms_created} 户`, `更新 ${imp.rooms_updated} 户`, `未变化 ${imp.rooms_unchanged} 户`,
  ].filter(Boolean);
  const skipped = imp.total_rows - imp.rooms_created - imp.rooms_updated - imp.rooms_unchanged;
  return `导入完成：${parts.join('，')}${skipped > 0 ? `；${skipped} 行有误未导入（${imp.error_count} 处错误）` : ''}`;
}

const isSystemFailure = (imp: SurveyImport) => imp.error_count === 1 && (imp.errors ?? '').includes('"IMPORT_FAILED"');

export function presentImport(imp: SurveyImport): SurveyImportSummary {
  const processed = imp.status === 'running' ? Math.max(Number(imp.processed_rows), live.get(imp.id) ?? 0) : Number(imp.processed_rows);
  const written = imp.rooms_created + imp.rooms_updated + imp.rooms_unchanged;
  return {
    id: imp.id, projectId: imp.project_id, source: imp.source, fileId: imp.file_id, mode: imp.mode, status: imp.status,
    totalRows: imp.total_rows, processedRows: processed, errorCount: imp.error_count, buildingsCreated: imp.buildings_created,
    roomsCreated: imp.rooms_created, roomsUpdated: imp.rooms_updated, roomsUnchanged: imp.rooms_unchanged,
    rowsSkipped: imp.status === 'running' ? 0 : imp.status === 'failed' ? imp.total_rows : imp.total_rows - written,
    createdBy: imp.created_by, createdAt: new Date(imp.created_at).toISOString(), finishedAt: imp.finished_at ? new Date(imp.finished_at).toISOString() : null,
    message: outcome(imp, processed),
  };
}

export function importErrors(imp: SurveyImport): SurveyRowError[] {
  if (!imp.errors) return [];
  try {
    return JSON.parse(imp.errors) as SurveyRowError[];
  } catch {
    return [];
  }
}

export function presentImportDetail(imp: SurveyImport, page = 1, pageSize: number = SURVEY_LIMITS.errorsPageSize): SurveyImportDetail {
  const all = importErrors(imp);
  return {
    ...presentImport(imp),
    errors: all.slice((page - 1) * pageSize, page * pageSize),
    errorsPage: page,
    errorsPageSize: pageSize,
    errorsCsvUrl: `/api/survey-imports/${imp.id}/errors.csv`,
  };
}

