// 企业管理 and 信用管理 in the admin web as regulators, the association and a developer meet them:
// the directory with a developer's credit and its Excel export; a credit record entered by 初审,
// approved by 复审 and explained on the subject's credit page; an agency's filing cancelled with a
// reason; and a first qualification application filed from 本企业信息 and corrected by the
// reviewer (审核人员修正).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  DEMO_PASSWORD, DEMO_TOTP_SECRET, STEP_MS, browserSignIn, freshStep, lastStep, loginBudget, signOut, stepNow, totp,
} from './helpers';

// Sign-ins are paced by helpers.ts (one TOTP code per person per step, 20 sign-ins a minute).
type Auth = { Authorization: string };

/** Signs in through the API (password, then the TOTP code for regulators and administrators). */
async function apiSignIn(request: APIRequestContext, username: string, password = DEMO_PASSWORD): Promise<Auth> {
  await loginBudget(1);
  const login = await request.post('/api/auth/login', { data: { username, password } });
  expect(login.ok(), await login.text()).toBe(true);
  let body = await login.json();
  if (body.next === 'totp') {
    await freshStep(username);
    if (STEP_MS - (Date.now() % STEP_MS) < 3_000) await new Promise((r) => setTimeout(r, 3_500));
    await loginBudget(1);
    const step = stepNow();
    const verify = await request.post('/api/auth/totp/verify', { data: { challenge: body.challenge, code: totp(DEMO_TOTP_SECRET) } });
    expect(verify.ok(), await verify.text()).toBe(true);
    lastStep.set(username, step);
    body = await verify.json();
  }
  expect(body.next, JSON.stringify(body)).toBe('done');
  return { Authorization: `Bearer ${body.tokens.accessToken}` };
}

// Other test files sign the same regulators in: leave them a fresh step.
test.afterAll(async () => {
  const last = Math.max(-1, ...lastStep.values());
  const wait = (last + 1) * STEP_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 300));
});

// ---------- small helpers ----------

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function menu(page: Page, group: string, item: string) {
  const leaf = page.getByRole('menuitem', { name: item, exact: true });
  if (!(await leaf.isVisible())) await page.getByRole('menuitem', { name: group, exact: true }).click();
  await leaf.click();
}

