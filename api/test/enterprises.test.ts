// 开发企业 and 物业企业 (RE-056…RE-058, RE-065…RE-067, PM-003…PM-005, PM-076): a regulator enters
// an enterprise in the registry (an invalid 统一社会信用代码 is refused with the reason); its staff
// register online and three reviewers approve, which activates it and gives it a public page
// and a QR code that opens it; a change is reviewed and kept in the history; a qualification
// application is corrected by the reviewer directly (audited, a new version, in the history)
// and its approval issues a certificate whose PDF carries the QR code of its public check;
// developer staff see only their own enterprise; a property company files the same way.
import sharp from 'sharp';
import jsQR from 'jsqr';
import ExcelJS from 'exceljs';
import { DEVELOPER_REGISTRATION_ATTACHMENTS, ENTERPRISE_CHANGE_ATTACHMENTS, PROPERTY_FILING_ATTACHMENTS, QUALIFICATION_ATTACHMENTS } from '@hq/common';
import { AuditLog, Org } from '../src/platform/models';
import { qrPng } from '../src/platform/documents/certificate';
import { startTestApi, type TestApi } from './harness';
import { accountFor, approveAll, attachmentsFor, binary, developerForm, idat, newUscc, pdfParse, settle, squash, submit } from './enterprise-helpers';

let api: TestApi;
const tk: Record<string, string> = {};
beforeAll(async () => {
  api = await startTestApi();
  for (const u of ['dev1', 'dev2', 'reviewer1', 'reviewer2', 'reviewer3', 'property1']) tk[u] = (await api.login(u)).accessToken;
});
afterAll(() => api.close());

const call = (u: string, method: string, p: string, body?: unknown) => api.call(method, p, { token: tk[u], body });
const reviewers = () => [tk.reviewer1, tk.reviewer2, tk.reviewer3];

let newDeveloper: { id: number; uscc: string; token: string };

