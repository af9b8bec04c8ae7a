// The application/review engine, proved on the presale permit: drafts list everything missing,
// a double submit is harmless, the wrong step's reviewer is refused, return → edit → resubmit
// keeps both versions and their difference, two reviewers clicking at once produce one action,
// and final approval numbers the permit, makes its rooms 可售 through the building-table bus
// and publishes it.
import sharp from 'sharp';
import { Op } from 'sequelize';
import { PRESALE_ATTACHMENTS } from '@hq/common';
import { Building, PresalePermit, Project, Room } from '../src/modules/realestate/models';
import { changeRoomTx, replayCheck } from '../src/modules/realestate/bus';
import { SYSTEM_ACTOR } from '../src/platform/audit/audit';
import { Application } from '../src/platform/workflow/models';
import { Org } from '../src/platform/models';
import type PdfParse from 'pdf-parse';
import { startTestApi, type TestApi } from './harness';

const pdfParse: typeof PdfParse = require('pdf-parse/lib/pdf-parse.js');

let api: TestApi;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  for (const u of ['dev1', 'dev2', 'reviewer1', 'reviewer2', 'reviewer3']) tokens[u] = (await api.login(u)).accessToken;
});
afterAll(() => api.close());

const call = (u: string, method: string, p: string, body?: unknown) => api.call(method, p, { token: tokens[u], body });

