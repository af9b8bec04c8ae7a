// Communities from the real-estate side, house verification against the registry simulator,
// household members and community notices, through the API as each side uses it.
import { Op } from 'sequelize';
import { AuditLog, Org, User } from '../src/platform/models';
import { Room } from '../src/modules/realestate/models';
import { Community, HouseMember, HouseOwner, HouseVerification } from '../src/modules/property/models';
import { DEMO_UNBOUND_CERT_NO } from '../src/seed/property';
import { HOUSE_VERIFY_MESSAGES } from '../src/modules/property/houses';
import { simIdentities } from '../src/integrations/gdid/simulator';
import { startTestApi, type TestApi } from './harness';
import { faults, person, project, title, type Person } from './property-helpers';

let api: TestApi;
const tokens: Record<string, string> = {};
let seeded: Community;
beforeAll(async () => {
  api = await startTestApi();
  for (const u of ['reviewer1', 'property1', 'street1', 'dev1']) tokens[u] = (await api.login(u)).accessToken;
  for (const [k, openid] of Object.entries({ zhang: 'o_demo_owner_a', li: 'o_demo_owner_b', wang: 'o_demo_committee_a', staff: 'o_demo_staff_a', public: 'o_demo_public_a' })) {
    tokens[k] = (await api.wechatLogin(openid)).accessToken;
  }
  seeded = (await Community.findOne({ order: [['id', 'ASC']] }))!;
});
afterAll(() => api.close());

const as = (who: string | Person, method: string, p: string, body?: unknown) =>
  api.call(method, p, { token: typeof who === 'string' ? tokens[who] : who.token, body });
const orgByName = async (name: string) => (await Org.findOne({ where: { name } }))!;
const userByOpenid = async (openid: string) => (await User.findOne({ where: { wechat_openid: openid } }))!;

