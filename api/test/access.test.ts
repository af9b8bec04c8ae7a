import { User } from '../src/platform/models';
import { Project } from '../src/modules/realestate/models';
import { HouseOwner } from '../src/modules/property/models';
import { AuditLog } from '../src/platform/models';
import { startTestApi, type TestApi } from './harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('data scopes', () => {
  test('developer staff see only their own enterprise and its projects', async () => {
    const dev1 = await api.login('dev1');
    const dev2 = await api.login('dev2');
    const me1 = (await api.call('GET', '/api/me', { token: dev1.accessToken })).body;
    const me2 = (await api.call('GET', '/api/me', { token: dev2.accessToken })).body;
    expect(me1.org.id).not.toBe(me2.org.id);

    expect((await api.call('GET', `/api/orgs/${me1.org.id}`, { token: dev1.accessToken })).status).toBe(200);
    const denied = await api.call('GET', `/api/orgs/${me1.org.id}`, { token: dev2.accessToken });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('DATA_SCOPE_DENIED');

    // A project of enterprise 1, seen by enterprise 2: refused, and the refusal is audited.
    const project = await Project.create({
      developer_org_id: me1.org.id, name: '权限测试项目', filed_name: null, marketing_name: null, parcel_code: null,
      address: '横琴', district: '横琴新家园片区', lng: null, lat: null, land_area: null, planned_floor_area: null,
    });
    expect((await api.call('GET', `/api/projects/${project.id}`, { token: dev1.accessToken })).status).toBe(200);
    const r = await api.call('GET', `/api/projects/${project.id}`, { token: dev2.accessToken });
    expect(r.status).toBe(403);
    const audit = await AuditLog.findOne({ where: { action: 'access.denied', request_id: r.body.requestId } });
    expect(audit?.result).toBe('denied');

    const list2 = (await api.call('GET', '/api/projects?pageSize=200', { token: dev2.accessToken })).body;
    expect(list2.items.every((p: { developerOrgId: number }) => p.developerOrgId === me2.org.id)).toBe(true);
    expect(list2.items.some((p: { id: number }) => p.id === project.id)).toBe(false);

    // A regulator sees both.
    const reviewer = await api.login('reviewer1');
    expect((await api.call('GET', `/api/projects/${project.id}`, { token: reviewer.accessToken })).status).toBe(200);
    const all = (await api.call('GET', '/api/projects?pageSize=200', { token: reviewer.accessToken })).body;
    expect(all.total).toBeGreaterThan(list2.total);
  });

  test('an owner sees only their own houses', async () => {
    const a = await api.wechatLogin('o_demo_owner_a');
    const b = await api.wechatLogin('o_demo_owner_b');
    const housesA = (await api.call('GET', '/api/my/houses', { token: a.accessToken })).body;
    const housesB = (await api.call('GET', '/api/my/houses', { token: b.accessToken })).body;
    expect(housesA).toHaveLength(1);
    expect(housesB).toHaveLength(1);
    expect(housesA[0].roomId).not.toBe(housesB[0].roomId);

    expect((await api.call('GET', `/api/my/houses/${housesA[0].roomId}`, { token: a.accessToken })).status).toBe(200);
    const cross = await api.call('GET', `/api/my/houses/${housesA[0].roomId}`, { token: b.accessToken });
    expect(cross.status).toBe(403);
    expect(cross.body.code).toBe('DATA_SCOPE_DENIED');
    expect(await HouseOwner.count({ where: { user_id: b.user.id, room_id: housesA[0].roomId } })).toBe(0);
  });

  test('roles gate routes: an owner cannot read the audit log, a system administrator cannot either', async () => {
    const owner = await api.wechatLogin('o_demo_owner_a');
    expect((await api.call('GET', '/api/audit', { token: owner.accessToken })).body.code).toBe('ROLE_DENIED');
    const sys = await api.login('sysadmin');
    expect((await api.call('GET', '/api/audit', { token: sys.accessToken })).status).toBe(403);
    expect((await api.call('GET', '/api/audit')).status).toBe(401);
  });

  test('inspectors log in through WeChat; reviewers and administrators cannot', async () => {
    const c = await api.call('POST', '/sim/wechat/dev-code', { body: { openid: 'o_demo_inspector_a' } });
    const r = await api.call('POST', '/api/auth/wechat/login', { body: { code: c.body.code } });
    expect(r.status).toBe(200);
    expect(r.body.user.roles).toEqual(['inspector']);

    await User.update({ wechat_openid: 'o_reviewer_phone' }, { where: { username: 'reviewer2' } });
    const c2 = await api.call('POST', '/sim/wechat/dev-code', { body: { openid: 'o_reviewer_phone' } });
    const r2 = await api.call('POST', '/api/auth/wechat/login', { body: { code: c2.body.code } });
    expect(r2.status).toBe(403);
    expect(r2.body.code).toBe('PRIVILEGED_REQUIRES_TOTP');
  });
});
