// Patrol tasks (PM-029/030/079/130) through the API: planned by the property company for the
// communities it serves (regulators anywhere), seen by its own side, completed on site with
// camera photos, overdue when still open after the due date, with the issues found on them.
import { addDays, shanghaiDate } from '@hq/common';
import { Org, User } from '../src/platform/models';
import { Community } from '../src/modules/property/models';
import { PatrolTask } from '../src/modules/tickets/models';
import { startTestApi, type TestApi } from './harness';
import { person, project, type Person } from './property-helpers';
import { photo, requestId, upload } from './tickets-helpers';

let api: TestApi;
const tokens: Record<string, string> = {};
let mine: Community;
let theirs: Community;
let otherStaff: Person;
beforeAll(async () => {
  api = await startTestApi();
  for (const u of ['reviewer1', 'property1', 'street1']) tokens[u] = (await api.login(u)).accessToken;
  tokens.staff = (await api.wechatLogin('o_demo_staff_a')).accessToken;
  tokens.owner = (await api.wechatLogin('o_demo_owner_a')).accessToken;
  mine = (await Community.findOne({ where: { property_org_id: (await Org.findOne({ where: { name: '横琴华发物业服务有限公司' } }))!.id }, order: [['id', 'ASC']] }))!;
  const pco2 = (await Org.findOne({ where: { name: '珠海万科物业服务横琴分公司' } }))!;
  const { project: p } = await project('测试巡查花园', 1, 1);
  theirs = (await Community.findByPk((await api.call('POST', '/api/communities', {
    token: tokens.reviewer1, body: { projectId: p.id, propertyOrgId: pco2.id, streetOrgId: null },
  })).body.id))!;
  otherStaff = await person(api, '万科物业 许杰', { roles: ['property_staff'], orgId: pco2.id, realNamed: false });
  tokens.otherStaff = otherStaff.token;
});
afterAll(() => api.close());

const as = (who: string, method: string, p: string, body?: unknown) => api.call(method, p, { token: tokens[who], body });
const task = (communityId: number, over: Record<string, unknown> = {}) => ({
  communityId, title: '公共区域安全巡查', checklist: ['消防通道', '电梯', '地下车库'], dueDate: addDays(shanghaiDate(), 3), ...over,
});

describe('planning patrols', () => {
  test('the company plans for the communities it serves; regulators anywhere; nobody for a past date', async () => {
    const staff = (await User.findOne({ where: { wechat_openid: 'o_demo_staff_a' } }))!;
    const r = await as('property1', 'POST', '/api/patrol-tasks', task(mine.id, { assigneeUserId: staff.id }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      communityId: mine.id, orgName: '横琴华发物业服务有限公司', status: 'open', overdue: false, assigneeName: '潘子轩',
      checklist: ['消防通道', '电梯', '地下车库'], issues: 0, openIssues: 0,
    });
    expect((await as('property1', 'POST', '/api/patrol-tasks', task(theirs.id))).body.code).toBe('DATA_SCOPE_DENIED');
    const byRegulator = await as('reviewer1', 'POST', '/api/patrol-tasks', task(theirs.id));
    expect(byRegulator.body).toMatchObject({ status: 'open', orgId: theirs.property_org_id });
    const past = await as('property1', 'POST', '/api/patrol-tasks', task(mine.id, { dueDate: addDays(shanghaiDate(), -1) }));
    expect(past.body.details).toEqual([expect.objectContaining({ field: 'dueDate' })]);
    // The assignee must work for the community's company.
    const wrong = await as('property1', 'POST', '/api/patrol-tasks', task(mine.id, { assigneeUserId: otherStaff.user.id }));
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'assigneeUserId' })]);
    expect((await as('owner', 'POST', '/api/patrol-tasks', task(mine.id))).status).toBe(403);
  });

  test('each side sees its own tasks; overdue = open after the due date (Asia/Shanghai)', async () => {
    const today = shanghaiDate();
    const late = await PatrolTask.create({
      community_id: mine.id, org_id: mine.property_org_id, title: '逾期的巡查', checklist: '[]', due_date: addDays(today, -1),
      assignee_user_id: null, status: 'open', created_by: null,
    });
    const dueToday = await PatrolTask.create({
      community_id: mine.id, org_id: mine.property_org_id, title: '今天到期的巡查', checklist: '[]', due_date: today, assignee_user_id: null, status: 'open', created_by: null,
    });
    const ids = async (who: string, q = '') => (await as(who, 'GET', `/api/patrol-tasks?pageSize=200${q}`)).body.items.map((x: { id: number }) => x.id) as number[];
    const overdue = (await as('property1', 'GET', '/api/patrol-tasks?state=overdue&pageSize=200')).body.items as { id: number; overdue: boolean; dueDate: string }[];
    expect(overdue.map((x) => x.id)).toContain(late.id);
    expect(overdue.map((x) => x.id)).not.toContain(dueToday.id);
    expect(overdue.every((x) => x.overdue && x.dueDate < today)).toBe(true);
    expect((await as('property1', 'GET', `/api/patrol-tasks/${dueToday.id}`)).body.overdue).toBe(false);
    expect((await as('property1', 'GET', `/api/patrol-tasks/${late.id}`)).body.overdue).toBe(true);

    const theirTasks = (await PatrolTask.findAll({ where: { community_id: theirs.id } })).map((x) => x.id);
    expect(theirTasks.length).toBeGreaterThan(0);
    expect(await ids('property1')).not.toEqual(expect.arrayContaining(theirTasks));
    expect(await ids('otherStaff')).toEqual(theirTasks);
    expect(await ids('reviewer1')).toEqual(expect.arrayContaining([late.id, ...theirTasks]));
    // The street office supervises the seeded communities, not the one made here without a street.
    expect(await ids('street1')).toContain(late.id);
    expect(await ids('street1')).not.toEqual(expect.arrayContaining(theirTasks));
    expect((await as('otherStaff', 'GET', `/api/patrol-tasks/${late.id}`)).body.code).toBe('PATROL_TASK_NOT_FOUND');
    expect((await as('owner', 'GET', '/api/patrol-tasks')).status).toBe(403);
  });
});

