// 中介机构与经纪人 (RE-068…RE-072, RE-162…RE-169): an agency registers its brokers and files,
// the industry association reviews and the 《备案证明》 prints with its QR check; one person is
// one broker at one agency at a time (refused naming the other agency, until it releases them);
// a broker logged in by WeChat registers, applies, uploads and follows the progress; practice
// qualifications are created, changed, checked and cancelled; agency A cannot see or touch
// agency B's brokers; a cancelled agency is 已注销 publicly and its certificates verify invalid.
import { AGENCY_FILING_ATTACHMENTS, BROKER_FILING_ATTACHMENTS, ENTERPRISE_CHANGE_ATTACHMENTS } from '@hq/common';
import { Org, User, UserRole } from '../src/platform/models';
import { decrypt } from '../src/platform/crypto';
import { qrPng } from '../src/platform/documents/certificate';
import { Broker } from '../src/modules/enterprises/models';
import { startTestApi, type TestApi } from './harness';
import { accountFor, approveAll, attachmentsFor, binary, idat, newResidentId, newUscc, pdfParse, settle, squash, submit, upload } from './enterprise-helpers';

let api: TestApi;
const tk: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  for (const u of ['agency1', 'association1', 'reviewer1', 'reviewer3', 'dev1']) tk[u] = (await api.login(u)).accessToken;
});
afterAll(() => api.close());

const call = (u: string, method: string, p: string, body?: unknown) => api.call(method, p, { token: tk[u], body });
const ANJU = '横琴安居房地产经纪有限公司'; // agency1's agency

/** A new agency in the registry with an admin account, its brokers registered, not yet filed. */
async function newAgency(name: string, username: string) {
  const uscc = newUscc();
  const created = await call('reviewer1', 'POST', '/api/enterprises', { kind: 'agency', name, uscc });
  expect(created.status).toBe(201);
  const token = await accountFor(api, created.body.id, username, ['agency_admin']);
  return { id: created.body.id as number, uscc, token };
}

const agencyForm = (name: string, uscc: string, brokerIds: number[]) => ({
  name, uscc, legalRep: '容志明', address: '珠海市横琴粤澳深度合作区宝兴路18号', registeredCapitalFen: 1000000_00, establishedOn: '2020-08-08',
  businessScope: '房地产经纪；房地产咨询', contact: { name: '容经理', phone: '13622223333' }, storeAddress: '横琴口岸商业街12号铺', brokerIds,
});

const person = (name: string) => ({ name, idType: 'resident_id', idNumber: newResidentId(), phone: '13566667777' });

let agencyB: { id: number; uscc: string; token: string };
let filingNo: string;

