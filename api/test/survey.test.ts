import ExcelJS from 'exceljs';
import { SURVEY_COLUMNS } from '@hq/common';
import { User } from '../src/platform/models';
import { Building, Project, Room, RoomEvent, SurveyImport } from '../src/modules/realestate/models';
import { changeRoomTx, replayCheck } from '../src/modules/realestate/bus';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit';
import { unitNumber } from '../src/seed/identifiers';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
let dev1: string;
let dev2: string;
let reviewer: string;
let projectA: Project; // dev1's enterprise, parcel PARCEL_A
let projectB: Project; // dev2's enterprise, no parcel code

const PARCEL_A = '440404009009GB77001';
const un = (building: number, floor: number, room: number) => unitNumber(PARCEL_A, building, floor * 100 + room);

type Row = Record<string, string | number | boolean | null>;
const room = (building: number, floor: number, r: number, over: Row = {}): Row => ({
  buildingNo: `${building}栋`, surveyNo: `77001-00${building}`, structure: '钢筋混凝土', buildingUse: '住宅', floorsTotal: 30, floorsUnderground: 2,
  unit: '1单元', floor, roomNo: `${floor}${String(r).padStart(2, '0')}`, unitNumber: un(building, floor, r), use: '住宅', officeSubtype: null,
  buildArea: 89.37, innerArea: 72.15, sharedArea: 17.22, floorHeight: 3, fitout: '否', ...over,
});

