// The H5 build of the mini-program as a phone user meets it: the home page, then 我的 → 登录 →
// one of the WeChat simulator's personas, and back on 我的 the person's name, role and masked phone;
// then 实名认证 through the 广东省统一身份认证 simulator, back to 我的 as the verified person.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/** Taro H5 slides pages in (~300 ms): wait until every page has come to rest. */
async function stationed(page: Page) {
  await page.waitForFunction(() => {
    const pages = [...document.querySelectorAll('.taro_page')];
    return pages.length > 0 && pages.every((p) => p.classList.contains('taro_page_stationed'));
  });
}

/** Taro renders buttons as <taro-button-core>; its inner text does not take clicks, the button does. */
const button = (page: Page, text: string | RegExp) => page.locator('taro-button-core').filter({ hasText: text });

test('an owner signs in through the WeChat simulator and sees their profile on 我的', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto('/h5/');
  await stationed(page);
  await expect(page.getByText('横琴房产与物业服务', { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(page.getByText('楼盘查询', { exact: true })).toBeVisible();

  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
  await stationed(page);
  await expect(page.getByText('您尚未登录')).toBeVisible();

  await button(page, /^登录$/).click();
  await stationed(page);
  await expect(page.getByText('开发环境登录（微信模拟器）')).toBeVisible();
  await button(page, '业主 张三（演示）').click();

  // Back on 我的, now signed in.
  const profile = page.locator('.mine__profile');
  await expect(profile).toBeVisible();
  await stationed(page);
  await expect(profile).toContainText('张三');
  await expect(profile.getByText('购房人/业主', { exact: true })).toBeVisible();
  await expect(profile).toContainText(/1\d{2}\*{4}\d{4}/);
  // The owner's own service area is offered; areas of roles they do not hold are not.
  await expect(page.locator('.mine__area').filter({ hasText: '业主服务' })).toBeVisible();
  await expect(page.locator('.mine__area').filter({ hasText: '经纪人/中介' })).toHaveCount(0);

  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'miniapp-mine.png') });
  expect(pageErrors).toEqual([]);
});

test('a signed-in member of the public completes 实名认证 through 广东省统一身份认证', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const exchanges: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/auth/gdid/exchange')) exchanges.push(r.postData() ?? '');
  });

  const personas = await (await page.request.get('/sim/wechat/personas')).json();
  const persona = (personas as { openid: string; label: string }[]).find((p) => p.openid === 'o_demo_public_a');
  expect(persona?.label).toBe('公众 邓咏诗（演示）');

  await page.goto('/h5/');
  await stationed(page);
  await page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true }).click();
  await stationed(page);
  await button(page, /^登录$/).click();
  await stationed(page);
  await button(page, persona!.label).click();

  const profile = page.locator('.mine__profile');
  await expect(profile).toContainText('邓咏诗');
  await stationed(page);
  await expect(profile.getByText('未实名', { exact: true })).toBeVisible();
  const entry = page.locator('.mine__realname');
  await expect(entry).toContainText('实名认证（广东省统一身份认证）');

  await entry.click();
  await page.waitForURL(/\/sim\/gdid\/authorize\?/);
  await expect(page.getByText('广东省统一身份认证平台（本地模拟）')).toBeVisible();
  await page.getByRole('button', { name: /^陈六/ }).click();

  // The provider returns through the API to 我的 with a one-time ticket, which the page redeems
  // and takes out of the address bar.
  await page.waitForURL(/\/h5\/#\/pages\/mine\/index/);
  await expect(page.getByText('实名认证成功')).toBeVisible();
  await expect(profile).toContainText('陈六');
  await expect(profile.getByText('已实名', { exact: true })).toBeVisible();
  await expect(profile).not.toContainText('邓咏诗');
  await expect(entry).toHaveCount(0);
  await expect(page).not.toHaveURL(/gdid_ticket/);
  await expect(page.getByText('实名认证成功')).toBeHidden();
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'miniapp-realname.png') });

  // A reload neither replays the spent ticket nor loses the verified state: once the page has
  // fetched the profile again, still the one exchange.
  const profileFetched = page.waitForResponse((r) => r.url().endsWith('/api/me'));
  await page.reload();
  await profileFetched;
  await stationed(page);
  await expect(profile).toContainText('陈六');
  await expect(profile.getByText('已实名', { exact: true })).toBeVisible();
  await expect(page.getByText('认证票据无效或已使用，请重新认证')).toHaveCount(0);
  expect(exchanges).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});