describe('agency filing (中介机构备案) reviewed by the industry association', () => {
  test('brokers are registered, the agency files, only the association reviews; the 备案证明 prints with its QR check', async () => {
    agencyB = await newAgency('横琴测试房产经纪有限公司', 'agencyb');
    const b1 = await api.call('POST', '/api/brokers', { token: agencyB.token, body: person('岑志远') });
    expect(b1.status).toBe(201);
    expect(b1.body).toMatchObject({ name: '岑志远', status: 'pending', statusLabel: '待备案', agency: { id: agencyB.id }, phone: '135****7777', idNumber: expect.stringMatching(/^440\*{11}\d{3}[0-9X]$/) });
    const token = agencyB.token;
    const app = await submit(api, token, 'agency_filing', agencyForm('横琴测试房产经纪有限公司', agencyB.uscc, [b1.body.id]), await attachmentsFor(api, token, AGENCY_FILING_ATTACHMENTS));
    expect(app).toMatchObject({ status: 'submitted', stepLabel: '行业协会审核', appNo: expect.stringMatching(/^ZJ/) });
    // The association has it to do; a regulator reviewer does not hold this step.
    const todo = await call('association1', 'GET', '/api/applications?box=todo');
    expect(todo.body.items.map((a: any) => a.id)).toContain(app.id);
    expect((await call('reviewer1', 'POST', `/api/applications/${app.id}/actions`, { action: 'approve', lockVersion: app.lockVersion })).body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
    const done = await approveAll(api, app, [tk.association1]);
    expect(done).toMatchObject({ status: 'approved', resultType: 'enterprise_certificate' });

    const mine = (await api.call('GET', '/api/enterprises/mine', { token })).body;
    expect(mine).toMatchObject({ status: 'active', statusLabel: '已备案', filing: { id: done.resultId, title: '备案证明', certNo: expect.stringMatching(/^横琴中介备字（\d{4}）第\d{5}号$/) } });
    filingNo = mine.filing.certNo;
    const pdf = await binary(api, mine.filing.pdfUrl, token);
    expect([pdf.status, pdf.type]).toEqual([200, 'application/pdf']);
    const text = squash((await pdfParse(pdf.body)).text);
    for (const s of ['备案证明', filingNo, '横琴测试房产经纪有限公司', '横琴口岸商业街12号铺', '发证机关：横琴房地产行业协会']) expect(text).toContain(squash(s));
    expect(pdf.body.includes(idat(await qrPng(`${api.url}/h5/#/subpackages/public/pages/verify/index?type=certificate&no=${encodeURIComponent(filingNo)}`)))).toBe(true);
    expect((await api.call('GET', `/api/public/certificates/verify?no=${encodeURIComponent(filingNo)}`)).body).toMatchObject({ valid: true, holderName: '横琴测试房产经纪有限公司' });
    // The public finds it filed.
    await settle();
    const pub = await api.call('GET', `/api/public/agencies/${agencyB.id}`);
    expect(pub.body).toMatchObject({ registered: true, statusLabel: '已备案', filingNo, brokerCount: 0, brokers: [] });
    expect((await binary(api, `/api/public/agencies/${agencyB.id}/qr.png`)).type).toBe('image/png');
  });

  test('a change is reviewed by the association and re-issues the 备案证明; the old one says it was replaced', async () => {
    const token = agencyB.token;
    const app = await submit(api, token, 'agency_change', { changes: { storeAddress: '横琴口岸商业街18号铺' }, reason: '经营场所搬迁' }, await attachmentsFor(api, token, ENTERPRISE_CHANGE_ATTACHMENTS));
    const done = await approveAll(api, app, [tk.association1]);
    const mine = (await api.call('GET', '/api/enterprises/mine', { token })).body;
    expect(mine.filing).toMatchObject({ id: done.resultId, status: 'valid' });
    expect(mine.filing.certNo).not.toBe(filingNo);
    expect((await api.call('GET', `/api/public/certificates/verify?no=${encodeURIComponent(filingNo)}`)).body).toMatchObject({ valid: false, status: 'superseded', message: expect.stringContaining(mine.filing.certNo) });
    filingNo = mine.filing.certNo;
  });
});

describe('one broker, one agency (查重)', () => {
  test('registering a broker filed with another agency is refused with that agency’s name; after its release the move works', async () => {
    const anju = await Org.findOne({ where: { name: ANJU } });
    const held = await Broker.findOne({ where: { agency_org_id: anju!.id, status: 'active', user_id: null }, order: [['id', 'ASC']] });
    const idNumber = decrypt(api.app.deps.config.dataKey, held!.id_no_enc);
    const input = { name: held!.name, idType: 'resident_id', idNumber, phone: '13811112222' };

    const check = await api.call('POST', '/api/brokers/check', { token: agencyB.token, body: { idType: 'resident_id', idNumber } });
    expect(check.body).toMatchObject({ free: false, agencyName: ANJU });
    const refused = await api.call('POST', '/api/brokers', { token: agencyB.token, body: input });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BROKER_ACTIVE_ELSEWHERE');
    expect(refused.body.message).toContain(`该经纪人已在「${ANJU}」执业备案`);
    expect(refused.body.message).toContain(`须由「${ANJU}」办理解除执业后方可转入`);
    // Listing someone else's broker in a filing is the same refusal (the 查重 at review time).
    const listed = await api.call('POST', '/api/applications', { token: agencyB.token, body: { type: 'broker_filing', form: { brokerId: held!.id, employmentStart: '2026-11-01' }, attachments: [] } });
    expect(listed.body.missing.filter((m: string) => m.includes(`「${ANJU}」`))).toHaveLength(1);
    // The same agency registering them again is told they are already there.
    expect((await call('agency1', 'POST', '/api/brokers', input)).body.code).toBe('BROKER_ALREADY_REGISTERED');

    // agency1 releases them: their filing certificate stops standing and they are free.
    const certNo = (await call('agency1', 'GET', `/api/brokers/${held!.id}`)).body.filing.certNo;
    const released = await call('agency1', 'POST', `/api/brokers/${held!.id}/release`, { reason: '劳动合同到期离职' });
    expect(released.body).toMatchObject({ status: 'released', statusLabel: '已解除执业', agency: null, filing: { status: 'revoked' } });
    expect((await api.call('GET', `/api/public/certificates/verify?no=${certNo}`)).body).toMatchObject({ valid: false, statusLabel: '已失效', message: expect.stringContaining('劳动合同到期离职') });
    expect((await api.call('POST', '/api/brokers/check', { token: agencyB.token, body: { idType: 'resident_id', idNumber } })).body.free).toBe(true);

    const moved = await api.call('POST', '/api/brokers', { token: agencyB.token, body: input });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ id: held!.id, status: 'pending', agency: { id: agencyB.id } });
    expect(moved.body.affiliations.map((a: any) => [a.agencyName, a.to === null])).toEqual([[ANJU, false], ['横琴测试房产经纪有限公司', true]]);
    expect(moved.body.affiliations[0].endReason).toBe('劳动合同到期离职');
    // agency1 no longer sees them.
    expect((await call('agency1', 'GET', `/api/brokers/${held!.id}`)).status).toBe(403);

    // Filed at the new agency by the association: a new 经纪人备案证明.
    const app = await submit(api, agencyB.token, 'broker_filing', { brokerId: held!.id, employmentStart: '2026-11-15', education: '本科' }, await attachmentsFor(api, agencyB.token, BROKER_FILING_ATTACHMENTS));
    expect(app.title).toBe(`${held!.name[0]}${'*'.repeat([...held!.name].length - 1)} 经纪人备案申请`);
    await approveAll(api, app, [tk.association1]);
    const filed = (await api.call('GET', `/api/brokers/${held!.id}`, { token: agencyB.token })).body;
    expect(filed).toMatchObject({ status: 'active', statusLabel: '已备案', filing: { title: '经纪人备案证明', status: 'valid', certNo: expect.stringMatching(/^HQJJ\d{10}[0-9X]$/) } });
    const pdf = squash((await pdfParse((await binary(api, filed.filing.pdfUrl, agencyB.token)).body)).text);
    expect(pdf).toContain('经纪人备案证明');
    expect(pdf).toContain(held!.name);
    expect(pdf).toContain('横琴测试房产经纪有限公司');
    expect(pdf).not.toContain(idNumber);
    const verify = (await api.call('GET', `/api/public/certificates/verify?no=${filed.filing.certNo}`)).body;
    expect(verify).toMatchObject({ valid: true, agencyName: '横琴测试房产经纪有限公司', holderUscc: null });
    expect(verify.holderName).not.toBe(held!.name);
    await settle();
    const pub = (await api.call('GET', `/api/public/brokers?keyword=${encodeURIComponent(held!.name)}`)).body;
    expect(pub.items.find((b: any) => b.id === held!.id)).toMatchObject({ agency: { id: agencyB.id, name: '横琴测试房产经纪有限公司' }, filingNo: filed.filing.certNo, statusLabel: '已备案' });
    expect(JSON.stringify(pub)).not.toContain(held!.name);
    const page = (await api.call('GET', `/api/public/agencies/${agencyB.id}`)).body;
    expect(page).toMatchObject({ brokerCount: 1, brokers: [expect.objectContaining({ id: held!.id, filingNo: filed.filing.certNo })] });
  });

  test('invalid ID numbers and phones are refused with the reason', async () => {
    const good = newResidentId();
    const badCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const r = await api.call('POST', '/api/brokers', { token: agencyB.token, body: { ...person('钱某某'), idNumber: badCheck } });
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'idNumber', message: '证件号码：身份证号码校验位不正确，请核对是否输错' }]);
    const hk = await api.call('POST', '/api/brokers', { token: agencyB.token, body: { ...person('钱某某'), idType: 'hkid', idNumber: 'A123456(4)' } });
    expect(hk.body.message).toContain('香港身份证号码校验位不正确');
    const phone = await api.call('POST', '/api/brokers', { token: agencyB.token, body: { ...person('钱某某'), phone: '1234567' } });
    expect(phone.body.details).toEqual([{ field: 'phone', message: '手机号码应为11位，以13至19开头（经纪人手机号）' }]);
    expect((await api.call('POST', '/api/brokers', { token: agencyB.token, body: { ...person('钱某某'), idType: 'hkid', idNumber: 'A123456(3)' } })).status).toBe(201);
  });
});