describe('communities from real-estate projects (PM-001/002/155)', () => {
  test('the seed: the personas\' community is served by 横琴华发物业, supervised by 横琴街道办事处, with 王五\'s committee, and synced', async () => {
    const r = await as('reviewer1', 'GET', `/api/communities/${seeded.id}`);
    expect(r.status).toBe(200);
    const rooms = await Room.count({ where: { project_id: seeded.project_id! } });
    const registered = await Room.count({ where: { project_id: seeded.project_id!, sale_status: 'registered' } });
    expect(r.body).toMatchObject({
      propertyOrgName: '横琴华发物业服务有限公司', committeeOrgName: `${seeded.name}业主委员会`, houses: rooms, registeredHouses: registered,
      syncedAt: expect.any(String), buildings: expect.any(Number), developerOrgName: expect.any(String),
    });
    expect(r.body.verifiedOwners).toBeGreaterThanOrEqual(3);
    expect((await userByOpenid('o_demo_committee_a')).org_id).toBe(r.body.committeeOrgId);
    expect(r.body.streetOrgId).toBe((await orgByName('横琴街道办事处')).id);
  });

  test('each side sees its own: regulators all, the company its communities, the street office its street, the committee its own', async () => {
    const other = await project('测试海景苑', 3, 2);
    const pco2 = await orgByName('珠海万科物业服务横琴分公司');
    const created = await as('reviewer1', 'POST', '/api/communities', { projectId: other.project.id, propertyOrgId: pco2.id, streetOrgId: null });
    expect(created.status).toBe(201);
    const ids = async (who: string) => (await as(who, 'GET', '/api/communities?pageSize=200')).body.items.map((c: { id: number }) => c.id);
    expect(await ids('reviewer1')).toEqual(expect.arrayContaining([seeded.id, created.body.id]));
    expect(await ids('property1')).toContain(seeded.id);
    expect(await ids('property1')).not.toContain(created.body.id);
    expect(await ids('street1')).toContain(seeded.id);
    expect(await ids('street1')).not.toContain(created.body.id);
    expect(await ids('wang')).toEqual([seeded.id]);
    expect((await as('property1', 'GET', `/api/communities/${created.body.id}`)).body.code).toBe('DATA_SCOPE_DENIED');
    expect((await as('zhang', 'GET', '/api/communities')).status).toBe(403);
    expect((await as('dev1', 'GET', '/api/communities')).status).toBe(403);
    // Search and pages.
    const found = await as('reviewer1', 'GET', `/api/communities?q=${encodeURIComponent('海景苑')}`);
    expect(found.body.items.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
    const page = await as('reviewer1', 'GET', '/api/communities?pageSize=1&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, items: [expect.any(Object)] });
    expect(page.body.total).toBeGreaterThanOrEqual(2);
  });

  test('created from a project: name, address and location from the project, houses from the building table; one per project; regulators only', async () => {
    const { project: p, rooms } = await project('测试琴澳苑', 4, 6);
    const pco = await orgByName('横琴华发物业服务有限公司');
    const street = await orgByName('横琴街道办事处');
    expect((await as('property1', 'POST', '/api/communities', { projectId: p.id, propertyOrgId: pco.id, streetOrgId: null })).status).toBe(403);
    const wrongKind = await as('reviewer1', 'POST', '/api/communities', { projectId: p.id, propertyOrgId: street.id, streetOrgId: null });
    expect(wrongKind.body).toMatchObject({ code: 'COMMUNITY_ORG_INVALID', details: [{ field: 'propertyOrgId' }] });
    const r = await as('reviewer1', 'POST', '/api/communities', { projectId: p.id, propertyOrgId: pco.id, streetOrgId: street.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name: '测试琴澳苑', address: p.address, district: p.district, lng: 113.53, lat: 22.12, projectId: p.id,
      houses: rooms.length, registeredHouses: 4, verifiedOwners: 0, streetOffice: '横琴街道办事处', syncedAt: expect.any(String),
    });
    const again = await as('reviewer1', 'POST', '/api/communities', { projectId: p.id, propertyOrgId: pco.id, streetOrgId: null });
    expect(again).toMatchObject({ status: 409, body: { code: 'COMMUNITY_EXISTS' } });
    expect(await AuditLog.count({ where: { action: 'community.create', object_id: String(r.body.id) } })).toBe(1);

    const upd = await as('reviewer1', 'PUT', `/api/communities/${r.body.id}`, { name: '琴澳苑（一期）', committeeOrgId: null });
    expect(upd.body.name).toBe('琴澳苑（一期）');
    expect(await AuditLog.count({ where: { action: 'community.update', object_id: String(r.body.id) } })).toBe(1);
    expect((await as('property1', 'PUT', `/api/communities/${r.body.id}`, { name: '改名' })).status).toBe(403);
  });

  test('sync counts houses and registered houses from the building table; twice is the same; a change shows on the next sync', async () => {
    const { project: p, rooms } = await project('测试同步花园', 2, 5);
    const c = await Community.create({
      project_id: p.id, name: p.name, address: '旧地址', district: '旧片区', property_org_id: (await orgByName('横琴华发物业服务有限公司')).id,
      committee_org_id: null, street_office: null, lng: null, lat: null,
    });
    const first = await as('reviewer1', 'POST', `/api/communities/${c.id}/sync`);
    expect(first.body).toMatchObject({ communityId: c.id, houses: 7, registeredHouses: 2, added: 7 });
    const second = await as('reviewer1', 'POST', `/api/communities/${c.id}/sync`);
    expect(second.body).toMatchObject({ houses: 7, registeredHouses: 2, added: 0 });
    expect(Date.parse(second.body.syncedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.syncedAt));
    await c.reload();
    expect(c).toMatchObject({ houses: 7, registered_houses: 2, address: p.address, district: p.district });

    await rooms[3].update({ sale_status: 'registered' });
    const third = await as('property1', 'POST', `/api/communities/${c.id}/sync`); // property1 is also the company's manager
    expect(third.body).toMatchObject({ houses: 7, registeredHouses: 3, added: 0 });
    expect(await AuditLog.count({ where: { action: 'community.sync', object_id: String(c.id) } })).toBe(3);
    expect((await as('staff', 'POST', `/api/communities/${c.id}/sync`)).status).toBe(403);

    // The registry down: a clear message and the counts as they were.
    await faults(api, 3);
    const down = await as('reviewer1', 'POST', `/api/communities/${c.id}/sync`);
    expect(down).toMatchObject({ status: 502, body: { code: 'REGISTRY_UNAVAILABLE', message: expect.stringContaining('不动产登记系统暂时不可用') } });
    expect((await c.reload()).registered_houses).toBe(3);
  });

  test('houses of a community: the building table, paginated, with the owners\' names masked', async () => {
    const zhang = await userByOpenid('o_demo_owner_a');
    const home = (await HouseOwner.findOne({ where: { user_id: zhang.id, relation: 'owner' } }))!;
    const room = (await Room.findByPk(home.room_id))!;
    const r = await as('property1', 'GET', `/api/communities/${seeded.id}/houses?pageSize=50&q=${encodeURIComponent(room.room_no)}`);
    expect(r.status).toBe(200);
    const mine = r.body.items.find((h: { roomId: number }) => h.roomId === room.id);
    expect(mine).toMatchObject({ registered: true, ownerName: '张*', roomNo: room.room_no, unitNumber: room.unit_number });
    expect(JSON.stringify(r.body)).not.toContain('张三');
    const all = await as('reviewer1', 'GET', `/api/communities/${seeded.id}/houses?pageSize=20&page=3`);
    expect(all.body).toMatchObject({ total: seeded.houses, page: 3, pageSize: 20 });
    expect(all.body.items).toHaveLength(20);
    // With the registry away the list still comes back, naming the owners verified here.
    await faults(api, 3);
    const down = await as('property1', 'GET', `/api/communities/${seeded.id}/houses?pageSize=50&q=${encodeURIComponent(room.room_no)}`);
    expect(down.body.items.find((h: { roomId: number }) => h.roomId === room.id).ownerName).toBe('张*');
    expect((await as('zhang', 'GET', `/api/communities/${seeded.id}/houses`)).status).toBe(403);
  });
});

describe('house verification against the registry (PM-099/150)', () => {
  const verify = (who: string | Person, body: unknown) => as(who, 'POST', '/api/my/houses/verify', body);
  const bindings = (userId: number) => HouseOwner.count({ where: { user_id: userId } });

  test('张三 verifies the demo certificate: bound as the owner with the certificate; verifying again returns the same house', async () => {
    const zhang = await userByOpenid('o_demo_owner_a');
    const before = (await as('zhang', 'GET', '/api/my/houses')).body as { roomId: number }[];
    const r = await verify('zhang', { certNo: DEMO_UNBOUND_CERT_NO });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ relation: 'owner', verified: true, verifiedAt: expect.any(String), communityId: expect.any(Number) });
    expect(before.map((h) => h.roomId)).not.toContain(r.body.roomId);
    const after = (await as('zhang', 'GET', '/api/my/houses')).body as { roomId: number }[];
    expect(after.map((h) => h.roomId)).toEqual([...before.map((h) => h.roomId), r.body.roomId]);
    const h = (await HouseOwner.findOne({ where: { user_id: zhang.id, room_id: r.body.roomId } }))!;
    expect(h).toMatchObject({ relation: 'owner', cert_no: DEMO_UNBOUND_CERT_NO });
    // Full-width brackets, as printed on many certificates, are the same certificate.
    const again = await verify('zhang', { certNo: DEMO_UNBOUND_CERT_NO.replace('(', '（').replace(')', '）'), roomId: r.body.roomId });
    expect(again.status).toBe(200);
    expect(again.body.roomId).toBe(r.body.roomId);
    expect(await HouseOwner.count({ where: { user_id: zhang.id, room_id: r.body.roomId } })).toBe(1);
    const log = await as('zhang', 'GET', '/api/my/house-verifications');
    expect(log.body.items[0]).toMatchObject({ ok: true, reason: null, roomId: r.body.roomId, certNo: DEMO_UNBOUND_CERT_NO });
  });

  test('every refusal answers its code and a message naming the fix, records the reason, and binds nothing', async () => {
    const { rooms } = await project('测试认证花园', 2, 1);
    const owner = await person(api, '欧阳娜娜');
    const cert = await title(api, rooms[0], { name: owner.name, idNumber: owner.idNumber! });
    const unregistered = await title(api, rooms[2], { name: owner.name, idNumber: owner.idNumber! }); // a 已网签 room
    const cancelled = await title(api, rooms[1], { name: owner.name, idNumber: owner.idNumber! }, 'cancelled');
    const someoneElse = await person(api, '欧阳娜娜'); // same name, another ID number
    const anonymous = await person(api, '未实名', { realNamed: false });
    const cases: [Person, unknown, string, number][] = [
      [anonymous, { certNo: cert }, 'no_real_name', 422],
      [owner, { certNo: '粤(2024)珠海市不动产权第9999999号' }, 'cert_not_found', 422],
      [someoneElse, { certNo: cert }, 'owner_mismatch', 422],
      [owner, { certNo: cert, roomId: rooms[1].id }, 'room_mismatch', 422],
      [owner, { certNo: unregistered }, 'not_registered', 422],
      [owner, { certNo: cancelled }, 'not_registered', 422],
    ];
    for (const [who, body, reason, status] of cases) {
      const r = await verify(who, body);
      expect({ reason, status: r.status, code: r.body.code, message: r.body.message })
        .toEqual({ reason, status, code: `HOUSE_VERIFY_${reason.toUpperCase()}`, message: HOUSE_VERIFY_MESSAGES[reason as keyof typeof HOUSE_VERIFY_MESSAGES] });
      const last = (await HouseVerification.findOne({ where: { user_id: who.user.id }, order: [['id', 'DESC']] }))!;
      expect(last).toMatchObject({ ok: false, reason });
      expect(await bindings(who.user.id)).toBe(0);
    }
    expect(HOUSE_VERIFY_MESSAGES.no_real_name).toContain('实名');
    expect(HOUSE_VERIFY_MESSAGES.cert_not_found).toContain('核对');
    // The person who is not the holder learns nothing about the house.
    const log = await as(someoneElse, 'GET', '/api/my/house-verifications');
    expect(log.body.items[0]).toMatchObject({ ok: false, reason: 'owner_mismatch', roomId: null });
    // Retry after a failure, with the draft corrected: bound.
    const ok = await verify(owner, { certNo: cert, roomId: rooms[0].id });
    expect(ok.body).toMatchObject({ roomId: rooms[0].id, relation: 'owner', verified: true });
    expect(await bindings(owner.user.id)).toBe(1);
    expect(await AuditLog.count({ where: { action: 'house.verify', actor_id: owner.user.id, result: 'failure' } })).toBe(4);
  });

  test('five failures in a day pause verification until tomorrow', async () => {
    const { rooms } = await project('测试限次花园', 1, 0);
    const p = await person(api, '尝试者');
    const cert = await title(api, rooms[0], { name: p.name, idNumber: p.idNumber! });
    for (let i = 0; i < 5; i++) expect((await verify(p, { certNo: `粤(2024)珠海市不动产权第999990${i}号` })).body.code).toBe('HOUSE_VERIFY_CERT_NOT_FOUND');
    const blocked = await verify(p, { certNo: cert });
    expect(blocked).toMatchObject({ status: 429, body: { code: 'HOUSE_VERIFY_TOO_MANY_ATTEMPTS', message: expect.stringContaining('明天再试') } });
    expect(await bindings(p.user.id)).toBe(0);
    // Yesterday's failures do not count.
    await HouseVerification.update({ created_at: new Date(Date.now() - 2 * 86_400_000) }, { where: { user_id: p.user.id } });
    expect((await verify(p, { certNo: cert })).status).toBe(200);
  });

  test('the registry down: registry_unavailable, nothing bound; the same request later succeeds', async () => {
    const { rooms } = await project('测试断线花园', 1, 0);
    const p = await person(api, '等待者');
    const cert = await title(api, rooms[0], { name: p.name, idNumber: p.idNumber! });
    const before = await faults(api, 3);
    const r = await verify(p, { certNo: cert });
    expect(r).toMatchObject({ status: 422, body: { code: 'HOUSE_VERIFY_REGISTRY_UNAVAILABLE', message: HOUSE_VERIFY_MESSAGES.registry_unavailable } });
    expect((await faults(api, 0)) - before).toBe(3); // tried three times
    expect(await bindings(p.user.id)).toBe(0);
    expect(await HouseVerification.count({ where: { user_id: p.user.id, ok: true } })).toBe(0);
    // Two 503s are absorbed by the retries.
    await faults(api, 2);
    expect((await verify(p, { certNo: cert })).body).toMatchObject({ roomId: rooms[0].id, verified: true });
  });

  test('a house the person does not own is never shown to them', async () => {
    const zhangHouses = (await as('zhang', 'GET', '/api/my/houses')).body as { roomId: number }[];
    const liHouses = (await as('li', 'GET', '/api/my/houses')).body as { roomId: number }[];
    for (const h of zhangHouses) {
      expect(liHouses.map((x) => x.roomId)).not.toContain(h.roomId);
      expect((await as('li', 'GET', `/api/my/houses/${h.roomId}`)).body.code).toBe('DATA_SCOPE_DENIED');
    }
    // 李四 with 张三's certificate: refused as not the holder.
    expect((await verify('li', { certNo: DEMO_UNBOUND_CERT_NO })).body.code).toBe('HOUSE_VERIFY_OWNER_MISMATCH');
  });
});

