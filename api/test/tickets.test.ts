// Repairs, complaints and patrol issues through the API, as owners, property staff, the owners'
// committee, the street office and the regulator meet them: who may report what, who sees what
// (owner A never sees owner B's), the lifecycle with its required fields and version checks, and
// the result reaching the reporter's phone through the SMS gateway adapter.
import sharp from 'sharp';
import ExcelJS from 'exceljs';
import { WorkingCalendar, shanghaiDate, ticketDeadline, UNMASKED_PATTERNS, ticketDetail, ticketSummary, pageOf } from '@hq/common';
import { AuditLog, CalendarDay, User } from '../src/platform/models';
import { decrypt } from '../src/platform/crypto';
import { dispatchOnce, OutboxMessage } from '../src/platform/notify';
import { Ticket, TicketEvent } from '../src/modules/tickets/models';
import { startTestApi, type TestApi } from './harness';
import { phoneOf, photo, requestId, ticketWorld, upload, type TicketWorld } from './tickets-helpers';

let api: TestApi;
let w: TicketWorld;
beforeAll(async () => {
  api = await startTestApi();
  w = await ticketWorld(api);
});
afterAll(() => api.close());

const as = (who: string, method: string, p: string, body?: unknown) => api.call(method, p, { token: w.tokens[who], body });
const smsTo = async (phone: string): Promise<string[]> => (await api.call('GET', `/sim/sms/_inbox?phone=${phone}`)).body.items.map((m: any) => m.text);
const wechatTo = async (openid: string): Promise<any[]> => (await api.call('GET', '/sim/wechat/_inbox')).body.items.filter((m: any) => m.touser === openid);