describe('data scope: agency A cannot see or change agency B’s brokers', () => {
  test('lists, details, edits, releases and qualifications stay within the agency', async () => {
    const bBrokers = (await api.call('GET', '/api/brokers?pageSize=100', { token: agencyB.token })).body.items;
    expect(bBrokers.length).toBeGreaterThan(0);
    expect(bBrokers.every((b: any) => b.agency.id === agencyB.id)).toBe(true);
    const aBrokers = (await call('agency1', 'GET', '/api/brokers?pageSize=100')).body.items;
    expect(aBrokers.length).toBeGreaterThan(0);
    expect(aBrokers.some((b: any) => b.agency.id === agencyB.id)).toBe(false);
    expect((await call('agency1', 'GET', `/api/brokers?agencyOrgId=${agencyB.id}`)).body.total).toBe(0);
    const theirs = bBrokers[0].id;
    expect((await call('agency1', 'GET', `/api/brokers/${theirs}`)).status).toBe(403);
    expect((await call('agency1', 'PUT', `/api/brokers/${theirs}`, { phone: '13900001111' })).status).toBe(403);
    expect((await call('agency1', 'POST', `/api/brokers/${theirs}/release`, { reason: '恶意解除他人' })).status).toBe(403);
    expect((await call('agency1', 'POST', `/api/brokers/${theirs}/qualifications`, { kind: 'practice', level: 'broker', certNo: '粤经纪执字第1号', issuedOn: '2024-01-01', validUntil: '2029-01-01' })).status).toBe(403);
    expect((await call('agency1', 'POST', '/api/brokers', { ...person('越权登记'), agencyOrgId: agencyB.id })).status).toBe(403);
    expect((await call('agency1', 'GET', `/api/enterprises/${agencyB.id}`)).status).toBe(403);
    expect((await call('dev1', 'GET', '/api/brokers')).status).toBe(403);
    // The association sees both.
    const all = (await call('association1', 'GET', '/api/brokers?pageSize=200')).body.items.map((b: any) => b.agency?.id);
    expect(all).toEqual(expect.arrayContaining([agencyB.id, aBrokers[0].agency.id]));
  });
});

