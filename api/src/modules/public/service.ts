// Public disclosure (no login): what buyers see of projects, building tables, rooms, developers
// and agencies. Only whitelisted facts leave here; no person's name, ID or phone number does.
import { QueryTypes } from 'sequelize';
import {
  roomDisplay, parseFlags, PROGRESS_NODES, fromGcj02, toGcj02, round6,
  type BuildingSummary, type BuildingTable, type MapQuery, type MapResponse, type ProgressBrief, type PublicProjectDetail,
  type PublicProjectQuery, type PublicRoomDetail, type ProgressNode, type RoomUse, type SaleStatus, type TableRoom, type PermitSummary,
} from '@hq/common';
import type { Db } from '../../platform/db';
import { Building, PresalePermit, ProgressReport, Project, Room, RoomEvent } from '../realestate/models';
import { eventText } from '../realestate/bus';
import { projectIndex, summaryOf, type IndexedProject } from './projectIndex';

// ---------- search ----------

export async function searchProjects(db: Db, q: PublicProjectQuery) {
  const all = await projectIndex(db).all();
  const has = (v: string | null | undefined, needle: string) => !!v && v.toLowerCase().includes(needle.toLowerCase());
  let hits = all.filter((p) =>
    (!q.keyword || p.haystack.includes(q.keyword.toLowerCase()))
    && (!q.name || has(p.name, q.name) || has(p.filedName, q.name) || has(p.marketingName, q.name))
    && (!q.developer || has(p.developerName, q.developer))
    && (!q.district || p.district === q.district || has(p.district, q.district))
    && (!q.use || p.uses.includes(q.use))
    && (!q.permitNo || p.permitNos.some((n) => has(n, q.permitNo!)))
    && (!q.status || p.status === q.status));
  const price = (p: IndexedProject) => p.minUnitPrice ?? Number.MAX_SAFE_INTEGER;
  switch (q.sort) {
    case 'available_desc': hits = hits.sort((a, b) => b.availableCount - a.availableCount || a.id - b.id); break;
    case 'price_asc': hits = hits.sort((a, b) => price(a) - price(b) || a.id - b.id); break;
    case 'price_desc': hits = hits.sort((a, b) => (b.maxUnitPrice ?? -1) - (a.maxUnitPrice ?? -1) || a.id - b.id); break;
    default: hits = hits.sort((a, b) => Number(b.availableCount > 0) - Number(a.availableCount > 0) || a.id - b.id);
  }
  const start = (q.page - 1) * q.pageSize;
  return { items: hits.slice(start, start + q.pageSize).map(summaryOf), total: hits.length, page: q.page, pageSize: q.pageSize };
}

// ---------- map ----------

/** Cell size in degrees of a 64-pixel square at this zoom (Web Mercator, 256-px tiles). */
function cellDegrees(zoom: number): number {
  return (360 / 2 ** zoom) / 4;
}