describe('registration (开发企业注册)', () => {
  test('a regulator enters an enterprise in the registry; a wrong 统一社会信用代码 is refused with the reason', async () => {
    const uscc = newUscc();
    const bad = await call('reviewer1', 'POST', '/api/enterprises', { kind: 'developer', name: '横琴测试置业有限公司', uscc: `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}` });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('统一社会信用代码校验位不正确，请核对是否输错');
    const short = await call('reviewer1', 'POST', '/api/enterprises', { kind: 'developer', name: '横琴测试置业有限公司', uscc: '91440400123' });
    expect(short.body.details).toEqual([{ field: 'uscc', message: '统一社会信用代码应为18位，请核对后重新输入' }]);
    const ok = await call('reviewer1', 'POST', '/api/enterprises', { kind: 'developer', name: '横琴测试置业有限公司', uscc: uscc.toLowerCase() });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'developer', uscc, status: 'pending', statusLabel: '未注册', source: 'registry', profileUrl: null });
    expect((await call('reviewer1', 'POST', '/api/enterprises', { kind: 'agency', name: '另一家公司名称', uscc })).body.code).toBe('USCC_TAKEN');
    expect((await call('dev1', 'POST', '/api/enterprises', { kind: 'developer', name: '横琴测试置业有限公司', uscc: newUscc() })).status).toBe(403);
    newDeveloper = { id: ok.body.id, uscc, token: await accountFor(api, ok.body.id, 'newdev1', ['developer_staff']) };
  });

  test('its staff register online; three reviewers approve; it is active with a public page and a QR code that opens it', async () => {
    const token = newDeveloper.token;
    const attachments = await attachmentsFor(api, token, DEVELOPER_REGISTRATION_ATTACHMENTS);
    const form = developerForm('横琴测试置业有限公司', newDeveloper.uscc);
    // A 统一社会信用代码 other than the registry's is listed as missing.
    const wrong = await api.call('POST', '/api/applications', { token, body: { type: 'developer_registration', form: { ...form, uscc: newUscc() }, attachments } });
    expect(wrong.status).toBe(201);
    expect(wrong.body.missing).toEqual([`统一社会信用代码与企业库登记的不一致（登记为 ${newDeveloper.uscc}），如登记有误请联系主管部门更正`]);
    const app = await submit(api, token, 'developer_registration', form, attachments);
    expect(app).toMatchObject({ status: 'submitted', stepLabel: '初审', appNo: expect.stringMatching(/^QY\d{10}$/) });
    // Not public before approval.
    expect((await api.call('GET', `/api/public/developers/${newDeveloper.id}`)).body.statusLabel).toBe('未注册');
    const done = await approveAll(api, app, reviewers());
    expect(done).toMatchObject({ status: 'approved', resultType: 'enterprise', resultId: newDeveloper.id });

    const mine = await api.call('GET', '/api/enterprises/mine', { token });
    expect(mine.body).toMatchObject({
      id: newDeveloper.id, status: 'active', statusLabel: '已注册', legalRep: '周建国',
      facts: { registeredCapitalFen: 200000000_00, contactName: '许经办', contactPhone: '139****5678', personnel: form.personnel, achievements: form.achievements },
      history: [expect.objectContaining({ type: 'developer_registration', status: 'approved', corrected: false })],
    });
    expect((await Org.findByPk(newDeveloper.id))!.status).toBe('active');
    await settle();
    const profileUrl = `${api.url}/h5/#/subpackages/public/pages/developer/index?id=${newDeveloper.id}`;
    expect(mine.body.profileUrl).toBe(profileUrl);
    const pub = await api.call('GET', `/api/public/developers/${newDeveloper.id}`);
    expect(pub.body).toMatchObject({ statusLabel: '已注册', profileUrl, qrUrl: `/api/public/developers/${newDeveloper.id}/qr.png`, qualification: null, credit: { score: 60, grade: 'B' } });
    const qr = await binary(api, pub.body.qrUrl);
    expect([qr.status, qr.type]).toEqual([200, 'image/png']);
    const { data, info } = await sharp(qr.body).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data).toBe(profileUrl);
    expect((await binary(api, '/api/public/developers/99999999/qr.png')).status).toBe(404);
  });

  test('a registered enterprise cannot register twice; a change is reviewed and applied, and kept in the history', async () => {
    const token = newDeveloper.token;
    const again = await api.call('POST', '/api/applications', { token, body: { type: 'developer_registration', form: developerForm('横琴测试置业有限公司', newDeveloper.uscc), attachments: [] } });
    expect(again.body.missing).toContain('本企业已完成注册，信息有变化请办理「房地产开发企业变更」');
    const noChange = await api.call('POST', '/api/applications', { token, body: { type: 'developer_change', form: { changes: {}, reason: '法定代表人变更' }, attachments: [] } });
    expect(noChange.body.missing).toContain('请至少填写一项变更内容');
    const app = await submit(api, token, 'developer_change', { changes: { legalRep: '钟伟明', address: '珠海市横琴粤澳深度合作区港澳大道88号' }, reason: '股东会决议更换法定代表人' },
      await attachmentsFor(api, token, ENTERPRISE_CHANGE_ATTACHMENTS));
    expect(app.appNo).toMatch(/^QB/);
    // Registration and change are reviewed as filed: the reviewer returns, never corrects.
    expect((await call('reviewer1', 'GET', `/api/applications/${app.id}`)).body.allowedActions.sort()).toEqual(['approve', 'reject', 'return']);
    expect((await call('reviewer1', 'POST', `/api/applications/${app.id}/actions`, { action: 'correct', opinion: '直接修改', form: { changes: { legalRep: '钟伟' }, reason: '股东会决议更换法定代表人' }, lockVersion: app.lockVersion })).body.code)
      .toBe('WORKFLOW_TRANSITION');
    await approveAll(api, app, reviewers());
    const mine = await api.call('GET', '/api/enterprises/mine', { token });
    expect(mine.body).toMatchObject({ legalRep: '钟伟明', address: '珠海市横琴粤澳深度合作区港澳大道88号' });
    // Drafts are not history; the approved registration and change are, newest first.
    expect(mine.body.history.map((h: any) => [h.type, h.status])).toEqual([['developer_change', 'approved'], ['developer_registration', 'approved']]);
    expect(mine.body.history[0]).toMatchObject({ typeLabel: '房地产开发企业变更', appNo: app.appNo });
    await settle(); // public pages may be up to 500 ms stale
    expect((await api.call('GET', `/api/public/developers/${newDeveloper.id}`)).body.legalRep).toBe('钟伟明');
  });
});