describe('practice qualifications (从业资格: 建立、变更、检查、注销)', () => {
  test('the agency creates and changes; the association checks (a failure suspends) and cancels', async () => {
    const broker = (await api.call('GET', '/api/brokers?status=active', { token: agencyB.token })).body.items[0];
    const q = await api.call('POST', `/api/brokers/${broker.id}/qualifications`, { token: agencyB.token, body: { kind: 'practice', level: 'assistant', certNo: '粤经纪协字第2026001号', issuedOn: '2026-01-10', validUntil: '2031-01-09' } });
    expect(q.status).toBe(201);
    expect(q.body).toMatchObject({ kindLabel: '执业资格', levelLabel: '房地产经纪人协理', status: 'valid', expired: false });
    expect((await api.call('POST', `/api/brokers/${broker.id}/qualifications`, { token: agencyB.token, body: { kind: 'practice', level: 'assistant', certNo: '粤经纪协字第2026001号', issuedOn: '2026-01-10', validUntil: '2031-01-09' } })).body.code).toBe('QUALIFICATION_DUPLICATE');
    expect((await api.call('POST', `/api/brokers/${broker.id}/qualifications`, { token: agencyB.token, body: { kind: 'post', level: 'broker', certNo: '上岗证2026-8', issuedOn: '2026-01-10', validUntil: '2025-01-09' } })).body.details)
      .toEqual([{ field: 'validUntil', message: '有效期至应晚于发证日期' }]);
    const changed = await api.call('PUT', `/api/broker-qualifications/${q.body.id}`, { token: agencyB.token, body: { level: 'broker', certNo: '粤经纪执字第2026001号', reason: '考取房地产经纪人职业资格' } });
    expect(changed.body).toMatchObject({ levelLabel: '房地产经纪人', certNo: '粤经纪执字第2026001号' });
    expect((await api.call('POST', `/api/broker-qualifications/${q.body.id}/check`, { token: agencyB.token, body: { result: 'pass', note: '自查' } })).status).toBe(403);
    const failed = await call('association1', 'POST', `/api/broker-qualifications/${q.body.id}/check`, { result: 'fail', note: '未按期完成继续教育' });
    expect(failed.body).toMatchObject({ status: 'suspended', statusLabel: '暂停（检查不合格）', checkResult: 'fail', checkNote: '未按期完成继续教育' });
    const passed = await call('association1', 'POST', `/api/broker-qualifications/${q.body.id}/check`, { result: 'pass', note: '已补修学时' });
    expect(passed.body.status).toBe('valid');
    const cancelled = await call('association1', 'POST', `/api/broker-qualifications/${q.body.id}/cancel`, { reason: '本人申请注销' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '本人申请注销' });
    expect((await api.call('PUT', `/api/broker-qualifications/${q.body.id}`, { token: agencyB.token, body: { certNo: '再改一次', reason: '再改一次' } })).body.code).toBe('QUALIFICATION_CANCELLED');
    const detail = (await api.call('GET', `/api/brokers/${broker.id}`, { token: agencyB.token })).body;
    expect(detail.qualifications.find((x: any) => x.id === q.body.id)).toMatchObject({ status: 'cancelled' });
  });
});

