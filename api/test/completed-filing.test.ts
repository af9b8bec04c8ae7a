// 现房销售备案 through the same engine, and what people's phones receive along the way: the
// 待办 notice reaches every holder of the step's role by SMS, the applicant hears of the
// return and of the approval, a gateway outage is retried, a WeChat subscribe message that the
// person refused (43101) falls back to SMS, and a rolled-back action queues nothing.
import sharp from 'sharp';
import { COMPLETED_ATTACHMENTS } from '@hq/common';
import { Building, PresalePermit, Project, Room } from '../src/modules/realestate/models';
import { replayCheck } from '../src/modules/realestate/bus';
import { Org, User, UserRole } from '../src/platform/models';
import { decrypt } from '../src/platform/crypto';
import { dispatchOnce, OutboxMessage } from '../src/platform/notify';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  for (const u of ['dev1', 'dev2', 'reviewer1', 'reviewer2', 'reviewer3', 'sysadmin']) tokens[u] = (await api.login(u)).accessToken;
});
afterAll(() => api.close());

const call = (u: string, method: string, p: string, body?: unknown) => api.call(method, p, { token: tokens[u], body });
const phoneOf = async (username: string) => decrypt(api.app.deps.config.dataKey, (await User.findOne({ where: { username } }))!.phone_enc!);
const smsTo = async (phone: string): Promise<string[]> => (await api.call('GET', `/sim/sms/_inbox?phone=${phone}`)).body.items.map((m: any) => m.text);