async function repair(who = 'ownerA', extra: Record<string, unknown> = {}) {
  const photos = [{ fileId: await upload(api, w.tokens[who]), lng: 113.52, lat: 22.125 }, { fileId: await upload(api, w.tokens[who]) }];
  return as(who, 'POST', '/api/tickets', {
    kind: 'repair', communityId: w.c1.id, roomId: w.roomA.id, place: 'home', category: 'leak', description: '卫生间天花板渗水，楼上漏下来的',
    preferredTime: '工作日晚上7点后', photos, clientRequestId: requestId(), ...extra,
  });
}
const act = (who: string, id: number, body: Record<string, unknown>) => as(who, 'POST', `/api/tickets/${id}/actions`, body);
async function step(who: string, id: number, body: Record<string, unknown>) {
  const cur = await as(who, 'GET', `/api/tickets/${id}`);
  const r = await act(who, id, { version: cur.body.version, ...body });
  if (r.status !== 200) throw new Error(`${body.action} by ${who}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

describe('reporting', () => {
  test('an owner reports a repair at home with two photos: numbered, due in working days, handled by the community\'s property company', async () => {
    const r = await repair();
    expect(r.status).toBe(201);
    const cal = new WorkingCalendar(await CalendarDay.findAll());
    const today = shanghaiDate();
    expect(r.body).toMatchObject({
      kind: 'repair', status: 'submitted', statusLabel: '已提交', category: 'leak', categoryLabel: '渗漏水', communityId: w.c1.id,
      orgId: w.pco.id, orgName: w.pco.name, reporterName: '张三', place: 'home', preferredTime: '工作日晚上7点后',
      ticketNo: expect.stringMatching(new RegExp(`^BX${today.slice(0, 4)}\\d{6}$`)),
      ...ticketDeadline(cal, today, 3), actions: ['withdraw', 'note'],
    });
    expect(r.body.ticketNo).toBe(`BX${today.slice(0, 4)}${String(r.body.id).padStart(6, '0')}`);
    // Exactly the shared contract the mini-program and the admin parse.
    expect(ticketDetail.strict().parse(r.body)).toBeTruthy();
    expect(pageOf(ticketSummary.strict()).parse((await as('ownerA', 'GET', '/api/tickets')).body)).toBeTruthy();
    expect(r.body.houseLabel).toContain(w.roomA.room_no);
    // The owner sees their photos (hash, server time) but not the recorded location; the handler does.
    expect(r.body.photos).toHaveLength(2);
    expect(r.body.photos[0]).toMatchObject({ stage: 'report', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), location: null });
    const handler = await as('property1', 'GET', `/api/tickets/${r.body.id}`);
    expect(handler.body.photos[0].location).toEqual({ lng: 113.52, lat: 22.125 });
    expect(handler.body.actions).toEqual(['accept', 'duplicate', 'note']);
    expect(handler.body.reporterPhone).toBe(phoneOf(api, w.users.ownerA));
    // The property company's staff find it in their inbox.
    const inbox = await as('staff', 'GET', '/api/notifications');
    expect(inbox.body.items.map((n: any) => n.title)).toContain(`新报修：渗漏水（${r.body.ticketNo}）`);
  });

  test('the same submission twice is one ticket: 201 then 200 with the same number, also when sent at the same moment', async () => {
    const clientRequestId = requestId();
    const body = { kind: 'repair', communityId: w.c1.id, place: 'common', placeText: '3栋电梯厅', category: 'public_facility', description: '电梯厅顶灯不亮，晚上很黑', clientRequestId };
    const first = await as('ownerA', 'POST', '/api/tickets', body);
    const again = await as('ownerA', 'POST', '/api/tickets', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const racing = { ...body, clientRequestId: requestId() };
    const both = await Promise.all([as('ownerA', 'POST', '/api/tickets', racing), as('ownerA', 'POST', '/api/tickets', racing)]);
    expect(both.map((x) => x.status).sort()).toEqual([200, 201]);
    expect(both[0].body.id).toBe(both[1].body.id);
    expect(await Ticket.count({ where: { client_key: `${w.users.ownerA.id}:${racing.clientRequestId}` } })).toBe(1);
  });

  test('a repair for a house the person does not own (or no longer rents) is refused, in Chinese', async () => {
    const notMine = await repair('ownerA', { roomId: w.roomB.id, communityId: w.c2.id });
    expect(notMine.status).toBe(403);
    expect(notMine.body).toMatchObject({ code: 'TICKET_HOUSE_NOT_YOURS', message: '该房屋不在您名下（或您的居住期限已过），不能为其报修' });
    const expiredLease = await repair('tenantOld');
    expect(expiredLease.body.code).toBe('TICKET_HOUSE_NOT_YOURS');
    const unverified = await repair('unverified', { roomId: w.spareRoom.id });
    expect(unverified.body.code).toBe('TICKET_HOUSE_NOT_YOURS');
    const wrongCommunity = await repair('ownerA', { communityId: w.c2.id });
    expect(wrongCommunity.status).toBe(400);
    expect(wrongCommunity.body.details).toEqual([{ field: 'roomId', message: '所选房屋不属于该小区' }]);
    const noHouse = await as('ownerB', 'POST', '/api/tickets', {
      kind: 'repair', communityId: w.c1.id, place: 'common', category: 'cleaning', description: '别的小区的垃圾没人清理', clientRequestId: requestId(),
    });
    expect(noHouse.status).toBe(403);
    expect(noHouse.body.code).toBe('TICKET_NOT_RESIDENT');
    // A family member the owner added may report for the house.
    expect((await repair('family')).status).toBe(201);
    expect(await Ticket.count({ where: { reporter_user_id: [w.users.tenantOld.id, w.users.unverified.id] } })).toBe(0);
  });

  test('the owners\' committee may report for its community without living there (PM-095/PM-096)', async () => {
    const r = await as('committeeMember', 'POST', '/api/tickets', {
      kind: 'complaint', communityId: w.c1.id, category: 'security', target: 'regulator', description: '小区门岗夜间无人值守', clientRequestId: requestId(),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ reporterName: '王五', actions: ['withdraw', 'note'] });
    const elsewhere = await as('committeeMember', 'POST', '/api/tickets', {
      kind: 'complaint', communityId: w.c2.id, category: 'security', description: '别的小区门岗无人', clientRequestId: requestId(),
    });
    expect(elsewhere.body.code).toBe('TICKET_NOT_RESIDENT');
  });

  test('patrol issues: staff of the community\'s company or inspectors, camera photos only, location kept privately', async () => {
    const fileId = await upload(api, w.tokens.staff, await photo(true));
    const base = { kind: 'patrol', communityId: w.c1.id, category: 'fire_exit', description: '2栋消防通道堆放杂物，联系电话13800001111', clientRequestId: requestId() };
    const album = await as('staff', 'POST', '/api/tickets', { ...base, photos: [{ fileId, fromCamera: false }] });
    expect(album.status).toBe(400);
    expect(album.body.details[0]).toEqual({ field: 'photos', message: '巡查照片须在现场用相机拍摄，不能从相册选择' });
    const owner = await as('ownerA', 'POST', '/api/tickets', { ...base, photos: [{ fileId: await upload(api, w.tokens.ownerA), fromCamera: true }] });
    expect(owner.body.code).toBe('TICKET_PATROL_DENIED');
    const ok = await as('staff', 'POST', '/api/tickets', { ...base, photos: [{ fileId, fromCamera: true }] });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'patrol', channel: 'patrol', place: 'common', ticketNo: expect.stringMatching(/^XC\d{10}$/) });
    // No location from the phone: the photo's own EXIF GPS is kept (for handlers only).
    expect(ok.body.photos[0]).toMatchObject({ fromCamera: true, location: { lat: 22.125, lng: 113.52 } });
    const committee = await as('committeeMember', 'GET', `/api/tickets/${ok.body.id}`);
    expect(committee.body.photos[0].location).toBeNull();
    expect(committee.body.description).toBe('2栋消防通道堆放杂物，联系电话138****1111');
    const byInspector = await as('inspector', 'POST', '/api/tickets', {
      ...base, clientRequestId: requestId(), photos: [{ fileId: await upload(api, w.tokens.inspector), fromCamera: true }],
    });
    expect(byInspector.status).toBe(201);
    expect(byInspector.body.orgId).toBe(w.pco.id);
  });
});

describe('who sees what', () => {
  let a: any;
  let b: any;
  let bComplaint: any;
  beforeAll(async () => {
    a = (await repair()).body;
    b = (await as('ownerB', 'POST', '/api/tickets', {
      kind: 'repair', communityId: w.c2.id, roomId: w.roomB.id, place: 'home', category: 'door_window', description: '入户门锁坏了打不开', clientRequestId: requestId(),
    })).body;
    bComplaint = (await as('ownerB', 'POST', '/api/tickets', {
      kind: 'complaint', communityId: w.c2.id, category: 'fee', target: 'property', description: '物业费比合同约定多收了', clientRequestId: requestId(),
    })).body;
    expect([a.id, b.id, bComplaint.id].every(Boolean)).toBe(true);
  });

  test('owner A never sees owner B\'s repairs or complaints, in the list, the detail, the photos or by acting', async () => {
    const list = await as('ownerA', 'GET', '/api/tickets?pageSize=200');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((x: any) => x.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect(ids).not.toContain(bComplaint.id);
    expect(list.body.items.every((x: any) => x.reporterName === '张三')).toBe(true);
    for (const id of [b.id, bComplaint.id]) {
      expect((await as('ownerA', 'GET', `/api/tickets/${id}`)).status).toBe(404);
      expect((await act('ownerA', id, { action: 'note', version: 0, note: '我也看看' })).status).toBe(404);
    }
    const search = await as('ownerA', 'GET', `/api/tickets?q=${b.ticketNo}`);
    expect(search.body.total).toBe(0);
    const bPhoto = await as('ownerA', 'GET', `/api/tickets/${b.id}/photos/1`);
    expect(bPhoto.status).toBe(404);
    // And B sees only B's.
    const bList = await as('ownerB', 'GET', '/api/tickets?pageSize=200');
    expect(bList.body.items.map((x: any) => x.id).sort()).toEqual([b.id, bComplaint.id].sort());
  });

  test('the owners\' committee sees its community\'s tickets read-only with reporters masked; not another community\'s', async () => {
    const list = await as('committeeMember', 'GET', '/api/tickets?pageSize=200');
    const ids = list.body.items.map((x: any) => x.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect(ids).not.toContain(bComplaint.id);
    expect(list.body.items.every((x: any) => x.communityId === w.c1.id)).toBe(true);
    const row = list.body.items.find((x: any) => x.id === a.id);
    expect(row.reporterName).toBe('张*');
    expect(row.houseLabel).not.toContain(w.roomA.room_no);
    const detail = await as('committeeMember', 'GET', `/api/tickets/${a.id}`);
    expect(detail.body).toMatchObject({ reporterName: '张*', actions: [] });
    expect(detail.body.reporterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(JSON.stringify(detail.body)).not.toMatch(UNMASKED_PATTERNS.mobile);
    const tryAct = await act('committeeMember', a.id, { action: 'accept', version: detail.body.version });
    expect(tryAct.status).toBe(403);
    expect((await as('committeeMember', 'GET', `/api/tickets/${b.id}`)).status).toBe(404);
    // Photos: the public rendition, without the EXIF the original carries.
    const photoRes = await fetch(`${api.url}${detail.body.photos[0].url}`, { headers: { authorization: `Bearer ${w.tokens.committeeMember}` } });
    expect(photoRes.status).toBe(200);
    expect((await sharp(Buffer.from(await photoRes.arrayBuffer())).metadata()).exif).toBeUndefined();
  });

  test('the street office sees the communities it supervises; each property company only its own', async () => {
    const street = (await as('streetOfficer', 'GET', '/api/tickets?pageSize=200')).body.items.map((x: any) => x.id);
    expect(street).toContain(a.id);
    expect(street).not.toContain(b.id);
    const pco = (await as('property1', 'GET', '/api/tickets?pageSize=200')).body.items.map((x: any) => x.id);
    expect(pco).toContain(a.id);
    expect(pco).not.toContain(b.id);
    const pco2 = (await as('staff2', 'GET', '/api/tickets?pageSize=200')).body.items.map((x: any) => x.id);
    expect(pco2).toEqual(expect.arrayContaining([b.id, bComplaint.id]));
    expect(pco2).not.toContain(a.id);
    expect((await as('staff2', 'GET', `/api/tickets/${a.id}`)).status).toBe(404);
    const regulator = await as('reviewer1', 'GET', `/api/tickets?pageSize=200&q=${a.ticketNo}`);
    expect(regulator.body.items.map((x: any) => x.id)).toEqual([a.id]);
    expect(regulator.body.items[0].reporterName).toBe('张三');
  });

  test('the export is the list as an Excel sheet, masked the same way', async () => {
    const res = await fetch(`${api.url}/api/tickets/export?communityId=${w.c1.id}`, { headers: { authorization: `Bearer ${w.tokens.committeeMember}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(expect.arrayContaining(['受理编号', '上报人', '办理期限']));
    const mine = rows.find((r) => r[0] === a.ticketNo)!;
    expect(mine).toEqual(expect.arrayContaining(['报修', '渗漏水', '张*']));
    expect(rows.some((r) => r[0] === b.ticketNo)).toBe(false);
    expect((await as('ownerA', 'GET', '/api/tickets/export')).status).toBe(403);
  });
});

