// Deadlines of tickets as people feel them: a repair reported the day before National Day is due
// on the make-up Saturday after it; the handler is warned the working day before; overdue work
// climbs to the property company's project manager, the street office and the regulator, each
// once, even when several API processes sweep at the same moment; resolved work closes when the
// re-open window ends. The regulator's monitoring page counts on time as closed on time /
// (closed + open overdue), and public pages show patrol results without personal data, photos
// mosaicked.
import sharp from 'sharp';
import { Op } from 'sequelize';
import { ticketCreate, shanghaiDate, UNMASKED_PATTERNS, monitorResponse, pageOf, publicPatrolResult, type TicketCreateInput } from '@hq/common';
import { dispatchOnce, OutboxMessage } from '../src/platform/notify';
import { Notification } from '../src/platform/workflow/models';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit';
import type { AuthUser } from '../src/platform/http/types';
import { PatrolTask, Ticket, TicketEvent } from '../src/modules/tickets/models';
import { createTicket } from '../src/modules/tickets/service';
import { sweepTickets } from '../src/modules/tickets/escalation';
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
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const smsTo = async (phone: string): Promise<string[]> => (await api.call('GET', `/sim/sms/_inbox?phone=${phone}`)).body.items.map((m: any) => m.text);
async function step(who: string, id: number, body: Record<string, unknown>) {
  const cur = await as(who, 'GET', `/api/tickets/${id}`);
  const r = await as(who, 'POST', `/api/tickets/${id}/actions`, { version: cur.body.version, ...body });
  if (r.status !== 200) throw new Error(`${body.action} by ${who}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Owner A reports at a given moment (the service takes the clock; the API uses the real one). */
async function reportAt(now: Date, input: Partial<TicketCreateInput>): Promise<Ticket> {
  const u = w.users.ownerA;
  const user: AuthUser = { id: u.id, displayName: u.display_name, roles: ['owner'], orgId: null, sessionId: 'test', sessionKind: 'miniapp' };
  const body = ticketCreate.parse({
    kind: 'repair', communityId: w.c1.id, roomId: w.roomA.id, place: 'home', category: 'leak', description: '阳台顶部渗水', clientRequestId: requestId(), ...input,
  });
  return api.app.deps.db.tx(async (t) => (await createTicket(t, api.app.deps, user, SYSTEM_ACTOR, body, now)).ticket);
}
const eventsOf = async (id: number) => (await TicketEvent.findAll({ where: { ticket_id: id }, order: [['seq', 'ASC']] })).map((e) => ({ action: e.action, note: e.note, detail: e.detail }));
const noticesFor = (template: string, userId: number, ticketId: number) =>
  OutboxMessage.count({ where: { template, user_id: userId, dedupe_key: { [Op.like]: `ticket:${ticketId}:%` } } });

describe('deadlines and escalation', () => {
  let t1: Ticket;

  test('a leak reported on 30 September is due on the make-up Saturday 10 October (National Day off, 调休 counted)', async () => {
    t1 = await reportAt(at('2026-09-30T10:00:00'), {});
    expect({ no: t1.ticket_no, report: t1.report_date, due: t1.due_date, warn: t1.warn_date }).toEqual({
      no: `BX2026${String(t1.id).padStart(6, '0')}`, report: '2026-09-30', due: '2026-10-10', warn: '2026-10-09',
    });
    const shown = await as('ownerA', 'GET', `/api/tickets/${t1.id}`);
    expect(shown.body).toMatchObject({ dueDate: '2026-10-10', warnDate: '2026-10-09', overdue: true });
  });

  test('the handler is warned once on the working day before; then the ladder: manager, street office, regulator — each once', async () => {
    const id = t1.id;
    expect(await sweepTickets(api.app.deps, at('2026-10-08T09:00:00'))).toMatchObject({ warned: 0 });
    expect((await sweepTickets(api.app.deps, at('2026-10-09T09:00:00'))).warned).toBe(1);
    expect((await sweepTickets(api.app.deps, at('2026-10-09T15:00:00'))).warned).toBe(0);
    expect(await noticesFor('ticket.due_soon', w.users.staff.id, id)).toBeGreaterThan(0);
    const inbox = await as('property1', 'GET', '/api/notifications');
    expect(inbox.body.items.map((n: any) => n.title)).toContain(`报修（${t1.ticket_no}）即将到期`);

    // Sunday 11 October: overdue (the make-up Saturday was the last day) → the project manager.
    const s1 = await sweepTickets(api.app.deps, at('2026-10-11T09:00:00'));
    expect(s1.escalated).toEqual({ 1: 1, 2: 0, 3: 0 });
    expect(await noticesFor('ticket.escalated', w.users.pm.id, id)).toBeGreaterThan(0);
    expect(await noticesFor('ticket.escalated', w.users.streetOfficer.id, id)).toBe(0);
    // Monday 12: one working day late, still the manager.
    expect((await sweepTickets(api.app.deps, at('2026-10-12T09:00:00'))).escalated).toEqual({ 1: 0, 2: 0, 3: 0 });
    // Tuesday 13: two working days late → the street office; two processes sweeping at once escalate it once.
    const both = await Promise.all([sweepTickets(api.app.deps, at('2026-10-13T09:00:00')), sweepTickets(api.app.deps, at('2026-10-13T09:00:00'))]);
    expect(both[0].escalated[2] + both[1].escalated[2]).toBe(1);
    expect(await noticesFor('ticket.escalated', w.users.streetOfficer.id, id)).toBeGreaterThan(0);
    // Thursday 15: four working days late → the regulator (分管领导 and 巡查人员).
    expect((await sweepTickets(api.app.deps, at('2026-10-15T09:00:00'))).escalated).toEqual({ 1: 0, 2: 0, 3: 1 });
    expect(await noticesFor('ticket.escalated', w.users.leader.id, id)).toBeGreaterThan(0);
    expect(await noticesFor('ticket.escalated', w.users.inspector.id, id)).toBeGreaterThan(0);
    expect((await sweepTickets(api.app.deps, at('2026-10-20T09:00:00'))).escalated).toEqual({ 1: 0, 2: 0, 3: 0 });

    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual(['create', 'warn', 'escalate', 'escalate', 'escalate']);
    expect(events.filter((e) => e.action === 'escalate').map((e) => JSON.parse(e.detail!).level)).toEqual([1, 2, 3]);
    expect(events[4].note).toBe('超过办理期限（2026-10-10）未办结，升级至主管部门督办');
    const row = (await Ticket.findByPk(id))!;
    expect(row.escalation_level).toBe(3);
    // The manager's phone hears of it through the gateway.
    await dispatchOnce(api.app.deps);
    expect(await smsTo(phoneOf(api, w.users.pm))).toContain(`【横琴住建】报修（编号${t1.ticket_no}）已超过办理期限2026-10-10，已升级至物业项目经理督办，请尽快处理。`);
    // The owner sees the escalation on the ticket; the list filter finds it.
    const list = await as('reviewer1', 'GET', '/api/tickets?escalationLevel=3&state=overdue&pageSize=200');
    expect(list.body.items.map((x: any) => x.id)).toContain(id);
  });

  test('a ticket the sweep first sees long overdue passes every level at once, each with its own event and notices', async () => {
    const t2 = await reportAt(at('2026-09-29T10:00:00'), { category: 'water_power', description: '厨房电路跳闸' });
    expect(t2.due_date).toBe('2026-09-30');
    const r = await sweepTickets(api.app.deps, at('2026-10-12T09:00:00'));
    expect(r.escalated).toEqual({ 1: 1, 2: 1, 3: 1 });
    const events = await eventsOf(t2.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'escalate', 'escalate', 'escalate']);
    for (const u of [w.users.pm, w.users.streetOfficer, w.users.leader]) expect(await noticesFor('ticket.escalated', u.id, t2.id)).toBeGreaterThan(0);
    expect(await Notification.count({ where: { user_id: w.users.streetOfficer.id, kind: 'ticket.escalated' } })).toBe(2);
  });

  test('resolved work closes by itself when the re-open window has passed; the sweep is also a button for the system administrator', async () => {
    const r = (await as('ownerA', 'POST', '/api/tickets', {
      kind: 'repair', communityId: w.c1.id, place: 'common', category: 'cleaning', description: '草坪很久没修剪了', clientRequestId: requestId(),
    })).body;
    await step('property1', r.id, { action: 'accept' });
    await step('property1', r.id, { action: 'dispatch', assigneeUserId: w.users.staff.id });
    await step('staff', r.id, { action: 'start' });
    const resolved = await step('staff', r.id, { action: 'resolve', note: '已修剪', photos: [{ fileId: await upload(api, w.tokens.staff) }] });
    expect((await sweepTickets(api.app.deps)).closed).toBe(0);
    await Ticket.update({ reopen_until: '2026-10-01' }, { where: { id: r.id } });
    expect((await as('ownerA', 'POST', '/api/tickets/sweep')).status).toBe(403);
    const run = await as('sysadmin', 'POST', '/api/tickets/sweep');
    expect(run.status).toBe(200);
    expect(run.body.closed).toBe(1);
    const after = await as('ownerA', 'GET', `/api/tickets/${r.id}`);
    expect(after.body).toMatchObject({ status: 'closed', version: resolved.version + 1, actions: [] });
    expect(after.body.events.at(-1)).toMatchObject({ action: 'close', actorName: '系统', note: '评价期限（2026-10-01）已过，系统自动关闭' });
  });
});

describe('monitoring', () => {
  test('on-time rate = closed on time / (closed + open overdue), by company and community; scope per role; overdue patrol tasks', async () => {
    const today = shanghaiDate();
    const base = {
      kind: 'repair' as const, category: 'leak', channel: 'miniapp' as const, target: null, community_id: w.c2.id, room_id: null, place: 'common' as const,
      place_text: null, description: '测试', preferred_time: null, patrol_task_id: null, reporter_user_id: w.users.ownerB.id, reporter_name: '李四',
      reporter_phone_enc: null, registered_by: null, org_id: w.pco2.id, handler_kind: 'property' as const, report_date: today, warn_date: today, lng: null, lat: null,
    };
    const mk = (n: number, x: Partial<Ticket>) => Ticket.create({ ...base, client_key: `monitor:${n}:${requestId()}`, status: 'submitted', due_date: '2099-01-01', ...x });
    await mk(1, { status: 'closed', due_date: today, done_date: today, done_at: new Date(), on_time: true, rating: 5 });
    await mk(2, { status: 'resolved', due_date: '2026-01-05', done_date: '2026-01-09', done_at: new Date(), on_time: false, rating: 2 });
    const overdue = await mk(3, { status: 'in_progress', due_date: '2026-01-05', escalation_level: 2 });
    const waiting = await mk(4, { status: 'accepted' });
    await mk(5, { status: 'withdrawn' });
    await PatrolTask.create({ community_id: w.c2.id, org_id: w.pco2.id, title: '十月消防通道巡查', checklist: '["消防通道","灭火器"]', due_date: '2026-10-31', status: 'open', assignee_user_id: w.users.staff2.id, created_by: null });
    await PatrolTask.create({ community_id: w.c2.id, org_id: w.pco2.id, title: '下月巡查', checklist: '[]', due_date: '2099-01-01', status: 'open', assignee_user_id: null, created_by: null });

    const m = await as('reviewer1', 'GET', `/api/tickets/monitor?communityId=${w.c2.id}&granularity=week`);
    expect(m.status).toBe(200);
    expect(monitorResponse.parse(m.body)).toBeTruthy();
    const expected = { closed: 2, closedOnTime: 1, openOverdue: 1, open: 2, onTimeRate: 1 / 3, avgRating: 3.5 };
    expect(m.body.totals).toMatchObject({ ...expected, escalated: { 1: 0, 2: 1, 3: 0 } });
    expect(m.body.byCommunity).toEqual([{ communityId: w.c2.id, communityName: w.c2.name, orgName: w.pco2.name, ...expected }]);
    expect(m.body.byOrg).toEqual([{ orgId: w.pco2.id, orgName: w.pco2.name, ...expected }]);
    expect(m.body.trend).toHaveLength(12);
    expect(m.body.trend.at(-1)).toMatchObject({ created: 5, ...expected });
    expect(m.body.overdue.map((x: any) => x.id)).toEqual([overdue.id]);
    // 即将到期: open and in the warning window, earliest due first — the list the monitor's count stands for.
    const later = await mk(6, { status: 'accepted', warn_date: today, due_date: '2098-12-31' });
    const sooner = await mk(7, { status: 'dispatched', warn_date: today, due_date: today });
    const done = await mk(8, { status: 'closed', warn_date: today, due_date: today, done_date: today, done_at: new Date(), on_time: true });
    const soon = await as('reviewer1', 'GET', `/api/tickets?state=due_soon&communityId=${w.c2.id}`);
    expect(soon.body.items.map((x: any) => x.id)).toEqual([sooner.id, later.id, waiting.id]); // not the overdue one, not the closed one
    expect((await as('reviewer1', 'GET', `/api/tickets/monitor?communityId=${w.c2.id}`)).body.totals.dueSoon).toBe(3);
    await Ticket.destroy({ where: { id: [later.id, sooner.id, done.id] } });
    expect(m.body.overduePatrolTasks).toEqual([expect.objectContaining({
      title: '十月消防通道巡查', communityName: w.c2.name, orgName: w.pco2.name, checklist: ['消防通道', '灭火器'], overdue: true, assigneeName: '万科物业 许杰',
    })]);

    // The first company's project manager and the street office do not see the second company's community.
    for (const who of ['pm', 'streetOfficer']) {
      const other = await as(who, 'GET', `/api/tickets/monitor?communityId=${w.c2.id}`);
      expect(other.status).toBe(200);
      expect(other.body.totals).toMatchObject({ closed: 0, openOverdue: 0, onTimeRate: null });
      expect(other.body.overduePatrolTasks).toEqual([]);
    }
    const own = await as('pm', 'GET', '/api/tickets/monitor');
    expect(own.body.byOrg.map((r: any) => r.orgId)).toEqual([w.pco.id]);
    expect(own.body.totals.escalated['3']).toBeGreaterThanOrEqual(2);
    const street = await as('streetOfficer', 'GET', '/api/tickets/monitor?granularity=month');
    expect(street.body.byCommunity.map((r: any) => r.communityId)).toEqual([w.c1.id]);
    expect(street.body.overdue.length).toBeGreaterThan(0);
    expect(street.body.overdue.every((x: any) => x.reporterName === '张*')).toBe(true);
    for (const who of ['staff2', 'ownerA', 'committeeMember']) expect((await as(who, 'GET', '/api/tickets/monitor')).status).toBe(403);
  });
});

describe('public patrol results', () => {
  test('resolved patrol issues with no personal data, and photos as mosaics without metadata', async () => {
    const report = await upload(api, w.tokens.staff, await photo(true));
    const created = await as('staff', 'POST', '/api/tickets', {
      kind: 'patrol', communityId: w.c1.id, category: 'fire_exit', description: '1栋消防通道被电动车占用，车主电话13800001111',
      photos: [{ fileId: report, fromCamera: true, lng: 113.52, lat: 22.12 }], clientRequestId: requestId(),
    });
    expect(created.status).toBe(201);
    const open = await as('staff', 'POST', '/api/tickets', {
      kind: 'patrol', communityId: w.c1.id, category: 'sanitation', description: '垃圾房异味', photos: [{ fileId: await upload(api, w.tokens.staff), fromCamera: true }], clientRequestId: requestId(),
    });
    const id = created.body.id;
    await step('property1', id, { action: 'accept' });
    await step('property1', id, { action: 'dispatch', assigneeUserId: w.users.staff.id });
    await step('staff', id, { action: 'start' });
    const album = await as('staff', 'GET', `/api/tickets/${id}`);
    const notCamera = await as('staff', 'POST', `/api/tickets/${id}/actions`, { action: 'resolve', version: album.body.version, note: '已清理', photos: [{ fileId: await upload(api, w.tokens.staff) }] });
    expect(notCamera.status).toBe(400);
    await step('staff', id, { action: 'resolve', note: '已联系车主挪车，并张贴禁停提示', photos: [{ fileId: await upload(api, w.tokens.staff), fromCamera: true }] });

    const pub = await api.call('GET', `/api/public/patrol-results?communityId=${w.c1.id}`);
    expect(pub.status).toBe(200);
    expect(pageOf(publicPatrolResult.strict()).parse(pub.body)).toBeTruthy();
    const nos = pub.body.items.map((x: any) => x.ticketNo);
    expect(nos).toContain(created.body.ticketNo);
    expect(nos).not.toContain(open.body.ticketNo);
    const item = pub.body.items.find((x: any) => x.ticketNo === created.body.ticketNo);
    expect(item).toMatchObject({
      communityName: w.c1.name, categoryLabel: '消防通道堵塞', statusLabel: '已办结', summary: '1栋消防通道被电动车占用，车主电话138****1111',
      result: '已联系车主挪车，并张贴禁停提示', onTime: true, photoUrls: [expect.stringMatching(/^\/api\/public\/files\/patrol-photos\/\d+$/), expect.any(String)],
    });
    const text = JSON.stringify(pub.body);
    expect(text).not.toMatch(UNMASKED_PATTERNS.mobile);
    expect(text).not.toContain('潘子轩');
    expect(text).not.toContain('113.52');

    const res = await fetch(api.url + item.photoUrls[0]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const img = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(img).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBeLessThanOrEqual(480);
    // Blocks of 24 px: pixels inside a block are (nearly) equal though the photo was random noise.
    const { data, info } = await sharp(img).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [0, 1, 2].map((c) => data[(y * info.width + x) * info.channels + c]);
    const diff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
    expect(diff(px(4, 4), px(18, 18))).toBeLessThan(16);
    expect(diff(px(28, 4), px(44, 18))).toBeLessThan(16);
    const again = Buffer.from(await (await fetch(api.url + item.photoUrls[0])).arrayBuffer());
    expect(again.equals(img)).toBe(true);
    // A photo of an unpublished issue is not served.
    const hidden = open.body.photos[0].id;
    expect((await fetch(`${api.url}/api/public/files/patrol-photos/${hidden}`)).status).toBe(404);
  });
});
