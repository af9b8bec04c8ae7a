// People and projects the property tests make on top of the demo seed, through the models:
// real-named persons who log in with WeChat, and small projects with their own building table.
import crypto from 'node:crypto';
import { residentIdCheckChar, type Role } from '@hq/common';
import { Org, User, UserRole } from '../src/platform/models';
import { encrypt, keyedHash } from '../src/platform/crypto';
import { Building, Project, Room } from '../src/modules/realestate/models';
import { SimRegistryTitle } from '../src/modules/property/models';
import { registryIdHash } from '../src/integrations/registry/simulator';
import type { TestApi } from './harness';

let serial = 0;
const next = () => `${process.pid % 1000}${++serial}`;

/** A valid resident ID number nobody else has. */
export function idNumber(): string {
  const first17 = `440402199${crypto.randomInt(0, 10)}0${crypto.randomInt(1, 10)}1${crypto.randomInt(0, 10)}${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export const phone = () => `139${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`;

export interface Person {
  user: User;
  token: string;
  name: string;
  idNumber: string | null;
  phone: string;
}

/** A person who logs in with WeChat; real-named (name and ID number on the account) unless told otherwise. */
export async function person(api: TestApi, name: string, o: { realNamed?: boolean; roles?: Role[]; orgId?: number | null; phone?: string } = {}): Promise<Person> {
  const key = api.app.deps.config.dataKey;
  const id = o.realNamed === false ? null : idNumber();
  const mobile = o.phone ?? phone();
  const openid = `o_t_prop_${next()}`;
  const user = await User.create({
    display_name: name, wechat_openid: openid, org_id: o.orgId ?? null,
    phone_enc: encrypt(key, mobile), phone_hash: keyedHash(key, `phone:${mobile}`),
    ...(id ? { real_name_verified_at: new Date(), id_type: 'resident_id', id_no_enc: encrypt(key, id), id_no_hash: keyedHash(key, `resident_id:${id}`) } : {}),
  });
  await UserRole.bulkCreate((o.roles ?? ['owner']).map((role) => ({ user_id: user.id, role })));
  const { accessToken } = await api.wechatLogin(openid);
  return { user, token: accessToken, name, idNumber: id, phone: mobile };
}

/** A project with one building: `registered` rooms 已登记 and `others` 已网签. */
export async function project(name: string, registered: number, others: number): Promise<{ project: Project; rooms: Room[] }> {
  const dev = (await Org.findOne({ where: { kind: 'developer' }, order: [['id', 'ASC']] }))!;
  const p = await Project.create({
    developer_org_id: dev.id, name, address: `珠海市横琴粤澳深度合作区测试路${next()}号`, district: '横琴新家园片区', status: 'completed', lng: 113.53, lat: 22.12,
  });
  const b = await Building.create({
    project_id: p.id, building_no: '1栋', use: 'residential', floors_total: 10, floors_built: 10, floors_underground: 1, total_area: 90000,
    presale_room_count: registered + others,
  });
  const rooms = await Room.bulkCreate(Array.from({ length: registered + others }, (_, i) => ({
    building_id: b.id, project_id: p.id, unit_number: `440404888${String(p.id).padStart(5, '0')}GB${String(i + 1).padStart(5, '0')}F0001`.slice(0, 28),
    unit_name: '1单元', floor: 1 + Math.floor(i / 4), room_no: `${1 + Math.floor(i / 4)}0${1 + (i % 4)}`, use: 'residential',
    build_area: 9000, inner_area: 7500, shared_area: 1500, fitout: false, sale_status: i < registered ? 'registered' : 'signed', flags: '',
  })));
  return { project: p, rooms };
}

let certSerial = 500000 + (process.pid % 1000) * 100;
/** A title in the registry simulator for `room`, held by `holder`. */
export async function title(api: TestApi, room: Room, holder: { name: string; idNumber: string }, status: 'valid' | 'cancelled' = 'valid'): Promise<string> {
  const certNo = `粤(2024)珠海市不动产权第${String(++certSerial).padStart(7, '0')}号`;
  await SimRegistryTitle.create({
    cert_no: certNo, room_id: room.id, owner_name: holder.name, owner_id_hash: registryIdHash(api.app.deps.config.dataKey, 'resident_id', holder.idNumber),
    registered_on: '2024-05-20', status,
  });
  return certNo;
}

export async function faults(api: TestApi, count: number): Promise<number> {
  return (await api.call('POST', '/sim/registry/_control/faults', { body: { count } })).body.calls;
}