export async function mapProjects(db: Db, q: MapQuery): Promise<MapResponse> {
  const [a, b, c, d] = q.bbox.split(',').map(Number);
  const sw = toGcj02({ lng: a, lat: b }, q.crs);
  const ne = toGcj02({ lng: c, lat: d }, q.crs);
  const all = await projectIndex(db).all();
  const inBox = all.filter((p) => p.lng != null && p.lat != null && p.lng >= sw.lng && p.lng <= ne.lng && p.lat >= sw.lat && p.lat <= ne.lat
    && (!q.use || p.uses.includes(q.use)));
  const out = (lng: number, lat: number) => {
    const r = fromGcj02({ lng, lat }, q.crs);
    return { lng: round6(r.lng), lat: round6(r.lat) };
  };
  const point = (p: IndexedProject) => ({
    id: p.id, name: p.name, ...out(p.lng!, p.lat!), status: p.status, roomCount: p.roomCount, availableCount: p.availableCount, minUnitPrice: p.minUnitPrice,
  });
  // Close enough in: every project is its own marker.
  if (q.zoom >= 17 || inBox.length <= 30) return { crs: q.crs, zoom: q.zoom, clusters: [], points: inBox.map(point), total: inBox.length };
  const size = cellDegrees(q.zoom);
  const cells = new Map<string, IndexedProject[]>();
  for (const p of inBox) {
    const key = `${Math.floor(p.lng! / size)}:${Math.floor(p.lat! / size)}`;
    (cells.get(key) ?? cells.set(key, []).get(key)!).push(p);
  }
  const clusters: MapResponse['clusters'] = [];
  const points: MapResponse['points'] = [];
  for (const members of cells.values()) {
    if (members.length === 1) {
      points.push(point(members[0]));
      continue;
    }
    let sx = 0, sy = 0, minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const m of members) {
      sx += m.lng!; sy += m.lat!;
      minX = Math.min(minX, m.lng!); minY = Math.min(minY, m.lat!); maxX = Math.max(maxX, m.lng!); maxY = Math.max(maxY, m.lat!);
    }
    const centre = out(sx / members.length, sy / members.length);
    const lo = out(minX, minY);
    const hi = out(maxX, maxY);
    clusters.push({ ...centre, count: members.length, bbox: [lo.lng, lo.lat, hi.lng, hi.lat] });
  }
  return { crs: q.crs, zoom: q.zoom, clusters, points, total: inBox.length };
}

// ---------- project detail ----------

async function latestProgress(buildingIds: number[]): Promise<Map<number, ProgressBrief>> {
  if (!buildingIds.length) return new Map();
  const reports = await ProgressReport.findAll({ where: { building_id: buildingIds }, order: [['building_id', 'ASC'], ['id', 'DESC']] });
  const out = new Map<number, ProgressBrief>();
  for (const r of reports) {
    if (out.has(r.building_id)) continue;
    const ids = r.photo_ids ? r.photo_ids.split(',').filter(Boolean) : [];
    out.set(r.building_id, {
      node: r.node as ProgressNode, label: progressLabel(r.node, r.floors_done), floorsDone: r.floors_done, reportedOn: r.reported_on,
      photos: ids.map((id) => ({ id, url: `/api/public/files/${id}`, thumbnailUrl: `/api/public/files/${id}?variant=thumb` })),
    });
  }
  return out;
}

export function progressLabel(node: string, floors: number | null): string {
  const label = PROGRESS_NODES[node as ProgressNode] ?? node;
  return node === 'structure' && floors ? `${label}（已建${floors}层）` : label;
}

function buildingFacts(b: Building, counts: { roomCount: number; availableCount: number }): Omit<BuildingSummary, 'progress'> {
  return {
    id: b.id, buildingNo: b.building_no, surveyNo: b.survey_no, structure: b.structure, use: b.use as RoomUse, floorsTotal: b.floors_total,
    floorsBuilt: b.floors_built, floorsUnderground: b.floors_underground, address: b.address, totalArea: Number(b.total_area),
    baseArea: b.base_area == null ? null : Number(b.base_area), presaleRoomCount: b.presale_room_count, ...counts,
  };
}

export async function projectVersion(db: Db, id: number): Promise<number | null> {
  const [row] = await db.sequelize.query<{ version: number }>('SELECT version FROM projects WHERE id = :id', { replacements: { id }, type: QueryTypes.SELECT });
  return row ? Number(row.version) : null;
}

export async function buildingVersion(db: Db, id: number): Promise<number | null> {
  const [row] = await db.sequelize.query<{ version: number }>('SELECT version FROM buildings WHERE id = :id', { replacements: { id }, type: QueryTypes.SELECT });
  return row ? Number(row.version) : null;
}

export async function roomVersion(db: Db, id: number): Promise<string | null> {
  const [row] = await db.sequelize.query<{ version: number; seq: number }>(
    'SELECT b.version AS version, r.event_seq AS seq FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.id = :id',
    { replacements: { id }, type: QueryTypes.SELECT },
  );
  return row ? `${row.version}:${row.seq}` : null;
}