async function upload(u: string, name: string): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c00' } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), name);
  const r = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${tokens[u]}` }, body: form });
  return ((await r.json()) as { id: string }).id;
}

/** A building of dev1's with not-yet-sellable, unseized rooms, and a complete form for it. */
async function scenario() {
  const dev1 = await Org.findOne({ where: { name: '珠海横琴金融岛置业有限公司' } });
  const project = await Project.findOne({ where: { developer_org_id: dev1!.id }, order: [['id', 'ASC']] });
  const buildings = await Building.findAll({ where: { project_id: project!.id }, order: [['id', 'ASC']] });
  let building: Building | undefined;
  let rooms: Room[] = [];
  for (const b of buildings) {
    rooms = (await Room.findAll({ where: { building_id: b.id, sale_status: 'unsellable' } })).filter((r) => !r.flags.includes('seized'));
    if (rooms.length >= 2) {
      building = b;
      break;
    }
  }
  if (!building) throw new Error('no building with unsellable rooms for dev1');
  await building.update({ progress_node: 'structure', progress_floors: 10, floors_built: 10 });
  const bank = await Org.findOne({ where: { kind: 'bank' } });
  const attachments = [];
  for (const a of PRESALE_ATTACHMENTS.filter((x) => x.required)) attachments.push({ key: a.key, fileId: await upload('dev1', `${a.key}.png`) });
  const form = {
    projectId: project!.id, buildingIds: [building.id], roomIds: rooms.map((r) => r.id),
    officeAreas: { serviced: { count: 0, area: 0 }, ordinary: { count: 0, area: 0 } },
    floorHeightCounts: [{ heightCm: 300, count: rooms.length }],
    contacts: {
      salesDirector: { name: '陈销售', phone: '13800000001' }, financeDirector: { name: '林财务', phone: '13800000002' }, projectManager: { name: '黄经理', phone: '13800000003' },
    },
    schedule: { startDate: '2025-03-01', deliveryDate: '2027-12-31' },
    supervisedAccount: { bankOrgId: bank!.id, accountNo: '44050164000900001234', accountName: '珠海横琴金融岛置业有限公司预售资金监管户' },
    conditions: {
      qualificationCertNo: '粤建房开字第4404001号', qualificationValidUntil: '2028-12-31', landPremiumPaid: true,
      landCertNo: '粤（2020）横琴不动产权第0001234号', planningPermitNo: '建字第440400202000012号', constructionPermitNo: '440404202008150101',
    },
  };
  return { project: project!, building, rooms, form, attachments };
}

describe('presale permit through the engine', () => {
  test('draft → everything missing at once → submit → return → new version → resubmit → three approvals → permit, rooms 可售, public', async () => {
    const { project, building, rooms, form, attachments } = await scenario();

    // A partial draft: the draft box keeps it; submission lists everything missing at once.
    const draft = await call('dev1', 'POST', '/api/applications', { type: 'presale_permit', form: { projectId: project.id, buildingIds: [building.id] } });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', allowedActions: expect.arrayContaining(['submit', 'save']) });
    expect(draft.body.missing.length).toBeGreaterThanOrEqual(5);
    expect(draft.body.missing.join('；')).toContain('缺少附件：营业执照');
    const early = await call('dev1', 'POST', `/api/applications/${draft.body.id}/actions`, { action: 'submit', lockVersion: draft.body.lockVersion });
    expect(early.status).toBe(400);
    expect(early.body.details.length).toBe(draft.body.missing.length);

    // Unmet conditions are listed too (expired qualification, unpaid land premium).
    const bad = await call('dev1', 'PUT', `/api/applications/${draft.body.id}/form`, {
      lockVersion: draft.body.lockVersion, attachments,
      form: { ...form, conditions: { ...form.conditions, qualificationValidUntil: '2020-01-01', landPremiumPaid: false } },
    });
    expect(bad.status).toBe(200);
    expect(bad.body.missing).toEqual(expect.arrayContaining([expect.stringContaining('资质已过期'), '土地使用权出让金未缴清']));

    const saved = await call('dev1', 'PUT', `/api/applications/${draft.body.id}/form`, { lockVersion: bad.body.lockVersion, form, attachments });
    expect(saved.body.missing).toEqual([]);
    const stale = await call('dev1', 'PUT', `/api/applications/${draft.body.id}/form`, { lockVersion: bad.body.lockVersion, form, attachments });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('WORKFLOW_STALE');

    // Submit, and a second click on the same page is harmless.
    const id = draft.body.id;
    const submitted = await call('dev1', 'POST', `/api/applications/${id}/actions`, { action: 'submit', lockVersion: saved.body.lockVersion });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', step: 1, stepLabel: '初审', appNo: expect.stringMatching(/^YS\d{10}$/) });
    const again = await call('dev1', 'POST', `/api/applications/${id}/actions`, { action: 'submit', lockVersion: saved.body.lockVersion });
    expect(again.status).toBe(200);
    expect(again.body.actions.filter((a: any) => a.action === 'submit')).toHaveLength(1);

    // The wrong step's reviewer is refused; the developer cannot approve; another developer cannot even see it.
    expect((await call('reviewer2', 'POST', `/api/applications/${id}/actions`, { action: 'approve', lockVersion: submitted.body.lockVersion })).body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
    expect((await call('dev1', 'POST', `/api/applications/${id}/actions`, { action: 'approve', lockVersion: submitted.body.lockVersion })).status).toBe(403);
    expect((await call('dev2', 'GET', `/api/applications/${id}`)).status).toBe(404);

    // The first reviewer's inbox has it, with its deadline; returning needs an opinion.
    const todo = await call('reviewer1', 'GET', '/api/applications?box=todo');
    expect(todo.body.items.map((a: any) => a.id)).toContain(id);
    expect(todo.body.items.find((a: any) => a.id === id).deadlineAt).toBeTruthy();
    expect((await call('reviewer1', 'POST', `/api/applications/${id}/actions`, { action: 'return', lockVersion: submitted.body.lockVersion })).status).toBe(400);
    const returned = await call('reviewer1', 'POST', `/api/applications/${id}/actions`, { action: 'return', opinion: '请补充项目经理联系方式并更正交付日期', lockVersion: submitted.body.lockVersion });
    expect(returned.body).toMatchObject({ status: 'returned', allowedActions: [] });

    // The applicant sees it in their inbox and a notification; edits make version 2; the diff shows the change.
    expect((await call('dev1', 'GET', '/api/applications?box=todo')).body.items.map((a: any) => a.id)).toContain(id);
    expect((await call('dev1', 'GET', '/api/notifications')).body.items[0]).toMatchObject({ kind: 'workflow.returned', body: '请补充项目经理联系方式并更正交付日期' });
    const v2 = await call('dev1', 'PUT', `/api/applications/${id}/form`, {
      lockVersion: returned.body.lockVersion, attachments, form: { ...form, schedule: { ...form.schedule, deliveryDate: '2028-06-30' } },
    });
    expect(v2.body.versionNo).toBe(2);
    const diff = await call('dev1', 'GET', `/api/applications/${id}/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual([{ path: 'form.schedule.deliveryDate', before: '2027-12-31', after: '2028-06-30' }]);
    expect((await call('dev1', 'GET', `/api/applications/${id}/versions/1`)).body.form.schedule.deliveryDate).toBe('2027-12-31');
    const resubmitted = await call('dev1', 'POST', `/api/applications/${id}/actions`, { action: 'resubmit', lockVersion: v2.body.lockVersion });
    expect(resubmitted.body).toMatchObject({ status: 'submitted', step: 1, versions: [{ versionNo: 1, submitted: true }, { versionNo: 2, submitted: true }] });

    // 初审 approves; two 复审 clicks at once make exactly one action.
    const first = await call('reviewer1', 'POST', `/api/applications/${id}/actions`, { action: 'approve', opinion: '材料齐全', lockVersion: resubmitted.body.lockVersion });
    expect(first.body).toMatchObject({ status: 'in_review', step: 2, stepLabel: '复审' });
    const [a, b] = await Promise.all([1, 2].map(() => call('reviewer2', 'POST', `/api/applications/${id}/actions`, { action: 'approve', lockVersion: first.body.lockVersion })));
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a.body.code, b.body.code]).toContain('WORKFLOW_STALE');
    const second = a.status === 200 ? a : b;
    expect(second.body).toMatchObject({ status: 'in_review', step: 3 });

    // 终审: the permit is numbered and recorded, its rooms become 可售 on the building table, and the public sees it.
    const final = await call('reviewer3', 'POST', `/api/applications/${id}/actions`, { action: 'approve', opinion: '同意核发', lockVersion: second.body.lockVersion });
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({ status: 'approved', resultType: 'presale_permit', allowedActions: [] });
    const permit = await PresalePermit.findByPk(final.body.resultId);
    expect(permit!.permit_no).toMatch(/^横琴房预许字（\d{4}）第\d{5}号$/);
    expect(permit!.room_count).toBe(rooms.length);
    for (const r of rooms) {
      await r.reload();
      expect(r.sale_status).toBe('available');
    }
    expect((await replayCheck(api.app.deps.db, { projectId: project.id })).mismatches).toEqual([]);
    await new Promise((r) => setTimeout(r, 600));
    const pub = await api.call('GET', `/api/public/projects/${project.id}`);
    expect(pub.body.permits.map((p: any) => p.permitNo)).toContain(permit!.permit_no);
    expect(pub.body.permitNos).toContain(permit!.permit_no);

    // The certificate: a PDF in Chinese with the number; the public verification page says it is valid;
    // the provincial e-licence platform (its simulator) registered it after the approval committed.
    const pdf = await fetch(`${api.url}/api/permits/${permit!.id}/certificate.pdf`, { headers: { authorization: `Bearer ${tokens.dev1}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfParse(Buffer.from(await pdf.arrayBuffer()))).text;
    expect(text).toContain('商品房预售许可证');
    expect(text).toContain(permit!.permit_no);
    expect(text).toContain(project.name);
    expect((await fetch(`${api.url}/api/permits/${permit!.id}/certificate.pdf`, { headers: { authorization: `Bearer ${tokens.dev2}` } })).status).toBe(404);
    const verify = await api.call('GET', `/api/public/permits/verify?no=${encodeURIComponent(permit!.permit_no)}`);
    expect(verify.body).toMatchObject({ valid: true, facts: { projectName: project.name, roomCount: rooms.length, statusLabel: '有效' } });
    for (let i = 0; i < 40 && !(await PresalePermit.findByPk(permit!.id))!.licence_id; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await PresalePermit.findByPk(permit!.id))!.licence_id).toMatch(/^1\.2\.156\./);
    expect((await api.call('GET', `/api/public/permits/verify?no=${encodeURIComponent('横琴房预许字（2026）第99999号')}`)).body).toMatchObject({ valid: false, facts: null });

    // Illegal transitions after the end.
    for (const action of ['withdraw', 'approve', 'resubmit']) {
      const r = await call('dev1', 'POST', `/api/applications/${id}/actions`, { action, lockVersion: final.body.lockVersion });
      expect([action, r.status, r.body.code]).toEqual([action, 409, 'WORKFLOW_TRANSITION']);
    }
    expect((await call('reviewer1', 'GET', '/api/applications?box=done')).body.items.map((x: any) => x.id)).toContain(id);

    // A change application withdraws one unsold room and extends the validity; the number stays.
    const change = await call('dev1', 'POST', '/api/applications', {
      type: 'presale_permit_change', attachments: [{ key: 'change_reason', fileId: await upload('dev1', 'change.png') }],
      form: { permitId: permit!.id, removeRoomIds: [rooms[0].id], validUntil: '2029-12-31', reason: '调整销售范围，延长预售期限' },
    });
    expect(change.body).toMatchObject({ status: 'draft', missing: [] });
    let c = await call('dev1', 'POST', `/api/applications/${change.body.id}/actions`, { action: 'submit', lockVersion: change.body.lockVersion });
    for (const r of ['reviewer1', 'reviewer2', 'reviewer3']) c = await call(r, 'POST', `/api/applications/${change.body.id}/actions`, { action: 'approve', lockVersion: c.body.lockVersion });
    expect(c.body.status).toBe('approved');
    await rooms[0].reload();
    expect(rooms[0].sale_status).toBe('unsellable');
    const changed = await api.call('GET', `/api/public/permits/verify?no=${encodeURIComponent(permit!.permit_no)}`);
    expect(changed.body).toMatchObject({ valid: true, facts: { roomCount: rooms.length - 1, validUntil: '2029-12-31', changedAt: expect.any(String) } });
    expect(changed.body.message).toContain('变更');

    // Revocation: unsold rooms return to 不可售 and the verification page says so.
    expect((await call('reviewer1', 'POST', `/api/permits/${permit!.id}/revoke`, { reason: '违规销售，依法注销' })).status).toBe(403);
    const revoked = await call('reviewer3', 'POST', `/api/permits/${permit!.id}/revoke`, { reason: '违规销售，依法注销' });
    expect(revoked.body).toMatchObject({ ok: true, roomsWithdrawn: rooms.length - 1 });
    const after = await api.call('GET', `/api/public/permits/verify?no=${encodeURIComponent(permit!.permit_no)}`);
    expect(after.body).toMatchObject({ valid: false, facts: { statusLabel: '已注销' } });
    const code = await api.call('GET', `/api/public/codes/verify?code=${encodeURIComponent(permit!.permit_no)}`);
    expect(code.body).toMatchObject({ valid: false, status: '已注销' });
    expect((await replayCheck(api.app.deps.db, { projectId: project.id })).mismatches).toEqual([]);
    const stats = await call('reviewer1', 'GET', '/api/permits/stats?period=year');
    expect(stats.status).toBe(200);
    const list = await call('dev1', 'GET', `/api/permits?keyword=${encodeURIComponent(permit!.permit_no)}`);
    expect(list.body.items.map((x: any) => x.id)).toEqual([permit!.id]);
    const xlsx = await fetch(`${api.url}/api/permits/export.xlsx`, { headers: { authorization: `Bearer ${tokens.reviewer1}` } });
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  test('with no rooms picked the scope is every 不可售 room of the building that is not seized; a picked seized room blocks submission', async () => {
    const { building, rooms, form, attachments } = await scenario();
    const [seized] = rooms;
    await changeRoomTx(api.app.deps.db, SYSTEM_ACTOR, { roomId: seized.id, change: { kind: 'flag_on', value: 'seized' }, source: 'court', reason: '法院协助执行通知书' });
    const unseized = (await Room.findAll({ where: { building_id: building.id, sale_status: 'unsellable' } })).filter((r) => !r.flags.includes('seized'));
    const all = await call('dev1', 'POST', '/api/applications', { type: 'presale_permit', form: { ...form, roomIds: [] }, attachments });
    expect(all.body.missing).toEqual([]);
    const picked = await call('dev1', 'POST', '/api/applications', { type: 'presale_permit', form: { ...form, roomIds: [seized.id] }, attachments });
    expect(picked.body.missing).toEqual([`有 1 套房屋被查封，不能预售（如 ${seized.room_no}）`]);
    // Without a building the list says so in Chinese rather than in zod's words.
    const none = await call('dev1', 'POST', '/api/applications', { type: 'presale_permit', form: { projectId: form.projectId } });
    expect(none.body.missing).toContain('请至少选择一栋楼（预售范围）');
    let a = await call('dev1', 'POST', `/api/applications/${all.body.id}/actions`, { action: 'submit', lockVersion: all.body.lockVersion });
    for (const r of ['reviewer1', 'reviewer2', 'reviewer3']) a = await call(r, 'POST', `/api/applications/${all.body.id}/actions`, { action: 'approve', lockVersion: a.body.lockVersion });
    expect((await PresalePermit.findByPk(a.body.resultId))!.room_count).toBe(unseized.length);
    expect((await seized.reload()).sale_status).toBe('unsellable');
  });

  test('rooms already covered, or a building of another developer, block submission; overdue items are marked', async () => {
    const { form, attachments, project } = await scenario();
    const sold = await Room.findOne({ where: { project_id: project.id, sale_status: 'signed' } });
    const other = await Building.findOne({ where: { project_id: { [Op.ne]: project.id } } });
    const d = await call('dev1', 'POST', '/api/applications', {
      type: 'presale_permit', attachments,
      form: { ...form, roomIds: [...form.roomIds, sold!.id], buildingIds: [...form.buildingIds, ...(other ? [other.id] : [])] },
    });
    expect(d.status).toBe(201);
    expect(d.body.missing).toEqual(expect.arrayContaining([expect.stringContaining('已取得预售许可或已售')]));
    if (other) expect(d.body.missing).toEqual(expect.arrayContaining([expect.stringContaining('不属于本项目')]));
    expect((await call('dev1', 'POST', `/api/applications/${d.body.id}/actions`, { action: 'submit', lockVersion: d.body.lockVersion })).status).toBe(400);

    // Another developer's project cannot even be chosen.
    const foreign = await call('dev2', 'POST', '/api/applications', { type: 'presale_permit', form: { projectId: project.id } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('不属于本企业');

    // Overdue: a submitted application past its deadline is flagged in the inbox.
    const ok = await call('dev1', 'POST', '/api/applications', { type: 'presale_permit', form, attachments });
    const sub = await call('dev1', 'POST', `/api/applications/${ok.body.id}/actions`, { action: 'submit', lockVersion: ok.body.lockVersion });
    expect(sub.status).toBe(200);
    await Application.update({ deadline_at: new Date(Date.now() - 86400_000) }, { where: { id: ok.body.id } });
    const overdue = await call('reviewer1', 'GET', '/api/applications?box=todo&overdue=true');
    expect(overdue.body.items.find((x: any) => x.id === ok.body.id)).toMatchObject({ overdue: true });
    // Withdrawal by the applicant ends it.
    const w = await call('dev1', 'POST', `/api/applications/${ok.body.id}/actions`, { action: 'withdraw', lockVersion: sub.body.lockVersion });
    expect(w.body.status).toBe('withdrawn');
  });
});