/** Opens an antd Select by its label and picks the option with this text. */
async function pick(scope: Page | ReturnType<Page['getByRole']>, page: Page, label: string, option: string | RegExp, search?: string) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  if (search) await box.fill(search);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function fillDate(scope: Page | ReturnType<Page['getByRole']>, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** A small, real PDF (its content names it, so each is a different file). */
function pdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n` +
      `trailer<</Root 1 0 R>>\n% ${title} ${Date.now()}\n%%EOF\n`,
  );
}

/** YYYY-MM-DD in Asia/Shanghai, `days` from today. */
function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

/** The last day a record counts: `months` after it happened, less one day (as common/src/credit.ts). */
function validUntil(occurredOn: string, months: number): string {
  const [y, m, d] = occurredOn.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(Math.floor(total / 12), total % 12, Math.min(d, last)) - 86400_000);
  return end.toISOString().slice(0, 10);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A fresh 统一社会信用代码 with its GB 32100 check character (DOMAIN.md §7). */
function newUscc(): string {
  let s = '91440400';
  for (let i = 0; i < 9; i++) s += USCC_CHARS[Math.floor(Math.random() * 31)];
  const sum = [...s].reduce((a, ch, i) => a + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i], 0);
  const c = 31 - (sum % 31);
  return s + USCC_CHARS[c === 31 ? 0 : c];
}

/**
 * Presses the button of a confirmation dialog. A click that lands while the dialog is still
 * zooming in can be lost, so it is pressed again while the dialog stays open and idle.
 */
async function confirmDialog(page: Page, title: string, button: string) {
  const dialog = page.getByRole('dialog', { name: title });
  const ok = dialog.getByRole('button', { name: button });
  await expect(async () => {
    if (await ok.isVisible()) await ok.click({ timeout: 2_000 });
    await expect(dialog).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const scoreOf = async (text: Promise<string | null>) => Number(/(\d+)分/.exec((await text) ?? '')?.[1]);

// ---------- the tests ----------

const DEVELOPER = '珠海横琴长隆置业有限公司';

test('a regulator finds a developer and its credit; 初审 enters a credit record, 复审 approves it, the credit page explains the new score', async ({ page }) => {
  test.setTimeout(180_000);
  const consoleErrors = watchConsole(page);

  await browserSignIn(page, 'reviewer1', true);
  await menu(page, '企业管理', '企业名录');
  await expect(page).toHaveURL(/#\/enterprises\/list$/);
  await page.getByLabel('关键字').fill('长隆置业');
  await pick(page, page, '企业类别', '房地产开发企业');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).first();
  await expect(row).toContainText(DEVELOPER);
  await expect(row).toContainText('已注册');
  const before = await scoreOf(row.locator('.credit-grade').textContent());
  expect(before).toBeGreaterThan(0);

  // The export is the query's rows, a workbook Excel reads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^企业名录-\d{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('企业名录')!;
  expect(sheet.getRow(1).getCell(1).value).toBe('企业名称');
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).getCell(1).value).toBe(DEVELOPER);
  expect(sheet.getRow(2).getCell(9).value).toBe(before);

  // The developer's detail: registry facts, its qualification certificate, its grade explained.
  await row.getByText(DEVELOPER).click();
  const drawer = page.getByRole('dialog', { name: DEVELOPER });
  await expect(drawer.getByText('信用等级', { exact: true })).toBeVisible();
  await expect(drawer.locator('.credit-grade').first()).toContainText(`${before}分`);
  await drawer.getByRole('tab', { name: '证书' }).click();
  await expect(drawer.getByRole('cell', { name: '房地产开发企业资质证书（一级）' })).toBeVisible();
  await drawer.getByRole('tab', { name: '信用' }).click();
  await expect(drawer.getByRole('list', { name: '计分说明' })).toContainText('基础分：已完成企业注册 +60');
  await drawer.locator('.ant-drawer-close').click();

  // 初审 enters a good-conduct record with its basis and evidence.
  const occurredOn = shanghaiDay(-20);
  const title = `获评珠海市优质结构工程奖（E2E ${Date.now() % 100000}）`;
  await menu(page, '信用管理', '信用信息');
  await page.getByRole('button', { name: '录入信用信息' }).click();
  const create = page.getByRole('dialog', { name: '录入信用信息' });
  await pick(create, page, '信用主体', DEVELOPER, '长隆');
  await pick(create, page, '信用指标', '获得市级优质工程奖');
  await expect(create.getByText('良好行为，+3分，自发生之日起计12个月')).toBeVisible();
  await fillDate(create, '行为发生日期', occurredOn);
  await create.getByLabel('信用信息标题').fill(title);
  await pick(create, page, '依据类型', '通报');
  await create.getByLabel('依据文书编号').fill('珠建质〔2026〕88号');
  await create.locator('input[type=file]').setInputFiles({ name: '获奖通报.pdf', mimeType: 'application/pdf', buffer: pdf('获奖通报') });
  await expect(create.getByText('已上传')).toBeVisible();
  await create.getByRole('button', { name: '提交审核' }).click();
  const entered = page.getByRole('dialog', { name: title });
  await expect(entered.locator('.ant-tag').filter({ hasText: '待审核' })).toBeVisible();
  // Whoever entered it cannot review it.
  await expect(entered.getByText('这条信用信息由您录入，须由其他审核人员审核。')).toBeVisible();
  await expect(entered.getByRole('button', { name: '审核通过' })).toHaveCount(0);
  await entered.locator('.ant-drawer-close').click();
  await signOut(page);

  // 复审 finds it waiting and approves it with an opinion, after a confirmation.
  await browserSignIn(page, 'reviewer2', true);
  await menu(page, '信用管理', '信用信息');
  await page.getByLabel('关键字').fill(title);
  await pick(page, page, '状态', '待审核');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().getByText('审核', { exact: true }).click();
  const review = page.getByRole('dialog', { name: title });
  await review.getByLabel('审核意见').fill('经核实，通报属实，同意计入');
  await review.getByRole('button', { name: '审核通过' }).click();
  await confirmDialog(page, '确认审核通过？', '审核通过');
  await expect(review.locator('.ant-tag').filter({ hasText: '已生效' })).toBeVisible();
  await expect(review.locator('.ant-timeline')).toContainText('经核实，通报属实，同意计入');

  // The subject's credit page: the record counted with its points and the last day it counts.
  await review.getByRole('link', { name: DEVELOPER }).click();
  await expect(page).toHaveURL(/#\/credit\/subjects\/developer\/\d+$/);
  await expect(page.getByRole('heading', { name: DEVELOPER })).toBeVisible();
  const until = validUntil(occurredOn, 12);
  await expect(page.getByRole('list', { name: '计分说明' })).toContainText(`良好行为：获得市级优质工程奖（${occurredOn}，有效期至${until}）+3`);
  const counted = page.locator('.ant-table').filter({ hasText: '计入的信用信息' }).locator('tr.ant-table-row').filter({ hasText: '获得市级优质工程奖' });
  await expect(counted.filter({ hasText: until })).toHaveCount(1);
  const expected = Math.min(100, before + 3);
  await expect(page.locator('.ant-statistic').filter({ hasText: '信用分' }).locator('.ant-statistic-content-value')).toHaveText(String(expected));
  await expect(page.getByRole('list', { name: '计分说明' })).toContainText(`信用分${expected}分`);
  expect(consoleErrors).toEqual([]);
});

test('终审 cancels an agency’s filing with a reason; the directory shows it cancelled (the association sees no such button)', async ({ page }) => {
  test.setTimeout(120_000);
  const consoleErrors = watchConsole(page);
  const agency = '横琴湾区房地产经纪有限公司';

  // The association reviews agencies but the API leaves cancellation to 终审 and 分管领导.
  await browserSignIn(page, 'association1', false);
  await menu(page, '企业管理', '企业名录');
  await expect(page.getByLabel('企业类别')).toHaveCount(0);
  // The association's directory is the agencies: five filed and 横琴新启, not yet filed.
  await expect(rows(page)).toHaveCount(6);
  await expect(rows(page).filter({ hasText: '横琴新启房地产经纪有限公司' })).toContainText('未备案');
  await rows(page).filter({ hasText: agency }).getByText(agency).click();
  await expect(page.getByRole('dialog', { name: agency }).getByText('已备案', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '注销备案' })).toHaveCount(0);
  await page.getByRole('dialog', { name: agency }).locator('.ant-drawer-close').click();
  await signOut(page);

  await browserSignIn(page, 'reviewer3', true);
  await menu(page, '企业管理', '企业名录');
  await page.getByLabel('关键字').fill('湾区');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const row = rows(page).filter({ hasText: agency });
  await expect(row).toContainText('已备案');
  await row.getByText(agency).click();
  const drawer = page.getByRole('dialog', { name: agency });
  await drawer.getByRole('button', { name: '注销备案' }).click();
  const confirm = page.getByRole('dialog', { name: `注销「${agency}」的备案` });
  await expect(confirm).toContainText('注销后不能恢复');
  // No reason, no cancellation.
  await confirm.getByRole('button', { name: '确认注销' }).click();
  await expect(confirm.getByText('请填写注销原因')).toBeVisible();
  await confirm.getByLabel('注销原因').fill('机构申请注销，营业执照已注销');
  await confirm.getByRole('button', { name: '确认注销' }).click();
  await expect(page.getByText(`已注销「${agency}」的备案，3 名经纪人已解除执业`)).toBeVisible();
  await expect(drawer.getByText('已注销', { exact: true }).first()).toBeVisible();
  await expect(drawer).toContainText('机构申请注销，营业执照已注销');
  await expect(drawer.getByRole('button', { name: '注销备案' })).toHaveCount(0);
  await drawer.getByRole('tab', { name: '证书' }).click();
  await expect(drawer.locator('tr.ant-table-row').filter({ hasText: '备案证明' })).toContainText('已失效');
  await drawer.locator('.ant-drawer-close').click();

  await expect(row).toContainText('已注销');
  await pick(page, page, '登记状态', '已注销');
  await page.getByLabel('关键字').fill('');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(agency);

  // 经纪人名录: a broker's practice qualification checked and found wanting is suspended.
  await menu(page, '企业管理', '经纪人名录');
  await page.getByLabel('姓名').fill('何秀英');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().getByText('何秀英').click();
  const broker = page.getByRole('dialog', { name: '经纪人 何秀英' });
  const qualification = broker.locator('tr.ant-table-row').filter({ hasText: '执业资格' });
  await expect(qualification).toContainText('有效');
  await qualification.getByRole('button', { name: '检查' }).click();
  const check = page.getByRole('dialog', { name: /^检查执业资格/ });
  await check.getByRole('radio', { name: '不合格（暂停资格）' }).check();
  await expect(check.getByText('检查不合格的从业资格将被暂停。')).toBeVisible();
  await check.getByLabel('检查意见').fill('年度继续教育学时不足');
  await check.getByRole('button', { name: '确认不合格' }).click();
  await expect(page.getByText(/检查完成，现为「暂停（检查不合格）」/)).toBeVisible();
  await expect(qualification).toContainText('暂停（检查不合格）');
  expect(consoleErrors).toEqual([]);
});

test('a new developer files its first qualification from 本企业信息; 初审 corrects the form (审核人员修正)', async ({ page, request }) => {
  test.setTimeout(300_000);
  const consoleErrors = watchConsole(page);

  // Set-up through the API: a regulator records the enterprise, the administrators open its
  // account, and its registration is approved by 初审, 复审 and 终审.
  const suffix = String(Date.now() % 100000).padStart(5, '0');
  const name = `珠海横琴测试${suffix}置业有限公司`;
  const uscc = newUscc();
  const username = `dev${suffix}`;
  const password = 'Kaifa#2026new';
  const r1 = await apiSignIn(request, 'reviewer1');
  const created = await request.post('/api/enterprises', { headers: r1, data: { kind: 'developer', name, uscc, legalRep: '陈测试', address: '珠海市横琴粤澳深度合作区环岛东路1号' } });
  expect(created.status(), await created.text()).toBe(201);
  const orgId = (await created.json()).id as number;
  const sys = await apiSignIn(request, 'sysadmin');
  const user = await request.post('/api/admin/users', { headers: sys, data: { username, displayName: '开发企业经办 测试', orgId, initialPassword: DEMO_PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);
  const sec = await apiSignIn(request, 'secadmin');
  const roles = await request.put(`/api/admin/users/${(await user.json()).id}/roles`, { headers: sec, data: { roles: ['developer_staff'] } });
  expect(roles.ok(), await roles.text()).toBe(true);
  await loginBudget(2);
  const first = await (await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } })).json();
  expect(first.next).toBe('change_password');
  const changed = await (await request.post('/api/auth/password/initial', { data: { challenge: first.challenge, newPassword: password } })).json();
  expect(changed.next).toBe('done');
  const dev = { Authorization: `Bearer ${changed.tokens.accessToken}` };

  const upload = async (auth: Auth, label: string) => {
    const res = await request.post('/api/files', { headers: auth, multipart: { file: { name: `${label}.pdf`, mimeType: 'application/pdf', buffer: pdf(label) } } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).id as string;
  };
  const registration = {
    name, uscc, legalRep: '陈测试', address: '珠海市横琴粤澳深度合作区环岛东路1号', registeredCapitalFen: 5_000_000_000, establishedOn: '2019-06-18',
    businessScope: '房地产开发经营', contact: { name: '林联系', phone: '13800000009' }, personnel: [{ name: '陈测试', position: '总经理' }], achievements: [],
  };
  const draft = await (await request.post('/api/applications', { headers: dev, data: { type: 'developer_registration', form: registration, attachments: [] } })).json();
  const attachments = [{ key: 'business_licence', fileId: await upload(dev, '营业执照') }, { key: 'legal_rep_id', fileId: await upload(dev, '法定代表人身份证明') }];
  const saved = await request.put(`/api/applications/${draft.id}/form`, { headers: dev, data: { form: registration, attachments, lockVersion: draft.lockVersion } });
  expect(saved.ok(), await saved.text()).toBe(true);
  expect((await saved.json()).missing).toEqual([]);
  let app = await (await request.post(`/api/applications/${draft.id}/actions`, { headers: dev, data: { action: 'submit', lockVersion: (await saved.json()).lockVersion } })).json();
  const r2 = await apiSignIn(request, 'reviewer2');
  const r3 = await apiSignIn(request, 'reviewer3');
  for (const auth of [r1, r2, r3]) {
    const res = await request.post(`/api/applications/${draft.id}/actions`, { headers: auth, data: { action: 'approve', opinion: '同意注册', lockVersion: app.lockVersion } });
    expect(res.ok(), await res.text()).toBe(true);
    app = await res.json();
  }
  expect(app.status).toBe('approved');

  // The developer: 本企业信息 says registered, without a qualification, and offers its first application.
  await browserSignInWith(page, username, password);
  await menu(page, '企业管理', '本企业信息');
  await expect(page).toHaveURL(/#\/enterprises\/mine$/);
  await expect(page.getByRole('heading', { name: '本企业信息' })).toBeVisible();
  await expect(page.getByText(uscc, { exact: true })).toBeVisible();
  await expect(page.locator('.ant-tag').filter({ hasText: '已注册' }).first()).toBeVisible();
  await expect(page.getByText('本企业尚无资质证书')).toBeVisible();
  await expect(page.getByRole('list', { name: '计分说明' })).toContainText('基础分：持有有效的开发资质证书 未满足，0');
  await expect(page.getByRole('cell', { name: '房地产开发企业注册' })).toBeVisible(); // 办理记录
  await page.getByRole('button', { name: '办理资质首次申报' }).click();
  await expect(page).toHaveURL(/#\/applications\/\d+$/);
  const appId = Number(/applications\/(\d+)$/.exec(page.url())![1]);
  await expect(page.getByRole('heading', { name: '开发企业资质首次申报（未选等级）' })).toBeVisible();

  // The form, with what the grade still lacks shown as it is filled.
  await pick(page, page, '申报资质等级', '二级资质');
  await page.getByLabel('从事房地产开发经营年限').fill('6');
  await page.getByLabel('近3年累计竣工面积').fill('52000');
  await page.getByLabel('上一年施工面积').fill('18000');
  await page.getByLabel('有职称的专业管理人员').fill('6');
  await page.getByLabel('其中中级以上职称人员').fill('2');
  await page.getByLabel('专职会计人员').fill('1');
  await page.getByRole('radio', { name: '全部合格', exact: true }).check();
  await expect(page.getByText('二级资质须专职会计人员不少于2人（申报1人）')).toBeVisible();
  await page.getByLabel('专职会计人员').fill('2');
  await expect(page.getByText('满足二级资质的申报条件')).toBeVisible();
  await page.getByRole('button', { name: '增加业务负责人' }).click();
  await page.getByLabel('业务负责人1姓名').fill('黄工程');
  await page.getByLabel('业务负责人1职务').fill('工程技术负责人');
  for (const key of ['business_licence', 'staff_certificates', 'achievements']) {
    const row = page.locator(`[data-attachment-key="${key}"]`);
    await row.locator('input[type=file]').setInputFiles({ name: `${key}.pdf`, mimeType: 'application/pdf', buffer: pdf(key) });
    await expect(row.getByText('已上传', { exact: true })).toBeVisible();
  }
  await expect(page.getByRole('status').filter({ hasText: '自动保存' })).toHaveText(/已自动保存 \d{2}:\d{2}:\d{2}$/);
  await expect(page.getByText('申请材料已齐全，满足提交条件')).toBeVisible();
  await page.getByRole('button', { name: '提交申请' }).click();
  await confirmDialog(page, '确认提交申请？', '提交申请');
  await expect(page.locator('.ant-tag').filter({ hasText: '已提交，待初审' })).toBeVisible();
  const appNo = ((await page.getByText(/受理编号 ZZ\d+/).textContent()) ?? '').match(/ZZ\d+/)![0];

  // Back on 本企业信息 it is in progress, and the button continues it instead of starting another.
  await menu(page, '企业管理', '本企业信息');
  const inProgress = page.locator('.ant-table').filter({ hasText: '办理中的申请' });
  await expect(inProgress.locator('tr.ant-table-row')).toHaveCount(1);
  await expect(inProgress.locator('tr.ant-table-row')).toContainText('已提交，待初审');
  await expect(page.getByRole('button', { name: '继续资质首次申报' })).toBeVisible();
  await signOut(page);

  // 初审 corrects the number of accountants on the form and says why.
  await browserSignIn(page, 'reviewer1', true);
  await page.getByRole('menuitem', { name: '申请与审核' }).click();
  await rows(page).filter({ hasText: appNo }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: '开发企业资质首次申报（二级）' })).toBeVisible();
  await expect(page.getByLabel('专职会计人员')).toBeDisabled();
  await page.getByRole('button', { name: '审核人员修正' }).click();
  await expect(page.getByText('修正中，提交修正后生效')).toBeVisible();
  await expect(page.getByLabel('专职会计人员')).toBeEnabled();
  await page.getByLabel('专职会计人员').fill('3');
  await page.getByLabel('修正原因').fill('专职会计人员按社保缴纳记录核定为3人');
  await page.getByRole('button', { name: '提交修正' }).click();
  await confirmDialog(page, '确认提交修正？', '审核人员修正');
  await expect(page.locator('.ant-timeline')).toContainText('专职会计人员按社保缴纳记录核定为3人');
  await expect(page.getByText('修正中，提交修正后生效')).toHaveCount(0);
  await expect(page.getByLabel('专职会计人员')).toBeDisabled();
  await expect(page.getByLabel('专职会计人员')).toHaveValue('3');
  // Still at 初审, now with the corrected form as the version on record.
  await expect(page.locator('.ant-tag').filter({ hasText: '已提交，待初审' })).toBeVisible();
  const corrected = await (await request.get(`/api/applications/${appId}`, { headers: r1 })).json();
  expect(corrected.form.staff).toEqual({ professional: 6, midLevel: 2, accountants: 3 });
  expect(corrected.actions.map((a: { action: string }) => a.action)).toEqual(['submit', 'correct']);
  expect(consoleErrors).toEqual([]);
});

/** The new developer's account: password only (enterprise staff have no second factor). */
async function browserSignInWith(page: Page, username: string, password: string) {
  await loginBudget(1);
  await page.goto('/admin/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}
