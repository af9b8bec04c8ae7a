// The admin web as people meet it: a new audit administrator's first login (new password, TOTP
// enrolment, the audit log and its hash-chain check), a developer's survey import, and a presale
// permit from the developer's draft through 初审/复审/终审 to the number on the public pages.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn, signOut, stationed, totp } from './helpers';

test('totp matches the RFC 6238 SHA-1 test vector', () => {
  // Secret "12345678901234567890" in base32; at T=59 s the 8-digit code is 94287082.
  expect(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
});

test('new audit administrator: first login, TOTP enrolment, audit log and chain check', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  await page.goto('/admin/');
  await expect(page).toHaveURL(/#\/login$/);
  await expect(page.getByRole('heading', { name: '横琴房地产与物业监管平台' })).toBeVisible();

  // Step 1: the seeded initial password.
  await page.getByLabel('用户名').fill('newauditor');
  await page.getByLabel('密码', { exact: true }).fill('Hengqin@2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();

  // Step 2: first login must replace the initial password.
  await expect(page.getByText('首次登录，请将初始密码修改为只有您知道的新密码。')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Audit#2026new');
  await page.getByLabel('确认新密码').fill('Audit#2026new');
  await page.getByRole('button', { name: '确定', exact: true }).click();

  // Step 3: TOTP enrolment with the QR code and the secret for manual entry.
  await expect(page.getByText('使用身份验证器App扫描二维码后输入6位动态码')).toBeVisible();
  await expect(page.getByRole('img', { name: '身份验证器绑定二维码' })).toBeVisible();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  // Do not submit a code in the last seconds of its 30-second window.
  const msLeft = 30_000 - (Date.now() % 30_000);
  if (msLeft < 4_000) await page.waitForTimeout(msLeft + 250);
  await page.getByLabel('动态验证码').fill(totp(secret));
  await page.getByRole('button', { name: '确定', exact: true }).click();

  // Signed in: the layout shows who this is and the audit administrator's menu.
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('审计管理员')).toBeVisible();
  const auditItem = page.getByRole('menuitem', { name: '审计日志' });
  await expect(auditItem).toBeVisible();
  await auditItem.click();
  await expect(page).toHaveURL(/#\/audit$/);

  // The login just made is in the log.
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ has: page.getByText('auth.login', { exact: true }) }).first()).toBeVisible();

  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText(/^审计链完整，共校验 \d+ 条$/)).toBeVisible();

  await page.screenshot({
    path: path.join(test.info().project.testDir, 'artifacts', 'admin-audit.png'),
    fullPage: true,
  });
  expect(consoleErrors).toEqual([]);
});