export async function permitsOf(projectId: number, buildings: Building[]): Promise<PermitSummary[]> {
  const names = new Map(buildings.map((b) => [b.id, b.building_no]));
  const permits = await PresalePermit.findAll({ where: { project_id: projectId }, order: [['issued_on', 'ASC'], ['id', 'ASC']] });
  return permits.map((p) => ({
    id: p.id, permitNo: p.permit_no, kind: p.kind, issuedOn: p.issued_on, roomCount: p.room_count, area: Number(p.area), status: p.status,
    buildingNos: p.building_ids.split(',').map(Number).map((id) => names.get(id)).filter((x): x is string => !!x),
  }));
}

export async function projectDetail(db: Db, id: number): Promise<PublicProjectDetail | null> {
  const p = await Project.findByPk(id);
  if (!p) return null;
  const idx = await projectIndex(db).atVersion(id, p.version);
  if (!idx) return null;
  const buildings = await Building.findAll({ where: { project_id: id }, order: [['id', 'ASC']] });
  const counts = await db.sequelize.query<{ building_id: number; n: number | string; a: number | string }>(
    "SELECT building_id, COUNT(*) AS n, SUM(CASE WHEN sale_status = 'available' AND flags NOT LIKE '%sale_suspended%' THEN 1 ELSE 0 END) AS a FROM rooms WHERE project_id = :id GROUP BY building_id",
    { replacements: { id }, type: QueryTypes.SELECT },
  );
  const countBy = new Map(counts.map((c) => [c.building_id, { roomCount: Number(c.n), availableCount: Number(c.a) }]));
  const progress = await latestProgress(buildings.map((b) => b.id));
  return {
    ...summaryOf(idx),
    filedName: p.filed_name, parcelCode: p.parcel_code, landArea: p.land_area == null ? null : Number(p.land_area),
    plannedFloorArea: p.planned_floor_area == null ? null : Number(p.planned_floor_area), landUse: p.land_use, plannedUse: p.planned_use,
    landTermStart: p.land_term_start, landTermEnd: p.land_term_end, plotRatio: p.plot_ratio, greeningRate: p.greening_rate,
    landCertNo: p.land_cert_no, planningPermitNo: p.planning_permit_no, constructionPermitNo: p.construction_permit_no, deliveryDate: p.delivery_date,
    permits: await permitsOf(id, buildings),
    buildings: buildings.map((b) => ({
      ...buildingFacts(b, countBy.get(b.id) ?? { roomCount: 0, availableCount: 0 }),
      progress: progress.get(b.id) ?? (b.progress_node
        ? { node: b.progress_node as ProgressNode, label: progressLabel(b.progress_node, b.progress_floors), floorsDone: b.progress_floors, reportedOn: b.progress_at ? b.progress_at.toISOString().slice(0, 10) : '', photos: [] }
        : null),
    })),
    sales: idx.sales,
  };
}

// ---------- building table ----------

type TableRoomRow = Pick<Room, 'id' | 'room_no' | 'unit_name' | 'floor' | 'use' | 'build_area' | 'inner_area' | 'sale_status' | 'flags' | 'filed_unit_price' | 'filed_total_price' | 'fitout' | 'unit_number'>;

export function tableRoom(r: TableRoomRow): TableRoom {
  const status = r.sale_status as SaleStatus;
  const flags = parseFlags(r.flags);
  const shown = roomDisplay(status, flags);
  // A price is public once filed; a room that is not for sale shows none.
  const priced = status !== 'unsellable';
  return {
    id: r.id, roomNo: r.room_no, unit: r.unit_name, floor: r.floor, use: r.use as RoomUse, buildArea: r.build_area, innerArea: r.inner_area,
    status, flags, legendKey: shown.legendKey, colour: shown.colour, label: shown.label, badges: shown.badges,
    unitPrice: priced && r.filed_unit_price != null ? Number(r.filed_unit_price) : null, totalPrice: priced && r.filed_total_price != null ? Number(r.filed_total_price) : null,
    fitout: !!r.fitout,
  };
}

const TABLE_ATTRS = ['id', 'building_id', 'room_no', 'unit_name', 'floor', 'use', 'build_area', 'inner_area', 'sale_status', 'flags', 'filed_unit_price', 'filed_total_price', 'fitout', 'unit_number'];

