// 经纪人备案 end to end: the seeded WeChat broker 郭家豪 is already filed, so his agency first releases
// him (离职解除, through the API as its staff would in the admin web); then, on the H5 mini-program, he
// registers again with his agency, uploads the documents from the phone and applies; the industry
// association (association1) approves from 待办 in the admin web, reading the form there; and the
// public 备案中介查询 finds him filed (name masked) with the agency's name.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, signIn, stationed, taroButton, signInPersona, residentId } from './helpers';

/** A real 1×1 PNG: the API identifies uploads by content. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** The same picture with a different trailer, so each document is its own file (the API stores identical content once). */
const photo = (label: string) => Buffer.concat([PNG, Buffer.from(label)]);

async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const r = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(r.status()).toBe(200);
  const body = (await r.json()) as { next: string; tokens: { accessToken: string } };
  expect(body.next).toBe('done');
  return body.tokens.accessToken;
}

test('a broker applies for 经纪人备案 in the mini-program, the association approves in the admin web, the public finds him filed', async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // His agency releases him (he left and comes back): his old filing stops standing.
  const agencyToken = await apiToken(request, 'agency1');
  const auth = { Authorization: `Bearer ${agencyToken}` };
  const listed = (await (await request.get(`/api/brokers?keyword=${encodeURIComponent('郭家豪')}`, { headers: auth })).json()) as {
    items: { id: number; status: string; linkedUser: boolean; agency: { name: string } | null; filing: { certNo: string } | null }[];
  };
  const filed = listed.items.find((b) => b.linkedUser && b.status === 'active');
  expect(filed).toBeTruthy();
  const agencyName = filed!.agency!.name;
  const oldCertNo = filed!.filing!.certNo;
  const released = await request.post(`/api/brokers/${filed!.id}/release`, { headers: auth, data: { reason: '劳动合同到期离职' } });
  expect(released.status()).toBe(200);

  // The broker signs in on the phone and opens 经纪人/中介 → 经纪人备案.
  await signInPersona(page, '经纪人 郭家豪（演示）', '郭家豪', '经纪人/中介');
  await page.locator('.service-grid__tile').filter({ hasText: '经纪人备案' }).click();
  await stationed(page);

  const record = page.locator('.broker-card').filter({ hasText: '我的备案信息' });
  await expect(record).toContainText('已解除执业');
  const register = page.locator('.broker-form').filter({ hasText: '经纪人登记' });
  await expect(register).toContainText(`登记至「${agencyName}」`);
  await register.locator('.broker-field').filter({ hasText: '居民身份证号' }).locator('input').fill(residentId('4404021988'));
  await register.locator('.broker-field').filter({ hasText: '手机号' }).locator('input').fill('13712345678');
  await taroButton(page, '提交登记').click();

  // Registered (待备案): the filing form, documents chosen on the phone and uploaded at once.
  const form = page.locator('.broker-form').filter({ hasText: '经纪人备案申请' });
  await expect(form).toBeVisible();
  await expect(page.locator('.broker-card').filter({ hasText: '我的备案信息' })).toContainText('待备案');
  for (const label of ['身份证件复印件', '近期免冠照片', '劳动合同或聘用证明']) {
    const doc = form.locator('.broker-doc').filter({ hasText: label });
    const chooser = page.waitForEvent('filechooser');
    await doc.locator('.broker-doc__btn').first().click();
    await (await chooser).setFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: photo(label) });
    await expect(doc).toContainText(`已上传：${label}.png`);
  }
  // Submitting without the optional 职业资格证书 is fine; the progress card takes over.
  await taroButton(page, '提交申请').click();
  const progress = page.locator('.broker-card').filter({ hasText: '办理进度' });
  await expect(progress).toContainText('待行业协会审核');
  const firstNo = ((await progress.locator('.broker-row').filter({ hasText: '申请编号' }).textContent()) ?? '').match(/[A-Z]+\d+/)?.[0];

  // He withdraws it (after confirming) and applies again: the withdrawn one never reaches 待办.
  await taroButton(page, '撤回申请').click();
  await expect(page.locator('.taro-modal__content')).toContainText('确定撤回吗');
  await page.locator('.taro-modal__foot').getByText('撤回', { exact: true }).click();
  await expect(form).toBeVisible();
  await expect(progress).toHaveCount(0);
  for (const label of ['身份证件复印件', '近期免冠照片', '劳动合同或聘用证明']) {
    const doc = form.locator('.broker-doc').filter({ hasText: label });
    const chooser = page.waitForEvent('filechooser');
    await doc.locator('.broker-doc__btn').first().click();
    await (await chooser).setFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: photo(label) });
    await expect(doc).toContainText(`已上传：${label}.png`);
  }
  await taroButton(page, '提交申请').click();
  await expect(progress).toContainText('待行业协会审核');
  await expect(progress).toContainText('行业协会审核');
  const appNo = ((await progress.locator('.broker-row').filter({ hasText: '申请编号' }).textContent()) ?? '').match(/[A-Z]+\d+/)?.[0];
  expect(appNo).toBeTruthy();

  // The association approves from 待办 in the admin web, reading the broker's form there.
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: test.info().project.use.baseURL });
  const admin = await desk.newPage();
  await signIn(admin, 'association1', false);
  await admin.getByRole('menuitem', { name: '申请与审核' }).click();
  await expect(admin.getByRole('tab', { name: '待办', selected: true })).toBeVisible();
  expect(appNo).not.toBe(firstNo);
  await expect(admin.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: firstNo! })).toHaveCount(0);
  const row = admin.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: appNo! });
  await row.getByRole('link').click();
  await expect(admin.getByText('入职日期', { exact: true })).toBeVisible();
  await expect(admin.locator('.broker-facts')).toContainText(agencyName);
  await expect(admin.getByText(/暂不支持在网页上填写/)).toHaveCount(0);
  await admin.getByLabel('审核意见').fill('材料齐全，同意备案');
  await admin.getByRole('button', { name: '审核通过' }).click();
  await admin.getByRole('dialog').filter({ hasText: '审核意见' }).getByRole('button', { name: '审核通过' }).click();
  await expect(admin.locator('.ant-tag').filter({ hasText: '已通过' })).toBeVisible();
  await desk.close();

  // Back on the phone: filed, with the new 经纪人备案证明.
  await page.reload();
  await stationed(page);
  await expect(page.locator('.broker-card').filter({ hasText: '我的备案信息' })).toContainText('已备案');
  await expect(page.locator('.broker-card').filter({ hasText: '我的备案信息' })).toContainText('经纪人备案证明');
  // Its QR check (type=certificate) says valid; the certificate from before the release does not.
  await page.locator('.broker-row--link').filter({ hasText: '经纪人备案证明' }).click();
  await stationed(page);
  const verdict = page.locator('.verify__verdict');
  await expect(verdict.getByText('证书有效', { exact: true })).toBeVisible();
  await expect(page.locator('.verify')).toContainText(agencyName);
  await expect(page.locator('.verify')).toContainText('郭**');
  await page.goto(`/h5/#/subpackages/public/pages/verify/index?type=certificate&no=${encodeURIComponent(oldCertNo)}`);
  await stationed(page);
  await expect(verdict.getByText('证书已失效', { exact: true })).toBeVisible();
  await expect(verdict).toContainText('劳动合同到期离职');
  await expect(verdict).toHaveClass(/verify__verdict--bad/);

  // The public finds him among the filed brokers, name masked, with the agency.
  await page.goto('/h5/#/subpackages/public/pages/agencies/index?tab=broker');
  await stationed(page);
  await page.locator('.agencies .search-bar input').fill('郭家豪');
  await page.locator('.agencies .search-bar__go').click();
  const hit = page.locator('.agencies__broker').filter({ hasText: '已备案' }).filter({ hasText: agencyName });
  await expect(hit.first()).toBeVisible();
  await expect(hit.first()).toContainText('郭**');
  await expect(page.locator('.agencies__broker').filter({ hasText: '郭家豪' })).toHaveCount(0);
  await hit.first().click();
  await stationed(page);
  await expect(page.locator('.org-page')).toContainText(agencyName);
  await expect(page.locator('.org-page')).toContainText('信用等级');
  expect(pageErrors).toEqual([]);
});
