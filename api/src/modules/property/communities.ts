// Communities (小区, PM-001/002, PM-155) are made from real-estate projects and kept in sync with
// them: location, developer and address come from the project; the number of houses and of
// registered houses from the building table through the registry adapter — never retyped.
import { Op, QueryTypes, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import {
  maskName, shanghaiDate, TICKET_STATUSES, isTicketOpen, type CommunityDetail, type CommunitySummary, type OrgKind, type z,
  type communityCreate, type communityHouse, type communityHouseQuery, type communityQuery, type communityUpdate, type syncResult,
} from '@hq/common';
import type { Deps } from '../../platform/deps';
import type { AuthUser } from '../../platform/http/types';
import { AppError, errors } from '../../platform/errors';
import { appendAudit, type AuditActor } from '../../platform/audit/audit';
import { Org, User } from '../../platform/models';
import { Building, Project, Room } from '../realestate/models';
import { Ticket } from '../tickets/models';
import { REGISTRY_DOWN_CODES, type ProjectTitles } from '../../integrations/registry/client';
import { Community, HouseOwner } from './models';
import { assertCommunityVisible, assertMaySync, visibleCommunities } from './policy';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type CommunityInput = z.infer<typeof communityCreate>;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const likeOf = (keyword: string) => `%${keyword.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
const OPEN_STATUSES = TICKET_STATUSES.filter(isTicketOpen);

const notFound = () => errors.notFound('COMMUNITY_NOT_FOUND', '小区不存在');

// ---------- presenters ----------

/** Verified owners (people, not houses) per project. */
async function verifiedOwnersByProject(projectIds: number[], t?: Transaction): Promise<Map<number, number>> {
  if (!projectIds.length) return new Map();
  const rows = await Community.sequelize!.query<{ project_id: number; n: number }>(
    `SELECT r.project_id AS project_id, COUNT(DISTINCT h.user_id) AS n FROM house_owners h JOIN rooms r ON r.id = h.room_id
     WHERE h.relation = 'owner' AND h.verified_at IS NOT NULL AND r.project_id IN (:projectIds) GROUP BY r.project_id`,
    { replacements: { projectIds }, type: QueryTypes.SELECT, transaction: t },
  );
  return new Map(rows.map((r) => [Number(r.project_id), Number(r.n)]));
}

async function orgNames(ids: (number | null)[], t?: Transaction): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((x): x is number => x != null))];
  if (!unique.length) return new Map();
  const orgs = await Org.findAll({ where: { id: unique }, attributes: ['id', 'name'], transaction: t });
  return new Map(orgs.map((o) => [o.id, o.name]));
}

export async function presentCommunities(rows: Community[], t?: Transaction): Promise<CommunitySummary[]> {
  const [names, owners] = await Promise.all([
    orgNames(rows.flatMap((c) => [c.property_org_id, c.committee_org_id, c.street_org_id]), t),
    verifiedOwnersByProject(rows.map((c) => c.project_id).filter((x): x is number => x != null), t),
  ]);
  const name = (id: number | null) => (id != null ? names.get(id) ?? null : null);
  return rows.map((c) => ({
    id: c.id, name: c.name, address: c.address, district: c.district, projectId: c.project_id,
    propertyOrgId: c.property_org_id, propertyOrgName: name(c.property_org_id),
    committeeOrgId: c.committee_org_id, committeeOrgName: name(c.committee_org_id),
    streetOrgId: c.street_org_id, streetOffice: c.street_office ?? name(c.street_org_id),
    houses: c.houses, verifiedOwners: c.project_id != null ? owners.get(c.project_id) ?? 0 : 0,
    lng: c.lng, lat: c.lat, syncedAt: iso(c.synced_at),
  }));
}

async function presentDetail(c: Community): Promise<CommunityDetail> {
  const [summary] = await presentCommunities([c]);
  const project = c.project_id != null ? await Project.findByPk(c.project_id, { attributes: ['id', 'developer_org_id'] }) : null;
  const today = shanghaiDate();
  const [developer, buildings, openTickets, overdueTickets] = await Promise.all([
    project ? Org.findByPk(project.developer_org_id, { attributes: ['name'] }) : null,
    c.project_id != null ? Building.count({ where: { project_id: c.project_id } }) : 0,
    Ticket.count({ where: { community_id: c.id, status: OPEN_STATUSES } }),
    Ticket.count({ where: { community_id: c.id, status: OPEN_STATUSES, due_date: { [Op.lt]: today } } }),
  ]);
  return { ...summary, developerOrgName: developer?.name ?? null, buildings, registeredHouses: c.registered_houses, openTickets, overdueTickets };
}

// ---------- reads ----------

export async function listCommunities(user: AuthUser, q: z.infer<typeof communityQuery>): Promise<Page<CommunitySummary>> {
  const and: WhereOptions<Community>[] = [];
  const scope = visibleCommunities(user);
  if (scope) and.push(scope);
  if (q.q) {
    const like = likeOf(q.q);
    and.push({ [Op.or]: [{ name: { [Op.like]: like } }, { address: { [Op.like]: like } }, { district: { [Op.like]: like } }] });
  }
  if (q.propertyOrgId) and.push({ property_org_id: q.propertyOrgId });
  if (q.streetOrgId) and.push({ street_org_id: q.streetOrgId });
  const { rows, count } = await Community.findAndCountAll({
    where: { [Op.and]: and }, order: [['id', 'ASC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  return { items: await presentCommunities(rows), total: count, page: q.page, pageSize: q.pageSize };
}

async function visibleCommunity(user: AuthUser, id: number): Promise<Community> {
  const c = await Community.findByPk(id);
  if (!c) throw notFound();
  assertCommunityVisible(user, c);
  return c;
}

export async function getCommunity(user: AuthUser, id: number): Promise<CommunityDetail> {
  return presentDetail(await visibleCommunity(user, id));
}

/**
 * The community's houses from the building table, with the registered holder's name from the
 * registry (masked). If the registry cannot be reached the page still comes back, naming the
 * owners verified on this platform instead.
 */
export async function listHouses(deps: Deps, user: AuthUser, id: number, q: z.infer<typeof communityHouseQuery>): Promise<Page<z.infer<typeof communityHouse>>> {
  const c = await visibleCommunity(user, id);
  if (c.project_id == null) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const buildings = await Building.findAll({ where: { project_id: c.project_id }, attributes: ['id', 'building_no'] });
  const buildingName = new Map(buildings.map((b) => [b.id, b.building_no]));
  const and: WhereOptions<Room>[] = [{ project_id: c.project_id }];
  if (q.q) {
    const like = likeOf(q.q);
    const inBuildings = buildings.filter((b) => b.building_no.includes(q.q!)).map((b) => b.id);
    and.push({ [Op.or]: [{ room_no: { [Op.like]: like } }, { unit_number: { [Op.like]: like } }, ...(inBuildings.length ? [{ building_id: inBuildings }] : [])] });
  }
  const { rows, count } = await Room.findAndCountAll({
    where: { [Op.and]: and }, attributes: ['id', 'building_id', 'unit_number', 'room_no', 'floor', 'build_area', 'sale_status'],
    order: [['building_id', 'ASC'], ['floor', 'ASC'], ['room_no', 'ASC']], limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
  });
  const roomIds = rows.map((r) => r.id);
  const registryNames = new Map<number, string>();
  if (rows.some((r) => r.sale_status === 'registered')) {
    try {
      const titles = await deps.registry.listTitles(c.project_id, { roomIds: rows.filter((r) => r.sale_status === 'registered').map((r) => r.id) });
      for (const x of titles.titles) if (x.ownerName) registryNames.set(x.roomId, x.ownerName);
    } catch (e) {
      if (!(e instanceof AppError && REGISTRY_DOWN_CODES.includes(e.code))) throw e;
      deps.logger.warn({ code: e.code, communityId: c.id }, 'registry unavailable: houses listed with local owner names');
    }
  }
  const today = shanghaiDate();
  const bindings = roomIds.length ? await HouseOwner.findAll({ where: { room_id: roomIds }, attributes: ['room_id', 'user_id', 'relation', 'verified_at', 'valid_until'] }) : [];
  const live = bindings.filter((h) => (h.relation === 'owner' ? h.verified_at != null : h.valid_until == null || h.valid_until >= today));
  const ownerIds = [...new Set(live.filter((h) => h.relation === 'owner').map((h) => h.user_id))];
  const owners = ownerIds.length ? await User.findAll({ where: { id: ownerIds }, attributes: ['id', 'display_name'] }) : [];
  const ownerName = new Map(owners.map((u) => [u.id, u.display_name]));
  return {
    items: rows.map((r) => {
      const here = live.filter((h) => h.room_id === r.id);
      const local = here.find((h) => h.relation === 'owner');
      const name = registryNames.get(r.id) ?? (local ? ownerName.get(local.user_id) : undefined);
      return {
        roomId: r.id, buildingName: buildingName.get(r.building_id) ?? '', unitNumber: r.unit_number, roomNo: r.room_no, floor: r.floor,
        buildArea: r.build_area / 100, registered: r.sale_status === 'registered', ownerName: name ? maskName(name) : null, verifiedMembers: here.length,
      };
    }),
    total: count, page: q.page, pageSize: q.pageSize,
  };
}

// ---------- changes ----------

const ORG_LABEL: Partial<Record<OrgKind, string>> = { property_company: '物业服务企业', street_office: '街道/社区', owners_committee: '业主委员会' };

async function checkOrg(t: Transaction, id: number | null | undefined, kind: OrgKind, field: string): Promise<Org | null> {
  if (id == null) return null;
  const org = await Org.findByPk(id, { attributes: ['id', 'kind', 'name', 'status'], transaction: t });
  if (!org || org.kind !== kind) {
    throw errors.badRequest('COMMUNITY_ORG_INVALID', `所选单位不是${ORG_LABEL[kind]}`, [{ field, message: `${ORG_LABEL[kind]}：请从${ORG_LABEL[kind]}名录中选择` }]);
  }
  return org;
}

export async function createCommunity(deps: Deps, actor: AuditActor, user: AuthUser, input: CommunityInput): Promise<CommunityDetail> {
  let id: number;
  try {
    id = await deps.db.tx(async (t) => {
      const project = await Project.findByPk(input.projectId, { transaction: t });
      if (!project) throw errors.badRequest('PROJECT_NOT_FOUND', '房地产项目不存在', [{ field: 'projectId', message: '房地产项目：所选项目不存在' }]);
      const existing = await Community.findOne({ where: { project_id: project.id }, attributes: ['id', 'name'], transaction: t });
      if (existing) throw errors.conflict('COMMUNITY_EXISTS', `该项目已建立小区「${existing.name}」，请直接维护该小区`);
      await checkOrg(t, input.propertyOrgId, 'property_company', 'propertyOrgId');
      const street = await checkOrg(t, input.streetOrgId, 'street_office', 'streetOrgId');
      await checkOrg(t, input.committeeOrgId, 'owners_committee', 'committeeOrgId');
      const c = await Community.create({
        project_id: project.id, name: input.name ?? project.name, address: project.address, district: project.district,
        property_org_id: input.propertyOrgId, street_org_id: input.streetOrgId, street_office: street?.name ?? null,
        committee_org_id: input.committeeOrgId ?? null, lng: project.lng, lat: project.lat,
      }, { transaction: t });
      await appendAudit(t, actor, {
        action: 'community.create', objectType: 'community', objectId: c.id,
        detail: { projectId: project.id, name: c.name, propertyOrgId: c.property_org_id, streetOrgId: c.street_org_id, committeeOrgId: c.committee_org_id },
      });
      return c.id;
    });
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw errors.conflict('COMMUNITY_EXISTS', '该项目已建立小区，请直接维护该小区');
    throw e;
  }
  // The first sync straight away; a registry that is down leaves the community unsynced (synced_at
  // empty), which anyone may retry with POST /:id/sync.
  try {
    await syncCommunity(deps, actor, user, id);
  } catch (e) {
    if (!(e instanceof AppError && REGISTRY_DOWN_CODES.includes(e.code))) throw e;
  }
  return presentDetail((await Community.findByPk(id))!);
}

export async function updateCommunity(deps: Deps, actor: AuditActor, id: number, input: z.infer<typeof communityUpdate>): Promise<CommunityDetail> {
  await deps.db.tx(async (t) => {
    const c = await Community.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!c) throw notFound();
    const next: Partial<Community> = {};
    if (input.name !== undefined) next.name = input.name;
    if (input.propertyOrgId !== undefined) {
      await checkOrg(t, input.propertyOrgId, 'property_company', 'propertyOrgId');
      next.property_org_id = input.propertyOrgId;
    }
    if (input.streetOrgId !== undefined) {
      const street = await checkOrg(t, input.streetOrgId, 'street_office', 'streetOrgId');
      next.street_org_id = input.streetOrgId;
      next.street_office = street?.name ?? null;
    }
    if (input.committeeOrgId !== undefined) {
      await checkOrg(t, input.committeeOrgId, 'owners_committee', 'committeeOrgId');
      next.committee_org_id = input.committeeOrgId;
    }
    const changed = (Object.keys(next) as (keyof Community)[]).filter((k) => (c.get(k) ?? null) !== (next[k] ?? null));
    if (!changed.length) return;
    const before = Object.fromEntries(changed.map((k) => [k, c.get(k) ?? null]));
    await c.update(next, { transaction: t });
    await appendAudit(t, actor, { action: 'community.update', objectType: 'community', objectId: c.id, detail: { before, after: Object.fromEntries(changed.map((k) => [k, next[k] ?? null])) } });
  });
  return presentDetail((await Community.findByPk(id))!);
}

/**
 * Applies what the registry says about the project (and the project's own location) to the
 * community. Idempotent: the same answer twice changes nothing but synced_at.
 */
export async function applySync(t: Transaction, actor: AuditActor, c: Community, titles: ProjectTitles, now = new Date()): Promise<z.infer<typeof syncResult>> {
  const project = c.project_id != null ? await Project.findByPk(c.project_id, { attributes: ['id', 'address', 'district', 'lng', 'lat'], transaction: t }) : null;
  const added = Math.max(0, titles.houses - c.houses);
  const before = { houses: c.houses, registeredHouses: c.registered_houses };
  await c.update({
    houses: titles.houses, registered_houses: titles.registered, synced_at: now,
    ...(project ? { address: project.address, district: project.district, lng: project.lng, lat: project.lat } : {}),
  }, { transaction: t });
  await appendAudit(t, actor, {
    action: 'community.sync', objectType: 'community', objectId: c.id,
    detail: { projectId: c.project_id, before, after: { houses: titles.houses, registeredHouses: titles.registered }, added },
  });
  return { communityId: c.id, houses: titles.houses, registeredHouses: titles.registered, added, syncedAt: now.toISOString() };
}

export async function syncCommunity(deps: Deps, actor: AuditActor, user: AuthUser, id: number): Promise<z.infer<typeof syncResult>> {
  const c = await Community.findByPk(id, { attributes: ['id', 'project_id', 'property_org_id', 'street_org_id', 'committee_org_id'] });
  if (!c) throw notFound();
  assertMaySync(user, c);
  if (c.project_id == null) throw errors.conflict('COMMUNITY_NO_PROJECT', '该小区未关联房地产项目，无法从楼盘表同步');
  // Ask the registry before opening the transaction: nothing is held while it answers.
  const titles = await deps.registry.listTitles(c.project_id, { roomIds: [] });
  return deps.db.tx(async (t) => {
    const locked = await Community.findByPk(id, { transaction: t, lock: t.LOCK.UPDATE });
    if (!locked) throw notFound();
    return applySync(t, actor, locked, titles);
  });
}
