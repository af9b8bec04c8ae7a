// Deterministic demo data: Hengqin developers, ≥25 projects with buildings and ≥20,000 rooms
// at scale 1, agencies, brokers, property companies, communities, owners, and one demo account
// per role. `scale` multiplies projects (10 gives the benchmark data set).
import type { CreationAttributes, Transaction } from 'sequelize';
import { DEFAULT_CALENDAR, type Role, type SaleStatus, type RoomFlag, type OrgKind } from '@hq/common';
import type { Deps } from '../platform/deps';
import { CalendarDay, Org, User, UserRole } from '../platform/models';
import { Building, PresalePermit, Project, Room, RoomEvent } from '../modules/realestate/models';
import { buildSeedEvents } from './events';
import { seedContent } from './content';
import { seedEnterprises, UNFILED_AGENCY } from './enterprises';
import { PROPERTY_DEMO_ACCOUNTS, seedProperty } from './property';
import { seedPermitNumber } from '../modules/permits/numbers';
import { Community, HouseOwner } from '../modules/property/models';
import { hashPassword } from '../platform/auth/passwords';
import { encrypt, keyedHash } from '../platform/crypto';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/audit';
import { simIdentities } from '../integrations/gdid/simulator';
import { Rng } from './rng';
import { mobile, parcelCode, residentId, unitNumber, uscc } from './identifiers';

export const DEMO_PASSWORD = 'Hengqin@2026';
/** TOTP secret of the pre-enrolled demo regulators and administrators (base32). */
export const DEMO_TOTP_SECRET = 'HENGQINDEMOTOTPSECRETKEYAAAAAAAA';

export interface DemoAccount {
  username: string;
  name: string;
  roles: Role[];
  org?: string;
  totp?: boolean;
  mustChange?: boolean;
}

const REGULATOR = '横琴粤澳深度合作区城市规划和建设局';
const DEVELOPERS = [
  '珠海横琴金融岛置业有限公司', '珠海大横琴置业有限公司', '横琴华发房地产开发有限公司', '珠海横琴新区十字门开发有限公司',
  '珠海横琴长隆置业有限公司', '横琴粤澳合作置业有限公司', '珠海横琴星汇房地产开发有限公司', '珠海横琴海景湾置业有限公司',
  '横琴德和房地产开发有限公司', '珠海横琴天沐置业有限公司',
];
const AGENCIES = ['横琴安居房地产经纪有限公司', '珠海中原物业顾问横琴分公司', '横琴琴澳房产代理有限公司', '珠海美联置业横琴分行', '横琴湾区房地产经纪有限公司'];
const PROPERTY_COS = ['横琴华发物业服务有限公司', '珠海万科物业服务横琴分公司', '横琴粤澳物业管理有限公司', '珠海保利物业横琴分公司'];
const BANKS = ['中国银行横琴粤澳深度合作区分行', '中国工商银行珠海横琴分行', '中国建设银行珠海横琴分行'];
const ASSOCIATION = '横琴房地产行业协会';
const REVIEW_UNIT = '横琴物业评审小组';

