// 智慧物业 in the admin web, as the regulator and the property company's back office meet it: 初审
// (reviewer1) registers a phone complaint (a wrong phone number first; a double click on 登记 still
// makes one ticket), accepts it and dispatches it to the community's property company; property1
// finds it in 报修投诉工单, starts it, tries to resolve it without a result (the field says what is
// missing), then resolves it with one; reviewer1 sees it counted on 监测预警 — the on-time rate with
// its parts — next to an overdue complaint that the deadline sweep has escalated to 主管部门.
//
// The overdue complaint: a deadline cannot pass within a test, so one is registered through the API
// and its dates are moved back in the e2e server's database (which serve.mjs publishes
// per port); then the sweep (POST /api/tickets/sweep) escalates it as it would at night.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import sqlite3 from 'sqlite3';
import {
  DEMO_PASSWORD, DEMO_TOTP_SECRET, STEP_MS, browserSignIn, freshStep, lastStep, loginBudget, signOut, stepNow, totp,
} from './helpers';

// Sign-ins are paced by helpers.ts (one TOTP code per person per step, 20 sign-ins a minute).
type Auth = { Authorization: string };

async function apiSignIn(request: APIRequestContext, username: string): Promise<Auth> {
  await loginBudget(1);
  const login = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok(), await login.text()).toBe(true);
  let body = await login.json();
  if (body.next === 'totp') {
    await freshStep(username);
    if (STEP_MS - (Date.now() % STEP_MS) < 3_000) await new Promise((r) => setTimeout(r, 3_500));
    await loginBudget(1);
    const step = stepNow();
    const verify = await request.post('/api/auth/totp/verify', { data: { challenge: body.challenge, code: totp(DEMO_TOTP_SECRET) } });
    expect(verify.ok(), await verify.text()).toBe(true);
    lastStep.set(username, step);
    body = await verify.json();
  }
  expect(body.next, JSON.stringify(body)).toBe('done');
  return { Authorization: `Bearer ${body.tokens.accessToken}` };
}

// Other test files sign the same regulators in: leave them a fresh step.
test.afterAll(async () => {
  const last = Math.max(-1, ...lastStep.values());
  const wait = (last + 1) * STEP_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 300));
});

// ---------- small helpers ----------

async function menu(page: Page, group: string, item: string) {
  const leaf = page.getByRole('menuitem', { name: item, exact: true });
  if (!(await leaf.isVisible())) await page.getByRole('menuitem', { name: group, exact: true }).click();
  await leaf.click();
}

