// Demo data of the property services, after everything else and from its own random stream (so
// the rest of the demo stays exactly as it was): the street office 横琴街道办事处 supervising every
// community, with its officer `street1`; the personas' community (the project of 张三's house,
// served by 横琴华发物业, where property1 and 潘子轩 work) with an owners' committee whose member is
// 王五; the registry simulator's titles for every seeded owner's house (their real identities) and
// one more registered house titled to 张三 that is not bound yet — verify it with
// DEMO_UNBOUND_CERT_NO; the first sync of every community; patrol tasks; community notices.
import { Op, type CreationAttributes } from 'sequelize';
import { addDays, shanghaiDate } from '@hq/common';
import type { Deps } from '../platform/deps';
import { Org, User, UserRole } from '../platform/models';
import { encrypt } from '../platform/crypto';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/audit';
import { Project, Room } from '../modules/realestate/models';
import { Community, HouseOwner, SimRegistryTitle } from '../modules/property/models';
import { Content } from '../modules/content/models';
import { PatrolTask } from '../modules/tickets/models';
import { applySync } from '../modules/property/communities';
import { simulatedProjectTitles } from '../integrations/registry/simulator';
import { Rng } from './rng';
import { mobile } from './identifiers';
import type { DemoAccount } from './demo';

export const STREET_OFFICE = '横琴街道办事处';
/** Accounts made here with their organisation (demo.ts lists them with the others). */
export const PROPERTY_DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'street1', name: '街道办 冯静', roles: ['street_officer'], org: STREET_OFFICE },
];
/** The property company of the personas' community (property1, 潘子轩). */
export const DEMO_PROPERTY_CO = '横琴华发物业服务有限公司';
/**
 * 不动产权证号 of the registered house titled to 张三 (o_demo_owner_a) that is not bound to anyone
 * yet: log in as 张三 and verify it (the browser tests do).
 */
export const DEMO_UNBOUND_CERT_NO = '粤(2025)珠海市不动产权第0900001号';

/** The 不动产权证号 the registry simulator gives the i-th seeded owner's house. */
export function seededCertNo(i: number): string {
  return `粤(${2019 + (i % 6)})珠海市不动产权第${String(100001 + i).padStart(7, '0')}号`;
}

export interface PropertySeedSummary {
  titles: number;
  communities: number;
  patrolTasks: number;
  notices: number;
}

const PATROLS: readonly { title: string; checklist: string[]; dueIn: number; done?: string }[] = [
  { title: '消防通道及消防设施月度巡查', checklist: ['消防通道是否畅通', '灭火器压力与有效期', '应急照明与疏散指示'], dueIn: -3 },
  { title: '电梯机房与轿厢安全巡查', checklist: ['电梯年检标志', '紧急呼叫装置', '机房温度与清洁'], dueIn: 5 },
  { title: '台风前公共区域安全排查', checklist: ['高空悬挂物', '地下车库挡水板', '排水沟渠'], dueIn: -10, done: '已完成全部检查，加固3处广告牌，清理排水沟2处。' },
];

const NOTICES: readonly { title: string; body: string; daysAgo: number }[] = [
  {
    title: '关于小区停水检修的通知',
    body: '尊敬的业主：\n\n因市政供水管网检修，本小区将于本周六 9:00–17:00 暂停供水，请提前做好储水准备。\n\n- 检修期间请关闭家中水龙头\n- 恢复供水后初期水质可能浑浊，请放水片刻后使用\n\n如有疑问请致电物业服务中心。',
    daysAgo: 2,
  },
  {
    title: '关于电梯年度维保的通知',
    body: '尊敬的业主：\n\n本小区各栋电梯将于下周一至周五逐栋进行年度维护保养，每栋停梯约2小时，具体时间以各栋电梯厅公示为准。给您带来不便，敬请谅解。',
    daysAgo: 6,
  },
  {
    title: '关于加强台风季节安全防范的温馨提示',
    body: '尊敬的业主：\n\n台风季节请关好门窗，收好阳台花盆等易坠物品，车辆请勿停放在低洼处。\n\n1. 关注气象预警信息\n2. 台风期间尽量减少外出\n3. 发现险情请立即联系物业服务中心',
    daysAgo: 12,
  },
];

