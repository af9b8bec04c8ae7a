// Shared by the browser tests: the admin sign-in (with the regulators' TOTP), sign-out, and waiting
// for Taro H5 pages to come to rest.
import { createHmac } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 6238: HMAC-SHA1 over the 30-second step counter, dynamic truncation, 6 digits. */
export function totp(secret: string, at = Date.now()): string {
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

/** The seeded regulators' authenticator secret (api/src/seed/demo.ts). */
export const DEMO_TOTP_SECRET = 'HENGQINDEMOTOTPSECRETKEYAAAAAAAA';
export const DEMO_PASSWORD = 'Hengqin@2026';

/** Signs in to the admin web through its login page; regulators then give the code from their authenticator. */
export async function signIn(page: Page, username: string, withTotp: boolean) {
  await page.goto('/admin/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  if (withTotp) {
    await expect(page.getByText('请打开身份验证器App，输入当前显示的6位动态码。')).toBeVisible();
    const msLeft = 30_000 - (Date.now() % 30_000);
    if (msLeft < 4_000) await page.waitForTimeout(msLeft + 250);
    await page.getByLabel('动态验证码').fill(totp(DEMO_TOTP_SECRET));
    await page.getByRole('button', { name: '确定', exact: true }).click();
  }
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '退出' }).click();
  await expect(page.getByLabel('用户名')).toBeVisible();
}

/** Taro H5 slides pages in (~300 ms): wait until every page has come to rest. */
export async function stationed(page: Page) {
  await page.waitForFunction(() => {
    const pages = [...document.querySelectorAll('.taro_page')];
    return pages.length > 0 && pages.every((p) => p.classList.contains('taro_page_stationed'));
  });
}

/** Taro renders buttons as <taro-button-core>; its inner text does not take clicks, the button does. */
export const taroButton = (page: Page, text: string | RegExp) => page.locator('taro-button-core').filter({ hasText: text });

/** H5: 我的 → 登录 → one of the WeChat simulator's personas (by its label) → back on 我的 with that name; then that role's area when named. */
export async function signInPersona(page: Page, label: string, name: string, area?: string) {
  await page.goto('/h5/');
  await stationed(page);
  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
  await stationed(page);
  await taroButton(page, /^登录$/).click();
  await stationed(page);
  await taroButton(page, label).click();
  await expect(page.locator('.mine__profile')).toContainText(name);
  if (area) {
    await page.locator('.mine__area').filter({ hasText: area }).click();
    await stationed(page);
  }
}

// ---------- sign-ins within the server's limits ----------
// A TOTP code is accepted once per person per 30-second step, and the API takes at most 20
// sign-in requests a minute from one address: both are respected here, not raced. The state is
// per worker, so it holds across spec files.

export const STEP_MS = 30_000;
export const stepNow = () => Math.floor(Date.now() / STEP_MS);
/** Each person's last TOTP step used. */
export const lastStep = new Map<string, number>();
const loginHits: number[] = [];

/** Waits until `n` more sign-in requests stay within 18 in any minute (the limit is 20). */
export async function loginBudget(n: number) {
  for (;;) {
    const now = Date.now();
    while (loginHits.length && now - loginHits[0] > 61_000) loginHits.shift();
    if (loginHits.length + n <= 18) break;
    await new Promise((r) => setTimeout(r, 61_000 - (now - loginHits[0]) + 100));
  }
  for (let i = 0; i < n; i++) loginHits.push(Date.now());
}

/** A person's next code must come from a later step than their last one. */
export async function freshStep(username: string) {
  const last = lastStep.get(username);
  if (last === undefined) return;
  const wait = (last + 1) * STEP_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 300));
}

/** signIn, paced by the limits above. */
export async function browserSignIn(page: Page, username: string, withTotp: boolean) {
  if (withTotp) await freshStep(username);
  await loginBudget(withTotp ? 2 : 1);
  await signIn(page, username, withTotp);
  if (withTotp) lastStep.set(username, stepNow());
}

/**
 * A valid 居民身份证 number (GB 11643 check character), different on every run. `birth` is the
 * region and birth year (10 digits, e.g. 4404021988) so that each spec draws from its own range.
 */
export function residentId(birth: string): string {
  const seq = String(100 + Math.floor(Math.random() * 900));
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const first17 = `${birth}0${Math.floor(1 + Math.random() * 9)}${day}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