const NAME_A = ['海逸', '星汇', '天沐', '琴澳', '濠江', '金湾', '长隆', '十字门', '荷塘', '芒洲', '中心沟', '富祥', '海景', '莲花', '粤澳', '湾区', '新家园', '观澜', '紫荆', '凯旋'];
const NAME_B = ['花园', '半岛', '雅苑', '华庭', '国际公寓', '中心', '名苑', '湾', '府', '广场', '天地', '汇'];
const ROADS = ['环岛东路', '港澳大道', '天羽道', '芒洲路', '宝兴路', '荣粤道', '濠江路', '横琴大道', '琴海东路', '汇通三路', '彩虹路', '中心北路'];
const DISTRICTS = ['横琴新家园片区', '十字门中央商务区', '长隆国际海洋度假区', '横琴口岸片区', '富祥湾片区', '科学城片区'];
const SURNAMES = ['陈', '李', '黄', '张', '梁', '刘', '林', '何', '吴', '郭', '罗', '郑', '谢', '冯', '邓', '曾', '彭', '萧', '蔡', '潘'];
const GIVEN = ['伟', '芳', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '嘉欣', '志强', '子轩', '梓涵', '浩然', '家豪', '咏诗'];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'sysadmin', name: '系统管理员', roles: ['sys_admin'], org: REGULATOR, totp: true },
  { username: 'secadmin', name: '安全管理员', roles: ['sec_admin'], org: REGULATOR, totp: true },
  { username: 'auditor', name: '审计管理员', roles: ['audit_admin'], org: REGULATOR, totp: true },
  { username: 'newauditor', name: '新任审计员', roles: ['audit_admin'], org: REGULATOR, mustChange: true },
  { username: 'reviewer1', name: '初审 林晓', roles: ['reviewer_1'], org: REGULATOR, totp: true },
  { username: 'reviewer2', name: '复审 郑伟', roles: ['reviewer_2'], org: REGULATOR, totp: true },
  { username: 'reviewer3', name: '终审 梁敏', roles: ['reviewer_3'], org: REGULATOR, totp: true },
  { username: 'leader', name: '分管领导 何强', roles: ['leader'], org: REGULATOR, totp: true },
  { username: 'inspector', name: '巡查员 罗杰', roles: ['inspector'], org: REGULATOR },
  { username: 'dev1', name: '开发企业经办 陈芳', roles: ['developer_staff'], org: DEVELOPERS[0] },
  { username: 'dev2', name: '开发企业经办 黄磊', roles: ['developer_staff'], org: DEVELOPERS[1] },
  { username: 'agency1', name: '中介管理员 吴娟', roles: ['agency_admin'], org: AGENCIES[0] },
  { username: 'property1', name: '物业经理 曾涛', roles: ['property_staff', 'property_manager'], org: PROPERTY_COS[0] },
  { username: 'bank1', name: '监管银行 谢明', roles: ['bank'], org: BANKS[0] },
  { username: 'association1', name: '协会秘书 彭超', roles: ['association'], org: ASSOCIATION },
  { username: 'expert1', name: '评审专家 蔡静', roles: ['expert'] },
  { username: 'reviewunit1', name: '评审小组 萧洋', roles: ['review_unit'], org: REVIEW_UNIT },
  ...PROPERTY_DEMO_ACCOUNTS,
];

/** People who log in from WeChat (the simulator offers them as personas on H5). */
const PERSONAS: { openid: string; name: string; roles: Role[]; org?: string; sim?: number; phone?: string }[] = [
  { openid: 'o_demo_owner_a', name: '张三', roles: ['owner'], sim: 0 },
  { openid: 'o_demo_owner_b', name: '李四', roles: ['owner'], sim: 1 },
  { openid: 'o_demo_committee_a', name: '王五', roles: ['owner', 'committee_member'], sim: 2 },
  { openid: 'o_demo_broker_a', name: '郭家豪', roles: ['broker'], org: AGENCIES[0] },
  { openid: 'o_demo_staff_a', name: '潘子轩', roles: ['property_staff'], org: PROPERTY_COS[0] },
  { openid: 'o_demo_inspector_a', name: '罗杰', roles: ['inspector'], org: REGULATOR },
  { openid: 'o_demo_public_a', name: '邓咏诗', roles: ['public'] },
  // Last, with a fixed phone: the random stream (and so every owner after it) stays as it was.
  { openid: 'o_demo_agency_a', name: '叶晓彤', roles: ['agency_admin'], org: UNFILED_AGENCY.name, phone: '13926880521' },
];

const STATUS_MIX: readonly (readonly [SaleStatus, number])[] = [
  ['available', 38], ['unsellable', 8], ['subscribed', 4], ['signed', 20], ['filed', 16], ['registered', 14],
];

export interface SeedSummary {
  orgs: number;
  projects: number;
  buildings: number;
  rooms: number;
  users: number;
  owners: number;
  communities: number;
  contents: number;
}

export async function seedIfEmpty(deps: Deps, opts: { scale?: number; seed?: number } = {}): Promise<SeedSummary | null> {
  if ((await Org.count()) > 0) return null;
  return seedDemo(deps, opts);
}

