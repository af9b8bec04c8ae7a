// The people and places the ticket tests need, made through the models on top of the demo seed:
// two communities with their own property companies (the first with an owners' committee and a
// street office), owner A (张三) in the first and owner B (李四) in the second, a property manager,
// a street officer, staff of the second company, a tenant whose lease ran out, a family member,
// an owner not yet verified. Everyone logs in as they would (WeChat, or password + TOTP).
import crypto from 'node:crypto';
import sharp from 'sharp';
import { Op } from 'sequelize';
import type { Role } from '@hq/common';
import { Org, User, UserRole } from '../src/platform/models';
import { decrypt, encrypt } from '../src/platform/crypto';
import { Building, Project, Room } from '../src/modules/realestate/models';
import { Community, HouseOwner } from '../src/modules/property/models';
import type { TestApi } from './harness';

export interface TicketWorld {
  pco: Org;
  pco2: Org;
  committee: Org;
  street: Org;
  c1: Community;
  c2: Community;
  roomA: Room;
  roomB: Room;
  /** Another room of the first community (nobody in the tests owns it). */
  spareRoom: Room;
  users: Record<string, User>;
  tokens: Record<string, string>;
}

async function communityFor(projectId: number, attrs: Partial<Community>): Promise<Community> {
  const existing = await Community.findOne({ where: { project_id: projectId } });
  if (existing) return existing.update(attrs);
  const p = (await Project.findByPk(projectId))!;
  return Community.create({
    project_id: p.id, name: p.name, address: p.address, district: p.district, property_org_id: null, committee_org_id: null,
    street_office: null, lng: p.lng, lat: p.lat, ...attrs,
  });
}

/** A small completed project with one building and two registered rooms; returns a room. */
async function anotherProject(nextTo: number): Promise<Room> {
  const near = (await Project.findByPk(nextTo))!;
  const p = await Project.create({
    developer_org_id: near.developer_org_id, name: '测试二期花园', address: '珠海市横琴粤澳深度合作区测试路2号', district: near.district, status: 'completed',
    lng: near.lng, lat: near.lat,
  });
  const b = await Building.create({
    project_id: p.id, building_no: '1栋', use: 'residential', floors_total: 10, floors_built: 10, floors_underground: 1, total_area: 18000, presale_room_count: 2,
  });
  const rooms = await Room.bulkCreate([1, 2].map((i) => ({
    building_id: b.id, project_id: p.id, unit_number: `4404049990${String(p.id).padStart(6, '0')}GB0000${i}F0001`.slice(0, 28), unit_name: '1单元', floor: 1,
    room_no: `10${i}`, use: 'residential', build_area: 9000, inner_area: 7500, shared_area: 1500, fitout: false, sale_status: 'registered', flags: '',
  })));
  return rooms[0];
}

async function person(openid: string, name: string, roles: Role[], orgId: number | null, phoneEnc: string): Promise<User> {
  const u = await User.create({ display_name: name, wechat_openid: openid, org_id: orgId, phone_enc: phoneEnc });
  await UserRole.bulkCreate(roles.map((role) => ({ user_id: u.id, role })));
  return u;
}

