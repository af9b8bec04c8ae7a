// The real-estate spine: the building-table bus (derivation, refusals, stale pages, concurrent
// clicks, the replay check catching tampering), public disclosure (search, detail, building
// table, room, map, profiles, ETag, freshness within a second), and scopes.
import { checkResidentId } from '@hq/common';
import { Building, Project, Room, RoomEvent } from '../src/modules/realestate/models';
import { replayCheck } from '../src/modules/realestate/bus';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
let reviewer: string;
let dev1: string;
let dev2: string;
beforeAll(async () => {
  api = await startTestApi();
  reviewer = (await api.login('reviewer1')).accessToken;
  dev1 = (await api.login('dev1')).accessToken;
  dev2 = (await api.login('dev2')).accessToken;
});
afterAll(() => api.close());

const roomWith = async (status: string, flagless = true) => {
  const rooms = await Room.findAll({ where: { sale_status: status }, order: [['id', 'ASC']], limit: 50 });
  const r = rooms.find((x) => !flagless || x.flags === '');
  if (!r) throw new Error(`no ${status} room`);
  return r;
};
const post = (roomId: number, body: object, token = reviewer) => api.call('POST', `/api/rooms/${roomId}/events`, { token, body });

describe('building-table bus', () => {
  test('the seeded building table agrees with its events', async () => {
    const report = await replayCheck(api.app.deps.db);
    expect(report.rooms).toBe(await Room.count());
    expect(report.events).toBe(await RoomEvent.count());
    expect(report.events).toBeGreaterThan(report.rooms);
    expect(report.mismatches).toEqual([]);
  });

  test('a status change is an event with before/after, source, actor and reference, and the room follows it', async () => {
    const room = await roomWith('available');
    const r = await post(room.id, { kind: 'status', value: 'signed', source: 'online_signing', reference: 'HQ2026TEST0001', reason: '网签合同备案', expectedSeq: room.event_seq });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'status', value: 'signed', beforeStatus: 'available', afterStatus: 'signed', source: 'online_signing', reference: 'HQ2026TEST0001', actorName: '初审 林晓', seq: room.event_seq + 1, text: '可售 → 已网签' });
    await room.reload();
    expect(room.sale_status).toBe('signed');
    const detail = await api.call('GET', `/api/rooms/${room.id}`, { token: reviewer });
    expect(detail.body.events.at(-1)).toMatchObject({ kind: 'status', afterStatus: 'signed', sourceLabel: '网签系统' });
    expect((await replayCheck(api.app.deps.db, { projectId: room.project_id })).mismatches).toEqual([]);
  });

  test('flags are independent of the sale status; a seized room cannot be signed; refused moves are 409 with a code', async () => {
    const room = await roomWith('available');
    expect((await post(room.id, { kind: 'flag_on', value: 'seized', source: 'court', reference: '（2026）粤0491执保1号', reason: '法院协助执行通知书' })).status).toBe(201);
    const refused = await post(room.id, { kind: 'status', value: 'signed', source: 'online_signing', reason: '网签' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ROOM_RESTRICTED');
    expect(refused.body.message).toContain('查封');
    expect((await post(room.id, { kind: 'flag_on', value: 'seized', reason: '重复查封' })).body.code).toBe('ROOM_FLAG_ALREADY_ON');
    expect((await post(room.id, { kind: 'flag_off', value: 'mortgaged', reason: '解押' })).body.code).toBe('ROOM_FLAG_NOT_ON');
    expect((await post(room.id, { kind: 'flag_off', value: 'seized', source: 'court', reason: '解除查封' })).status).toBe(201);
    const registered = await roomWith('registered', false);
    const back = await post(registered.id, { kind: 'status', value: 'available', reason: '试图改回可售' });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('ROOM_STATUS_TRANSITION');
    await room.reload();
    expect(room.sale_status).toBe('available');
    expect(room.flags).toBe('');
  });

  test('a stale page is refused, and two reviewers clicking at once produce exactly one event', async () => {
    const room = await roomWith('available');
    const seq = room.event_seq;
    const [a, b] = await Promise.all([
      post(room.id, { kind: 'flag_on', value: 'sale_suspended', reason: '暂停销售', expectedSeq: seq }),
      post(room.id, { kind: 'flag_on', value: 'sale_suspended', reason: '暂停销售', expectedSeq: seq }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a.body.code, b.body.code]).toContain('ROOM_STALE');
    expect(await RoomEvent.count({ where: { room_id: room.id } })).toBe(seq + 1);
  });

  test('bad input: unknown room 404, unknown status 400 naming the field, missing reason 400, developer may not change rooms', async () => {
    expect((await post(99999999, { kind: 'status', value: 'signed', reason: '网签' })).body.code).toBe('ROOM_NOT_FOUND');
    const room = await roomWith('available');
    const bad = await post(room.id, { kind: 'status', value: 'sold', reason: '网签' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('变更值');
    expect(bad.body.details[0].field).toBe('value');
    expect((await post(room.id, { kind: 'status', value: 'signed' })).status).toBe(400);
    expect((await post(room.id, { kind: 'status', value: 'signed', reason: '网签' }, dev1)).status).toBe(403);
  });

  test('the replay check finds a room row edited behind the bus, and a deleted event', async () => {
    const room = await roomWith('available');
    await Room.update({ sale_status: 'registered' }, { where: { id: room.id } });
    let report = await replayCheck(api.app.deps.db, { projectId: room.project_id });
    expect(report.mismatches).toEqual([{ roomId: room.id, problem: 'state_mismatch', derived: 'available|', stored: 'registered|' }]);
    await Room.update({ sale_status: 'available' }, { where: { id: room.id } });

    const signed = await roomWith('signed');
    const events = await RoomEvent.findAll({ where: { room_id: signed.id }, order: [['seq', 'ASC']] });
    expect(events.length).toBeGreaterThanOrEqual(2);
    await events[1].destroy();
    report = await replayCheck(api.app.deps.db, { projectId: signed.project_id });
    expect(report.mismatches.map((m) => m.problem)).toContain('seq_gap');
    await RoomEvent.create({ ...events[1].get({ plain: true }), id: undefined as never });
    expect((await replayCheck(api.app.deps.db, { projectId: signed.project_id })).mismatches).toEqual([]);
  });
});

describe('public disclosure', () => {
  test('search by keyword, name, developer, district, use, permit number; nonsense parameters are 400', async () => {
    const all = await api.call('GET', '/api/public/projects?pageSize=200');
    expect(all.status).toBe(200);
    const p = all.body.items[0];
    expect(p).toMatchObject({ id: expect.any(Number), developerName: expect.any(String), permitNos: expect.any(Array) });
    const byName = await api.call('GET', `/api/public/projects?name=${encodeURIComponent(p.name)}`);
    expect(byName.body.items.map((x: any) => x.id)).toContain(p.id);
    const byPermit = await api.call('GET', `/api/public/projects?permitNo=${encodeURIComponent(p.permitNos[0])}`);
    expect(byPermit.body.items.map((x: any) => x.id)).toEqual([p.id]);
    const byDev = await api.call('GET', `/api/public/projects?developer=${encodeURIComponent(p.developerName)}&pageSize=200`);
    expect(byDev.body.items.every((x: any) => x.developerName === p.developerName)).toBe(true);
    const office = await api.call('GET', '/api/public/projects?use=office&pageSize=200');
    expect(office.body.items.every((x: any) => x.uses.includes('office'))).toBe(true);
    const none = await api.call('GET', '/api/public/projects?keyword=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E9%A1%B9%E7%9B%AE');
    expect(none.body).toMatchObject({ items: [], total: 0 });
    for (const q of ['page=0', 'pageSize=100000', 'use=castle', 'sort=random', `keyword=${'x'.repeat(60)}`, 'status=1']) {
      const r = await api.call('GET', `/api/public/projects?${q}`);
      expect([q, r.status]).toEqual([q, 400]);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
  });

  test('project detail: facts, permits, buildings, a sales summary that adds up', async () => {
    const project = await Project.findOne({ order: [['id', 'ASC']] });
    const r = await api.call('GET', `/api/public/projects/${project!.id}`);
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.permits.length).toBeGreaterThan(0);
    expect(d.buildings.length).toBe(await Building.count({ where: { project_id: project!.id } }));
    expect(d.sales.total.count).toBe(await Room.count({ where: { project_id: project!.id } }));
    expect(d.sales.rows.reduce((a: number, x: any) => a + x.count, 0)).toBe(d.sales.total.count);
    expect(d.buildings[0].progress).toMatchObject({ node: expect.any(String), label: expect.any(String) });
    expect((await api.call('GET', '/api/public/projects/99999999')).body.code).toBe('PROJECT_NOT_FOUND');
    expect((await api.call('GET', '/api/public/projects/abc')).status).toBe(400);
  });

  test('building table: floors from the top, legend colours, badges; ETag revalidation; a room event shows within one second', async () => {
    const room = await roomWith('available');
    const url = `/api/public/buildings/${room.building_id}/table`;
    const first = await api.call('GET', url);
    expect(first.status).toBe(200);
    const floors = first.body.floors.map((f: any) => f.floor);
    expect(floors).toEqual([...floors].sort((a: number, b: number) => b - a));
    const cell = first.body.floors.flatMap((f: any) => f.rooms).find((x: any) => x.id === room.id);
    expect(cell).toMatchObject({ status: 'available', colour: '#2e9d4f', label: '可售' });
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await api.call('GET', url, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const before = Date.now();
    expect((await post(room.id, { kind: 'flag_on', value: 'seized', source: 'court', reason: '查封' })).status).toBe(201);
    let seen = false;
    while (Date.now() - before < 1000) {
      const r = await api.call('GET', url, { headers: { 'if-none-match': etag } });
      if (r.status === 200 && r.body.floors.flatMap((f: any) => f.rooms).find((x: any) => x.id === room.id).badges.includes('查封')) {
        seen = true;
        break;
      }
      await new Promise((res) => setTimeout(res, 50));
    }
    expect(seen).toBe(true);
    const detail = await api.call('GET', `/api/public/rooms/${room.id}`);
    expect(detail.body.flags).toContain('seized');
    expect(detail.body.history.at(-1)).toMatchObject({ kind: 'flag_on', text: '设置「查封」' });
    expect(JSON.stringify(detail.body.history)).not.toContain('林晓');
    expect((await api.call('GET', '/api/public/buildings/99999999/table')).body.code).toBe('BUILDING_NOT_FOUND');
    expect((await api.call('GET', '/api/public/rooms/99999999')).body.code).toBe('ROOM_NOT_FOUND');
  });

  test('map: points near, clusters far, three coordinate systems, bad boxes refused', async () => {
    const box = '113.40,22.00,113.70,22.25';
    const near = await api.call('GET', `/api/public/map/projects?bbox=${box}&zoom=17`);
    expect(near.status).toBe(200);
    expect(near.body.points.length).toBe(await Project.count());
    const far = await api.call('GET', `/api/public/map/projects?bbox=${box}&zoom=8`);
    expect(far.body.clusters.reduce((a: number, c: any) => a + c.count, 0) + far.body.points.length).toBe(await Project.count());
    const p = near.body.points[0];
    const wgs = await api.call('GET', `/api/public/map/projects?bbox=${box}&zoom=17&crs=wgs84`);
    const w = wgs.body.points.find((x: any) => x.id === p.id);
    // GCJ-02 is offset from WGS-84 by a few hundred metres around Zhuhai.
    expect(Math.abs(w.lng - p.lng)).toBeGreaterThan(0.003);
    expect(Math.abs(w.lng - p.lng)).toBeLessThan(0.01);
    for (const bad of ['bbox=1,2,3', 'bbox=113.7,22.0,113.4,22.2', 'bbox=a,b,c,d', `bbox=${box}&zoom=40`, `bbox=${box}&crs=mars`]) {
      expect([bad, (await api.call('GET', `/api/public/map/projects?${bad}`)).status]).toEqual([bad, 400]);
    }
  });

  test('developer and agency profiles; registered-agency search', async () => {
    const project = await Project.findOne({ order: [['id', 'ASC']] });
    const dev = await api.call('GET', `/api/public/developers/${project!.developer_org_id}`);
    expect(dev.status).toBe(200);
    expect(dev.body.projects.map((p: any) => p.id)).toContain(project!.id);
    const agencies = await api.call('GET', `/api/public/agencies?keyword=${encodeURIComponent('横琴')}`);
    expect(agencies.body.total).toBeGreaterThan(0);
    expect(agencies.body.items[0]).toMatchObject({ registered: true, brokerCount: expect.any(Number) });
    const one = await api.call('GET', `/api/public/agencies/${agencies.body.items[0].id}`);
    expect(one.status).toBe(200);
    expect((await api.call('GET', `/api/public/developers/${agencies.body.items[0].id}`)).body.code).toBe('DEVELOPER_NOT_FOUND');
  });

  test('no public endpoint in the OpenAPI document returns an unmasked ID number or mobile number', async () => {
    const doc = (await api.call('GET', '/api/openapi.json')).body;
    const project = await Project.findOne({ order: [['id', 'ASC']] });
    const building = await Building.findOne({ where: { project_id: project!.id } });
    const room = await Room.findOne({ where: { sale_status: 'registered' } });
    const agency = (await api.call('GET', '/api/public/agencies')).body.items[0];
    const permitNo = (await api.call('GET', `/api/public/projects/${project!.id}`)).body.permits[0].permitNo;
    const content = (await api.call('GET', '/api/public/contents?pageSize=1')).body.items?.[0];
    expect(content).toBeTruthy();
    const broker = (await api.call('GET', '/api/public/brokers')).body.items[0];
    const propertyCompany = (await api.call('GET', '/api/public/property-companies')).body.items[0];
    expect([broker?.id, propertyCompany?.id, agency.filingNo]).toEqual([expect.any(Number), expect.any(Number), expect.any(String)]);
    const walked: string[] = [];
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      const op = ops.get;
      if (!op || op.security || !path.startsWith('/api/public/')) continue;
      if (/files|video|qr\.png/.test(path)) continue; // binary bodies
      let url = path.replace(/\{(\w+)\}/g, (_m, name) => `:${name}`);
      const id = path.includes('/projects/') ? project!.id : path.includes('/buildings/') ? building!.id : path.includes('/rooms/') ? room!.id
        : path.includes('/developers/') ? project!.developer_org_id : path.includes('/agencies/') ? agency.id : path.includes('/contents/') ? content.id
          : path.includes('/brokers/') ? broker.id : path.includes('/property-companies/') ? propertyCompany.id : 1;
      url = url.replace(/:id\b/, String(id));
      if (path.includes('/map/')) url += '?bbox=113.40,22.00,113.70,22.25&zoom=17';
      if (path === '/api/public/permits/verify') url += `?no=${encodeURIComponent(permitNo)}`;
      if (path === '/api/public/codes/verify') url += `?code=${encodeURIComponent(permitNo)}`;
      if (path === '/api/public/certificates/verify') url += `?no=${encodeURIComponent(agency.filingNo)}`;
      if (/:\w+/.test(url)) continue;
      const r = await api.call('GET', url);
      expect([url, r.status]).toEqual([url, 200]);
      const text = JSON.stringify(r.body);
      const idNumbers = [...text.matchAll(/(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g)].map((m) => m[0]).filter((s) => checkResidentId(s).ok);
      expect([url, idNumbers]).toEqual([url, []]);
      const phones = [...text.matchAll(/(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g)].map((m) => m[0]);
      expect([url, phones]).toEqual([url, []]);
      walked.push(url);
    }
    expect(walked.length).toBeGreaterThanOrEqual(8);
    // The enterprise and credit pages are among them.
    for (const p of ['/api/public/brokers', '/api/public/certificates/verify', '/api/public/property-companies', `/api/public/brokers/${broker.id}/credit`]) {
      expect(walked.some((w) => w.startsWith(p))).toBe(true);
    }
  });
});

describe('management views and scopes', () => {
  test('developer staff see their own building tables and rooms with unit numbers; not another developer’s', async () => {
    const list = await api.call('GET', '/api/projects?pageSize=200', { token: dev1 });
    expect(list.status).toBe(200);
    const mine = list.body.items[0];
    const building = await Building.findOne({ where: { project_id: mine.id } });
    const table = await api.call('GET', `/api/buildings/${building!.id}/table`, { token: dev1 });
    expect(table.status).toBe(200);
    expect(table.body.floors[0].rooms[0].unitNumber).toHaveLength(28);
    expect((await api.call('GET', `/api/buildings/${building!.id}/table`, { token: dev2 })).status).toBe(403);
    const room = await Room.findOne({ where: { building_id: building!.id } });
    expect((await api.call('GET', `/api/rooms/${room!.id}`, { token: dev2 })).status).toBe(403);
    const rooms = await api.call('GET', `/api/rooms?projectId=${mine.id}&pageSize=5`, { token: dev2 });
    expect(rooms.body.total).toBe(0);
  });

  test('regulators edit project facts with a version; a stale edit is refused; coordinates convert to GCJ-02; the public sees it at once', async () => {
    const project = await Project.findOne({ order: [['id', 'ASC']] });
    const cur = (await api.call('GET', `/api/projects/${project!.id}`, { token: reviewer })).body;
    const ok = await api.call('PATCH', `/api/projects/${project!.id}`, { token: reviewer, body: { version: cur.version, marketingName: '横琴·测试推广名', lng: 113.52, lat: 22.12, crs: 'wgs84' } });
    expect(ok.status).toBe(200);
    expect(ok.body.marketingName).toBe('横琴·测试推广名');
    expect(ok.body.status).toBe(cur.status); // a patch leaves alone what it does not name
    expect(ok.body.lng).toBeGreaterThan(113.52);
    const stale = await api.call('PATCH', `/api/projects/${project!.id}`, { token: reviewer, body: { version: cur.version, name: '旧页面的修改' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('PROJECT_STALE');
    await new Promise((r) => setTimeout(r, 600));
    const pub = await api.call('GET', `/api/public/projects/${project!.id}`);
    expect(pub.body.marketingName).toBe('横琴·测试推广名');
    expect((await api.call('PATCH', `/api/projects/${project!.id}`, { token: dev1, body: { version: ok.body.version, name: 'x' } })).status).toBe(403);
  });
});