export async function seedDemo(deps: Deps, opts: { scale?: number; seed?: number } = {}): Promise<SeedSummary> {
  const scale = opts.scale ?? 1;
  const rng = new Rng(opts.seed ?? 20261122);
  const key = deps.config.dataKey;
  const pwHash = await hashPassword(DEMO_PASSWORD);
  const summary: SeedSummary = { orgs: 0, projects: 0, buildings: 0, rooms: 0, users: 0, owners: 0, communities: 0, contents: 0 };

  const orgIds = new Map<string, number>();
  const makeOrgs = async (t: Transaction, kind: OrgKind, names: string[]): Promise<number[]> => {
    const ids: number[] = [];
    for (const name of names) {
      const o = await Org.create(
        { kind, name, uscc: kind === 'regulator' ? null : uscc(rng), legal_rep: rng.pick(SURNAMES) + rng.pick(GIVEN), address: `珠海市横琴粤澳深度合作区${rng.pick(ROADS)}${rng.int(1, 999)}号` },
        { transaction: t },
      );
      orgIds.set(name, o.id);
      ids.push(o.id);
      summary.orgs++;
    }
    return ids;
  };
  const personFields = (name: string, idNumber: string, phone: string) => ({
    display_name: name, real_name_verified_at: new Date(), id_type: 'resident_id',
    id_no_enc: encrypt(key, idNumber), id_no_hash: keyedHash(key, `resident_id:${idNumber}`),
    phone_enc: encrypt(key, phone), phone_hash: keyedHash(key, `phone:${phone}`),
  });
  const addUser = async (t: Transaction, fields: CreationAttributes<User>, roles: Role[]) => {
    const u = await User.create(fields, { transaction: t });
    await UserRole.bulkCreate(roles.map((role) => ({ user_id: u.id, role })), { transaction: t });
    summary.users++;
    return u;
  };

  let developerIds: number[] = [];
  await deps.db.tx(async (t) => {
    await CalendarDay.bulkCreate(DEFAULT_CALENDAR.map((d) => ({ ...d, updated_by: null, updated_at: new Date() })), { transaction: t });
    await makeOrgs(t, 'regulator', [REGULATOR]);
    const devCount = Math.max(DEVELOPERS.length, Math.round(DEVELOPERS.length * scale));
    developerIds = await makeOrgs(t, 'developer', Array.from({ length: devCount }, (_, i) => DEVELOPERS[i] ?? `${DEVELOPERS[i % DEVELOPERS.length].replace('有限公司', '')}第${Math.floor(i / DEVELOPERS.length) + 1}项目有限公司`));
    await makeOrgs(t, 'agency', AGENCIES);
    await makeOrgs(t, 'property_company', PROPERTY_COS);
    await makeOrgs(t, 'bank', BANKS);
    await makeOrgs(t, 'association', [ASSOCIATION]);
    await makeOrgs(t, 'review_unit', [REVIEW_UNIT]);
    // In the registry, not yet filed (中介机构备案 is done in the mini-program by 叶晓彤); fixed facts, off the random stream.
    const unfiled = await Org.create({ kind: 'agency', ...UNFILED_AGENCY }, { transaction: t });
    orgIds.set(unfiled.name, unfiled.id);
    summary.orgs++;

    const now = new Date();
    for (const a of DEMO_ACCOUNTS) {
      if (PROPERTY_DEMO_ACCOUNTS.includes(a)) continue; // made with their organisation in seed/property.ts
      await addUser(t, {
        username: a.username, password_hash: pwHash, display_name: a.name, org_id: a.org ? orgIds.get(a.org)! : null,
        must_change_password: !!a.mustChange, password_changed_at: a.mustChange ? null : now,
        totp_secret_enc: a.totp ? encrypt(key, DEMO_TOTP_SECRET) : null, totp_enrolled_at: a.totp ? now : null,
        phone_enc: encrypt(key, mobile(rng)),
      }, a.roles);
    }
    await appendAudit(t, SYSTEM_ACTOR, { action: 'system.seed', detail: { scale } });
  });

  // Projects, buildings and rooms, one transaction per project so a large seed stays responsive.
  const projectCount = Math.max(1, Math.round(28 * scale));
  const registeredRooms: { id: number; project_id: number }[] = [];
  const projects: Project[] = [];
  for (let p = 0; p < projectCount; p++) {
    const buildingsOfProject: Building[] = [];
    await deps.db.tx(async (t) => {
      const name = `${rng.pick(NAME_A)}${rng.pick(NAME_B)}${p >= NAME_A.length ? `${Math.floor(p / NAME_A.length) + 1}期` : ''}`;
      const parcel = parcelCode(p);
      const developerId = developerIds[p % developerIds.length];
      const project = await Project.create(
        {
          developer_org_id: developerId, name, filed_name: `${name}项目`, marketing_name: `横琴·${name}`, parcel_code: parcel,
          address: `珠海市横琴粤澳深度合作区${rng.pick(ROADS)}${rng.int(1, 999)}号`, district: rng.pick(DISTRICTS),
          // GCJ-02 coordinates on Hengqin island.
          lng: Math.round((113.495 + rng.next() * 0.06) * 1e6) / 1e6, lat: Math.round((22.095 + rng.next() * 0.05) * 1e6) / 1e6,
          land_area: rng.int(8000, 60000) * 100, planned_floor_area: rng.int(40000, 220000) * 100, status: rng.pick(['selling', 'selling', 'selling', 'completed']),
          ...projectFacts(rng, p),
        },
        { transaction: t },
      );
      projects.push(project);
      summary.projects++;
      // The first project is the flagship: 8 buildings × 25 floors × 10 rooms = 2,000 rooms (the benchmark's building table).
      const flagship = p === 0;
      const buildingCount = flagship ? 8 : rng.int(4, 7);
      for (let b = 1; b <= buildingCount; b++) {
        const use = rng.weighted([['residential', 7], ['office', 2], ['commercial', 1]] as const);
        const floors = flagship ? 25 : rng.int(18, 32);
        const perFloor = flagship ? 10 : rng.int(4, 8);
        const building = await Building.create(
          {
            project_id: project.id, building_no: `${b}栋`, survey_no: `${parcel.slice(-5)}-${String(b).padStart(3, '0')}`,
            structure: '钢筋混凝土', use, floors_total: floors, floors_built: project.status === 'completed' ? floors : rng.int(Math.floor(floors / 2), floors),
            floors_underground: rng.int(1, 3), address: `${project.address}${b}栋`, total_area: 0, base_area: rng.int(800, 2000) * 100,
            presale_room_count: floors * perFloor,
          },
          { transaction: t },
        );
        summary.buildings++;
        const rooms: CreationAttributes<Room>[] = [];
        let totalArea = 0;
        for (let f = 1; f <= floors; f++) {
          for (let r = 1; r <= perFloor; r++) {
            const build = use === 'residential' ? rng.int(6500, 16000) : rng.int(4000, 30000);
            const inner = Math.round(build * (0.78 + rng.next() * 0.08));
            const status = rng.weighted(STATUS_MIX);
            const flags: RoomFlag[] = [];
            if ((status === 'filed' || status === 'registered') && rng.chance(0.25)) flags.push('mortgaged');
            if (rng.chance(0.008)) flags.push('seized');
            if (status === 'available' && rng.chance(0.02)) flags.push('sale_suspended');
            const unitPrice = (use === 'residential' ? rng.int(42000, 68000) : rng.int(28000, 45000)) * 100;
            totalArea += build;
            rooms.push({
              building_id: building.id, project_id: project.id, unit_number: unitNumber(parcel, b, f * 100 + r), unit_name: `${1 + Math.floor((r - 1) / 4)}单元`,
              floor: f, room_no: `${f}${String(r).padStart(2, '0')}`, use, office_subtype: use === 'office' ? rng.pick(['serviced', 'ordinary']) : null,
              build_area: build, inner_area: inner, shared_area: build - inner, floor_height: use === 'residential' ? 300 : rng.pick([380, 450, 540]),
              filed_unit_price: status === 'unsellable' ? null : unitPrice, filed_total_price: status === 'unsellable' ? null : Math.round((unitPrice * build) / 100),
              fitout: rng.chance(0.4), sale_status: status, flags: flags.join(','),
            });
          }
        }
        await Room.bulkCreate(rooms, { transaction: t });
        await building.update({ total_area: totalArea, ...progressOf(rng, project.status, building.floors_total, building.floors_built) }, { transaction: t });
        summary.rooms += rooms.length;
        buildingsOfProject.push(building);
      }
      // Presale permits over the buildings, two buildings per permit (a completed project's first is a 现售备案).
      const permitOf = new Map<number, string>();
      for (let i = 0; i < buildingsOfProject.length; i += 2) {
        const covered = buildingsOfProject.slice(i, i + 2);
        const kind = project.status === 'completed' && i === 0 ? 'completed' : 'presale';
        const issuedOn = `${2024 + ((p + i) % 3)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const number = await seedPermitNumber(t, kind, issuedOn);
        await PresalePermit.create({
          project_id: project.id, ...number, kind, building_ids: covered.map((b) => b.id).join(','),
          room_count: covered.reduce((a, b) => a + b.presale_room_count, 0), area: covered.reduce((a, b) => a + Number(b.total_area), 0), issued_on: issuedOn,
        }, { transaction: t });
        for (const b of covered) permitOf.set(b.id, number.permit_no);
      }
      // The building-table bus: each room's history from creation to its current state.
      const created = await Room.findAll({ where: { project_id: project.id }, attributes: ['id', 'building_id', 'project_id', 'sale_status', 'flags'], order: [['id', 'ASC']], transaction: t });
      const events = buildSeedEvents(rng, created, new Date(Date.UTC(2024, 0, 8) + p * 86400000 * 5), permitOf);
      for (let i = 0; i < events.length; i += 2000) await RoomEvent.bulkCreate(events.slice(i, i + 2000), { transaction: t });
      const lastSeq = new Map<number, number>();
      for (const e of events) lastSeq.set(e.room_id, e.seq);
      for (const [seq, ids] of groupBySeq(lastSeq)) await Room.update({ event_seq: seq }, { where: { id: ids }, transaction: t });
    });
  }

  // Owners of registered rooms, communities for completed projects, and WeChat personas.
  await deps.db.tx(async (t) => {
    const completed = projects.filter((p) => p.status === 'completed');
    for (const p of completed.length ? completed : projects.slice(0, 3)) {
      await Community.create(
        {
          project_id: p.id, name: p.name, address: p.address, district: p.district, property_org_id: orgIds.get(PROPERTY_COS[p.id % PROPERTY_COS.length])!,
          committee_org_id: null, street_office: rng.pick(['横琴街道小横琴社区', '横琴街道新家园社区', '横琴街道荷塘社区']), lng: p.lng, lat: p.lat,
        },
        { transaction: t },
      );
      summary.communities++;
    }
    const rooms = await Room.findAll({ where: { sale_status: 'registered' }, attributes: ['id', 'project_id'], order: [['id', 'ASC']], limit: Math.round(300 * scale), transaction: t });
    registeredRooms.push(...rooms.map((r) => ({ id: r.id, project_id: r.project_id })));
    const ids = simIdentities();
    let roomIdx = 0;
    for (const persona of PERSONAS) {
      const sim = persona.sim != null ? ids[persona.sim] : null;
      const u = await addUser(t, {
        display_name: persona.name, wechat_openid: persona.openid, org_id: persona.org ? orgIds.get(persona.org)! : null,
        ...(sim ? personFields(persona.name, sim.idNumber, sim.phone) : { phone_enc: encrypt(key, persona.phone ?? mobile(rng)) }),
      }, persona.roles);
      if (persona.roles.includes('owner')) {
        const room = registeredRooms[roomIdx++];
        await HouseOwner.create({ room_id: room.id, user_id: u.id, relation: 'owner', verified_at: new Date() }, { transaction: t });
        summary.owners++;
      }
    }
    for (; roomIdx < registeredRooms.length; roomIdx++) {
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
      const u = await addUser(t, personFields(name, residentId(rng), mobile(rng)), ['owner']);
      await HouseOwner.create({ room_id: registeredRooms[roomIdx].id, user_id: u.id, relation: 'owner', verified_at: new Date() }, { transaction: t });
      summary.owners++;
    }
  });
  // Policies, notices, buyer guides and the video (after communities, so a community notice has one).
  await deps.db.tx(async (t) => {
    summary.contents = await seedContent(deps, t);
  });
  // Enterprise registry, brokers and credit last, from their own random stream.
  await deps.db.tx((t) => seedEnterprises(deps, t));
  // Street office, owners' committee, registry titles, the communities' first sync, patrols, notices.
  await seedProperty(deps, { scale, passwordHash: pwHash });
  return summary;
}

const LAND_USES = [['城镇住宅用地', '住宅'], ['商服用地', '商业、办公'], ['城镇住宅用地、商服用地', '住宅、商业'], ['商务金融用地', '办公']] as const;

function projectFacts(rng: Rng, p: number) {
  const [landUse, plannedUse] = rng.pick(LAND_USES);
  const start = 2014 + (p % 8);
  return {
    land_use: landUse, planned_use: plannedUse, land_term_start: `${start}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
    land_term_end: `${start + (landUse.startsWith('城镇住宅') ? 70 : 40)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
    plot_ratio: rng.int(180, 450), greening_rate: rng.int(30, 40) * 100,
    land_cert_no: `粤（${start}）横琴不动产权第${String(rng.int(1, 99999)).padStart(7, '0')}号`,
    planning_permit_no: `建字第440400${start}${String(rng.int(1, 9999)).padStart(4, '0')}号`,
    construction_permit_no: `440404${start}${String(rng.int(101, 1228)).padStart(4, '0')}-${String(rng.int(1, 99)).padStart(2, '0')}`,
    delivery_date: `${start + 4}-12-31`,
  };
}

function progressOf(rng: Rng, status: string, floors: number, built: number) {
  if (status === 'completed') return { progress_node: 'completion_filed', progress_floors: floors, progress_at: new Date(Date.UTC(2025, rng.int(0, 11), rng.int(1, 28))) };
  if (built >= floors) return { progress_node: 'topped_out', progress_floors: floors, progress_at: new Date(Date.UTC(2026, rng.int(0, 9), rng.int(1, 28))) };
  return { progress_node: 'structure', progress_floors: built, progress_at: new Date(Date.UTC(2026, rng.int(0, 9), rng.int(1, 28))) };
}

function groupBySeq(lastSeq: Map<number, number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [id, seq] of lastSeq) {
    const list = out.get(seq);
    if (list) list.push(id);
    else out.set(seq, [id]);
  }
  return out;
}