async function upload(u: string, name: string): Promise<string> {
  const png = await sharp({ create: { width: 48, height: 48, channels: 3, background: '#06c' } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), name);
  const r = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${tokens[u]}` }, body: form });
  return ((await r.json()) as { id: string }).id;
}

/** A completed building of dev1's (竣工验收备案 done) with rooms not yet for sale, and a full form. */
async function scenario() {
  const dev1 = await Org.findOne({ where: { name: '珠海横琴金融岛置业有限公司' } });
  const projects = await Project.findAll({ where: { developer_org_id: dev1!.id }, order: [['id', 'DESC']] });
  for (const project of projects) {
    for (const b of await Building.findAll({ where: { project_id: project.id }, order: [['id', 'DESC']] })) {
      const rooms = (await Room.findAll({ where: { building_id: b.id, sale_status: 'unsellable' } })).filter((r) => !r.flags.includes('seized'));
      if (rooms.length < 2) continue;
      const attachments = [];
      for (const a of COMPLETED_ATTACHMENTS) attachments.push({ key: a.key, fileId: await upload('dev1', `${a.key}.png`) });
      const form = {
        projectId: project.id, buildingIds: [b.id], roomIds: rooms.map((r) => r.id),
        completionFilingNo: '横琴竣备2026-0042', completionDate: '2026-06-30',
        contacts: { salesDirector: { name: '陈销售', phone: '13800000001' }, projectManager: { name: '黄经理', phone: '13800000003' } },
        conditions: {
          qualificationCertNo: '粤建房开字第4404001号', qualificationValidUntil: '2029-12-31', landCertNo: '粤（2020）横琴不动产权第0001234号',
          propertyManagementArranged: true, utilitiesReady: true,
        },
      };
      return { project, building: b, rooms, form, attachments };
    }
  }
  throw new Error('no building of dev1 with unsellable rooms');
}

describe('completed-sale filing (现房销售备案)', () => {
  test('a building not yet completed is listed as missing; once completed: submit → return → resubmit → three approvals → filing number, rooms 可售, verifiable', async () => {
    const { project, building, rooms, form, attachments } = await scenario();
    await building.update({ progress_node: 'structure' });
    const draft = await call('dev1', 'POST', '/api/applications', { type: 'completed_filing', form, attachments });
    expect(draft.status).toBe(201);
    expect(draft.body.missing).toEqual([`${building.building_no}：尚未完成竣工验收备案，不能现售`]);
    expect((await call('dev1', 'POST', `/api/applications/${draft.body.id}/actions`, { action: 'submit', lockVersion: draft.body.lockVersion })).status).toBe(400);

    await building.update({ progress_node: 'completion_filed' });
    const id = draft.body.id;
    const fresh = await call('dev1', 'GET', `/api/applications/${id}`);
    expect(fresh.body.missing).toEqual([]);
    let a = await call('dev1', 'POST', `/api/applications/${id}/actions`, { action: 'submit', lockVersion: fresh.body.lockVersion });
    expect(a.body).toMatchObject({ status: 'submitted', stepLabel: '初审', appNo: expect.stringMatching(/^XS\d{10}$/) });
    const appNo = a.body.appNo as string;

    // Everyone holding 初审 has an SMS waiting in the outbox; the dispatcher sends it through the gateway.
    const firstReviewers = await UserRole.findAll({ where: { role: 'reviewer_1' } });
    const queued = await OutboxMessage.findAll({ where: { template: 'workflow.todo', channel: 'sms' } });
    expect(queued.map((m) => m.user_id).sort()).toEqual(firstReviewers.map((r) => r.user_id).sort());
    expect(await dispatchOnce(api.app.deps)).toMatchObject({ sent: queued.length, failed: 0, dead: 0 });
    expect(await smsTo(await phoneOf('reviewer1'))).toEqual([`【横琴住建】您有一件现房销售备案申请待初审（受理编号${appNo}），请及时登录系统办理。`]);

    // Returned: the applicant's phone says so; while the gateway is down the message waits and is retried.
    a = await call('reviewer1', 'POST', `/api/applications/${id}/actions`, { action: 'return', opinion: '请补充竣工验收备案证明原件扫描件', lockVersion: a.body.lockVersion });
    expect(a.body.status).toBe('returned');
    await api.call('POST', '/sim/sms/_control/faults', { body: { count: 1, status: 503 } });
    expect(await dispatchOnce(api.app.deps)).toMatchObject({ sent: 0, retrying: 1 });
    const waiting = await OutboxMessage.findOne({ where: { template: 'workflow.returned' } });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting!.last_error).toContain('503');
    await waiting!.update({ next_attempt_at: new Date(Date.now() - 1000) });
    expect(await dispatchOnce(api.app.deps)).toMatchObject({ sent: 1 });
    const devPhone = await phoneOf('dev1');
    expect(await smsTo(devPhone)).toEqual([`【横琴住建】您的现房销售备案申请（受理编号${appNo}）已被退回补正，请登录系统查看意见并补充材料。`]);

    // The sysadmin sees the outbox with the number masked.
    const outbox = await call('sysadmin', 'GET', '/api/outbox?channel=sms&status=sent');
    expect(outbox.status).toBe(200);
    expect(JSON.stringify(outbox.body)).not.toContain(devPhone);

    const v2 = await call('dev1', 'PUT', `/api/applications/${id}/form`, { lockVersion: a.body.lockVersion, attachments, form: { ...form, completionFilingNo: '横琴竣备2026-0043' } });
    expect(v2.body.versionNo).toBe(2);
    a = await call('dev1', 'POST', `/api/applications/${id}/actions`, { action: 'resubmit', lockVersion: v2.body.lockVersion });
    expect(a.body.status).toBe('submitted');

    // dev1 now uses the mini-program but refused the subscribe template: the approval notice falls back to SMS.
    await User.update({ wechat_openid: 'o_demo_dev1' }, { where: { username: 'dev1' } });
    await api.call('POST', '/sim/wechat/_control/subscriptions', { body: { openid: 'o_demo_dev1', accept: false } });
    for (const r of ['reviewer1', 'reviewer2', 'reviewer3']) {
      a = await call(r, 'POST', `/api/applications/${id}/actions`, { action: 'approve', opinion: '同意', lockVersion: a.body.lockVersion });
      expect(a.status).toBe(200);
    }
    expect(a.body).toMatchObject({ status: 'approved', resultType: 'completed_filing' });
    const filing = await PresalePermit.findByPk(a.body.resultId);
    expect(filing).toMatchObject({ kind: 'completed', room_count: rooms.length });
    expect(filing!.permit_no).toMatch(/^横琴现售备字/);
    for (const r of rooms) expect((await r.reload()).sale_status).toBe('available');
    expect((await replayCheck(api.app.deps.db, { projectId: project.id })).mismatches).toEqual([]);

    const approvedRows = await OutboxMessage.findAll({ where: { template: 'workflow.approved' } });
    expect(approvedRows.map((m) => m.channel).sort()).toEqual(['sms', 'wechat_subscribe']);
    const sent = await dispatchOnce(api.app.deps);
    expect(sent.dead).toBe(1); // the refused subscribe message
    const wx = await OutboxMessage.findOne({ where: { template: 'workflow.approved', channel: 'wechat_subscribe' } });
    expect(wx!.last_error).toContain('43101');
    // One SMS for the approval, not two (the fallback sees the SMS already queued for the notice).
    expect((await smsTo(devPhone)).filter((x) => x.includes('已审核通过'))).toEqual([`【横琴住建】您的现房销售备案申请（受理编号${appNo}）已审核通过，请登录系统查看办理结果。`]);

    // Query, certificate and public verification.
    const list = await call('dev1', 'GET', `/api/permits?keyword=${encodeURIComponent(filing!.permit_no)}`);
    expect(list.body.items.map((x: any) => x.id)).toEqual([filing!.id]);
    expect((await call('dev2', 'GET', `/api/permits/${filing!.id}`)).status).toBe(404);
    const pdf = await fetch(`${api.url}/api/permits/${filing!.id}/certificate.pdf`, { headers: { authorization: `Bearer ${tokens.dev1}` } });
    expect(pdf.status).toBe(200);
    const verify = await api.call('GET', `/api/public/permits/verify?no=${encodeURIComponent(filing!.permit_no)}`);
    expect(verify.body).toMatchObject({ valid: true, facts: { projectName: project.name, roomCount: rooms.length } });
  });

  test('an action refused inside its transaction queues no notice', async () => {
    const before = await OutboxMessage.count();
    const { form, attachments } = await scenario();
    const d = await call('dev1', 'POST', '/api/applications', { type: 'completed_filing', form: { ...form, conditions: { ...form.conditions, utilitiesReady: false } }, attachments });
    const r = await call('dev1', 'POST', `/api/applications/${d.body.id}/actions`, { action: 'submit', lockVersion: d.body.lockVersion });
    expect(r.status).toBe(400);
    expect(r.body.details.map((x: any) => x.message)).toContain('水电燃气等配套设施尚不具备交付使用条件');
    expect(await OutboxMessage.count()).toBe(before);
  });
});