/** Opens an antd Select by its label and picks the option with this text. */
async function pick(scope: Page | ReturnType<Page['getByRole']>, page: Page, label: string, option: string | RegExp) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Presses the button of a confirmation dialog (again, if a click lands while it is still zooming in). */
async function confirmDialog(page: Page, title: string, button: string) {
  const dialog = page.getByRole('dialog', { name: title });
  const ok = dialog.getByRole('button', { name: button, exact: true });
  await expect(async () => {
    if (await ok.isVisible()) await ok.click({ timeout: 2_000 });
    await expect(dialog).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}

/** YYYY-MM-DD in Asia/Shanghai, `days` from today. */
function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

/** The e2e server's database: serve.mjs publishes the fresh DATA_DIR it gave the API, per port. */
function e2eDatabase(): string {
  const port = process.env.E2E_PORT ?? '3100';
  const { database } = JSON.parse(fs.readFileSync(path.join(os.tmpdir(), `hq-e2e-${port}.json`), 'utf8')) as { database: string };
  if (!fs.existsSync(database)) throw new Error(`no e2e SQLite database at ${database}`);
  return database;
}

/** Moves a ticket's report date and deadline into the past, as if it had been waiting since then. */
async function backdate(ticketId: number, reportDate: string, dueDate: string) {
  const db = new sqlite3.Database(e2eDatabase());
  try {
    db.configure('busyTimeout', 10_000);
    await new Promise<void>((resolve, reject) =>
      db.run('UPDATE tickets SET report_date = ?, due_date = ?, warn_date = ? WHERE id = ?', [reportDate, dueDate, dueDate, ticketId], function (this: { changes: number }, err) {
        if (err) reject(err);
        else if (this.changes !== 1) reject(new Error(`ticket ${ticketId} not found`));
        else resolve();
      }),
    );
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const ticketStatus = (page: Page) => page.getByLabel('工单状态');

// ---------- the test ----------

/** The personas' community (api/src/seed/property.ts), served by property1's company. */
const COMPANY = '横琴华发物业服务有限公司';

test('reviewer1 registers a phone complaint and dispatches it; property1 starts and resolves it (not without a result); the monitoring page counts it beside an escalated overdue one', async ({ page, request }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const run = Date.now().toString(36);

  // ---- set-up: an overdue complaint against the same company, escalated by the sweep ----
  const reviewer2 = await apiSignIn(request, 'reviewer2');
  const communities = await (await request.get('/api/communities', { headers: reviewer2, params: { pageSize: 200 } })).json();
  const community = communities.items.find((c: { propertyOrgName: string | null }) => c.propertyOrgName === COMPANY);
  expect(community, 'a community served by 横琴华发物业').toBeTruthy();
  const late = await request.post('/api/tickets/register', {
    headers: reviewer2,
    data: {
      channel: 'counter', complainantName: '赵敏', complainantPhone: '13900139000', communityId: community.id, category: 'security',
      description: `地下车库出入口道闸损坏多日无人维修（${run}）`, target: 'property', attachments: [], clientRequestId: `e2e-late-${run}`,
    },
  });
  expect(late.status(), await late.text()).toBe(201);
  const lateTicket = await late.json();
  await backdate(lateTicket.id, shanghaiDay(-24), shanghaiDay(-20));
  const sys = await apiSignIn(request, 'sysadmin');
  const swept = await request.post('/api/tickets/sweep', { headers: sys });
  expect(swept.ok(), await swept.text()).toBe(true);
  expect((await swept.json()).escalated['3']).toBeGreaterThanOrEqual(1);

  // ---- reviewer1: 投诉登记 ----
  await browserSignIn(page, 'reviewer1', true);
  await menu(page, '智慧物业', '投诉登记');
  await expect(page).toHaveURL(/#\/property\/complaints\/new$/);
  const form = page.locator('form#complaintRegister');
  await form.getByLabel('投诉人姓名').fill('王小明');
  await form.getByLabel('投诉人手机号').fill('1380013');
  await form.getByLabel('投诉人姓名').click(); // leave the phone field: it is checked on blur
  await expect(form.getByText('投诉人手机号：手机号码应为11位，以13至19开头')).toBeVisible();
  await form.getByLabel('投诉人手机号').fill('13800138000');
  await pick(form, page, '所在小区', community.name);
  await expect(form.getByText(`物业服务企业：${COMPANY}`)).toBeVisible();
  await pick(form, page, '投诉类别', '物业服务质量');
  const description = `小区物业对业主报修电话长期不予回应（${run}）`;
  await form.getByLabel('投诉内容').fill(description);
  // A double click sends the same request twice: one ticket.
  await form.getByRole('button', { name: '登记', exact: true }).dblclick();
  await expect(page).toHaveURL(/#\/property\/tickets\/\d+$/);
  const ticketNo = ((await page.getByRole('heading', { level: 3, name: /^投诉 TS/ }).textContent()) ?? '').replace(/^投诉\s*/, '').trim();
  expect(ticketNo).toMatch(/^TS\d{10}$/);
  const reviewer2List = await (await request.get('/api/tickets', { headers: reviewer2, params: { q: run, kind: 'complaint' } })).json();
  expect(reviewer2List.items.filter((t: { descriptionPreview: string }) => t.descriptionPreview.includes('不予回应'))).toHaveLength(1);

  // Accept, then dispatch to the community's property company.
  await expect(ticketStatus(page)).toHaveText('已提交');
  await expect(page.getByText('电话｜投诉对象：物业主管部门')).toBeVisible();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await confirmDialog(page, '确认受理该投诉？', '受理');
  await expect(ticketStatus(page)).toHaveText('已受理');
  await page.getByRole('button', { name: '派单', exact: true }).click();
  const dispatch = page.getByRole('dialog', { name: `派单｜${ticketNo}` });
  await pick(dispatch, page, '派给', COMPANY);
  await dispatch.getByRole('button', { name: '派单', exact: true }).click();
  await confirmDialog(page, '确认派单？', '派单');
  await expect(dispatch).toBeHidden();
  await expect(ticketStatus(page)).toHaveText('已派单');
  await expect(page.locator('.ant-descriptions-row').filter({ hasText: '处理人/单位' })).toContainText(COMPANY);
  await signOut(page);

  // ---- property1: the company's back office ----
  await browserSignIn(page, 'property1', false);
  await menu(page, '智慧物业', '报修投诉工单');
  await page.getByLabel('关键字').fill(ticketNo);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('已派单');
  // The export is the same query, a workbook Excel reads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^报修投诉工单-\d{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('工单')!;
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).getCell(1).value).toBe(ticketNo);

  await rows(page).first().getByRole('link', { name: ticketNo }).click();
  await expect(ticketStatus(page)).toHaveText('已派单');
  // The handling side sees the complainant's number in full.
  await expect(page.locator('.ant-descriptions-row').filter({ hasText: '联系电话' })).toContainText('13800138000');
  await expect(page.getByRole('button', { name: '受理', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '开始处理', exact: true }).click();
  await confirmDialog(page, '确认开始处理？', '开始处理');
  await expect(ticketStatus(page)).toHaveText('处理中');

  await page.getByRole('button', { name: '办结', exact: true }).click();
  const resolve = page.getByRole('dialog', { name: `办结｜${ticketNo}` });
  await resolve.getByRole('button', { name: '办结', exact: true }).click();
  await expect(resolve.getByText('请填写处理结果')).toBeVisible();
  await expect(ticketStatus(page)).toHaveText('处理中');
  // The server holds the same line: no result, no resolution (its answer names the field).
  const property1 = await apiSignIn(request, 'property1');
  const detail = await (await request.get(`/api/tickets/${page.url().split('/').pop()}`, { headers: property1 })).json();
  const refused = await request.post(`/api/tickets/${detail.id}/actions`, { headers: property1, data: { action: 'resolve', version: detail.version } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).details).toEqual([{ field: 'note', message: '请填写处理结果（投诉办结须登记处理结果）' }]);

  const result = '已约谈项目经理，报修专线恢复24小时值守，并当面向业主致歉。';
  await resolve.getByLabel('处理结果').fill(result);
  await resolve.getByRole('button', { name: '办结', exact: true }).click();
  await confirmDialog(page, '确认办结该投诉？', '办结');
  await expect(resolve).toBeHidden();
  await expect(ticketStatus(page)).toHaveText('已办结');
  await expect(page.getByLabel('处理结果')).toHaveText(result);
  await expect(page.locator('.ant-timeline')).toContainText('办结');
  await signOut(page);

  // ---- reviewer1: 监测预警 ----
  await browserSignIn(page, 'reviewer1', true);
  await menu(page, '智慧物业', '监测预警');
  await expect(page).toHaveURL(/#\/property\/monitor$/);
  const figures = await (await request.get('/api/tickets/monitor', { headers: reviewer2 })).json();
  const { closed, closedOnTime, openOverdue } = figures.totals;
  expect(closedOnTime).toBeGreaterThanOrEqual(1);
  expect(openOverdue).toBeGreaterThanOrEqual(1);
  const rate = `${(Math.round((closedOnTime / (closed + openOverdue)) * 1000) / 10).toFixed(1)}%`;
  await expect(page.getByLabel('按时办结率计算')).toHaveText(`按时办结 ${closedOnTime} ÷（已办结 ${closed} + 超期未办结 ${openOverdue}）`);
  await expect(page.locator('.pm-rate-card .ant-statistic-content')).toHaveText(rate);

  const overdueCard = page.locator('.ant-card').filter({ has: page.getByText('超期工单与升级督办', { exact: true }) });
  const lateRow = overdueCard.locator('tr.ant-table-row').filter({ hasText: lateTicket.ticketNo });
  await expect(lateRow).toContainText('主管部门');
  await expect(lateRow).toContainText('20 天');
  await expect(lateRow).toContainText(community.name);

  const byOrg = page.locator('.ant-card').filter({ has: page.getByText('按物业服务企业', { exact: true }) });
  const orgRow = byOrg.locator('tr.ant-table-row').filter({ hasText: COMPANY });
  const companyFigures = figures.byOrg.find((r: { orgName: string }) => r.orgName === COMPANY);
  await expect(orgRow).toContainText(`${(Math.round(companyFigures.onTimeRate * 1000) / 10).toFixed(1)}%`);

  // The seeded patrol task three days late is on the same page.
  const patrols = page.locator('.ant-card').filter({ has: page.getByText('超期巡查任务', { exact: true }) });
  await expect(patrols.locator('tr.ant-table-row').filter({ hasText: '消防通道及消防设施月度巡查' })).toContainText('3 天');

  // From the overdue list to the ticket: escalated, and why.
  await lateRow.getByRole('link', { name: lateTicket.ticketNo }).click();
  await expect(page.getByText('已升级：主管部门')).toBeVisible();
  await expect(page.locator('.ant-timeline')).toContainText('超期升级');
  expect(pageErrors).toEqual([]);
});
