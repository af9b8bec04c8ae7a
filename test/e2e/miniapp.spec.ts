// The H5 build of the mini-program as a phone user meets it: the home page, then 我的 → 登录 →
// one of the WeChat simulator's personas, and back on 我的 the person's name, role and masked phone.
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
