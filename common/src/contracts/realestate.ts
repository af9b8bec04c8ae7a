// Contracts of the real-estate spine: public disclosure (no login), and the regulators' and
// developers' management views. Areas are integer 0.01 m²; money is integer fen.
import { z } from '../zod';
import { pageQuery } from './common';
import { ROOM_FLAGS, ROOM_USES, SALE_STATUSES, PROGRESS_NODES, PROJECT_STATUSES, ROOM_EVENT_SOURCES } from '../realestate';

const saleStatus = z.enum(SALE_STATUSES);
const roomFlag = z.enum(ROOM_FLAGS);
const roomUse = z.enum(ROOM_USES);
const progressNode = z.enum(Object.keys(PROGRESS_NODES) as [keyof typeof PROGRESS_NODES, ...(keyof typeof PROGRESS_NODES)[]]);
const projectStatus = z.enum(Object.keys(PROJECT_STATUSES) as [keyof typeof PROJECT_STATUSES, ...(keyof typeof PROJECT_STATUSES)[]]);
const eventSource = z.enum(Object.keys(ROOM_EVENT_SOURCES) as [keyof typeof ROOM_EVENT_SOURCES, ...(keyof typeof ROOM_EVENT_SOURCES)[]]);
const legendKey = z.enum([...SALE_STATUSES, 'suspended']);
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不超过${max}个字符`);

// ---------- public disclosure ----------

export const publicProjectQuery = pageQuery.extend({
  keyword: text(50, '关键字').optional(),
  name: text(50, '项目名称').optional(),
  developer: text(50, '开发企业').optional(),
  district: text(32, '片区').optional(),
  use: roomUse.optional(),
  permitNo: text(64, '预售证号').optional(),
  status: projectStatus.optional(),
  sort: z.enum(['default', 'available_desc', 'price_asc', 'price_desc']).default('default'),
});
export type PublicProjectQuery = z.infer<typeof publicProjectQuery>;

export const photo = z.object({ id: z.string(), url: z.string(), thumbnailUrl: z.string().nullable() });

export const progressBrief = z.object({
  node: progressNode,
  label: z.string(),
  floorsDone: z.number().int().nullable(),
  reportedOn: z.string(),
  photos: z.array(photo),
});
export type ProgressBrief = z.infer<typeof progressBrief>;

export const publicProjectSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  marketingName: z.string().nullable(),
  district: z.string(),
  address: z.string(),
  developerId: z.number().int(),
  developerName: z.string().nullable(),
  status: projectStatus,
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  uses: z.array(roomUse),
  roomCount: z.number().int(),
  availableCount: z.number().int(),
  minUnitPrice: z.number().int().nullable(),
  maxUnitPrice: z.number().int().nullable(),
  permitNos: z.array(z.string()),
});
export type PublicProjectSummary = z.infer<typeof publicProjectSummary>;

export const permitSummary = z.object({
  id: z.number().int(),
  permitNo: z.string(),
  kind: z.enum(['presale', 'completed']),
  issuedOn: z.string(),
  roomCount: z.number().int(),
  area: z.number().int(),
  buildingNos: z.array(z.string()),
  status: z.string(),
});
export type PermitSummary = z.infer<typeof permitSummary>;

export const buildingSummary = z.object({
  id: z.number().int(),
  buildingNo: z.string(),
  surveyNo: z.string().nullable(),
  structure: z.string().nullable(),
  use: roomUse,
  floorsTotal: z.number().int(),
  floorsBuilt: z.number().int(),
  floorsUnderground: z.number().int(),
  address: z.string().nullable(),
  totalArea: z.number().int(),
  baseArea: z.number().int().nullable(),
  presaleRoomCount: z.number().int(),
  roomCount: z.number().int(),
  availableCount: z.number().int(),
  progress: progressBrief.nullable(),
});
export type BuildingSummary = z.infer<typeof buildingSummary>;

export const salesRow = z.object({ use: roomUse, status: saleStatus, count: z.number().int(), area: z.number().int() });
export const salesSummary = z.object({
  rows: z.array(salesRow),
  total: z.object({ count: z.number().int(), area: z.number().int() }),
  available: z.object({ count: z.number().int(), area: z.number().int() }),
  /** 已网签 + 已备案 + 已登记 */
  sold: z.object({ count: z.number().int(), area: z.number().int() }),
});
export type SalesSummary = z.infer<typeof salesSummary>;

export const projectFacts = z.object({
  filedName: z.string().nullable(),
  parcelCode: z.string().nullable(),
  landArea: z.number().int().nullable(),
  plannedFloorArea: z.number().int().nullable(),
  landUse: z.string().nullable(),
  plannedUse: z.string().nullable(),
  landTermStart: z.string().nullable(),
  landTermEnd: z.string().nullable(),
  /** 容积率 × 100 */
  plotRatio: z.number().int().nullable(),
  /** 绿地率 in basis points */
  greeningRate: z.number().int().nullable(),
  landCertNo: z.string().nullable(),
  planningPermitNo: z.string().nullable(),
  constructionPermitNo: z.string().nullable(),
  deliveryDate: z.string().nullable(),
});

export const publicProjectDetail = publicProjectSummary.extend({
  ...projectFacts.shape,
  permits: z.array(permitSummary),
  buildings: z.array(buildingSummary),
  sales: salesSummary,
});
export type PublicProjectDetail = z.infer<typeof publicProjectDetail>;

export const tableRoom = z.object({
  id: z.number().int(),
  roomNo: z.string(),
  unit: z.string().nullable(),
  floor: z.number().int(),
  use: roomUse,
  buildArea: z.number().int(),
  innerArea: z.number().int(),
  status: saleStatus,
  flags: z.array(roomFlag),
  legendKey,
  colour: z.string(),
  label: z.string(),
  badges: z.array(z.string()),
  unitPrice: z.number().int().nullable(),
  totalPrice: z.number().int().nullable(),
  fitout: z.boolean(),
});
export type TableRoom = z.infer<typeof tableRoom>;

export const buildingTable = z.object({
  project: z.object({ id: z.number().int(), name: z.string() }),
  building: buildingSummary.omit({ progress: true }),
  /** Highest floor first, as a building is drawn. */
  floors: z.array(z.object({ floor: z.number().int(), rooms: z.array(tableRoom) })),
  counts: z.record(z.string(), z.number().int()),
  version: z.number().int(),
});
export type BuildingTable = z.infer<typeof buildingTable>;

export const projectTable = z.object({
  project: z.object({ id: z.number().int(), name: z.string() }),
  buildings: z.array(buildingTable.omit({ project: true })),
});
export type ProjectTable = z.infer<typeof projectTable>;

export const roomHistoryItem = z.object({
  at: z.string(),
  kind: z.enum(['created', 'status', 'flag_on', 'flag_off']),
  text: z.string(),
  status: saleStatus,
  source: z.string(),
});

export const publicRoomDetail = z.object({
  id: z.number().int(),
  unitNumber: z.string(),
  project: z.object({ id: z.number().int(), name: z.string(), district: z.string(), address: z.string() }),
  building: z.object({ id: z.number().int(), buildingNo: z.string() }),
  unit: z.string().nullable(),
  floor: z.number().int(),
  roomNo: z.string(),
  use: roomUse,
  officeSubtype: z.enum(['serviced', 'ordinary']).nullable(),
  buildArea: z.number().int(),
  innerArea: z.number().int(),
  sharedArea: z.number().int(),
  /** cm */
  floorHeight: z.number().int().nullable(),
  unitPrice: z.number().int().nullable(),
  totalPrice: z.number().int().nullable(),
  fitout: z.boolean(),
  status: saleStatus,
  flags: z.array(roomFlag),
  legendKey,
  colour: z.string(),
  label: z.string(),
  badges: z.array(z.string()),
  history: z.array(roomHistoryItem),
});
export type PublicRoomDetail = z.infer<typeof publicRoomDetail>;

export const developerProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
  status: z.string(),
  projects: z.array(publicProjectSummary),
  roomCount: z.number().int(),
  availableCount: z.number().int(),
});
export type DeveloperProfile = z.infer<typeof developerProfile>;

export const agencyQuery = pageQuery.extend({ keyword: text(50, '关键字').optional() });
export const agencySummary = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  address: z.string().nullable(),
  /** 在合作区备案 */
  registered: z.boolean(),
  brokerCount: z.number().int(),
});
export type AgencySummary = z.infer<typeof agencySummary>;
export const agencyProfile = agencySummary.extend({ legalRep: z.string().nullable(), status: z.string() });
export type AgencyProfile = z.infer<typeof agencyProfile>;

const num = (label: string) => z.coerce.number({ message: `${label}必须是数字` }).refine(Number.isFinite, `${label}必须是数字`);
export const mapQuery = z.object({
  /** minLng,minLat,maxLng,maxLat in the caller's coordinate system */
  bbox: z.string().regex(/^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$/, 'bbox 格式应为 最小经度,最小纬度,最大经度,最大纬度').refine((s) => {
    const [a, b, c, d] = s.split(',').map(Number);
    return [a, b, c, d].every(Number.isFinite) && a < c && b < d && a >= -180 && c <= 180 && b >= -90 && d <= 90;
  }, 'bbox 范围无效：最小值须小于最大值且在经纬度范围内'),
  zoom: num('缩放级别').pipe(z.number().int('缩放级别必须为整数').min(3, '缩放级别在3到20之间').max(20, '缩放级别在3到20之间')).default(14),
  crs: z.enum(['gcj02', 'wgs84', 'bd09']).default('gcj02'),
  use: roomUse.optional(),
});
export type MapQuery = z.infer<typeof mapQuery>;
export const mapPoint = z.object({
  id: z.number().int(), name: z.string(), lng: z.number(), lat: z.number(), status: projectStatus,
  roomCount: z.number().int(), availableCount: z.number().int(), minUnitPrice: z.number().int().nullable(),
});
export const mapCluster = z.object({ lng: z.number(), lat: z.number(), count: z.number().int(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]) });
export const mapResponse = z.object({ crs: z.enum(['gcj02', 'wgs84', 'bd09']), zoom: z.number().int(), clusters: z.array(mapCluster), points: z.array(mapPoint), total: z.number().int() });
export type MapResponse = z.infer<typeof mapResponse>;

// ---------- management (regulators; developer staff scoped to their own projects) ----------

export const projectListQuery = pageQuery.extend({
  keyword: text(50, '关键字').optional(),
  district: text(32, '片区').optional(),
  status: projectStatus.optional(),
  developerId: z.coerce.number().int().positive().optional(),
});

/** Project facts without defaults (a patch must not reset what it leaves out). */
const projectFields = z.object({
  developerOrgId: z.number().int().positive('请选择开发企业'),
  name: text(200, '项目名称').min(2, '项目名称至少2个字'),
  filedName: text(200, '备案名').nullable().optional(),
  marketingName: text(200, '推广名').nullable().optional(),
  parcelCode: z.string().regex(/^[0-9]{6}[0-9A-Z]{6}[0-9]{5}[A-Z]{0,2}$|^[0-9A-Z]{19}$/, '宗地代码应为19位').nullable().optional(),
  address: text(300, '坐落').min(4, '请填写项目坐落'),
  district: text(64, '片区').min(2, '请选择片区'),
  lng: z.number().min(113.45, '经度不在横琴范围内').max(113.59, '经度不在横琴范围内').nullable().optional(),
  lat: z.number().min(22.06, '纬度不在横琴范围内').max(22.17, '纬度不在横琴范围内').nullable().optional(),
  landArea: z.number().int().nonnegative().nullable().optional(),
  plannedFloorArea: z.number().int().nonnegative().nullable().optional(),
  landUse: text(64, '土地用途').nullable().optional(),
  plannedUse: text(64, '规划用途').nullable().optional(),
  landTermStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD').nullable().optional(),
  landTermEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD').nullable().optional(),
  plotRatio: z.number().int().min(0).max(2000, '容积率×100 不超过2000').nullable().optional(),
  greeningRate: z.number().int().min(0).max(10000, '绿地率不超过100%').nullable().optional(),
  landCertNo: text(64, '土地证号').nullable().optional(),
  planningPermitNo: text(64, '规划许可证号').nullable().optional(),
  constructionPermitNo: text(64, '施工许可证号').nullable().optional(),
  deliveryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD').nullable().optional(),
  status: projectStatus,
});
const crs = z.enum(['gcj02', 'wgs84', 'bd09']).default('gcj02');
export const projectInput = projectFields.extend({ crs, status: projectStatus.default('planning') });
export type ProjectInput = z.infer<typeof projectInput>;
export const projectPatch = projectFields.partial().extend({ crs });

export const projectAdminSummary = publicProjectSummary.extend({ filedName: z.string().nullable(), parcelCode: z.string().nullable(), version: z.number().int() });
export const projectAdminDetail = publicProjectDetail.extend({ version: z.number().int(), createdAt: z.string(), updatedAt: z.string() });

export const buildingInput = z.object({
  buildingNo: text(32, '幢号').min(1, '请填写幢号'),
  surveyNo: text(32, '测绘单体号').nullable().optional(),
  structure: text(32, '建筑结构').nullable().optional(),
  use: roomUse,
  floorsTotal: z.number().int().min(1, '总层数至少为1').max(200, '总层数不超过200'),
  floorsBuilt: z.number().int().min(0).max(200),
  floorsUnderground: z.number().int().min(0).max(20),
  address: text(300, '幢坐落').nullable().optional(),
  totalArea: z.number().int().nonnegative(),
  baseArea: z.number().int().nonnegative().nullable().optional(),
  presaleRoomCount: z.number().int().nonnegative(),
});
export type BuildingInput = z.infer<typeof buildingInput>;

export const roomListQuery = pageQuery.extend({
  projectId: z.coerce.number().int().positive().optional(),
  buildingId: z.coerce.number().int().positive().optional(),
  status: saleStatus.optional(),
  flag: roomFlag.optional(),
  use: roomUse.optional(),
  keyword: text(32, '房号或不动产单元号').optional(),
});

export const adminTableRoom = tableRoom.extend({ unitNumber: z.string() });
export const adminBuildingTable = buildingTable.extend({
  floors: z.array(z.object({ floor: z.number().int(), rooms: z.array(adminTableRoom) })),
});
export type AdminBuildingTable = z.infer<typeof adminBuildingTable>;

export const roomEventView = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  kind: z.enum(['created', 'status', 'flag_on', 'flag_off']),
  value: z.string(),
  text: z.string(),
  beforeStatus: saleStatus.nullable(),
  beforeFlags: z.array(roomFlag),
  afterStatus: saleStatus,
  afterFlags: z.array(roomFlag),
  source: z.string(),
  sourceLabel: z.string(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type RoomEventView = z.infer<typeof roomEventView>;

export const roomEventInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), value: saleStatus }),
  z.object({ kind: z.literal('flag_on'), value: roomFlag }),
  z.object({ kind: z.literal('flag_off'), value: roomFlag }),
]).and(z.object({
  source: eventSource.default('regulator'),
  reference: text(100, '依据文号').nullable().optional(),
  reason: text(300, '原因').min(2, '请填写变更原因'),
  /** The seq of the last event the person saw; a newer event makes the request stale (409). */
  expectedSeq: z.number().int().nonnegative().optional(),
}));
export type RoomEventInput = z.infer<typeof roomEventInput>;

export const adminRoomDetail = publicRoomDetail.omit({ history: true }).extend({ seq: z.number().int(), events: z.array(roomEventView) });
export type AdminRoomDetail = z.infer<typeof adminRoomDetail>;