describe('the lifecycle', () => {
  test('report → accept → dispatch → start → resolve with an after photo → the owner hears by SMS and WeChat → rates; every step recorded', async () => {
    const r = (await repair()).body;
    const id = r.id;
    await step('property1', id, { action: 'accept' });
    const assignees = await as('property1', 'GET', `/api/tickets/assignees?ticketId=${id}`);
    expect(assignees.body.map((x: any) => x.name)).toEqual(expect.arrayContaining(['潘子轩', '物业经理 曾涛']));
    const wrong = await act('property1', id, { action: 'dispatch', version: r.version + 1, assigneeUserId: w.users.staff2.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'assigneeUserId', message: '处理人须为本单位的工作人员' }]);
    const d = await step('property1', id, { action: 'dispatch', assigneeUserId: w.users.staff.id });
    expect(d).toMatchObject({ status: 'dispatched', assigneeName: '潘子轩' });
    // The assignee's phone hears of it.
    expect(await OutboxMessage.count({ where: { template: 'ticket.assigned', user_id: w.users.staff.id } })).toBeGreaterThan(0);
    const started = await step('staff', id, { action: 'start', photos: [{ fileId: await upload(api, w.tokens.staff), fromCamera: true }] });
    expect(started).toMatchObject({ status: 'in_progress', actions: expect.arrayContaining(['resolve']) });

    const noPhoto = await act('staff', id, { action: 'resolve', version: started.version, note: '已更换楼上防水层' });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.details).toEqual([{ field: 'photos', message: '请上传处理后的照片（至少1张）' }]);
    const noResult = await act('staff', id, { action: 'resolve', version: started.version, photos: [{ fileId: await upload(api, w.tokens.staff) }] });
    expect(noResult.body.details).toEqual([{ field: 'note', message: '请填写处理结果' }]);
    const resolved = await step('staff', id, { action: 'resolve', note: '已修复楼上防水层，天花板已干燥', photos: [{ fileId: await upload(api, w.tokens.staff), fromCamera: true }] });
    expect(resolved).toMatchObject({ status: 'resolved', result: '已修复楼上防水层，天花板已干燥', doneAt: expect.any(String) });
    expect(resolved.photos.map((p: any) => p.stage)).toEqual(['report', 'report', 'before', 'after']);
    expect((await Ticket.findByPk(id))!.on_time).toBe(true);

    // The result goes to the owner: SMS through the gateway adapter, and a WeChat subscribe message (张三 uses the mini-program).
    const queued = await OutboxMessage.findAll({ where: { template: 'ticket.result', user_id: w.users.ownerA.id } });
    expect(queued.map((m) => m.channel).sort()).toEqual(['sms', 'wechat_subscribe']);
    await dispatchOnce(api.app.deps);
    const texts = await smsTo(phoneOf(api, w.users.ownerA));
    expect(texts).toContain(`【横琴住建】您反映的报修（编号${r.ticketNo}）已办结，处理结果：已修复楼上防水层，天花板已干燥`);
    const wx = (await wechatTo('o_demo_owner_a')).find((m) => m.data.character_string2 === r.ticketNo);
    expect(wx.data).toMatchObject({ thing1: '报修：渗漏水', phrase3: '已办结' });
    expect(wx.page).toBe(`subpackages/owner/pages/ticket/index?id=${id}`);

    const owner = await as('ownerA', 'GET', `/api/tickets/${id}`);
    expect(owner.body.actions).toEqual(['rate', 'reopen', 'note']);
    const badRating = await act('ownerA', id, { action: 'rate', version: owner.body.version, rating: 6 });
    expect(badRating.status).toBe(400);
    const noRating = await act('ownerA', id, { action: 'rate', version: owner.body.version });
    expect(noRating.body.details).toEqual([{ field: 'rating', message: '请选择评分（1-5星）' }]);
    const rated = await step('ownerA', id, { action: 'rate', rating: 5, note: '师傅很专业' });
    expect(rated).toMatchObject({ status: 'closed', rating: 5, ratingComment: '师傅很专业', actions: [] });
    const late = await act('ownerA', id, { action: 'reopen', version: rated.version, note: '又漏了' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'TICKET_TRANSITION', message: '「已关闭」状态的报修不能「重新打开」' });

    expect(rated.events.map((e: any) => e.action)).toEqual(['create', 'accept', 'dispatch', 'start', 'resolve', 'rate']);
    expect(await TicketEvent.count({ where: { ticket_id: id } })).toBe(6);
    const audits = await AuditLog.findAll({ where: { object_type: 'ticket', object_id: String(id) }, order: [['seq', 'ASC']] });
    expect(audits.map((x) => x.action)).toEqual(['ticket.create', 'ticket.accept', 'ticket.dispatch', 'ticket.start', 'ticket.resolve', 'ticket.rate']);
  });

  test('a stale page gets 409 and changes nothing; a step the table does not allow gets 409; a side that may not take it gets 403', async () => {
    const r = (await repair()).body;
    await step('property1', r.id, { action: 'accept' });
    const stale = await act('property1', r.id, { action: 'dispatch', version: r.version, assigneeUserId: w.users.staff.id });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_TICKET');
    const now = await as('property1', 'GET', `/api/tickets/${r.id}`);
    expect(now.body).toMatchObject({ status: 'accepted', assigneeName: null });
    const notAllowed = await act('property1', r.id, { action: 'resolve', version: now.body.version, note: 'x' });
    expect(notAllowed.body).toMatchObject({ code: 'TICKET_TRANSITION', message: '「已受理」状态的报修不能「办结」' });
    const ownerAccepts = await act('ownerA', r.id, { action: 'withdraw', version: now.body.version });
    expect(ownerAccepts.status).toBe(409);
    const ownerDispatch = await act('ownerA', r.id, { action: 'dispatch', version: now.body.version, assigneeUserId: w.users.staff.id });
    expect(ownerDispatch.status).toBe(403);
    expect(ownerDispatch.body.code).toBe('TICKET_ACTION_DENIED');
  });

  test('the owner re-opens a resolved repair within the window (fresh deadline), not after it', async () => {
    const r = (await repair()).body;
    await step('property1', r.id, { action: 'accept' });
    await step('property1', r.id, { action: 'dispatch', assigneeUserId: w.users.staff.id });
    await step('staff', r.id, { action: 'start' });
    const resolved = await step('staff', r.id, { action: 'resolve', note: '已疏通', photos: [{ fileId: await upload(api, w.tokens.staff) }] });
    expect(resolved.reopenUntil).toEqual(expect.any(String));
    const noReason = await act('ownerA', r.id, { action: 'reopen', version: resolved.version });
    expect(noReason.body.details).toEqual([{ field: 'note', message: '请填写重新打开的原因' }]);
    const reopened = await step('ownerA', r.id, { action: 'reopen', note: '第二天又开始渗水' });
    expect(reopened).toMatchObject({ status: 'dispatched', reopenCount: 1, reopenUntil: null, result: null, assigneeName: '潘子轩' });
    const inbox = await as('staff', 'GET', '/api/notifications');
    expect(inbox.body.items.map((n: any) => n.title)).toContain(`报修（${r.ticketNo}）被重新打开`);
    await step('staff', r.id, { action: 'start' });
    const again = await step('staff', r.id, { action: 'resolve', note: '重新做了防水', photos: [{ fileId: await upload(api, w.tokens.staff) }] });
    // The window has passed: no re-open button, and the step is refused.
    await Ticket.update({ reopen_until: '2026-01-05' }, { where: { id: r.id } });
    const owner = await as('ownerA', 'GET', `/api/tickets/${r.id}`);
    expect(owner.body.actions).toEqual(['rate', 'note']);
    const tooLate = await act('ownerA', r.id, { action: 'reopen', version: again.version, note: '还是漏' });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.code).toBe('TICKET_REOPEN_EXPIRED');
  });
});