async function xlsxOf(rows: Row[]): Promise<Buffer> {
  const tpl = await fetch(`${api.url}/api/survey/template.xlsx`, { headers: { authorization: `Bearer ${dev1}` } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await tpl.arrayBuffer()) as never);
  const ws = wb.getWorksheet('测绘数据')!;
  // Type over the example rows, as a person filling in the template would, and clear what is left of them.
  for (let i = 0; i < Math.max(rows.length, 3); i++) {
    SURVEY_COLUMNS.forEach((c, col) => {
      ws.getRow(i + 2).getCell(col + 1).value = rows[i] ? (rows[i][c.key] as ExcelJS.CellValue) ?? null : null;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(projectId: number, data: Buffer, opts: { token?: string; name?: string; mode?: string; wait?: boolean } = {}) {
  const form = new FormData();
  if (opts.mode) form.append('mode', opts.mode);
  form.append('file', new Blob([new Uint8Array(data)]), opts.name ?? '测绘数据.xlsx');
  const res = await fetch(`${api.url}/api/projects/${projectId}/survey-imports${opts.wait === false ? '' : '?wait=true'}`, {
    method: 'POST', headers: { authorization: `Bearer ${opts.token ?? dev1}` }, body: form,
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

const importJson = (projectId: number, rows: Row[], mode?: string, token = dev1) =>
  api.call('POST', `/api/projects/${projectId}/survey-imports?wait=true`, { token, body: { rows, ...(mode ? { mode } : {}) } });

const snapshot = async () => ({
  rooms: await Room.count({ where: { project_id: projectA.id } }),
  events: await RoomEvent.count({ where: { project_id: projectA.id } }),
  version: (await Project.findByPk(projectA.id))!.version,
  buildingVersions: (await Building.findAll({ where: { project_id: projectA.id }, order: [['id', 'ASC']] })).map((b) => b.version),
});

beforeAll(async () => {
  api = await startTestApi();
  dev1 = (await api.login('dev1')).accessToken;
  dev2 = (await api.login('dev2')).accessToken;
  reviewer = (await api.login('reviewer1')).accessToken;
  const org1 = (await User.findOne({ where: { username: 'dev1' } }))!.org_id!;
  const org2 = (await User.findOne({ where: { username: 'dev2' } }))!.org_id!;
  const base = { address: '珠海市横琴粤澳深度合作区环岛东路1号', district: '横琴新家园片区', lng: null, lat: null, land_area: null, planned_floor_area: null, filed_name: null, marketing_name: null };
  projectA = await Project.create({ ...base, developer_org_id: org1, name: '测绘导入测试项目', parcel_code: PARCEL_A, status: 'planning' });
  projectB = await Project.create({ ...base, developer_org_id: org2, name: '他企项目', parcel_code: null, status: 'planning' });
});
afterAll(() => api.close());

describe('template and Excel import', () => {
  test('the template is a workbook with instructions and the Chinese columns; filled in, it imports', async () => {
    const res = await fetch(`${api.url}/api/survey/template.xlsx`, { headers: { authorization: `Bearer ${dev1}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '测绘数据']);
    const header = (wb.getWorksheet('测绘数据')!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['幢号', '测绘单体号', '建筑结构', '幢用途', '总层数', '地下层数', '单元', '层', '房号', '不动产单元号', '用途', '办公类型',
      '建筑面积(m²)', '套内面积(m²)', '分摊面积(m²)', '层高(m)', '装修交付(是/否)']);
    expect(wb.getWorksheet('测绘数据')!.rowCount).toBeGreaterThanOrEqual(3); // example rows
    expect(String(wb.getWorksheet('说明')!.getCell('A1').value)).toContain('预售测绘数据导入模板');

    const rows: Row[] = [];
    for (let f = 1; f <= 3; f++) for (let r = 1; r <= 4; r++) rows.push(room(1, f, r, { fitout: r === 1 ? '是' : '否' }));
    rows.push(room(2, 5, 1, { buildingNo: '2栋', surveyNo: '77001-002', buildingUse: '办公', floorsTotal: 20, use: '办公', officeSubtype: '酒店式办公', buildArea: 56.2, innerArea: 41.3, sharedArea: 14.9, floorHeight: 4.5 }));
    const r = await upload(projectA.id, await xlsxOf(rows));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'done', source: 'xlsx', totalRows: 13, processedRows: 13, errorCount: 0, buildingsCreated: 2, roomsCreated: 13, roomsUpdated: 0, roomsUnchanged: 0 });
    expect(r.body.message).toContain('新建房屋 13 户');
    expect(r.body.fileId).toMatch(/^[0-9a-f-]{36}$/);

    const office = (await Room.findOne({ where: { unit_number: un(2, 5, 1) } }))!;
    expect(office).toMatchObject({ use: 'office', office_subtype: 'serviced', build_area: 5620, inner_area: 4130, shared_area: 1490, floor_height: 450, sale_status: 'unsellable', flags: '', event_seq: 1 });
    expect(Boolean((await Room.findOne({ where: { unit_number: un(1, 1, 1) } }))!.fitout)).toBe(true);
    const b1 = (await Building.findOne({ where: { project_id: projectA.id, building_no: '1栋' } }))!;
    expect(b1).toMatchObject({ floors_total: 30, floors_underground: 2, use: 'residential', presale_room_count: 12 });
    expect(Number(b1.total_area)).toBe(12 * 8937);
    const events = await RoomEvent.findAll({ where: { room_id: office.id } });
    expect(events.map((e) => [e.kind, e.seq, e.source, e.after_status])).toEqual([['created', 1, 'survey_import', 'unsellable']]);
    expect((await replayCheck(api.app.deps.db)).mismatches).toEqual([]);
  });

  test('re-importing the same file changes nothing: no events, no version bump', async () => {
    const rows: Row[] = [];
    for (let f = 1; f <= 3; f++) for (let r = 1; r <= 4; r++) rows.push(room(1, f, r, { fitout: r === 1 ? '是' : '否' }));
    rows.push(room(2, 5, 1, { buildingNo: '2栋', surveyNo: '77001-002', buildingUse: '办公', floorsTotal: 20, use: '办公', officeSubtype: '酒店式办公', buildArea: 56.2, innerArea: 41.3, sharedArea: 14.9, floorHeight: 4.5 }));
    const before = await snapshot();
    const r = await upload(projectA.id, await xlsxOf(rows));
    expect(r.body).toMatchObject({ status: 'done', roomsCreated: 0, roomsUpdated: 0, roomsUnchanged: 13, buildingsCreated: 0, errorCount: 0 });
    expect(await snapshot()).toEqual(before);
  });

  test('a changed area updates the room and its versions, never its sale status', async () => {
    const before = await snapshot();
    const r = await importJson(projectA.id, [room(1, 1, 2, { buildArea: 90.37, innerArea: 73.15 })]);
    expect(r.body).toMatchObject({ status: 'done', roomsUpdated: 1, roomsCreated: 0 });
    const changed = (await Room.findOne({ where: { unit_number: un(1, 1, 2) } }))!;
    expect(changed).toMatchObject({ build_area: 9037, inner_area: 7315, sale_status: 'unsellable', event_seq: 1 });
    const after = await snapshot();
    expect(after.events).toBe(before.events);
    expect(after.version).toBe(before.version + 1);
    const b1 = (await Building.findOne({ where: { project_id: projectA.id, building_no: '1栋' } }))!;
    expect(Number(b1.total_area)).toBe(11 * 8937 + 9037);
  });

  test('JSON import with English keys, and the project lists its imports', async () => {
    const r = await importJson(projectA.id, [room(3, 1, 1, { buildingNo: '3栋', use: 'commercial', buildingUse: 'commercial', floorHeight: null, fitout: true })]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'done', source: 'json', roomsCreated: 1, buildingsCreated: 1, fileId: null });
    expect((await Room.findOne({ where: { unit_number: un(3, 1, 1) } }))!).toMatchObject({ use: 'commercial', floor_height: null });
    const list = await api.call('GET', `/api/projects/${projectA.id}/survey-imports`, { token: dev1 });
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(4);
    expect(list.body.items[0].id).toBe(r.body.id);
  });
});

describe('row errors', () => {
  let soldRoomArea: number;
  let rows: Row[];
  beforeAll(async () => {
    // Project B (another enterprise) already holds a room with one of project A's unit numbers.
    const b = await importJson(projectB.id, [room(9, 1, 1)], undefined, dev2);
    expect(b.body.status).toBe('done');
    // A room of project A that a buyer has subscribed.
    const sold = (await Room.findOne({ where: { unit_number: un(1, 2, 1) } }))!;
    await changeRoomTx(api.app.deps.db, SYSTEM_ACTOR, { roomId: sold.id, change: { kind: 'status', value: 'available' }, source: 'presale_permit' });
    await changeRoomTx(api.app.deps.db, SYSTEM_ACTOR, { roomId: sold.id, change: { kind: 'status', value: 'subscribed' }, source: 'online_signing' });
    soldRoomArea = sold.build_area;
    rows = [
      room(4, 1, 1, { buildingNo: '4栋' }), // 1: good
      room(4, 1, 2, { buildingNo: '4栋', unitNumber: un(4, 1, 3) }), // 2: duplicate unit number with row 3
      room(4, 1, 3, { buildingNo: '4栋' }), // 3
      room(4, 1, 4, { buildingNo: '4栋', unitNumber: '4404040090' }), // 4: format
      room(4, 1, 5, { buildingNo: '4栋', unitNumber: unitNumber('440404001001GB10000', 4, 105) }), // 5: other parcel
      room(9, 1, 1, { buildingNo: '4栋', surveyNo: '77001-004', roomNo: '199' }), // 6: used by project B
      room(4, 1, 7, { buildingNo: '4栋', buildArea: 100, innerArea: 80, sharedArea: 10 }), // 7: areas
      room(4, 1, 8, { buildingNo: '4栋', use: '住房' }), // 8: unknown use
      room(4, 1, 9, { buildingNo: '4栋', use: '办公', officeSubtype: '共享办公' }), // 9: unknown office subtype
      room(4, 40, 1, { buildingNo: '4栋' }), // 10: floor 40 of 30
      room(4, 2, 2, { buildingNo: '4栋', roomNo: null }), // 11: missing cell
      room(4, 2, 3, { buildingNo: '4栋', buildArea: '八十九' }), // 12: not a number
      room(4, 2, 4, { buildingNo: '4栋', roomNo: '205' }), // 13: same room number as row 14
      room(4, 2, 5, { buildingNo: '4栋' }), // 14
      room(1, 2, 1, { buildArea: 95, innerArea: 77.78 }), // 15: the subscribed room's area
    ];
  });

  const expected: [number, string, string][] = [
    [2, '不动产单元号', 'UNIT_NUMBER_DUPLICATE'], [3, '不动产单元号', 'UNIT_NUMBER_DUPLICATE'],
    [4, '不动产单元号', 'UNIT_NUMBER_FORMAT'], [5, '不动产单元号', 'UNIT_NUMBER_PARCEL_MISMATCH'], [6, '不动产单元号', 'UNIT_NUMBER_OTHER_PROJECT'],
    [7, '建筑面积(m²)', 'AREA_INCONSISTENT'], [8, '用途', 'USE_UNKNOWN'], [9, '办公类型', 'OFFICE_SUBTYPE_UNKNOWN'], [10, '层', 'FLOOR_OUT_OF_RANGE'],
    [11, '房号', 'CELL_REQUIRED'], [12, '建筑面积(m²)', 'NOT_A_NUMBER'], [13, '房号', 'ROOM_NO_DUPLICATE'], [14, '房号', 'ROOM_NO_DUPLICATE'],
    [15, '建筑面积(m²)', 'ROOM_SOLD_LOCKED'], [15, '套内面积(m²)', 'ROOM_SOLD_LOCKED'],
  ];

  test('all or nothing: every bad row is reported with row, column and reason, and nothing is written', async () => {
    const before = await snapshot();
    const r = await importJson(projectA.id, rows);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('failed');
    expect(r.body.message).toContain('未写入任何数据');
    const got = r.body.errors.map((e: any) => [e.row, e.column, e.code]);
    for (const e of expected) expect(got).toContainEqual(e);
    expect(r.body.errors.every((e: any) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    expect(r.body.errors.find((e: any) => e.code === 'ROOM_SOLD_LOCKED').message).toContain('已认购');
    expect(r.body.errors.some((e: any) => e.row === 1)).toBe(false);
    expect(r.body.rowsSkipped).toBe(15);
    expect(await snapshot()).toEqual(before);
    expect(await Building.count({ where: { project_id: projectA.id, building_no: '4栋' } })).toBe(0);

    const csv = await fetch(`${api.url}/api/survey-imports/${r.body.id}/errors.csv`, { headers: { authorization: `Bearer ${dev1}` } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0].replace('\uFEFF', '')).toBe('行号,列,错误代码,原因');
    expect(text).toContain('15,套内面积(m²),ROOM_SOLD_LOCKED');
    expect(text.trim().split('\r\n').length).toBe(r.body.errorCount + 1);
  });

  test('good rows: only the good row is written; the sold room keeps its area', async () => {
    const r = await importJson(projectA.id, rows, 'good_rows');
    expect(r.body).toMatchObject({ status: 'done', roomsCreated: 1, roomsUpdated: 0, buildingsCreated: 1, rowsSkipped: 14 });
    expect(r.body.message).toContain('14 行有误未导入');
    expect(await Room.count({ where: { project_id: projectA.id, building_id: (await Building.findOne({ where: { project_id: projectA.id, building_no: '4栋' } }))!.id } })).toBe(1);
    expect(await Room.findOne({ where: { unit_number: un(4, 1, 1) } })).not.toBeNull();
    expect((await Room.findOne({ where: { unit_number: un(1, 2, 1) } }))!.build_area).toBe(soldRoomArea);
    expect((await Room.findOne({ where: { unit_number: un(9, 1, 1) } }))!.project_id).toBe(projectB.id);
  });

  test('errors in an uploaded file name the Excel row', async () => {
    const r = await upload(projectA.id, await xlsxOf([room(1, 1, 1, { fitout: '是' }), room(1, 1, 2, { use: '公寓' })]));
    expect(r.body.status).toBe('failed');
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 3, column: '用途', code: 'USE_UNKNOWN' })]);
  });
});

describe('access and limits', () => {
  test('a developer of another enterprise is refused; regulators may read and import', async () => {
    const r = await importJson(projectA.id, [room(5, 1, 1, { buildingNo: '5栋' })], undefined, dev2);
    expect(r.status).toBe(403);
    expect(await Room.findOne({ where: { unit_number: un(5, 1, 1) } })).toBeNull();
    const last = await SurveyImport.findOne({ where: { project_id: projectA.id }, order: [['id', 'DESC']] });
    expect((await api.call('GET', `/api/survey-imports/${last!.id}`, { token: dev2 })).status).toBe(403);
    expect((await api.call('GET', `/api/projects/${projectA.id}/survey-imports`, { token: dev2 })).status).toBe(403);
    expect((await upload(projectA.id, await xlsxOf([room(5, 1, 1)]), { token: dev2 })).status).toBe(403);
    expect((await api.call('GET', `/api/survey-imports/${last!.id}`, { token: reviewer })).status).toBe(200);
    const agency = (await api.login('agency1')).accessToken;
    expect((await api.call('GET', `/api/survey-imports/${last!.id}`, { token: agency })).status).toBe(403);
  });

  test('a file that is not .xlsx is refused with 415; an oversized file with 413', async () => {
    const pdf = await upload(projectA.id, Buffer.from('%PDF-1.4\n%%EOF\n'), { name: '测绘.pdf' });
    expect(pdf.status).toBe(415);
    expect(pdf.body.message).toContain('.xlsx');
    const xls = await upload(projectA.id, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), { name: '测绘.xls' });
    expect(xls.status).toBe(415);
    expect(xls.body.message).toContain('另存为 .xlsx');
    const text = await api.call('POST', `/api/projects/${projectA.id}/survey-imports`, { token: dev1, body: undefined, headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const big = await upload(projectA.id, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(21 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    const noColumns = new ExcelJS.Workbook();
    noColumns.addWorksheet('Sheet1').addRow(['幢号', '不动产单元号']);
    const missing = await upload(projectA.id, Buffer.from(await noColumns.xlsx.writeBuffer()));
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('SURVEY_COLUMNS_MISSING');
    expect(missing.body.message).toContain('建筑面积(m²)');
    const bad = await api.call('POST', `/api/projects/${projectA.id}/survey-imports`, { token: dev1, body: { rows: 'x' } });
    expect(bad.status).toBe(400);
    const badMode = await api.call('POST', `/api/projects/${projectA.id}/survey-imports`, { token: dev1, body: { rows: [room(1, 1, 1)], mode: 'some' } });
    expect(badMode.status).toBe(400);
    expect((await api.call('GET', '/api/survey-imports/99999', { token: dev1 })).status).toBe(404);
  });
});

describe('a large import', () => {
  test('3,000 rooms run in the background with progress, then every room has its created event', async () => {
    const rows: Row[] = [];
    for (let b = 6; b <= 8; b++) for (let f = 1; f <= 25; f++) for (let r = 1; r <= 40; r++) {
      rows.push(room(b, f, r, { buildingNo: `${b}栋`, unit: `${Math.ceil(r / 10)}单元` }));
    }
    const eventsBefore = await RoomEvent.count();
    const started = await upload(projectA.id, await xlsxOf(rows), { wait: false });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', totalRows: 3000 });
    const seen: number[] = [];
    let view: any;
    for (let i = 0; i < 600; i++) {
      view = (await api.call('GET', `/api/survey-imports/${started.body.id}?errorsPageSize=10`, { token: dev1 })).body;
      seen.push(view.processedRows);
      if (view.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(view).toMatchObject({ status: 'done', totalRows: 3000, processedRows: 3000, roomsCreated: 3000, buildingsCreated: 3, errorCount: 0 });
    expect(seen.every((n, i) => i === 0 || n >= seen[i - 1])).toBe(true);
    expect(seen.some((n) => n > 0 && n < 3000)).toBe(true); // progress was visible while it ran
    expect(await RoomEvent.count()).toBe(eventsBefore + 3000);
    expect(await Building.findOne({ where: { project_id: projectA.id, building_no: '7栋' } })).toMatchObject({ presale_room_count: 1000 });
    const report = await replayCheck(api.app.deps.db);
    expect(report.mismatches).toEqual([]);
  });
});
