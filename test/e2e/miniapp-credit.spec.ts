// 信用备案 end to end (RE-164, RE-165, RE-168, RE-169): on the H5 mini-program the WeChat broker
// 郭家豪 opens 经纪人/中介 → 信用备案, sees his score, submits a record with a field missing (the
// contract's message shows on it), then a correct one with evidence uploaded from the phone; it is
// 待审核 in his list. The industry association (association1) approves it in the admin web; back on
// the phone it is counted and his score went up by the indicator's points.
import { expect, test } from '@playwright/test';
import { signIn, signInPersona, stationed, taroButton, residentId } from './helpers';

/** A real 1×1 PNG with a trailer of its own: the API identifies uploads by content and stores identical ones once. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const photo = (label: string) => Buffer.concat([PNG, Buffer.from(`${label}${Date.now()}`)]);

const scoreOf = async (text: Promise<string | null>) => Number(((await text) ?? '').match(/(\d+)分/)?.[1]);

test('a broker files a commendation in 信用备案, the association approves it, his score goes up', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const title = `获评年度诚信经纪人${Date.now() % 100000}`;

  await signInPersona(page, '经纪人 郭家豪（演示）', '郭家豪', '经纪人/中介');
  await page.locator('.service-grid__tile').filter({ hasText: '信用备案' }).click();
  await stationed(page);

  const scoreCard = page.locator('.credit-score');
  await expect(scoreCard).toContainText('当前信用');
  const before = await scoreOf(scoreCard.locator('.credit-score__value').textContent());
  expect(before).toBeGreaterThan(0);
  await expect(page.locator('.state-view--empty')).toContainText('暂无信用备案');

  // First try: nothing chosen, no title — the contract's messages on their fields, nothing sent.
  await taroButton(page, '新增信用备案').click();
  const form = page.locator('.credit-form');
  await expect(form).toContainText('新增信用备案');
  await taroButton(page, '提交备案').click();
  await expect(form.locator('.form-field').filter({ hasText: '信用指标' }).locator('.form-field__error')).toHaveText('请选择信用指标');
  await expect(form.locator('.form-field').filter({ hasText: '标题' }).locator('.form-field__error')).toHaveText('信用信息标题至少4个字');
  await expect(form.locator('.credit-form__evidence-error')).toContainText('证据材料至少需要1个文件');

  // Now correctly: the commendation (+3), title, basis, evidence uploaded from the phone.
  await form.locator('.form-choice__item').filter({ hasText: '获得行业协会表彰（+3分）' }).click();
  await form.locator('.credit-form__title input').fill(title);
  await form.locator('.form-field').filter({ hasText: '情况说明' }).locator('textarea').fill('在2026年度行业协会评选中获评诚信经纪人。');
  await form.locator('.form-choice__item').filter({ hasText: /^通报$/ }).click();
  await form.locator('.credit-form__number input').fill('琴经协〔2026〕12号');
  const doc = form.locator('.broker-doc').first();
  const chooser = page.waitForEvent('filechooser');
  await doc.locator('.broker-doc__btn').first().click();
  await (await chooser).setFiles({ name: '表彰通报.png', mimeType: 'image/png', buffer: photo('表彰通报') });
  await expect(doc).toContainText('已上传：表彰通报.png');
  await taroButton(page, '提交备案').click();
  await expect(page.locator('.taro-modal__content')).toContainText('获得行业协会表彰');
  await page.locator('.taro-modal__foot').getByText('提交', { exact: true }).click();
  await expect(form).toHaveCount(0);
  const item = page.locator('.credit-event').filter({ hasText: title });
  await expect(item).toContainText('待审核');
  await expect(item).toContainText('+3分');

  // Its detail: indicator, points, basis, status.
  await item.click();
  const detail = page.locator('.credit-detail');
  await expect(detail).toContainText('获得行业协会表彰');
  await expect(detail).toContainText('通报 琴经协〔2026〕12号');
  await expect(detail).toContainText('待审核');
  await taroButton(page, '返回列表').click();

  // The association approves it in the admin web.
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: test.info().project.use.baseURL });
  const admin = await desk.newPage();
  await signIn(admin, 'association1', false);
  await admin.goto('/admin/#/credit/events');
  await admin.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: title }).getByText(title).click();
  const drawer = admin.locator('.ant-drawer');
  await drawer.getByLabel('审核意见').fill('表彰属实，予以计入');
  await drawer.getByRole('button', { name: '审核通过' }).click();
  await admin.locator('.ant-modal-confirm, .ant-modal').filter({ hasText: '确认审核通过' }).getByRole('button', { name: '审核通过' }).click();
  await expect(admin.getByText('已审核通过，已计入信用')).toBeVisible();
  await desk.close();

  // Back on the phone: counted (已生效), in the score's explanation, score up by 3.
  await page.reload();
  await stationed(page);
  await expect(page.locator('.credit-event').filter({ hasText: title })).toContainText('已生效');
  await expect(scoreCard.locator('.credit-counted').filter({ hasText: '获得行业协会表彰' })).toContainText('+3分');
  expect(await scoreOf(scoreCard.locator('.credit-score__value').textContent())).toBe(Math.min(100, before + 3));
  await page.locator('.credit-event').filter({ hasText: title }).click();
  await expect(page.locator('.credit-detail')).toContainText('表彰属实，予以计入');
  expect(pageErrors).toEqual([]);
});

test('an agency admin files for 本机构 or one of its brokers, each with its own standard', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signInPersona(page, '中介管理员 叶晓彤（演示）', '叶晓彤', '经纪人/中介');
  await page.locator('.service-grid__tile').filter({ hasText: '信用备案' }).click();
  await stationed(page);
  const subjects = page.locator('.credit-subjects .form-choice__item');
  await expect(subjects.first()).toContainText('本机构：');

  // Her agency (横琴新启, not yet filed) may have no broker yet: she registers one in 本机构经纪人 first.
  if ((await subjects.filter({ hasText: '经纪人：' }).count()) === 0) {
    await page.goBack();
    await stationed(page);
    await page.locator('.service-grid__tile').filter({ hasText: '本机构经纪人' }).click();
    await stationed(page);
    await taroButton(page, '登记经纪人').click();
    const field = (label: string) => page.locator('.broker-form .broker-field, .broker-form .form-field').filter({ has: page.getByText(label, { exact: true }) });
    await field('姓名').locator('input').fill('何嘉怡');
    await field('居民身份证号').locator('input').fill(residentId('4404051991'));
    await field('手机号').locator('input').fill('13712345679');
    await taroButton(page, '提交登记').click();
    await expect(page.locator('.agency-broker').filter({ hasText: '何嘉怡' })).toContainText('待备案');
    await page.goBack();
    await stationed(page);
    await page.locator('.service-grid__tile').filter({ hasText: '信用备案' }).click();
    await stationed(page);
  }

  await expect(subjects.first()).toHaveClass(/form-choice__item--on/);
  await expect(page.locator('.credit-score')).toContainText('信用分');
  await taroButton(page, '新增信用备案').click();
  await expect(page.locator('.credit-form')).toContainText('信用主体：本机构：');
  await expect(page.locator('.credit-form .form-choice__item').filter({ hasText: /（[+-]\d+分）/ }).first()).toBeVisible();

  // A broker of the agency: the form closes, the broker's score and standard (经纪人 indicators) take over.
  await subjects.filter({ hasText: '经纪人：' }).first().click();
  await expect(page.locator('.credit-form')).toHaveCount(0);
  await expect(page.locator('.credit-score')).toContainText('信用分');
  await taroButton(page, '新增信用备案').click();
  await expect(page.locator('.credit-form')).toContainText('信用主体：经纪人：');
  await expect(page.locator('.credit-form .form-choice__item').filter({ hasText: '完成年度继续教育（+1分）' })).toBeVisible();
  await expect(page.locator('.credit-form .form-choice__item').filter({ hasText: '发布虚假房源信息（-5分）' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