describe('complaints', () => {
  test('to the regulator: dispatched to the property company, which cannot close it without a result; the result reaches the owner', async () => {
    const c = await as('ownerA', 'POST', '/api/tickets', {
      kind: 'complaint', communityId: w.c1.id, category: 'service', target: 'regulator', description: '物业多次不处理车库积水问题', clientRequestId: requestId(),
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ kind: 'complaint', target: 'regulator', ticketNo: expect.stringMatching(/^TS\d{10}$/) });
    expect(c.body.orgName).toBe('横琴粤澳深度合作区城市规划和建设局');
    // The property company does not see a complaint about it before it is dispatched there.
    expect((await as('property1', 'GET', `/api/tickets/${c.body.id}`)).status).toBe(404);
    await step('reviewer1', c.body.id, { action: 'accept' });
    const options = await as('reviewer1', 'GET', `/api/tickets/assignees?ticketId=${c.body.id}`);
    expect(options.body[0]).toMatchObject({ orgId: null, userId: expect.any(Number) });
    expect(options.body.find((x: any) => x.orgId === w.pco.id && x.userId === null)).toBeTruthy();
    await step('reviewer1', c.body.id, { action: 'dispatch', assigneeOrgId: w.pco.id, note: '请物业公司三个工作日内处理并回复' });
    const seen = await as('property1', 'GET', `/api/tickets/${c.body.id}`);
    expect(seen.body).toMatchObject({ status: 'dispatched', assigneeName: w.pco.name, actions: expect.arrayContaining(['start']) });
    const started = await step('property1', c.body.id, { action: 'start' });
    const noResult = await act('property1', c.body.id, { action: 'resolve', version: started.version });
    expect(noResult.status).toBe(400);
    expect(noResult.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'note', message: '请填写处理结果（投诉办结须登记处理结果）' }] });
    const blank = await act('property1', c.body.id, { action: 'resolve', version: started.version, note: '   ' });
    expect(blank.status).toBe(400);
    const done = await step('property1', c.body.id, { action: 'resolve', note: '已加装排水泵，车库积水已清' });
    expect(done.status).toBe('resolved');
    await dispatchOnce(api.app.deps);
    expect(await smsTo(phoneOf(api, w.users.ownerA))).toContain(`【横琴住建】您反映的投诉（编号${c.body.ticketNo}）已办结，处理结果：已加装排水泵，车库积水已清`);
  });

  test('registered by phone (PM-022): the number is stored encrypted, shown masked to the committee, and the result is sent to it by SMS', async () => {
    const phone = '13912345678';
    const body = {
      channel: 'phone', complainantName: '欧阳娜娜', complainantPhone: phone, communityId: w.c1.id, category: 'noise', target: 'property',
      description: '小区夜间施工噪声扰民，晚上11点还在施工', clientRequestId: requestId(),
    };
    expect((await as('ownerA', 'POST', '/api/tickets/register', body)).status).toBe(403);
    const r = await as('reviewer1', 'POST', '/api/tickets/register', body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ channel: 'phone', reporterName: '欧阳娜娜', reporterPhone: phone, orgId: w.pco.id, events: [expect.objectContaining({ note: '电话登记' })] });
    const again = await as('reviewer1', 'POST', '/api/tickets/register', body);
    expect([again.status, again.body.id]).toEqual([200, r.body.id]);
    const row = (await Ticket.findByPk(r.body.id))!;
    expect(row.reporter_phone_enc).not.toContain(phone);
    expect(decrypt(api.app.deps.config.dataKey, row.reporter_phone_enc!)).toBe(phone);
    const committee = await as('committeeMember', 'GET', `/api/tickets/${r.body.id}`);
    expect(committee.body).toMatchObject({ reporterName: '欧***', reporterPhone: '139****5678' });
    // The contact record cannot log in and holds no role.
    const contact = (await User.findByPk(row.reporter_user_id!))!;
    expect([contact.username, contact.password_hash, contact.wechat_openid]).toEqual([null, null, null]);

    await step('property1', r.body.id, { action: 'accept' });
    await step('property1', r.body.id, { action: 'dispatch', assigneeUserId: w.users.property1.id });
    await step('property1', r.body.id, { action: 'start' });
    await step('property1', r.body.id, { action: 'resolve', note: '已责令施工方晚上10点后停工' });
    await dispatchOnce(api.app.deps);
    expect(await smsTo(phone)).toEqual([`【横琴住建】您反映的投诉（编号${r.body.ticketNo}）已办结，处理结果：已责令施工方晚上10点后停工`]);
    // A second phone complaint from the same person reuses the contact record.
    const second = await as('reviewer1', 'POST', '/api/tickets/register', { ...body, clientRequestId: requestId(), target: 'regulator' });
    expect((await Ticket.findByPk(second.body.id))!.reporter_user_id).toBe(row.reporter_user_id);
    expect(second.body.orgName).toBe('横琴粤澳深度合作区城市规划和建设局');
  });

  test('not responsible and duplicate outcomes are results too, and go back to the complainant', async () => {
    const mk = async () => (await as('ownerA', 'POST', '/api/tickets', {
      kind: 'complaint', communityId: w.c1.id, category: 'environment', description: '垃圾桶周边卫生很差', clientRequestId: requestId(),
    })).body;
    const first = await mk();
    const second = await mk();
    const dup = await act('property1', second.id, { action: 'duplicate', version: second.version, note: '与前一件相同' });
    expect(dup.body.details).toEqual([{ field: 'duplicateOf', message: '请填写与之重复的工单编号' }]);
    const done = await step('property1', second.id, { action: 'duplicate', note: '与前一件相同', duplicateOf: first.ticketNo });
    expect(done).toMatchObject({ status: 'duplicate', duplicateOf: first.ticketNo });
    await step('property1', first.id, { action: 'accept' });
    const nr = await step('property1', first.id, { action: 'not_responsible', note: '属市政环卫管辖，已转告环卫站' });
    expect(nr.status).toBe('not_responsible');
    await dispatchOnce(api.app.deps);
    const texts = await smsTo(phoneOf(api, w.users.ownerA));
    expect(texts).toContain(`【横琴住建】您反映的投诉（编号${second.ticketNo}）已按重复件合并处理，处理结果：与前一件相同`);
    expect(texts).toContain(`【横琴住建】您反映的投诉（编号${first.ticketNo}）经核实不属于本单位职责，处理结果：属市政环卫管辖，已转告环卫站`);
  });
});