describe('doing patrols', () => {
  test('completed on site with camera photos, once; issues found on the way are counted', async () => {
    const t = (await as('property1', 'POST', '/api/patrol-tasks', task(mine.id))).body;
    // An issue found on this patrol (a patrol ticket pointing at the task).
    const issuePhoto = await upload(api, tokens.staff, await photo());
    const issue = await as('staff', 'POST', '/api/tickets', {
      kind: 'patrol', communityId: mine.id, category: 'fire_exit', description: '3栋消防通道堆放杂物', patrolTaskId: t.id,
      photos: [{ fileId: issuePhoto, fromCamera: true }], clientRequestId: requestId(),
    });
    expect(issue.status).toBe(201);
    expect((await as('property1', 'GET', `/api/patrol-tasks/${t.id}`)).body).toMatchObject({ issues: 1, openIssues: 1 });
    // The ticket list filtered by the task finds that issue and nothing else.
    const found = await as('property1', 'GET', `/api/tickets?patrolTaskId=${t.id}`);
    expect(found.body).toMatchObject({ total: 1, items: [{ id: issue.body.id }] });
    expect((await as('property1', 'GET', '/api/tickets?patrolTaskId=0')).status).toBe(400);

    const fileId = await upload(api, tokens.staff, await photo());
    const album = await as('staff', 'POST', `/api/patrol-tasks/${t.id}/complete`, { note: '巡查完毕，发现1处问题已上报', photos: [{ fileId, fromCamera: false }] });
    expect(album.body.details).toEqual([expect.objectContaining({ field: 'photos', message: expect.stringContaining('相机') })]);
    expect((await as('staff', 'POST', `/api/patrol-tasks/${t.id}/complete`, { note: '巡查完毕', photos: [] })).status).toBe(400);
    expect((await as('otherStaff', 'POST', `/api/patrol-tasks/${t.id}/complete`, { note: '巡查完毕', photos: [{ fileId, fromCamera: true }] })).status).toBe(404);
    expect((await as('reviewer1', 'POST', `/api/patrol-tasks/${t.id}/complete`, { note: '巡查完毕', photos: [{ fileId, fromCamera: true }] })).status).toBe(403);

    const done = await as('staff', 'POST', `/api/patrol-tasks/${t.id}/complete`, { note: '巡查完毕，发现1处问题已上报', photos: [{ fileId, fromCamera: true }] });
    expect(done.body).toMatchObject({ status: 'done', overdue: false, doneNote: '巡查完毕，发现1处问题已上报', doneAt: expect.any(String), issues: 1 });
    expect((await PatrolTask.findByPk(t.id))!.done_photo_ids).toBe(fileId);
    const twice = await as('staff', 'POST', `/api/patrol-tasks/${t.id}/complete`, { note: '再次提交', photos: [{ fileId, fromCamera: true }] });
    expect(twice).toMatchObject({ status: 409, body: { code: 'PATROL_TASK_DONE' } });
    const doneList = (await as('property1', 'GET', '/api/patrol-tasks?state=done&pageSize=200')).body.items.map((x: { id: number }) => x.id);
    expect(doneList).toContain(t.id);
    expect((await as('property1', 'GET', '/api/patrol-tasks?state=open&pageSize=200')).body.items.map((x: { id: number }) => x.id)).not.toContain(t.id);
  });
});
