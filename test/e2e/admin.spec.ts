// The admin web as a new audit administrator meets it: first login with the initial password,
// a new password, TOTP enrolment, then the audit log and the hash-chain check.
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';

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