test('developer staff imports a survey workbook and sees the new rooms in the building table', async ({ page, request }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  // The workbook: the API's own template, its example rows replaced by a new building whose
  // 不动产单元号 start with this project's 宗地代码 (the import refuses any other).
  const login = await request.post('/api/auth/login', { data: { username: 'dev1', password: 'Hengqin@2026' } });
  expect(login.ok()).toBe(true);
  const auth = { Authorization: `Bearer ${(await login.json()).tokens.accessToken}` };
  const projects = await (await request.get('/api/projects', { headers: auth })).json();
  const project = projects.items[0] as { id: number; name: string };
  const detail = await (await request.get(`/api/projects/${project.id}`, { headers: auth })).json();
  const parcelCode = detail.parcelCode as string;
  expect(parcelCode).toMatch(/^[0-9A-Z]{19}$/);

  const template = await request.get('/api/survey/template.xlsx', { headers: auth });
  expect(template.ok()).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await template.body()) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('测绘数据')!;
  const code = String(9000 + Math.floor(Math.random() * 1000)); // 4-digit building part, unused by the seed
  const buildingNo = `E2E${code}栋`;
  const rooms: string[] = [];
  // Our rows overwrite the template's example rows (rows 2–4) and continue below them.
  for (const floor of [1, 2, 3]) {
    for (const n of [1, 2]) {
      const roomNo = `${floor}0${n}`;
      rooms.push(roomNo);
      const values = [
        buildingNo, `E2E-${code}`, '钢筋混凝土', '住宅', 3, 0, '1单元', floor, roomNo,
        `${parcelCode}F${code}${String(floor).padStart(2, '0')}0${n}`, '住宅', null, 89.37, 72.15, 17.22, 3.0, '是',
      ];
      const row = sheet.getRow(rooms.length + 1);
      values.forEach((v, i) => {
        row.getCell(i + 1).value = v;
      });
    }
  }
  const file = path.join(test.info().outputDir, `survey-${code}.xlsx`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);

  // Sign in as the developer's staff (no second factor for enterprise staff).
  await page.goto('/admin/');
  await page.getByLabel('用户名').fill('dev1');
  await page.getByLabel('密码', { exact: true }).fill('Hengqin@2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('menuitem', { name: '项目与楼盘表' }).click();
  await expect(page).toHaveURL(/#\/realestate\/projects$/);
  // Only their own enterprise's projects, and no button to create one.
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(projects.total);
  await expect(page.getByRole('button', { name: '新建项目' })).toHaveCount(0);
  await page.getByRole('link', { name: project.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: project.name })).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑基本信息' })).toHaveCount(0);

  // 测绘导入: file, the default all-or-nothing mode, a confirmation, then the progress and counts.
  await page.getByRole('tab', { name: '测绘导入' }).click();
  await expect(page.getByRole('radio', { name: /全部正确才导入/ })).toBeChecked();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '开始导入', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '开始导入' }).click();
  const result = page.locator('.ant-card').filter({ hasText: /^导入 #\d+/ });
  await expect(result.getByText('已完成', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(result.getByText(`已处理 ${rooms.length} / ${rooms.length} 行`)).toBeVisible();
  const stat = (title: string) => result.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');
  await expect(stat('新建楼栋')).toHaveText('1');
  await expect(stat('新建房屋')).toHaveText(String(rooms.length));
  await expect(stat('错误')).toHaveText('0');
  // The import is listed among the project's past imports.
  const history = page.locator('.ant-table').filter({ hasText: '导入方式' });
  await expect(history.locator('tr.ant-table-row').first()).toContainText('已完成');

  // 楼盘表: the new building's floors, highest first, every imported room in the grid.
  await page.getByRole('tab', { name: '楼盘表' }).click();
  const picker = page.getByLabel('选择单体');
  await picker.fill(buildingNo);
  await expect(page.locator('.ant-select-item-option')).toHaveCount(1);
  await picker.press('Enter');
  const grid = page.getByRole('grid', { name: `${buildingNo}楼盘表` });
  await expect(grid.getByRole('gridcell')).toHaveCount(rooms.length);
  await expect(grid.getByRole('rowheader').first()).toHaveText('3层');
  for (const roomNo of rooms) await expect(grid.getByRole('gridcell', { name: new RegExp(`^${roomNo} `) })).toBeVisible();

  // A room's drawer: its 不动产单元号 and the bus record of the import that created it.
  await grid.getByRole('gridcell', { name: /^301 / }).click();
  const drawer = page.getByRole('dialog', { name: `房屋 ${buildingNo} 301` });
  await expect(drawer.getByText(`${parcelCode}F${code}0301`)).toBeVisible();
  await expect(drawer.getByRole('cell', { name: '预售测绘导入' })).toBeVisible();
  // Developer staff read the history but cannot change the table.
  await expect(drawer.getByRole('button', { name: '提交变更' })).toHaveCount(0);

  await page.screenshot({ path: path.join(test.info().project.testDir, 'artifacts', 'admin-survey-import.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
});

/** Opens an antd Select by its label and picks the option with this text. */
async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

/** A small, real PDF (its content names the attachment, so each is a different file). */
function pdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n` +
      `trailer<</Root 1 0 R>>\n% ${title}\n%%EOF\n`,
  );
}

interface TableRoom { id: number; roomNo: string; status: string; flags: string[] }

test('a presale permit: the developer drafts, uploads and submits; 初审, 复审 and 终审 approve; the number is public', async ({ page, request }) => {
  test.setTimeout(240_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  // The developer's project and a building with rooms still 不可售 (and not seized): the scope of the permit.
  const login = await request.post('/api/auth/login', { data: { username: 'dev1', password: 'Hengqin@2026' } });
  const auth = { Authorization: `Bearer ${(await login.json()).tokens.accessToken}` };
  const project = ((await (await request.get('/api/projects', { headers: auth })).json()).items as { id: number; name: string }[])[0];
  const detail = (await (await request.get(`/api/projects/${project.id}`, { headers: auth })).json()) as {
    buildings: { id: number; buildingNo: string }[]; landCertNo: string;
  };
  let building: { id: number; buildingNo: string } | undefined;
  let rooms: TableRoom[] = [];
  for (const b of detail.buildings) {
    const table = (await (await request.get(`/api/buildings/${b.id}/table`, { headers: auth })).json()) as { floors: { rooms: TableRoom[] }[] };
    rooms = table.floors.flatMap((f) => f.rooms).filter((r) => r.status === 'unsellable' && !r.flags.includes('seized')).slice(0, 2);
    if (rooms.length === 2) {
      building = b;
      break;
    }
  }
  expect(building, 'a building of dev1 with two rooms still 不可售').toBeTruthy();
  const types = (await (await request.get('/api/applications/types', { headers: auth })).json()) as {
    key: string; attachments: { key: string; label: string; required: boolean }[];
  }[];
  const required = types.find((t) => t.key === 'presale_permit')!.attachments.filter((a) => a.required);
  expect(required.length).toBeGreaterThanOrEqual(5);

  // The developer: 申请与审核 shows their enterprise's tabs, not the reviewers'.
  await signIn(page, 'dev1', false);
  await page.getByRole('menuitem', { name: '申请与审核' }).click();
  await expect(page).toHaveURL(/#\/applications$/);
  await expect(page.getByRole('tab', { name: '本单位申请' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '草稿箱' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '待办' })).toHaveCount(0);

  await page.getByRole('button', { name: '新建申请' }).first().click();
  const create = page.getByRole('dialog', { name: '新建申请' });
  await create.getByRole('radio', { name: /^商品房预售许可：/ }).check();
  await create.getByRole('button', { name: '创建并填写' }).click();
  await expect(page).toHaveURL(/#\/applications\/\d+$/);
  const appId = Number(/applications\/(\d+)$/.exec(page.url())![1]);
  await expect(page.getByRole('heading', { name: '商品房预售许可申请（未选择项目）' })).toBeVisible();
  // A new draft lists everything still missing at once.
  const missing = page.getByRole('region', { name: '尚未满足的提交条件' });
  await expect(missing).toContainText('缺少附件：营业执照');
  expect(await missing.locator('li').count()).toBeGreaterThanOrEqual(required.length);

  // The form: project, buildings, rooms picked on the building table, and the rest.
  await pick(page, '项目', project.name);
  // The project's registered land certificate fills the condition in.
  await expect(page.getByLabel('土地使用权证号')).toHaveValue(detail.landCertNo);
  await pick(page, '预售楼栋', building!.buildingNo);
  await page.keyboard.press('Escape');
  const grid = page.getByRole('grid', { name: `${building!.buildingNo}楼盘表` });
  for (const r of rooms) {
    const cell = grid.getByRole('gridcell', { name: new RegExp(`^${r.roomNo} 不可售`) });
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await expect(cell).toHaveAttribute('aria-selected', 'true');
  }
  await expect(page.getByText(`已选 ${rooms.length} 套`)).toBeVisible();

  const people: [string, string, string][] = [['销售总监', '陈销售', '13800000001'], ['财务总监', '林财务', '13800000002'], ['项目经理', '黄经理', '13800000003']];
  for (const [role, name, phone] of people) {
    await page.getByLabel(`${role}姓名`).fill(name);
    await page.getByLabel(`${role}手机号`).fill(phone);
  }
  await fillDate(page, '开工日期', '2025-03-01');
  await fillDate(page, '交付日期', '2027-12-31');
  await pick(page, '监管银行', '中国银行横琴粤澳深度合作区分行');
  await page.getByLabel('监管账户账号').fill('44050164000900001234');
  await page.getByLabel('监管账户户名').fill('珠海横琴金融岛置业有限公司预售资金监管户');
  await page.getByLabel('开发资质证书编号').fill('粤建房开字第4404001号');
  await fillDate(page, '资质有效期至', '2028-12-31');
  await page.getByLabel('土地使用权出让金已全部缴清').click();
  await page.getByRole('button', { name: '增加层高' }).click();
  await page.getByLabel('套数', { exact: true }).fill(String(rooms.length));

  // The attachments, each with its upload.
  for (const a of required) {
    const row = page.locator(`[data-attachment-key="${a.key}"]`);
    await row.locator('input[type=file]').setInputFiles({ name: `${a.key}.pdf`, mimeType: 'application/pdf', buffer: pdf(a.label) });
    await expect(row.getByText('已上传', { exact: true })).toBeVisible();
    await expect(row).toContainText(`${a.key}.pdf`);
  }

  // Autosaved, and nothing stops submission any more.
  await expect(page.getByRole('status').filter({ hasText: '自动保存' })).toHaveText(/已自动保存 \d{2}:\d{2}:\d{2}$/);
  await expect(page.getByText('申请材料已齐全，满足提交条件')).toBeVisible();
  await expect(page.getByRole('heading', { name: `${project.name} 商品房预售许可申请` })).toBeVisible();
  const saved = (await (await request.get(`/api/applications/${appId}`, { headers: auth })).json()) as { form: { roomIds: number[] }; missing: string[] };
  expect(saved.form.roomIds).toEqual(rooms.map((r) => r.id).sort((a, b) => a - b));
  expect(saved.missing).toEqual([]);

  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByRole('dialog', { name: '确认提交申请？' }).getByRole('button', { name: '提交申请' }).click();
  await expect(page.locator('.ant-tag').filter({ hasText: '已提交，待初审' })).toBeVisible();
  const appNo = ((await page.getByText(/受理编号 YS\d{10}/).textContent()) ?? '').match(/YS\d{10}/)![0];
  // Submitted: the form is the reviewers' now.
  await expect(page.getByLabel('监管账户账号')).toBeDisabled();
  await signOut(page);

  // 初审, 复审, 终审: each finds it in 待办, reads it and approves.
  const steps: [string, string, string][] = [['reviewer1', '初审', '审核中：复审'], ['reviewer2', '复审', '审核中：终审'], ['reviewer3', '终审', '已通过']];
  for (const [username, step, after] of steps) {
    await signIn(page, username, true);
    await page.getByRole('menuitem', { name: '申请与审核' }).click();
    await expect(page.getByRole('tab', { name: '待办', selected: true })).toBeVisible();
    await expect(page.getByRole('tab', { name: '本单位申请' })).toHaveCount(0);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: appNo });
    await expect(row).toContainText(new RegExp(`(已提交，待|审核中：)${step}`));
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: `${project.name} 商品房预售许可申请` })).toBeVisible();
    // Reviewers read the form; they cannot change it.
    await expect(page.getByLabel('监管账户账号')).toBeDisabled();
    await expect(page.getByLabel('监管账户账号')).toHaveValue('44050164000900001234');
    await page.getByLabel('审核意见').fill(`${step}：材料齐全，同意`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('dialog').filter({ hasText: '审核意见' }).getByRole('button', { name: '审核通过' }).click();
    await expect(page.locator('.ant-tag').filter({ hasText: after })).toBeVisible();
    await expect(page.locator('.ant-timeline')).toContainText(`${step}：材料齐全，同意`);
    if (username !== 'reviewer3') await signOut(page);
  }

  // Approved: the permit number is on the application page, and its certificate prints.
  const permitNo = ((await page.getByTestId('permit-no').textContent()) ?? '').trim();
  expect(permitNo).toMatch(/^横琴房预许字（\d{4}）第\d{5}号$/);
  const [certificate] = await Promise.all([
    page.waitForResponse((r) => /\/api\/permits\/\d+\/certificate\.pdf$/.test(r.url())),
    page.getByRole('button', { name: '打印证书' }).click(),
  ]);
  expect(certificate.status()).toBe(200);
  expect(certificate.headers()['content-type']).toBe('application/pdf');
  await page.screenshot({ path: path.join(test.info().project.testDir, 'artifacts', 'admin-permit-approved.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);

  // The public: the project page of the H5 portal lists the new permit, and its verification says valid.
  await expect(async () => {
    await page.goto(`/h5/#/subpackages/public/pages/project/index?id=${project.id}`);
    await stationed(page);
    await expect(page.locator('.project__permit-no').filter({ hasText: permitNo })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  await page.goto(`/h5/#/subpackages/public/pages/verify/index?no=${encodeURIComponent(permitNo)}`);
  await stationed(page);
  const verdict = page.locator('.verify__verdict');
  await expect(verdict.getByText('证书有效', { exact: true })).toBeVisible();
  await expect(verdict).toContainText(permitNo);
  await expect(page.getByText(project.name, { exact: true })).toBeVisible();
});