describe('qualification (资质申报): the reviewer may correct the application directly', () => {
  const qualificationForm = {
    grade: 'second', yearsInBusiness: 8, completedAreaLast3Years: 5000000, constructionAreaLastYear: 2000000,
    staff: { professional: 12, midLevel: 5, accountants: 1 }, qualityAllPassed: true,
    technicalLeads: [{ name: '钟工', position: '总工程师', title: '高级工程师' }],
  };

  test('unmet grade conditions are listed; the 初审 reviewer corrects a field (audited, a new version, shown in the history); approval issues the certificate', async () => {
    const token = newDeveloper.token;
    const attachments = await attachmentsFor(api, token, QUALIFICATION_ATTACHMENTS);
    const draft = await api.call('POST', '/api/applications', { token, body: { type: 'developer_qualification', form: qualificationForm, attachments } });
    expect(draft.body.missing).toEqual(['二级资质须专职会计人员不少于2人（申报1人）']);
    // The applicant fixes the count and submits; the reviewer finds the technical lead's title wrong and corrects it.
    const saved = await api.call('PUT', `/api/applications/${draft.body.id}/form`, { token, body: { lockVersion: draft.body.lockVersion, attachments, form: { ...qualificationForm, staff: { ...qualificationForm.staff, accountants: 2 } } } });
    let app = (await api.call('POST', `/api/applications/${draft.body.id}/actions`, { token, body: { action: 'submit', lockVersion: saved.body.lockVersion } })).body;
    expect(app.status).toBe('submitted');
    const asReviewer = await call('reviewer1', 'GET', `/api/applications/${app.id}`);
    expect(asReviewer.body.allowedActions.sort()).toEqual(['approve', 'correct', 'reject', 'return']);
    const corrected = { ...qualificationForm, staff: { ...qualificationForm.staff, accountants: 2 }, technicalLeads: [{ name: '钟工', position: '总工程师', title: '正高级工程师' }] };
    // A correction needs a reason, a complete form and a real change; the applicant cannot correct.
    expect((await call('reviewer1', 'POST', `/api/applications/${app.id}/actions`, { action: 'correct', form: corrected, lockVersion: app.lockVersion })).status).toBe(400);
    expect((await call('reviewer1', 'POST', `/api/applications/${app.id}/actions`, { action: 'correct', opinion: '核对证书', lockVersion: app.lockVersion })).body.message).toContain('请提交修正后的完整申请表');
    expect((await api.call('POST', `/api/applications/${app.id}/actions`, { token, body: { action: 'correct', opinion: 'x', form: corrected, lockVersion: app.lockVersion } })).status).toBe(403);
    expect((await call('reviewer2', 'POST', `/api/applications/${app.id}/actions`, { action: 'correct', opinion: '核对证书', form: corrected, lockVersion: app.lockVersion })).body.code).toBe('WORKFLOW_NOT_YOUR_STEP');
    const bad = await call('reviewer1', 'POST', `/api/applications/${app.id}/actions`, { action: 'correct', opinion: '核对证书', form: { ...corrected, staff: { ...corrected.staff, accountants: 0 } }, lockVersion: app.lockVersion });
    expect(bad.body.message).toContain('二级资质须专职会计人员不少于2人（申报0人）');
    const fix = await call('reviewer1', 'POST', `/api/applications/${app.id}/actions`, { action: 'correct', opinion: '经核对职称证书，总工程师为正高级工程师', form: corrected, lockVersion: app.lockVersion });
    expect(fix.status).toBe(200);
    expect(fix.body).toMatchObject({ status: 'submitted', stepLabel: '初审', versionNo: app.versionNo + 1 });
    expect(fix.body.form.technicalLeads[0].title).toBe('正高级工程师');
    const last = fix.body.actions[fix.body.actions.length - 1];
    expect(last).toMatchObject({ action: 'correct', actionLabel: '审核人员修正', actorRole: 'reviewer_1', stepLabel: '初审', opinion: '经核对职称证书，总工程师为正高级工程师' });
    const diff = await api.call('GET', `/api/applications/${app.id}/diff?from=${app.versionNo}&to=${fix.body.versionNo}`, { token });
    expect(diff.body.changes).toEqual([{ path: 'form.technicalLeads', before: qualificationForm.technicalLeads, after: corrected.technicalLeads }]);
    const audit = await AuditLog.findOne({ where: { action: 'application.correct', object_id: String(app.id) } });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ reason: '经核对职称证书，总工程师为正高级工程师', changes: [{ path: 'technicalLeads' }] });

    app = await approveAll(api, fix.body, reviewers());
    expect(app).toMatchObject({ status: 'approved', resultType: 'enterprise_certificate' });
    const mine = (await api.call('GET', '/api/enterprises/mine', { token })).body;
    expect(mine.history[0]).toMatchObject({ type: 'developer_qualification', corrected: true });
    expect(mine.qualification).toMatchObject({ id: app.resultId, grade: 'second', gradeLabel: '二级', status: 'valid', certNo: expect.stringMatching(/^横琴房开资字（\d{4}）第\d{5}号$/) });
    // Qualified now: base 60 + 10 (valid qualification) = 70, A.
    await settle(); // public pages may be up to 500 ms stale
    expect((await api.call('GET', `/api/public/developers/${newDeveloper.id}`)).body).toMatchObject({ qualification: { gradeLabel: '二级', statusLabel: '有效' }, credit: { score: 70, grade: 'A' } });

    const pdf = await binary(api, `/api/certificates/${app.resultId}/certificate.pdf`, token);
    expect([pdf.status, pdf.type]).toEqual([200, 'application/pdf']);
    const text = squash((await pdfParse(pdf.body)).text);
    expect(text).toContain('房地产开发企业资质证书');
    expect(text).toContain(squash(mine.qualification.certNo));
    expect(text).toContain('横琴测试置业有限公司');
    expect(text).toContain('二级');
    const verifyUrl = `${api.url}/h5/#/subpackages/public/pages/verify/index?type=certificate&no=${encodeURIComponent(mine.qualification.certNo)}`;
    expect(pdf.body.includes(idat(await qrPng(verifyUrl)))).toBe(true);
    const verify = await api.call('GET', `/api/public/certificates/verify?no=${encodeURIComponent(mine.qualification.certNo)}`);
    expect(verify.body).toMatchObject({ valid: true, kind: 'developer_qualification', holderName: '横琴测试置业有限公司', grade: '二级', statusLabel: '有效', message: '该房地产开发企业资质证书有效' });
    // Another developer's staff cannot print it.
    expect((await binary(api, `/api/certificates/${app.resultId}/certificate.pdf`, tk.dev2)).status).toBe(403);
  });

  test('a first application while holding a certificate is refused; a change supersedes the old certificate', async () => {
    const token = newDeveloper.token;
    const mine = (await api.call('GET', '/api/enterprises/mine', { token })).body;
    const again = await api.call('POST', '/api/applications', { token, body: { type: 'developer_qualification', form: { ...qualificationForm, staff: { ...qualificationForm.staff, accountants: 2 } }, attachments: [] } });
    expect(again.body.missing).toContain(`本企业已持有有效资质证书（${mine.qualification.certNo}），请办理资质变更`);
    const toFirst = { ...qualificationForm, grade: 'first', certificateId: mine.qualification.id, reason: '业绩与人员达到一级资质条件' };
    const draft = await api.call('POST', '/api/applications', { token, body: { type: 'developer_qualification_change', form: toFirst, attachments: [] } });
    expect(draft.body.missing).toEqual(expect.arrayContaining(['一级资质须有职称的专业管理人员不少于40人（申报12人）', '缺少附件：营业执照']));
    const enough = { ...toFirst, completedAreaLast3Years: 31000000_00, constructionAreaLastYear: 16000000_00, staff: { professional: 41, midLevel: 21, accountants: 4 } };
    const app = await submit(api, token, 'developer_qualification_change', enough, await attachmentsFor(api, token, QUALIFICATION_ATTACHMENTS));
    const done = await approveAll(api, app, reviewers());
    const after = (await api.call('GET', '/api/enterprises/mine', { token })).body;
    expect(after.qualification).toMatchObject({ id: done.resultId, grade: 'first', gradeLabel: '一级' });
    expect(after.certificates.find((c: any) => c.id === mine.qualification.id)).toMatchObject({ status: 'superseded', statusLabel: '已变更换发' });
    const old = await api.call('GET', `/api/public/certificates/verify?no=${encodeURIComponent(mine.qualification.certNo)}`);
    expect(old.body).toMatchObject({ valid: false, status: 'superseded', message: `该房地产开发企业资质证书已变更换发，请以新证 ${after.qualification.certNo} 为准` });
    await settle(); // public pages may be up to 500 ms stale
    expect((await api.call('GET', `/api/public/developers/${newDeveloper.id}`)).body.credit).toMatchObject({ score: 75, grade: 'A' });
  });
});