describe('a broker in the mini-program (WeChat login, role broker)', () => {
  test('registers themself, uploads documents, applies, follows the progress; cannot see another broker’s application', async () => {
    const login = await api.wechatLogin('o_test_broker_new');
    await User.update({ org_id: agencyB.id, display_name: '麦家乐' }, { where: { id: login.user.id } });
    await UserRole.destroy({ where: { user_id: login.user.id } });
    await UserRole.create({ user_id: login.user.id, role: 'broker' });
    const token = (await api.wechatLogin('o_test_broker_new')).accessToken;

    const me = await api.call('POST', '/api/brokers', { token, body: person('麦家乐') });
    expect(me.status).toBe(201);
    expect(me.body).toMatchObject({ linkedUser: true, status: 'pending', agency: { id: agencyB.id } });
    // A broker registers only into their own agency.
    expect((await api.call('POST', '/api/brokers', { token, body: { ...person('麦家乐'), agencyOrgId: agencyB.id + 1000 } })).status).toBe(403);
    const attachments = [];
    for (const a of BROKER_FILING_ATTACHMENTS.filter((x) => x.required)) attachments.push({ key: a.key, fileId: await upload(api, token, `${a.key}.png`) });
    const app = await submit(api, token, 'broker_filing', { brokerId: me.body.id, employmentStart: '2026-11-20' }, attachments);
    const progress = (await api.call('GET', '/api/my/broker', { token })).body;
    expect(progress).toHaveLength(1);
    expect(progress[0].applications).toEqual([expect.objectContaining({ id: app.id, status: 'submitted', statusText: '已提交，待行业协会审核' })]);
    expect((await api.call('GET', '/api/applications?box=mine', { token })).body.items.map((a: any) => a.id)).toEqual([app.id]);
    // The association returns it for a clearer photo; the broker replaces the file and resubmits.
    const returned = await call('association1', 'POST', `/api/applications/${app.id}/actions`, { action: 'return', opinion: '照片不清晰，请重新上传', lockVersion: app.lockVersion });
    expect(returned.body.status).toBe('returned');
    const photo = await upload(api, token, 'photo2.png');
    const saved = await api.call('PUT', `/api/applications/${app.id}/form`, {
      token, body: { lockVersion: returned.body.lockVersion, form: { brokerId: me.body.id, employmentStart: '2026-11-20' }, attachments: attachments.map((a) => (a.key === 'photo' ? { key: 'photo', fileId: photo } : a)) },
    });
    const again = await api.call('POST', `/api/applications/${app.id}/actions`, { token, body: { action: 'resubmit', lockVersion: saved.body.lockVersion } });
    await approveAll(api, again.body, [tk.association1]);
    const after = (await api.call('GET', '/api/my/broker', { token })).body[0];
    expect(after).toMatchObject({ status: 'active', filing: { title: '经纪人备案证明' }, applications: [expect.objectContaining({ status: 'approved' })] });
    expect((await binary(api, after.filing.pdfUrl, token)).status).toBe(200);

    // Another broker's filing (made by the agency) is not theirs to see; nor someone else's broker record.
    const other = (await api.call('GET', '/api/brokers?pageSize=100', { token: agencyB.token })).body.items.find((b: any) => b.id !== me.body.id && b.status === 'active');
    expect((await api.call('GET', `/api/brokers/${other.id}`, { token })).status).toBe(403);
    const agencyApp = (await api.call('GET', '/api/applications?box=mine&type=broker_filing', { token: agencyB.token })).body.items.find((a: any) => a.id !== app.id);
    expect((await api.call('GET', `/api/applications/${agencyApp.id}`, { token })).status).toBe(404);
    expect((await api.call('GET', '/api/brokers', { token })).body.items.map((b: any) => b.id)).toEqual([me.body.id]);
    // A broker cannot file someone else.
    const foreign = await api.call('POST', '/api/applications', { token, body: { type: 'broker_filing', form: { brokerId: other.id, employmentStart: '2026-11-20' }, attachments: [] } });
    expect(foreign.body.missing).toContain('经纪人只能为本人申请备案');
  });
});