export async function ticketWorld(api: TestApi): Promise<TicketWorld> {
  const pco = (await Org.findOne({ where: { name: '横琴华发物业服务有限公司' } }))!;
  const pco2 = (await Org.findOne({ where: { name: '珠海万科物业服务横琴分公司' } }))!;
  const committee = await Org.create({ kind: 'owners_committee', name: '测试花园业主委员会', uscc: null });
  const street = await Org.create({ kind: 'street_office', name: '横琴街道测试社区居委会', uscc: null });
  const byOpenid = async (openid: string) => (await User.findOne({ where: { wechat_openid: openid } }))!;
  const ownerA = await byOpenid('o_demo_owner_a');
  const ownerB = await byOpenid('o_demo_owner_b');
  const committeeMember = await byOpenid('o_demo_committee_a');
  const staff = await byOpenid('o_demo_staff_a');
  const property1 = (await User.findOne({ where: { username: 'property1' } }))!;

  const roomA = (await Room.findByPk((await HouseOwner.findOne({ where: { user_id: ownerA.id, relation: 'owner' } }))!.room_id))!;
  let roomB = (await Room.findByPk((await HouseOwner.findOne({ where: { user_id: ownerB.id, relation: 'owner' } }))!.room_id))!;
  if (roomB.project_id === roomA.project_id) {
    // B lives in another project (the small test seed has one): move B there.
    roomB = (await Room.findOne({ where: { project_id: { [Op.ne]: roomA.project_id } }, order: [['id', 'ASC']] })) ?? (await anotherProject(roomA.project_id));
    await HouseOwner.destroy({ where: { user_id: ownerB.id } });
    await HouseOwner.create({ room_id: roomB.id, user_id: ownerB.id, relation: 'owner', verified_at: new Date() });
  }
  const c1 = await communityFor(roomA.project_id, { property_org_id: pco.id, committee_org_id: committee.id, street_org_id: street.id });
  const c2 = await communityFor(roomB.project_id, { property_org_id: pco2.id, committee_org_id: null, street_org_id: null });
  const spareRoom = (await Room.findOne({ where: { project_id: roomA.project_id, id: { [Op.ne]: roomA.id } }, order: [['id', 'DESC']] }))!;
  // 王五 sits on the first community's committee and (here) owns no house there.
  await committeeMember.update({ org_id: committee.id });
  await HouseOwner.destroy({ where: { user_id: committeeMember.id } });

  const key = api.app.deps.config.dataKey;
  const phone = () => encrypt(key, `139${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`);
  const pm = await person('o_t_manager_1', '项目经理 钟伟', ['property_manager'], pco.id, phone());
  const streetOfficer = await person('o_t_street_1', '社区干部 杜娟', ['street_officer'], street.id, phone());
  const staff2 = await person('o_t_staff_pco2', '万科物业 许杰', ['property_staff'], pco2.id, phone());
  const tenantOld = await person('o_t_tenant_old', '旧租户 卢敏', ['owner'], null, phone());
  await HouseOwner.create({ room_id: roomA.id, user_id: tenantOld.id, relation: 'tenant', verified_at: null, valid_until: '2025-01-31', added_by: ownerA.id });
  const family = await person('o_t_family_1', '家属 张小明', ['owner'], null, phone());
  await HouseOwner.create({ room_id: roomA.id, user_id: family.id, relation: 'family', verified_at: null, valid_until: null, added_by: ownerA.id });
  const unverified = await person('o_t_unverified', '未核验 邱红', ['owner'], null, phone());
  await HouseOwner.create({ room_id: spareRoom.id, user_id: unverified.id, relation: 'owner', verified_at: null });

  const users: Record<string, User> = { ownerA, ownerB, committeeMember, staff, property1, pm, streetOfficer, staff2, tenantOld, family, unverified };
  const tokens: Record<string, string> = {};
  const wx: Record<string, string> = {
    ownerA: 'o_demo_owner_a', ownerB: 'o_demo_owner_b', committeeMember: 'o_demo_committee_a', staff: 'o_demo_staff_a', pm: 'o_t_manager_1',
    streetOfficer: 'o_t_street_1', staff2: 'o_t_staff_pco2', tenantOld: 'o_t_tenant_old', family: 'o_t_family_1', unverified: 'o_t_unverified',
  };
  for (const [k, openid] of Object.entries(wx)) tokens[k] = (await api.wechatLogin(openid)).accessToken;
  for (const u of ['property1', 'reviewer1', 'inspector', 'sysadmin', 'leader']) tokens[u] = (await api.login(u)).accessToken;
  users.reviewer1 = (await User.findOne({ where: { username: 'reviewer1' } }))!;
  users.inspector = (await User.findOne({ where: { username: 'inspector' } }))!;
  users.leader = (await User.findOne({ where: { username: 'leader' } }))!;
  return { pco, pco2, committee, street, c1, c2, roomA, roomB, spareRoom, users, tokens };
}

export const phoneOf = (api: TestApi, u: User) => decrypt(api.app.deps.config.dataKey, u.phone_enc!);

/** A photo nobody uploaded before (uploads are deduplicated by content), optionally with EXIF GPS. */
export async function photo(gps = false): Promise<Buffer> {
  const noise = crypto.randomBytes(64 * 48 * 3);
  const img = sharp(noise, { raw: { width: 64, height: 48, channels: 3 } }).resize(640, 480, { kernel: 'nearest' }).jpeg();
  return (gps
    ? img.withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '22/1 7/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 31/1 1200/100' } })
    : img).toBuffer();
}

export async function upload(api: TestApi, token: string, data?: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data ?? (await photo()))]), 'photo.jpg');
  const r = await fetch(`${api.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await r.json()) as { id?: string };
  if (!body.id) throw new Error(`upload failed: ${JSON.stringify(body)}`);
  return body.id;
}

export const requestId = () => crypto.randomUUID();