describe('data scope', () => {
  test('developer staff see and act on their own enterprise only', async () => {
    const dev1Org = (await call('dev1', 'GET', '/api/enterprises/mine')).body;
    expect(dev1Org).toMatchObject({ kind: 'developer', status: 'active', qualification: expect.objectContaining({ status: 'valid' }) });
    expect((await call('dev2', 'GET', `/api/enterprises/${dev1Org.id}`)).status).toBe(403);
    const list = await call('dev2', 'GET', '/api/enterprises?pageSize=200');
    expect(list.body.items.map((o: any) => o.id)).toEqual([(await call('dev2', 'GET', '/api/enterprises/mine')).body.id]);
    expect((await call('dev2', 'GET', `/api/credit/subjects/developer/${dev1Org.id}`)).status).toBe(403);
    expect((await call('dev2', 'GET', `/api/certificates/${dev1Org.qualification.id}`)).status).toBe(403);
    expect((await call('dev2', 'GET', `/api/enterprises/${dev1Org.id}/accounts`)).status).toBe(403);
    const accounts = await call('reviewer1', 'GET', `/api/enterprises/${dev1Org.id}/accounts`);
    expect(accounts.body.map((a: any) => a.username)).toContain('dev1');
    expect(JSON.stringify(accounts.body)).toMatch(/1\d\d\*\*\*\*\d{4}/);
    // Regulators see every kind; a regulator corrects basic facts with a reason.
    const all = await call('reviewer1', 'GET', '/api/enterprises?pageSize=200');
    expect(new Set(all.body.items.map((o: any) => o.kind))).toEqual(new Set(['developer', 'agency', 'property_company']));
    const upd = await call('reviewer1', 'PUT', `/api/enterprises/${dev1Org.id}/basic`, { address: '珠海市横琴粤澳深度合作区天羽道1号', reason: '工商登记地址变更' });
    expect(upd.body.address).toBe('珠海市横琴粤澳深度合作区天羽道1号');
    expect((await call('dev1', 'PUT', `/api/enterprises/${dev1Org.id}/basic`, { address: '任意地址改动', reason: '自行修改' })).status).toBe(403);
  });

  test('导出Excel is the directory query: every row for regulators, the own enterprise for its staff', async () => {
    const sheet = async (who: string, query: string) => {
      const file = await binary(api, `/api/enterprises/export.xlsx${query}`, tk[who]);
      expect([file.status, file.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.body as never);
      const ws = wb.getWorksheet('企业名录')!;
      return ws.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    };
    const agencies = await sheet('reviewer1', '?kind=agency');
    expect(agencies[0]).toEqual(['企业名称', '企业类别', '统一社会信用代码', '法定代表人', '注册地址', '登记状态', '注册/备案时间', '入库来源', '信用分', '信用等级']);
    const listed = (await call('reviewer1', 'GET', '/api/enterprises?kind=agency&pageSize=200')).body;
    expect(agencies.length - 1).toBe(listed.total);
    expect(agencies.slice(1).map((r) => r[0])).toEqual(listed.items.map((o: any) => o.name));
    expect(agencies.slice(1).every((r) => r[1] === '房地产中介机构')).toBe(true);
    const own = await sheet('dev2', '');
    expect(own.slice(1).map((r) => r[2])).toEqual([(await call('dev2', 'GET', '/api/enterprises/mine')).body.uscc]);
    expect((await call('dev2', 'GET', '/api/enterprises/export.xlsx?kind=nothing')).status).toBe(400);
    expect((await api.call('GET', '/api/enterprises/export.xlsx')).status).toBe(401);
  });
});

describe('property companies (物业企业备案)', () => {
  test('entered from a tender result, the company files online; regulators approve; it is 已备案 with a certificate, publicly', async () => {
    const uscc = newUscc();
    const created = await call('reviewer1', 'POST', '/api/enterprises', { kind: 'property_company', name: '横琴测试物业服务有限公司', uscc, source: 'tender' });
    expect(created.body).toMatchObject({ status: 'pending', statusLabel: '未备案', source: 'tender' });
    const token = await accountFor(api, created.body.id, 'newpm1', ['property_staff']);
    const form = {
      name: '横琴测试物业服务有限公司', uscc, legalRep: '潘秀英', address: '珠海市横琴粤澳深度合作区荣粤道66号', registeredCapitalFen: 5000000_00, establishedOn: '2018-03-01',
      businessScope: '物业管理；停车场服务', contact: { name: '曾主管', phone: '13711112222' }, serviceScope: '住宅小区物业服务', managedProjects: [{ name: '琴澳花园' }],
    };
    // Another property company's staff cannot file for it; the seeded company is already filed.
    expect((await call('property1', 'POST', '/api/applications', { type: 'property_filing', form, attachments: [] })).body.missing).toEqual(expect.arrayContaining(['本企业已完成备案']));
    const app = await submit(api, token, 'property_filing', form, await attachmentsFor(api, token, PROPERTY_FILING_ATTACHMENTS));
    expect(app.appNo).toMatch(/^WY/);
    const done = await approveAll(api, app, reviewers());
    const mine = (await api.call('GET', '/api/enterprises/mine', { token })).body;
    expect(mine).toMatchObject({ status: 'active', statusLabel: '已备案', filing: { id: done.resultId, certNo: expect.stringMatching(/^横琴物业备字（\d{4}）第\d{5}号$/) } });
    const pub = await api.call('GET', `/api/public/property-companies/${created.body.id}`);
    expect(pub.body).toMatchObject({ statusLabel: '已备案', filingNo: mine.filing.certNo, serviceScope: '住宅小区物业服务', credit: { score: 75, grade: 'A' } });
    const search = await api.call('GET', `/api/public/property-companies?keyword=${encodeURIComponent('测试物业')}`);
    expect(search.body.items.map((x: any) => x.id)).toEqual([created.body.id]);
    expect((await api.call('GET', `/api/public/property-companies/${newDeveloper.id}`)).body.code).toBe('PROPERTY_COMPANY_NOT_FOUND');
  });
});
