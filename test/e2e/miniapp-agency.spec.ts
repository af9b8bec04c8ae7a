// 中介机构备案 end to end, for an agency admin on the phone: the seeded agency 横琴新启 is in the
// registry but not yet filed, and its admin is the WeChat persona 叶晓彤. On the H5 mini-program she
// registers a broker in 本机构经纪人 (a person already registered with another agency is refused,
// naming that agency), then in 机构信息 applies for 中介机构备案 with the broker, documents uploaded
// from the phone, and submits after confirming; the industry association (association1) approves
// it from 待办 in the admin web; back on the phone the agency shows 已备案 with its 备案证明 (which
// 证书核验 finds valid); she then applies for 经纪人备案 on her broker's behalf (代为申请备案) and
// releases another who left (解除执业, with a reason, after confirming); the public 备案中介查询
// finds the agency filed.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, browserSignIn, stationed, taroButton, signInPersona, residentId } from './helpers';

const AGENCY = '横琴新启房地产经纪有限公司';
const OTHER_AGENCY = '横琴安居房地产经纪有限公司'; // agency1's

/** A real 1×1 PNG with a distinct trailer per document (the API identifies uploads by content and stores identical content once). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const photo = (label: string) => Buffer.concat([PNG, Buffer.from(`${label}:${Date.now()}`)]);

async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const r = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(r.status()).toBe(200);
  return ((await r.json()) as { tokens: { accessToken: string } }).tokens.accessToken;
}

const field = (page: Page, scope: string, label: string) => page.locator(scope).locator('.broker-field, .form-field').filter({ has: page.getByText(label, { exact: true }) });

test('an agency admin files her agency in the mini-program, the association approves in the admin web, the public finds it filed', async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // Someone already registered (备案办理中) with another agency: agency1 registers them through the API.
  const taken = residentId('4404041990');
  const agency1 = { Authorization: `Bearer ${await apiToken(request, 'agency1')}` };
  expect((await request.post('/api/brokers', { headers: agency1, data: { name: '黄志明', idType: 'resident_id', idNumber: taken, phone: '13612345670' } })).status()).toBe(201);

  // Before: the public sees the agency as not filed.
  await page.goto('/h5/#/subpackages/public/pages/agencies/index');
  await stationed(page);
  await page.locator('.agencies .search-bar input').fill('新启');
  await page.locator('.agencies .search-bar__go').click();
  await expect(page.locator('.agencies__item').filter({ hasText: AGENCY })).toContainText('未备案');

  // 叶晓彤 signs in on the phone and opens 经纪人/中介 → 本机构经纪人.
  await signInPersona(page, '中介管理员 叶晓彤（演示）', '叶晓彤', '经纪人/中介');
  await page.locator('.service-grid__tile').filter({ hasText: '本机构经纪人' }).click();
  await stationed(page);
  await expect(page.getByText('本机构尚未登记经纪人')).toBeVisible();

  // 经纪人登记: the person practising with another agency is refused, and the message names it.
  await taroButton(page, '登记经纪人').click();
  const register = page.locator('.broker-form').filter({ hasText: '经纪人登记' });
  await expect(register).toContainText(`登记至「${AGENCY}」`);
  await field(page, '.broker-form', '姓名').locator('input').fill('黄志明');
  await field(page, '.broker-form', '手机号').locator('input').fill('13612345670');
  await field(page, '.broker-form', '居民身份证号').locator('input').fill('440404199001011231');
  await taroButton(page, '提交登记').click();
  await expect(register.locator('.broker-form__problem')).toContainText('校验位');
  await field(page, '.broker-form', '居民身份证号').locator('input').fill(taken);
  await taroButton(page, '提交登记').click();
  await expect(register.locator('.broker-form__problem')).toContainText(`已在「${OTHER_AGENCY}」`);
  // Someone new is registered (待备案) and listed.
  await field(page, '.broker-form', '姓名').locator('input').fill('何嘉怡');
  await field(page, '.broker-form', '居民身份证号').locator('input').fill(residentId('4404041990'));
  await field(page, '.broker-form', '手机号').locator('input').fill('13712345679');
  await taroButton(page, '提交登记').click();
  const listed = page.locator('.agency-broker').filter({ hasText: '何嘉怡' });
  await expect(listed).toContainText('待备案');
  await expect(listed).toContainText('代为申请备案');
  await expect(page.getByText('共 1 名经纪人')).toBeVisible();

  // 机构信息: not filed yet, so the application offered is 中介机构备案.
  await page.goBack();
  await stationed(page);
  await page.locator('.service-grid__tile').filter({ hasText: '机构信息' }).click();
  await stationed(page);
  const info = page.locator('.broker-card').filter({ hasText: '机构信息' }).first();
  await expect(info).toContainText(AGENCY);
  await expect(info).toContainText('未备案');
  await expect(info).toContainText('尚未备案');
  await taroButton(page, '办理中介机构备案').click();
  const form = page.locator('.agency-form');
  await expect(field(page, '.agency-form', '机构名称').locator('input')).toHaveValue(AGENCY);
  // The contract's own messages, per field, before anything is sent.
  await taroButton(page, '提交申请').click();
  await expect(field(page, '.agency-form', '联系人手机号')).toContainText('手机号码应为11位');
  await expect(form.locator('.form-field').filter({ hasText: '备案经纪人员' })).toContainText('请至少登记1名经纪人员');
  await expect(form.locator('.broker-form__problems')).toContainText('请上传营业执照');
  await field(page, '.agency-form', '联系人手机号').locator('input').fill('13926880521');
  await form.locator('.agency-brokers__item').filter({ hasText: '何嘉怡' }).click();
  await expect(form.locator('.agency-brokers__item--on')).toHaveCount(1);
  for (const label of ['营业执照', '中介机构备案申请表', '经营场所证明']) {
    const doc = form.locator('.broker-doc').filter({ hasText: label });
    const chooser = page.waitForEvent('filechooser');
    await doc.locator('.broker-doc__btn').first().click();
    await (await chooser).setFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: photo(label) });
    await expect(doc).toContainText(`已上传：${label}.png`);
  }
  await taroButton(page, '提交申请').click();
  await expect(page.locator('.taro-modal__content')).toContainText('确定提交「中介机构备案申请」吗');
  await page.locator('.taro-modal__foot').getByText('提交', { exact: true }).click();
  const progress = page.locator('.broker-card').filter({ hasText: '办理进度' });
  await expect(progress).toContainText('待行业协会审核');
  await expect(form).toHaveCount(0);
  const appNo = ((await progress.locator('.broker-row').filter({ hasText: '申请编号' }).textContent()) ?? '').match(/[A-Z]+\d+/)?.[0];
  expect(appNo).toMatch(/^ZJ/);

  // The association approves from 待办 in the admin web, reading the form there.
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: test.info().project.use.baseURL });
  const admin = await desk.newPage();
  await browserSignIn(admin, 'association1', false);
  await admin.getByRole('menuitem', { name: '申请与审核' }).click();
  await expect(admin.getByRole('tab', { name: '待办', selected: true })).toBeVisible();
  await admin.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: appNo! }).getByRole('link').click();
  await expect(admin.getByText(AGENCY).first()).toBeVisible();
  await expect(admin.getByText('经纪人员', { exact: true })).toBeVisible();
  await expect(admin.getByText(/暂不支持在网页上填写/)).toHaveCount(0);
  await admin.getByLabel('审核意见').fill('材料齐全，同意备案');
  await admin.getByRole('button', { name: '审核通过' }).click();
  await admin.getByRole('dialog').filter({ hasText: '审核意见' }).getByRole('button', { name: '审核通过' }).click();
  await expect(admin.locator('.ant-tag').filter({ hasText: '已通过' })).toBeVisible();
  await desk.close();

  // Back on the phone: 已备案 with the 备案证明, valid when checked; 备案变更 is what may follow.
  await page.reload();
  await stationed(page);
  await expect(info).toContainText('已备案');
  const cert = page.locator('.agency-card__filing');
  const certNo = ((await cert.locator('.broker-row__value').textContent()) ?? '').split('（')[0].trim();
  expect(certNo.length).toBeGreaterThan(4);
  await expect(cert).toContainText('有效');
  await expect(progress).toContainText('已通过');
  await expect(taroButton(page, '办理备案变更')).toBeVisible();
  await cert.click();
  await stationed(page);
  await expect(page.locator('.verify__verdict').getByText('证书有效', { exact: true })).toBeVisible();
  await expect(page.locator('.verify')).toContainText(AGENCY);
  await expect(page.locator('.verify')).toContainText(certNo);

  // Now filed, the agency applies for 经纪人备案 on its broker's behalf (代为申请备案) and releases one who left.
  await page.goto('/h5/#/subpackages/broker/pages/brokers/index');
  await stationed(page);
  const heJiayi = page.locator('.agency-broker').filter({ hasText: '何嘉怡' });
  await heJiayi.getByText('代为申请备案', { exact: true }).click();
  const filing = page.locator('.broker-form').filter({ hasText: '代为申请备案：何嘉怡' });
  await expect(filing).toBeVisible();
  await taroButton(page, '提交申请').click();
  await expect(filing.locator('.broker-form__problems')).toContainText('请上传身份证件复印件');
  for (const label of ['身份证件复印件', '近期免冠照片', '劳动合同或聘用证明']) {
    const doc = filing.locator('.broker-doc').filter({ hasText: label });
    const chooser = page.waitForEvent('filechooser');
    await doc.locator('.broker-doc__btn').first().click();
    await (await chooser).setFiles({ name: `${label}.png`, mimeType: 'image/png', buffer: photo(`何嘉怡 ${label}`) });
    await expect(doc).toContainText(`已上传：${label}.png`);
  }
  await taroButton(page, '提交申请').click();
  await expect(heJiayi).toContainText('备案审核中');
  await expect(heJiayi.getByText('代为申请备案', { exact: true })).toHaveCount(0);

  await taroButton(page, '登记经纪人').click();
  await field(page, '.broker-form', '姓名').locator('input').fill('苏文静');
  await field(page, '.broker-form', '居民身份证号').locator('input').fill(residentId('4404041990'));
  await field(page, '.broker-form', '手机号').locator('input').fill('13812345671');
  await taroButton(page, '提交登记').click();
  const suWenjing = page.locator('.agency-broker').filter({ hasText: '苏文静' });
  await expect(suWenjing).toContainText('待备案');
  await expect(page.getByText('共 2 名经纪人')).toBeVisible();
  await suWenjing.getByText('解除执业', { exact: true }).click();
  await suWenjing.getByText('确认解除', { exact: true }).click();
  await expect(suWenjing.locator('.broker-form__problem')).toBeVisible(); // a reason is required
  await suWenjing.locator('.agency-broker__release input').fill('试用期内离职');
  await suWenjing.getByText('确认解除', { exact: true }).click();
  await expect(page.locator('.taro-modal__content')).toContainText('确定解除吗');
  await page.locator('.taro-modal__foot').getByText('解除', { exact: true }).click();
  // Released, she no longer belongs to the agency (and may join another): off its list.
  await expect(suWenjing).toHaveCount(0);
  await expect(page.getByText('共 1 名经纪人')).toBeVisible();
  // The association's 经纪人名录 still knows her, as released and with no agency.
  const association = { Authorization: `Bearer ${await apiToken(request, 'association1')}` };
  const released = (await (await request.get(`/api/brokers?keyword=${encodeURIComponent('苏文静')}`, { headers: association })).json()) as {
    items: { status: string; agency: unknown }[];
  };
  expect(released.items).toEqual([expect.objectContaining({ status: 'released', agency: null })]);
  // The search finds by name.
  await page.locator('.agency-search__input input').fill('苏文静');
  await page.locator('.agency-search__go').click();
  await expect(page.getByText('没有符合条件的经纪人')).toBeVisible();
  await page.locator('.agency-search__input input').fill('何嘉怡');
  await page.locator('.agency-search__go').click();
  await expect(page.locator('.agency-broker')).toHaveCount(1);

  // The public 备案中介查询 finds it filed.
  await page.goto('/h5/#/subpackages/public/pages/agencies/index');
  await stationed(page);
  await page.locator('.agencies .search-bar input').fill('新启');
  await page.locator('.agencies .search-bar__go').click();
  await expect(page.locator('.agencies__item').filter({ hasText: AGENCY })).toContainText('已备案');
  expect(pageErrors).toEqual([]);
});