describe('household members and tenants', () => {
  test('the owner adds family by phone; bound when that person shows up; removed again with their access', async () => {
    const zhang = await userByOpenid('o_demo_owner_a');
    const home = (await HouseOwner.findOne({ where: { user_id: zhang.id, relation: 'owner' }, order: [['id', 'ASC']] }))!;
    const liPhone = simIdentities()[1].phone;
    const add = await as('zhang', 'POST', `/api/my/houses/${home.room_id}/members`, { name: '李四', phone: liPhone, relation: 'family' });
    expect(add.status).toBe(201);
    expect(add.body).toMatchObject({ name: '李四', phone: '138****8002', relation: 'family', validUntil: null, bound: false });
    expect((await as('zhang', 'POST', `/api/my/houses/${home.room_id}/members`, { name: '李四', phone: liPhone, relation: 'family' })).body.code).toBe('MEMBER_EXISTS');

    const liHouses = (await as('li', 'GET', '/api/my/houses')).body as { roomId: number; relation: string }[];
    expect(liHouses.find((h) => h.roomId === home.room_id)).toMatchObject({ relation: 'family' });
    expect((await as('li', 'GET', `/api/my/houses/${home.room_id}`)).status).toBe(200);
    const li = await userByOpenid('o_demo_owner_b');
    expect(await HouseOwner.findOne({ where: { user_id: li.id, room_id: home.room_id } })).toMatchObject({ relation: 'family', added_by: zhang.id });
    expect((await as('zhang', 'GET', `/api/my/houses/${home.room_id}/members`)).body).toEqual([expect.objectContaining({ id: add.body.id, bound: true })]);

    // Members cannot manage members.
    expect((await as('li', 'POST', `/api/my/houses/${home.room_id}/members`, { name: '王小二', phone: '13900001111', relation: 'family' })).body.code).toBe('HOUSE_OWNER_ONLY');
    expect((await as('li', 'GET', `/api/my/houses/${home.room_id}/members`)).status).toBe(403);
    expect((await as('li', 'DELETE', `/api/my/houses/${home.room_id}/members/${add.body.id}`)).status).toBe(403);

    const del = await as('zhang', 'DELETE', `/api/my/houses/${home.room_id}/members/${add.body.id}`);
    expect(del.body).toEqual({ ok: true });
    expect(((await as('li', 'GET', '/api/my/houses')).body as { roomId: number }[]).map((h) => h.roomId)).not.toContain(home.room_id);
    expect((await as('li', 'GET', `/api/my/houses/${home.room_id}`)).status).toBe(403);
    expect(await AuditLog.count({ where: { action: { [Op.in]: ['house.member.add', 'house.member.bind', 'house.member.remove'] }, object_id: String(add.body.id) } })).toBe(3);
    expect((await as('zhang', 'DELETE', `/api/my/houses/${home.room_id}/members/${add.body.id}`)).body.code).toBe('MEMBER_NOT_FOUND');
  });

  test('tenants need a lease end; once it has passed they lose access', async () => {
    const { rooms } = await project('测试租住花园', 1, 0);
    const owner = await person(api, '房东甲');
    await verifyAs(owner, await title(api, rooms[0], { name: owner.name, idNumber: owner.idNumber! }));
    const tenantPhone = `137${String(Date.now() % 1e8).padStart(8, '0')}`;
    const noEnd = await as(owner, 'POST', `/api/my/houses/${rooms[0].id}/members`, { name: '租客乙', phone: tenantPhone, relation: 'tenant' });
    expect(noEnd.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'validUntil' }] });
    const past = await as(owner, 'POST', `/api/my/houses/${rooms[0].id}/members`, { name: '租客乙', phone: tenantPhone, relation: 'tenant', validUntil: '2020-01-31' });
    expect(past.body.details).toEqual([expect.objectContaining({ field: 'validUntil' })]);
    const ok = await as(owner, 'POST', `/api/my/houses/${rooms[0].id}/members`, { name: '租客乙', phone: tenantPhone, relation: 'tenant', validUntil: '2099-12-31' });
    expect(ok.status).toBe(201);
    const tenant = await person(api, '租客乙', { phone: tenantPhone });
    expect((await as(tenant, 'GET', '/api/my/houses')).body).toEqual([expect.objectContaining({ roomId: rooms[0].id, relation: 'tenant', validUntil: '2099-12-31' })]);
    // The lease ran out.
    await HouseOwner.update({ valid_until: '2025-01-31' }, { where: { user_id: tenant.user.id } });
    await HouseMember.update({ valid_until: '2025-01-31' }, { where: { id: ok.body.id } });
    expect((await as(tenant, 'GET', '/api/my/houses')).body).toEqual([]);
    expect((await as(tenant, 'GET', `/api/my/houses/${rooms[0].id}`)).status).toBe(403);
    expect((await as(tenant, 'GET', '/api/my/notices')).body.total).toBe(0);
    // Someone who was only invited, never verified, cannot add anyone either.
    expect((await as(tenant, 'POST', `/api/my/houses/${rooms[0].id}/members`, { name: '朋友丙', phone: '13900002222', relation: 'family' })).body.code).toBe('HOUSE_OWNER_ONLY');
  });
});