export function assembleTable<R extends TableRoom>(rooms: R[]): { floors: { floor: number; rooms: R[] }[]; counts: Record<string, number> } {
  const byFloor = new Map<number, R[]>();
  const counts: Record<string, number> = {};
  for (const r of rooms) {
    (byFloor.get(r.floor) ?? byFloor.set(r.floor, []).get(r.floor)!).push(r);
    counts[r.legendKey] = (counts[r.legendKey] ?? 0) + 1;
  }
  const floors = [...byFloor.entries()].sort((a, b) => b[0] - a[0]).map(([floor, rs]) => ({
    floor, rooms: rs.sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? '') || a.roomNo.localeCompare(b.roomNo, 'zh-Hans-CN', { numeric: true })),
  }));
  return { floors, counts };
}

export async function buildingTables(db: Db, where: { buildingId?: number; projectId?: number }, withUnitNumber = false): Promise<(Omit<BuildingTable, 'project'> & { projectId: number })[]> {
  const buildings = await Building.findAll({ where: where.buildingId ? { id: where.buildingId } : { project_id: where.projectId! }, order: [['id', 'ASC']] });
  if (!buildings.length) return [];
  const rooms = await Room.findAll({
    where: where.buildingId ? { building_id: where.buildingId } : { project_id: where.projectId! }, attributes: TABLE_ATTRS, raw: true,
  }) as unknown as (TableRoomRow & { building_id: number })[];
  const byBuilding = new Map<number, (TableRoom & { unitNumber?: string })[]>();
  for (const r of rooms) {
    const t: TableRoom & { unitNumber?: string } = tableRoom(r);
    if (withUnitNumber) t.unitNumber = r.unit_number;
    (byBuilding.get(r.building_id) ?? byBuilding.set(r.building_id, []).get(r.building_id)!).push(t);
  }
  return buildings.map((b) => {
    const list = byBuilding.get(b.id) ?? [];
    const { floors, counts } = assembleTable(list);
    const availableCount = list.filter((r) => r.legendKey === 'available').length;
    return { projectId: b.project_id, building: buildingFacts(b, { roomCount: list.length, availableCount }), floors, counts, version: b.version };
  });
}

// ---------- room ----------

export async function roomDetail(db: Db, id: number): Promise<PublicRoomDetail | null> {
  const r = await Room.findByPk(id);
  if (!r) return null;
  const [b, p, events] = await Promise.all([
    Building.findByPk(r.building_id),
    Project.findByPk(r.project_id),
    RoomEvent.findAll({ where: { room_id: id }, order: [['seq', 'ASC']] }),
  ]);
  const t = tableRoom(r);
  return {
    id: r.id, unitNumber: r.unit_number, project: { id: p!.id, name: p!.name, district: p!.district, address: p!.address },
    building: { id: b!.id, buildingNo: b!.building_no }, unit: r.unit_name, floor: r.floor, roomNo: r.room_no, use: r.use as RoomUse,
    officeSubtype: (r.office_subtype as 'serviced' | 'ordinary' | null) ?? null, buildArea: r.build_area, innerArea: r.inner_area, sharedArea: r.shared_area,
    floorHeight: r.floor_height, unitPrice: t.unitPrice, totalPrice: t.totalPrice, fitout: t.fitout, status: t.status, flags: t.flags,
    legendKey: t.legendKey, colour: t.colour, label: t.label, badges: t.badges,
    // Public history: what changed and when, never who (contract numbers and court references stay internal).
    history: events.map((e) => ({ at: e.created_at.toISOString(), kind: e.kind, text: eventText(e), status: e.after_status as SaleStatus, source: e.source })),
  };
}

// ---------- enterprises (RE-005, RE-006, RE-143, RE-144, PM-055, PM-106) ----------
// Profiles carry registry state, qualification or filing, and the credit grade; they are built by
// the enterprises module and re-exported here so the public routes read one service.

export {
  developerProfile, profileVersion, searchAgencies, agencyProfile, searchBrokers, brokerProfile, searchPropertyCompanies, propertyCompanyProfile, profileQr,
} from '../enterprises/publicProfiles';
