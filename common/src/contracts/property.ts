// Contracts of owner and property services (issue 6): communities built from real-estate
// projects, house verification against the registry, household members, repairs, complaints,
// patrol issues and patrol tasks (one ticket lifecycle, see ../tickets.ts), monitoring.
//
// Routes (all under /api):
//   communities   GET /communities · GET /communities/:id · POST /communities (from a project)
//                 PUT /communities/:id · POST /communities/:id/sync · GET /communities/:id/houses
//   owners        GET /my/houses · POST /my/houses/verify · GET /my/house-verifications
//                 GET|POST /my/houses/:roomId/members · DELETE /my/houses/:roomId/members/:id
//                 GET /my/notices
//   tickets       POST /tickets · POST /tickets/register (regulator: phone / counter complaint)
//                 GET /tickets · GET /tickets/:id · POST /tickets/:id/actions · GET /tickets/export
//                 GET /tickets/assignees (who a handler may dispatch to)
//   monitoring    GET /tickets/monitor (regulator; property company: its own)
//   patrols       GET|POST /patrol-tasks · GET /patrol-tasks/:id · POST /patrol-tasks/:id/complete
//   public        GET /public/patrol-results
import { z } from '../zod';
import { pageQuery } from './common';
import { isIsoDate } from '../time';
import {
  TICKET_KINDS, TICKET_STATUSES, TICKET_ACTIONS, PLACE_KINDS, TICKET_CHANNELS, COMPLAINT_TARGETS, PHOTO_STAGES,
  MAX_PHOTOS_PER_STEP,
} from '../tickets';
import { checkMobile } from '../validators';

const date = (label: string) => z.string({ message: `请填写${label}` }).trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式为 YYYY-MM-DD`).refine(isIsoDate, `${label}不是有效日期`);
const id = (label: string) => z.number({ message: `请选择${label}` }).int(`${label}编号必须为整数`).positive(`${label}编号必须为正整数`);
const text = (label: string, min: number, max: number) => z.string({ message: `请填写${label}` }).trim()
  .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`).max(max, `${label}不超过${max}个字`);
const mobile = (label: string) => z.string({ message: `请填写${label}` }).trim().superRefine((v, ctx) => {
  const c = checkMobile(v);
  if (!c.ok) ctx.addIssue({ code: 'custom', message: `${label}：${c.message}` });
});

export const ticketKind = z.enum(TICKET_KINDS, { message: '类型应为报修、投诉或巡查问题' });
export const ticketStatus = z.enum(TICKET_STATUSES, { message: '状态不正确' });
export const ticketAction = z.enum(TICKET_ACTIONS, { message: '操作不正确' });

// ---------- communities (PM-001/002, PM-155) ----------

