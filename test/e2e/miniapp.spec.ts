// The H5 build of the mini-program as a phone user meets it: the home page, then 我的 → 登录 →
// one of the WeChat simulator's personas, and back on 我的 the person's name, role and masked phone;
// then 实名认证 through the 广东省统一身份认证 simulator, back to 我的 as the verified person.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { stationed, taroButton } from './helpers';

const button = taroButton;

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

interface ProjectHit { id: number; name: string; marketingName: string | null }
interface TableReply {
  building: { buildingNo: string };
  floors: { floor: number; rooms: { id: number; roomNo: string; buildArea: number; unitPrice: number | null; label: string }[] }[];
}

test('without signing in, a buyer searches a project from 首页, opens a building table and a room', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // The demo data comes from a seeded generator: take the first project the public API lists.
  const list = (await (await page.request.get('/api/public/projects?pageSize=1')).json()) as { items: ProjectHit[] };
  const project = list.items[0];
  expect(project).toBeTruthy();
  const detail = (await (await page.request.get(`/api/public/projects/${project.id}`)).json()) as { buildings: { id: number; buildingNo: string }[] };
  const building = detail.buildings[0];
  const table = (await (await page.request.get(`/api/public/buildings/${building.id}/table`)).json()) as TableReply;
  // A room with a filed price, so its detail shows one.
  const room = table.floors.flatMap((f) => f.rooms).find((r) => r.unitPrice != null)!;
  expect(room).toBeTruthy();

  await page.goto('/h5/');
  await stationed(page);
  await page.locator('.home__search input').fill(project.name);
  await page.locator('.home__search-go').click();
  await stationed(page);
  await expect(page).toHaveURL(/subpackages\/public\/pages\/projects\/index/);
  const card = page.locator('.project-card').filter({ hasText: project.marketingName ?? project.name });
  await expect(card).toBeVisible();
  await expect(card).toContainText(/可售 \d+ \/ 总 \d+ 套/);

  await card.click();
  await stationed(page);
  await expect(page.getByText('开发企业', { exact: true })).toBeVisible();
  await expect(page.getByText('销售情况', { exact: true })).toBeVisible();
  await page.locator('.project__building').filter({ hasText: building.buildingNo }).first().click();
  await stationed(page);

  // The building table: the legend from @hq/common and one cell per room, coloured by status.
  const legend = page.locator('.legend');
  await expect(legend).toContainText('可售');
  await expect(legend).toContainText('暂缓销售');
  const cell = page.locator(`.btable__room[data-room-no="${room.roomNo}"]`).first();
  await cell.scrollIntoViewIfNeeded();
  await cell.click();

  const sheet = page.locator('.room-detail');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('建筑面积', { exact: true })).toBeVisible();
  await expect(sheet).toContainText(`${(room.buildArea / 100).toFixed(2)} m²`);
  await expect(sheet.getByText('备案单价', { exact: true })).toBeVisible();
  await expect(sheet).toContainText(`${Math.round(room.unitPrice! / 100).toLocaleString('en-US')} 元/m²`);
  await expect(sheet).toContainText(room.label);
  await expect(sheet.getByText('状态变化记录', { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'miniapp-room.png') });
  expect(pageErrors).toEqual([]);
});

test('without signing in, a buyer reads 政策法规, checks a registered agency and opens 地图找房', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const policies = (await (await page.request.get('/api/public/contents?channel=policy&pageSize=1')).json()) as { items: { title: string }[] };
  const agencies = (await (await page.request.get('/api/public/agencies?pageSize=1')).json()) as { items: { name: string; registered: boolean }[] };

  await page.goto('/h5/');
  await stationed(page);
  await page.locator('.service-grid__tile').filter({ hasText: '政策法规' }).click();
  await stationed(page);
  if (policies.items.length) {
    await page.locator('.contents__item').filter({ hasText: policies.items[0].title }).click();
    await stationed(page);
    await expect(page.locator('.article__title')).toHaveText(policies.items[0].title);
    await expect(page.locator('.content-body')).not.toBeEmpty();
  } else {
    await expect(page.getByText('暂无政策法规')).toBeVisible();
  }

  await page.goto('/h5/#/subpackages/public/pages/agencies/index');
  await stationed(page);
  const agency = agencies.items[0];
  await page.locator('.agencies .search-bar input').fill(agency.name);
  await page.locator('.agencies .search-bar__go').click();
  const hit = page.locator('.agencies__item').filter({ hasText: agency.name });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText(agency.registered ? '已备案' : '未备案');

  await page.goto('/h5/#/subpackages/public/pages/map/index');
  await stationed(page);
  await expect(page.locator('.map-page__bar')).toContainText(/横琴全岛共 \d+ 个楼盘/);
  await expect(page.locator('.map-page__point, .map-page__cluster').first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('the QR code on a printed permit opens 证书核验: a real number is valid, a made-up one is not found', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // The first listed project's first permit, as its certificate's QR code would carry it.
  const list = (await (await page.request.get('/api/public/projects')).json()) as { items: ProjectHit[] };
  const project = list.items[0];
  expect(project).toBeTruthy();
  const detail = (await (await page.request.get(`/api/public/projects/${project.id}`)).json()) as {
    name: string;
    permits: { permitNo: string; status: string }[];
  };
  const permit = detail.permits[0];
  expect(permit).toBeTruthy();
  const verifyPage = (no: string) => `/h5/#/subpackages/public/pages/verify/index?no=${encodeURIComponent(no)}`;

  await page.goto(verifyPage(permit.permitNo));
  await stationed(page);
  const verdict = page.locator('.verify__verdict');
  await expect(verdict.getByText('证书有效', { exact: true })).toBeVisible();
  await expect(verdict).toHaveClass(/verify__verdict--ok/);
  await expect(verdict).toContainText(permit.permitNo);
  await expect(page.getByText(detail.name, { exact: true })).toBeVisible();
  await expect(page.getByText('统一社会信用代码', { exact: true })).toBeVisible();
  await expect(page.getByText(/当前状态/)).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'artifacts', 'miniapp-verify.png') });

  await page.goto(verifyPage('横琴房预许字（2026）第99999号'));
  await stationed(page);
  await expect(verdict.getByText('未查询到该证号', { exact: true })).toBeVisible();
  await expect(verdict).toContainText('请谨防伪造证件');
  await expect(verdict).toHaveClass(/verify__verdict--bad/);
  await expect(page.getByText('证书有效', { exact: true })).toHaveCount(0);
  await expect(page.getByText('统一社会信用代码', { exact: true })).toHaveCount(0);

  // The manual entry box checks another number in place.
  await page.locator('.verify__input input').fill(permit.permitNo);
  await page.locator('.verify__go').click();
  await expect(verdict.getByText('证书有效', { exact: true })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