async function verifyAs(p: Person, certNo: string) {
  const r = await as(p, 'POST', '/api/my/houses/verify', { certNo });
  expect(r.status).toBe(200);
  return r.body;
}

describe('community notices (PM-083/134)', () => {
  const notice = (communityId: number | null, over: Record<string, unknown> = {}) => ({
    channel: 'notice', section: 'property', title: '关于小区绿化修剪的通知', body: '本周三上午修剪中心花园绿化，请勿靠近作业区域。', communityId, ...over,
  });

  test('property staff publish to their own communities only; owners there see them newest first, others do not', async () => {
    const draft = await as('property1', 'POST', '/api/contents', notice(seeded.id));
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', issuer: '横琴华发物业服务有限公司', communityId: seeded.id });
    const pub = await as('property1', 'POST', `/api/contents/${draft.body.id}/publish`, { version: draft.body.version });
    expect(pub.body.status).toBe('published');

    // Not to another company's community, and nothing but community notices.
    const { project: p } = await project('测试他司花园', 1, 0);
    const otherCommunity = (await as('reviewer1', 'POST', '/api/communities', {
      projectId: p.id, propertyOrgId: (await orgByName('横琴粤澳物业管理有限公司')).id, streetOrgId: null,
    })).body;
    expect((await as('property1', 'POST', '/api/contents', notice(otherCommunity.id))).body.code).toBe('CONTENT_COMMUNITY_ONLY');
    expect((await as('property1', 'POST', '/api/contents', notice(null, { section: 'new_home' }))).status).toBe(403);
    // Regulators' content is not theirs to touch.
    const policy = (await as('reviewer1', 'GET', '/api/contents?channel=policy')).body.items[0];
    expect((await as('property1', 'POST', `/api/contents/${policy.id}/withdraw`, { version: policy.version, reason: '测试下架' })).status).toBe(404);
    const listed = (await as('property1', 'GET', '/api/contents?pageSize=200')).body.items as { communityId: number | null; channel: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c) => c.communityId === seeded.id && c.channel === 'notice')).toBe(true);
    // The staff member in the mini-program (property_staff of the same company) may withdraw it.
    const withdrawn = await as('staff', 'POST', `/api/contents/${draft.body.id}/withdraw`, { version: pub.body.version, reason: '通知有误，重新发布' });
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await as('property1', 'POST', '/api/contents', notice(seeded.id, { title: '关于小区绿化修剪的通知（更正）' }));
    await as('property1', 'POST', `/api/contents/${again.body.id}/publish`, { version: again.body.version });

    const mine = await as('zhang', 'GET', '/api/my/notices?pageSize=5');
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toMatchObject({ id: again.body.id, title: '关于小区绿化修剪的通知（更正）', communityId: seeded.id, communityName: seeded.name, orgName: '横琴华发物业服务有限公司' });
    expect(mine.body.items.map((n: { id: number }) => n.id)).not.toContain(draft.body.id);
    const times = mine.body.items.map((n: { publishedAt: string }) => Date.parse(n.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(mine.body.total).toBeGreaterThanOrEqual(4); // the seeded ones too

    // An owner of the other community sees only that community's notices.
    const { rooms } = await project('测试别处花园', 1, 0);
    await as('reviewer1', 'POST', '/api/communities', { projectId: rooms[0].project_id, propertyOrgId: (await orgByName('横琴粤澳物业管理有限公司')).id, streetOrgId: null });
    const elsewhere = await person(api, '别处业主');
    await verifyAs(elsewhere, await title(api, rooms[0], { name: elsewhere.name, idNumber: elsewhere.idNumber! }));
    const theirs = await as(elsewhere, 'GET', '/api/my/notices');
    expect(theirs.body).toMatchObject({ total: 0, items: [] });
    expect((await as('public', 'GET', '/api/my/notices')).body.total).toBe(0);
  });
});