describe('agency cancellation (中介机构注销)', () => {
  test('the filing certificate becomes invalid, the public page says 已注销, its brokers are released', async () => {
    const all = (await api.call('GET', '/api/brokers?pageSize=100', { token: agencyB.token })).body.items;
    const brokersBefore = all.filter((b: any) => b.status === 'active');
    expect(brokersBefore.length).toBeGreaterThan(0);
    const practising = all.filter((b: any) => b.status === 'active' || b.status === 'pending').length;
    expect((await call('reviewer1', 'POST', `/api/agencies/${agencyB.id}/cancel`, { reason: '违规经营' })).status).toBe(403);
    expect((await call('reviewer3', 'POST', `/api/agencies/${agencyB.id}/cancel`, { reason: '短' })).status).toBe(400);
    const r = await call('reviewer3', 'POST', `/api/agencies/${agencyB.id}/cancel`, { reason: '以欺骗手段取得备案，经查实予以注销' });
    expect(r.body).toEqual({ ok: true, brokersReleased: practising });
    expect((await call('reviewer3', 'POST', `/api/agencies/${agencyB.id}/cancel`, { reason: '再次注销试试' })).body.code).toBe('ENTERPRISE_CANCELLED');

    await settle();
    const pub = (await api.call('GET', `/api/public/agencies/${agencyB.id}`)).body;
    expect(pub).toMatchObject({ registered: false, status: 'cancelled', statusLabel: '已注销', filing: { statusLabel: '已失效' }, brokers: [], cancelledAt: expect.any(String) });
    const search = (await api.call('GET', `/api/public/agencies?keyword=${encodeURIComponent('横琴测试房产')}`)).body.items;
    expect(search).toEqual([expect.objectContaining({ id: agencyB.id, registered: false, statusLabel: '已注销' })]);
    const verify = (await api.call('GET', `/api/public/certificates/verify?no=${encodeURIComponent(filingNo)}`)).body;
    expect(verify).toMatchObject({ valid: false, status: 'revoked', statusLabel: '已失效', message: '该备案证明已失效：中介机构已注销备案（以欺骗手段取得备案，经查实予以注销）' });
    // The code register says so too.
    expect((await api.call('GET', `/api/public/codes/verify?code=${encodeURIComponent(filingNo)}`)).body).toMatchObject({ valid: false, status: '已注销' });
    const brokerCert = brokersBefore[0].filing.certNo;
    expect((await api.call('GET', `/api/public/certificates/verify?no=${brokerCert}`)).body.valid).toBe(false);
    const released = (await call('association1', 'GET', `/api/brokers/${brokersBefore[0].id}`)).body;
    expect(released).toMatchObject({ status: 'released', agency: null });
    expect(released.affiliations[released.affiliations.length - 1].endReason).toBe('所属中介机构「横琴测试房产经纪有限公司」已注销备案');
    // A cancelled agency registers no one.
    expect((await api.call('POST', '/api/brokers', { token: agencyB.token, body: person('再登记') })).body.code).toBe('ENTERPRISE_CANCELLED');
  });
});