export const communitySummary = z.object({
  id: z.number().int(),
  name: z.string(),
  address: z.string(),
  district: z.string(),
  projectId: z.number().int().nullable(),
  propertyOrgId: z.number().int().nullable(),
  propertyOrgName: z.string().nullable(),
  committeeOrgId: z.number().int().nullable(),
  committeeOrgName: z.string().nullable(),
  streetOrgId: z.number().int().nullable(),
  streetOffice: z.string().nullable(),
  houses: z.number().int(),
  verifiedOwners: z.number().int(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  syncedAt: z.string().nullable(),
});
export type CommunitySummary = z.infer<typeof communitySummary>;

export const communityDetail = communitySummary.extend({
  developerOrgName: z.string().nullable(),
  buildings: z.number().int(),
  registeredHouses: z.number().int(),
  openTickets: z.number().int(),
  overdueTickets: z.number().int(),
});
export type CommunityDetail = z.infer<typeof communityDetail>;

export const communityQuery = pageQuery.extend({
  q: z.string().trim().max(50).optional(),
  propertyOrgId: z.coerce.number().int().positive().optional(),
  streetOrgId: z.coerce.number().int().positive().optional(),
});

export const communityCreate = z.object({
  projectId: id('房地产项目'),
  name: text('小区名称', 2, 100).optional(),
  propertyOrgId: id('物业服务企业').nullable(),
  streetOrgId: id('街道/社区').nullable(),
  committeeOrgId: id('业主委员会').nullable().optional(),
});
export const communityUpdate = communityCreate.omit({ projectId: true }).partial();

export const syncResult = z.object({
  communityId: z.number().int(),
  houses: z.number().int(),
  registeredHouses: z.number().int(),
  added: z.number().int(),
  syncedAt: z.string(),
});

export const communityHouse = z.object({
  roomId: z.number().int(),
  buildingName: z.string(),
  unitNumber: z.string(),
  roomNo: z.string(),
  floor: z.number().int(),
  buildArea: z.number(),
  registered: z.boolean(),
  /** Masked: 张*. */
  ownerName: z.string().nullable(),
  verifiedMembers: z.number().int(),
});
export const communityHouseQuery = pageQuery.extend({ q: z.string().trim().max(30).optional() });

// ---------- owners: house verification (PM-099/150) and members ----------

/** 不动产权证号, e.g. 粤(2024)珠海市不动产权第0123456号. */
export const CERT_NO_PATTERN = /^粤[(（]\d{4}[)）][\u4e00-\u9fa5]{2,10}不动产权第\d{7}号$/;

export const houseVerifyRequest = z.object({
  certNo: z.string({ message: '请填写不动产权证号' }).trim()
    .regex(CERT_NO_PATTERN, '不动产权证号格式应为：粤(2024)珠海市不动产权第0123456号'),
  /** The house the owner picked, if any; must be the one the certificate names. */
  roomId: id('房屋').optional(),
});
export type HouseVerifyRequest = z.infer<typeof houseVerifyRequest>;

export const HOUSE_VERIFY_REASONS = ['no_real_name', 'cert_not_found', 'owner_mismatch', 'room_mismatch', 'not_registered', 'too_many_attempts', 'registry_unavailable'] as const;
export type HouseVerifyReason = (typeof HOUSE_VERIFY_REASONS)[number];

export const houseView = z.object({
  roomId: z.number().int(),
  communityId: z.number().int().nullable(),
  communityName: z.string().nullable(),
  unitNumber: z.string(),
  projectName: z.string(),
  buildingName: z.string(),
  roomNo: z.string(),
  floor: z.number().int(),
  buildArea: z.number(),
  relation: z.enum(['owner', 'tenant', 'family']),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export type HouseView = z.infer<typeof houseView>;

export const houseVerification = z.object({
  id: z.number().int(),
  certNo: z.string(),
  ok: z.boolean(),
  reason: z.enum(HOUSE_VERIFY_REASONS).nullable(),
  message: z.string(),
  roomId: z.number().int().nullable(),
  createdAt: z.string(),
});

export const memberCreate = z.object({
  name: text('姓名', 2, 30),
  phone: mobile('手机号'),
  relation: z.enum(['tenant', 'family'], { message: '关系应为租户或家庭成员' }),
  /** Tenants until the lease ends; family members without end. */
  validUntil: date('有效期至').nullable().optional(),
});
export const memberView = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string(), // masked
  relation: z.enum(['tenant', 'family']),
  validUntil: z.string().nullable(),
  /** Bound once the person logs in with that phone number. */
  bound: z.boolean(),
  createdAt: z.string(),
});

/** A notice of one of the communities the person lives in (GET /my/notices). */
export const communityNotice = z.object({
  id: z.number().int(),
  title: z.string(),
  summary: z.string().nullable(),
  body: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  /** Who published it: the property company (or the regulator). */
  issuer: z.string().nullable(),
  orgName: z.string().nullable(),
  publishedAt: z.string(),
});
export type CommunityNotice = z.infer<typeof communityNotice>;

// ---------- tickets: repairs, complaints, patrol issues ----------

export const photoRef = z.object({
  fileId: z.string().uuid('照片的文件编号格式不正确'),
  /** From the phone's location service, kept privately. */
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  /** Taken with the camera in the app (patrol photos must be). */
  fromCamera: z.boolean().optional(),
});
const photos = (label: string, min: number) => z.array(photoRef, { message: `请上传${label}` })
  .min(min, `请上传${label}（至少${min}张）`).max(MAX_PHOTOS_PER_STEP, `${label}最多${MAX_PHOTOS_PER_STEP}张`);

export const ticketCreate = z.object({
  kind: ticketKind,
  communityId: id('小区'),
  /** The house (repairs at home; the owner must be bound to it). */
  roomId: id('房屋').nullable().optional(),
  place: z.enum(PLACE_KINDS, { message: '报修位置应为户内或公共区域' }).default('home'),
  placeText: z.string().trim().max(100, '具体位置不超过100个字').optional(),
  category: z.string({ message: '请选择类别' }).trim().min(1, '请选择类别').max(32),
  description: text('问题描述', 5, 1000),
  preferredTime: z.string().trim().max(50, '期望上门时间不超过50个字').optional(),
  target: z.enum(COMPLAINT_TARGETS, { message: '投诉对象应为物业服务企业或主管部门' }).optional(),
  /** The patrol task this issue was found on (patrol issues). */
  patrolTaskId: id('巡查任务').optional(),
  photos: photos('照片', 0).default([]),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  /** A key the client keeps for one submission; the same key twice returns the same ticket. */
  clientRequestId: z.string().trim().min(8, '请求编号至少8位').max(64, '请求编号不超过64位'),
});
export type TicketCreateInput = z.infer<typeof ticketCreate>;

/** A complaint taken by phone or at the counter (PM-022). */
export const ticketRegister = z.object({
  channel: z.enum(['phone', 'counter'], { message: '来源应为电话或窗口' }),
  complainantName: text('投诉人姓名', 2, 30),
  complainantPhone: mobile('投诉人手机号'),
  communityId: id('小区').nullable(),
  category: z.string({ message: '请选择类别' }).trim().min(1, '请选择类别').max(32),
  description: text('投诉内容', 5, 2000),
  target: z.enum(COMPLAINT_TARGETS, { message: '投诉对象应为物业服务企业或主管部门' }).default('regulator'),
  attachments: z.array(z.string().uuid('附件的文件编号格式不正确')).max(20).default([]),
  clientRequestId: z.string().trim().min(8).max(64),
});
export type TicketRegisterInput = z.infer<typeof ticketRegister>;

export const ticketActionRequest = z.object({
  action: ticketAction,
  /** The ticket's version the page was showing; a stale page gets 409 STALE_TICKET. */
  version: z.number().int().nonnegative(),
  note: z.string().trim().max(2000, '说明不超过2000个字').optional(),
  assigneeUserId: id('处理人').optional(),
  /** A complaint dispatched to a unit (a property company) rather than a person. */
  assigneeOrgId: id('处理单位').optional(),
  photos: photos('照片', 0).optional(),
  photoStage: z.enum(PHOTO_STAGES).optional(),
  rating: z.number().int('评分须为整数').min(1, '评分为1-5星').max(5, '评分为1-5星').optional(),
  duplicateOf: z.string().trim().max(32).optional(),
});
export type TicketActionInput = z.infer<typeof ticketActionRequest>;

export const ticketPhoto = z.object({
  id: z.number().int(),
  stage: z.enum(PHOTO_STAGES),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  sha256: z.string(),
  /** Server time of upload. */
  takenAt: z.string(),
  fromCamera: z.boolean(),
  /** Only for handlers and regulators. */
  location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
});

export const ticketEvent = z.object({
  seq: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: ticketStatus.nullable(),
  toStatus: ticketStatus,
  actorName: z.string(),
  actorRole: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const ticketSummary = z.object({
  id: z.number().int(),
  ticketNo: z.string(),
  kind: ticketKind,
  status: ticketStatus,
  statusLabel: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  communityId: z.number().int().nullable(),
  communityName: z.string().nullable(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  place: z.enum(PLACE_KINDS),
  placeText: z.string().nullable(),
  houseLabel: z.string().nullable(),
  descriptionPreview: z.string(),
  channel: z.enum(TICKET_CHANNELS),
  target: z.enum(COMPLAINT_TARGETS).nullable(),
  /** Masked for anyone but the handler side. */
  reporterName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
  escalationLevel: z.number().int(),
  rating: z.number().int().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  version: z.number().int(),
});
export type TicketSummary = z.infer<typeof ticketSummary>;

export const ticketDetail = ticketSummary.extend({
  description: z.string(),
  preferredTime: z.string().nullable(),
  /** Full phone only for the handler side; masked otherwise. */
  reporterPhone: z.string().nullable(),
  result: z.string().nullable(),
  ratingComment: z.string().nullable(),
  reopenCount: z.number().int(),
  reopenUntil: z.string().nullable(),
  warnDate: z.string(),
  duplicateOf: z.string().nullable(),
  patrolTaskId: z.number().int().nullable(),
  photos: z.array(ticketPhoto),
  events: z.array(ticketEvent),
  /** What this person may do now (from the shared table). */
  actions: z.array(ticketAction),
});
export type TicketDetail = z.infer<typeof ticketDetail>;

export const ticketQuery = pageQuery.extend({
  kind: ticketKind.optional(),
  status: z.union([ticketStatus, z.array(ticketStatus)]).optional(),
  /**
   * open = not done; done = resolved/closed…; overdue = open past the due date; due_soon = open and
   * in its warning window (warning day ≤ today ≤ due date), earliest due first — the same count
   * as the monitor's 即将到期.
   */
  state: z.enum(['open', 'done', 'overdue', 'due_soon']).optional(),
  /** The issues found on one patrol task. */
  patrolTaskId: z.coerce.number().int().positive().optional(),
  communityId: z.coerce.number().int().positive().optional(),
  orgId: z.coerce.number().int().positive().optional(),
  /** Only those dispatched to me. */
  mine: z.enum(['assigned', 'reported']).optional(),
  escalationLevel: z.coerce.number().int().min(0).max(3).optional(),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  q: z.string().trim().max(50).optional(),
});
export type TicketQuery = z.infer<typeof ticketQuery>;

export const assignee = z.object({ userId: z.number().int().nullable(), orgId: z.number().int().nullable(), name: z.string(), openTickets: z.number().int() });

// ---------- monitoring (PM-026, PM-032, PM-079/130) ----------

export const monitorQuery = z.object({
  kind: ticketKind.optional(),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  orgId: z.coerce.number().int().positive().optional(),
  communityId: z.coerce.number().int().positive().optional(),
  granularity: z.enum(['week', 'month']).default('month'),
});

const rateRow = z.object({
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  openOverdue: z.number().int(),
  open: z.number().int(),
  /** closed on time / (closed + open overdue); null when nothing to measure. */
  onTimeRate: z.number().nullable(),
  avgRating: z.number().nullable(),
});
export const monitorResponse = z.object({
  asOf: z.string(),
  totals: rateRow.extend({ dueSoon: z.number().int(), escalated: z.record(z.string(), z.number().int()) }),
  byOrg: z.array(rateRow.extend({ orgId: z.number().int().nullable(), orgName: z.string() })),
  byCommunity: z.array(rateRow.extend({ communityId: z.number().int().nullable(), communityName: z.string(), orgName: z.string().nullable() })),
  trend: z.array(rateRow.extend({ period: z.string(), created: z.number().int() })),
  overdue: z.array(ticketSummary),
  overduePatrolTasks: z.array(z.lazy(() => patrolTaskView)),
});
export type MonitorResponse = z.infer<typeof monitorResponse>;

// ---------- patrol tasks (PM-029/030/079/130) ----------

export const patrolTaskCreate = z.object({
  communityId: id('小区'),
  title: text('任务名称', 2, 100),
  checklist: z.array(text('检查项', 2, 60)).max(30, '检查项最多30项').default([]),
  dueDate: date('完成期限'),
  assigneeUserId: id('巡查人员').nullable().optional(),
});
export const patrolTaskView = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  communityName: z.string(),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  title: z.string(),
  checklist: z.array(z.string()),
  dueDate: z.string(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  assigneeName: z.string().nullable(),
  issues: z.number().int(),
  openIssues: z.number().int(),
  doneAt: z.string().nullable(),
  doneNote: z.string().nullable(),
  createdAt: z.string(),
});
export type PatrolTaskView = z.infer<typeof patrolTaskView>;
export const patrolTaskQuery = pageQuery.extend({
  communityId: z.coerce.number().int().positive().optional(),
  state: z.enum(['open', 'done', 'overdue']).optional(),
  mine: z.coerce.boolean().optional(),
});
export const patrolTaskComplete = z.object({
  note: text('巡查情况', 2, 1000),
  photos: photos('现场照片', 1),
});

// ---------- public results (faces and plates not identifiable, no personal data) ----------

export const publicPatrolResult = z.object({
  ticketNo: z.string(),
  communityName: z.string().nullable(),
  categoryLabel: z.string(),
  statusLabel: z.string(),
  /** Scrubbed of phone and ID numbers. */
  summary: z.string(),
  result: z.string().nullable(),
  reportedOn: z.string(),
  doneOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  /** Mosaicked, metadata stripped. */
  photoUrls: z.array(z.string()),
});
export const publicPatrolQuery = pageQuery.extend({ communityId: z.coerce.number().int().positive().optional() });