export async function seedProperty(deps: Deps, opts: { scale?: number; passwordHash: string }): Promise<PropertySeedSummary> {
  const rng = new Rng(20261215);
  const summary: PropertySeedSummary = { titles: 0, communities: 0, patrolTasks: 0, notices: 0 };
  const today = shanghaiDate();

  await deps.db.tx(async (t) => {
    const key = deps.config.dataKey;
    const street = await Org.create({ kind: 'street_office', name: STREET_OFFICE, uscc: null, address: '珠海市横琴粤澳深度合作区环岛东路3000号' }, { transaction: t });
    for (const a of PROPERTY_DEMO_ACCOUNTS) {
      const u = await User.create({
        username: a.username, password_hash: opts.passwordHash, display_name: a.name, org_id: street.id, password_changed_at: new Date(),
        phone_enc: encrypt(key, mobile(rng)),
      }, { transaction: t });
      await UserRole.bulkCreate(a.roles.map((role) => ({ user_id: u.id, role })), { transaction: t });
    }
    const pco = (await Org.findOne({ where: { name: DEMO_PROPERTY_CO }, transaction: t }))!;

    // The personas' community: the project of 张三's house.
    const zhang = (await User.findOne({ where: { wechat_openid: 'o_demo_owner_a' }, transaction: t }))!;
    const zhangHouse = (await HouseOwner.findOne({ where: { user_id: zhang.id, relation: 'owner' }, transaction: t }))!;
    const home = (await Room.findByPk(zhangHouse.room_id, { attributes: ['id', 'project_id'], transaction: t }))!;
    let first = await Community.findOne({ where: { project_id: home.project_id }, transaction: t });
    if (!first) {
      const p = (await Project.findByPk(home.project_id, { transaction: t }))!;
      first = await Community.create({
        project_id: p.id, name: p.name, address: p.address, district: p.district, property_org_id: pco.id, committee_org_id: null,
        street_office: '横琴街道小横琴社区', lng: p.lng, lat: p.lat,
      }, { transaction: t });
    }
    const committee = await Org.create({ kind: 'owners_committee', name: `${first.name}业主委员会`, uscc: null, address: first.address }, { transaction: t });
    await first.update({ property_org_id: pco.id, committee_org_id: committee.id }, { transaction: t });
    await User.update({ org_id: committee.id }, { where: { wechat_openid: 'o_demo_committee_a' }, transaction: t });
    await Community.update({ street_org_id: street.id }, { where: {}, transaction: t });

    // The registry's titles: every seeded owner's house, in the owner's own name and identity.
    const owned = await HouseOwner.findAll({ where: { relation: 'owner', verified_at: { [Op.ne]: null } }, order: [['id', 'ASC']], transaction: t });
    const people = new Map((await User.findAll({ where: { id: owned.map((h) => h.user_id) }, attributes: ['id', 'display_name', 'id_no_hash'], transaction: t })).map((u) => [u.id, u]));
    const titles: CreationAttributes<SimRegistryTitle>[] = [];
    for (const [i, h] of owned.entries()) {
      const u = people.get(h.user_id);
      if (!u?.id_no_hash) continue;
      titles.push({ cert_no: seededCertNo(i), room_id: h.room_id, owner_name: u.display_name, owner_id_hash: u.id_no_hash, registered_on: `${2019 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}` });
      await h.update({ cert_no: seededCertNo(i) }, { transaction: t });
    }
    // One more registered house of 张三, not bound yet: in the personas' community if it has one free, else in another community.
    const communityProjects = [first.project_id!, ...(await Community.findAll({ where: { id: { [Op.ne]: first.id } }, attributes: ['project_id'], order: [['id', 'ASC']], transaction: t }))
      .map((c) => c.project_id).filter((x): x is number => x != null)];
    const taken = new Set(owned.map((h) => h.room_id));
    let spare: Room | undefined;
    for (const projectId of communityProjects) {
      const candidates = await Room.findAll({ where: { project_id: projectId, sale_status: 'registered' }, attributes: ['id'], order: [['id', 'ASC']], transaction: t });
      spare = candidates.find((r) => !taken.has(r.id));
      if (spare) break;
    }
    if (spare && zhang.id_no_hash) {
      titles.push({ cert_no: DEMO_UNBOUND_CERT_NO, room_id: spare.id, owner_name: zhang.display_name, owner_id_hash: zhang.id_no_hash, registered_on: '2025-06-18' });
    }
    await SimRegistryTitle.bulkCreate(titles, { transaction: t });
    summary.titles = titles.length;

    // The first sync, from what the registry simulator answers (the server is not listening yet).
    for (const c of await Community.findAll({ order: [['id', 'ASC']], transaction: t })) {
      const answer = c.project_id != null ? await simulatedProjectTitles(c.project_id, [], t) : null;
      if (answer) await applySync(t, SYSTEM_ACTOR, c, answer);
      summary.communities++;
    }

    // Patrol tasks and notices of the communities 横琴华发物业 serves (the personas' first).
    const served = await Community.findAll({ where: { property_org_id: pco.id }, order: [['id', 'ASC']], transaction: t });
    const served1 = [first, ...served.filter((c) => c.id !== first!.id)];
    const property1 = await User.findOne({ where: { username: 'property1' }, attributes: ['id'], transaction: t });
    const staff = await User.findOne({ where: { wechat_openid: 'o_demo_staff_a' }, attributes: ['id'], transaction: t });
    const tasks: CreationAttributes<PatrolTask>[] = [];
    const notices: CreationAttributes<Content>[] = [];
    const scale = opts.scale ?? 1;
    for (const [ci, c] of served1.slice(0, Math.max(1, Math.round(3 * Math.min(scale, 1)))).entries()) {
      for (const [pi, p] of PATROLS.entries()) {
        if (ci > 0 && pi > 0) break; // the others get one each
        const created = new Date(Date.now() - (14 - pi) * 86_400_000);
        const done = p.done ? new Date(Date.now() - (12 - pi) * 86_400_000) : null;
        tasks.push({
          community_id: c.id, org_id: pco.id, title: p.title, checklist: JSON.stringify(p.checklist), due_date: addDays(today, p.dueIn),
          assignee_user_id: staff?.id ?? null, status: done ? 'done' : 'open', done_at: done, done_note: p.done ?? null,
          created_by: property1?.id ?? null, created_at: created, updated_at: done ?? created,
        });
      }
      for (const [ni, n] of NOTICES.entries()) {
        if (ci > 0 && ni > 0) break;
        const at = new Date(Date.now() - (n.daysAgo + rng.int(0, 5) / 24) * 86_400_000);
        notices.push({
          channel: 'notice', section: 'property', category: null, title: n.title, summary: null, body: n.body, issuer: `${c.name}物业服务中心`,
          doc_no: null, video_file_id: null, attachment_ids: '', community_id: c.id, status: 'published', publish_at: at, published_at: at,
          version: 1, created_by: property1?.id ?? null, updated_by: property1?.id ?? null, created_at: at, updated_at: at,
        });
      }
    }
    await PatrolTask.bulkCreate(tasks, { transaction: t });
    await Content.bulkCreate(notices, { transaction: t });
    summary.patrolTasks = tasks.length;
    summary.notices = notices.length;
    await appendAudit(t, SYSTEM_ACTOR, { action: 'system.seed.property', detail: { ...summary } });
  });
  return summary;
}
