// The admin web as people meet it: a new audit administrator's first login (new password, TOTP
// enrolment, the audit log and its hash-chain check), and a developer's survey import.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 6238: HMAC-SHA1 over the 30-second step counter, dynamic truncation, 6 digits. */
function totp(secret: string, at = Date.now()): string {
  let bits = '';
  for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) {
    const v = BASE32.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

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
