// Repairs (报修), complaints (投诉) and patrol issues (巡查/随手拍) share one lifecycle, like
// FixMyStreet (DOMAIN.md §10): submitted → accepted → dispatched → in progress → resolved /
// not responsible / duplicate → closed, with the reporter's rating and a re-open window.
// Deadlines count working days on the Chinese calendar; overdue items escalate up a ladder.
// Clients show exactly the buttons this table allows; the API enforces the same table in a
// locked transaction and refuses anything else with 409 TICKET_TRANSITION.
import type { WorkingCalendar } from './calendar';
import { addDays } from './time';

export const TICKET_KINDS = ['repair', 'complaint', 'patrol'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const TICKET_KIND_LABELS: Record<TicketKind, string> = { repair: '报修', complaint: '投诉', patrol: '巡查问题' };
/** 受理编号 prefixes: BX2026000123. */
export const TICKET_PREFIX: Record<TicketKind, string> = { repair: 'BX', complaint: 'TS', patrol: 'XC' };

export const TICKET_STATUSES = [
  'submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'not_responsible', 'duplicate', 'closed', 'withdrawn',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  in_progress: '处理中',
  resolved: '已办结',
  not_responsible: '非本单位职责',
  duplicate: '重复件',
  closed: '已关闭',
  withdrawn: '已撤回',
};
/** The work is over (on time or late is measured at the first of these). */
export const TICKET_DONE_STATUSES: readonly TicketStatus[] = ['resolved', 'not_responsible', 'duplicate', 'closed'];
/** Nothing more can happen. */
export const TICKET_FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'withdrawn'];
export const isTicketOpen = (s: TicketStatus): boolean => !TICKET_DONE_STATUSES.includes(s) && s !== 'withdrawn';

export const TICKET_ACTIONS = [
  'accept', 'dispatch', 'start', 'resolve', 'not_responsible', 'duplicate', 'rate', 'reopen', 'close', 'withdraw', 'note',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
export const TICKET_ACTION_LABELS: Record<TicketAction, string> = {
  accept: '受理',
  dispatch: '派单',
  start: '开始处理',
  resolve: '办结',
  not_responsible: '非本单位职责',
  duplicate: '标记为重复件',
  rate: '评价',
  reopen: '重新打开',
  close: '关闭',
  withdraw: '撤回',
  note: '补充说明',
};

/**
 * Who acts: the reporter (owner, complainant); the handling unit's staff (the property company,
 * or the regulator for complaints made to the regulator); the person the work was dispatched
 * to; a regulator (who may always dispatch and close); the system (auto-close after the window).
 */
export type TicketActor = 'reporter' | 'handler' | 'assignee' | 'regulator' | 'system';

export interface TicketTransition {
  from: readonly TicketStatus[];
  action: TicketAction;
  /** `same` keeps the status (a note, a re-dispatch). */
  to: TicketStatus | 'same';
  by: readonly TicketActor[];
  /** What the command must carry. */
  needs?: readonly ('note' | 'assignee' | 'afterPhoto' | 'rating' | 'duplicateOf')[];
  /** Only for these kinds (all if absent). */
  kinds?: readonly TicketKind[];
}

const OPEN_WORK: readonly TicketStatus[] = ['accepted', 'dispatched', 'in_progress'];

export const TICKET_TRANSITIONS: readonly TicketTransition[] = [
  { from: ['submitted'], action: 'accept', to: 'accepted', by: ['handler', 'regulator'] },
  { from: ['submitted'], action: 'withdraw', to: 'withdrawn', by: ['reporter'] },
  { from: ['submitted', 'accepted'], action: 'duplicate', to: 'duplicate', by: ['handler', 'regulator'], needs: ['note', 'duplicateOf'] },
  { from: ['accepted', 'dispatched'], action: 'dispatch', to: 'dispatched', by: ['handler', 'regulator'], needs: ['assignee'] },
  { from: ['dispatched'], action: 'start', to: 'in_progress', by: ['assignee', 'handler'] },
  // Repairs and patrol issues need an after photo; every outcome needs a written result.
  { from: ['in_progress'], action: 'resolve', to: 'resolved', by: ['assignee', 'handler'], needs: ['note', 'afterPhoto'], kinds: ['repair', 'patrol'] },
  { from: ['in_progress'], action: 'resolve', to: 'resolved', by: ['assignee', 'handler', 'regulator'], needs: ['note'], kinds: ['complaint'] },
  { from: OPEN_WORK, action: 'not_responsible', to: 'not_responsible', by: ['handler', 'regulator'], needs: ['note'] },
  { from: ['resolved', 'not_responsible', 'duplicate'], action: 'rate', to: 'closed', by: ['reporter'], needs: ['rating'] },
  { from: ['resolved', 'not_responsible'], action: 'reopen', to: 'dispatched', by: ['reporter'], needs: ['note'] },
  { from: ['resolved', 'not_responsible', 'duplicate'], action: 'close', to: 'closed', by: ['regulator', 'system'] },
  { from: ['submitted', ...OPEN_WORK, 'resolved'], action: 'note', to: 'same', by: ['reporter', 'handler', 'assignee', 'regulator'], needs: ['note'] },
];

export function findTicketTransition(kind: TicketKind, from: TicketStatus, action: TicketAction): TicketTransition | undefined {
  return TICKET_TRANSITIONS.find((t) => t.action === action && t.from.includes(from) && (!t.kinds || t.kinds.includes(kind)));
}

/** The actions these sides of a ticket may take now. */
export function allowedTicketActions(kind: TicketKind, from: TicketStatus, sides: readonly TicketActor[]): TicketAction[] {
  const out: TicketAction[] = [];
  for (const t of TICKET_TRANSITIONS) {
    if (!t.from.includes(from) || (t.kinds && !t.kinds.includes(kind))) continue;
    if (t.by.some((b) => sides.includes(b)) && !out.includes(t.action)) out.push(t.action);
  }
  return out;
}

// ---------- categories and deadlines (configurable defaults) ----------

export interface TicketCategory {
  key: string;
  label: string;
  /** Working days to resolve, counted from the day of report (DOMAIN.md §10). */
  days: number;
}

export const REPAIR_CATEGORIES: readonly TicketCategory[] = [
  { key: 'water_power', label: '水电急修', days: 1 },
  { key: 'elevator', label: '电梯故障', days: 1 },
  { key: 'fire', label: '消防设施', days: 2 },
  { key: 'leak', label: '渗漏水', days: 3 },
  { key: 'door_window', label: '门窗五金', days: 3 },
  { key: 'cleaning', label: '绿化保洁', days: 3 },
  { key: 'public_facility', label: '公共设施', days: 5 },
  { key: 'other', label: '其他', days: 5 },
];

export const COMPLAINT_CATEGORIES: readonly TicketCategory[] = [
  { key: 'service', label: '物业服务质量', days: 5 },
  { key: 'fee', label: '物业收费', days: 5 },
  { key: 'security', label: '安全秩序', days: 3 },
  { key: 'environment', label: '环境卫生', days: 5 },
  { key: 'facility', label: '设施设备维护', days: 5 },
  { key: 'noise', label: '噪声扰民', days: 3 },
  { key: 'construction', label: '违规装修搭建', days: 5 },
  { key: 'other', label: '其他', days: 5 },
];

export const PATROL_CATEGORIES: readonly TicketCategory[] = [
  { key: 'fire_exit', label: '消防通道堵塞', days: 1 },
  { key: 'safety_hazard', label: '安全隐患', days: 2 },
  { key: 'facility_damage', label: '设施损坏', days: 3 },
  { key: 'sanitation', label: '环境卫生', days: 3 },
  { key: 'construction', label: '违规装修搭建', days: 5 },
  { key: 'other', label: '其他', days: 5 },
];

export const TICKET_CATEGORIES: Record<TicketKind, readonly TicketCategory[]> = {
  repair: REPAIR_CATEGORIES,
  complaint: COMPLAINT_CATEGORIES,
  patrol: PATROL_CATEGORIES,
};

export function ticketCategory(kind: TicketKind, key: string): TicketCategory | undefined {
  return TICKET_CATEGORIES[kind].find((c) => c.key === key);
}

/** Working days after resolution during which the reporter may rate or re-open; then it closes. */
export const REOPEN_WINDOW_WORKING_DAYS = 3;
/** A warning goes to the handler this many working days before the deadline (PM-026). */
export const WARN_BEFORE_WORKING_DAYS = 1;

export const ESCALATION_LEVELS = [0, 1, 2, 3] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  0: '未升级',
  1: '物业项目经理',
  2: '街道/社区',
  3: '主管部门',
};

/**
 * The ladder: an overdue item goes to the property company's manager at once, to the street /
 * community office after 2 more working days, to the regulator after 4.
 */
export const ESCALATION_LADDER: readonly { level: Exclude<EscalationLevel, 0>; overdueWorkingDays: number }[] = [
  { level: 1, overdueWorkingDays: 0 },
  { level: 2, overdueWorkingDays: 2 },
  { level: 3, overdueWorkingDays: 4 },
];

export interface TicketDeadline {
  /** The last day (Asia/Shanghai) on which the work is on time. */
  dueDate: string;
  /** The working day on which the "deadline near" warning goes out. */
  warnDate: string;
}

/**
 * `days` working days from the report's date (YYYY-MM-DD, +08:00). A report on a holiday or a
 * weekend starts counting at the next workday; a make-up workday (调休) counts.
 */
export function ticketDeadline(cal: WorkingCalendar, reportDate: string, days: number): TicketDeadline {
  const dueDate = cal.addWorkingDays(reportDate, Math.max(0, days));
  let warnDate = dueDate;
  for (let left = WARN_BEFORE_WORKING_DAYS; left > 0;) {
    warnDate = addDays(warnDate, -1);
    if (warnDate < reportDate) { warnDate = reportDate; break; }
    if (cal.isWorkday(warnDate)) left--;
  }
  return { dueDate, warnDate };
}

/** Overdue when today is after the due date. */
export const isOverdue = (dueDate: string, today: string): boolean => today > dueDate;

/** The escalation level an open item should be at on `today`. */
export function escalationLevelFor(cal: WorkingCalendar, dueDate: string, today: string): EscalationLevel {
  if (!isOverdue(dueDate, today)) return 0;
  const late = cal.workingDaysBetween(dueDate, today);
  let level: EscalationLevel = 0;
  for (const step of ESCALATION_LADDER) if (late >= step.overdueWorkingDays) level = step.level;
  return level;
}

/** The last day the reporter may rate or re-open a resolved item. */
export function reopenUntil(cal: WorkingCalendar, resolvedDate: string): string {
  return cal.addWorkingDays(resolvedDate, REOPEN_WINDOW_WORKING_DAYS);
}

/**
 * On-time rate = closed on time / (closed + open overdue). "Closed" counts every item whose work
 * is over (resolved, not responsible, duplicate, closed); on time when that happened on or before
 * the due date. Open items not yet due are not counted either way. Null when there is nothing to
 * measure.
 */
export function onTimeRate(x: { closedOnTime: number; closed: number; openOverdue: number }): number | null {
  const d = x.closed + x.openOverdue;
  return d === 0 ? null : x.closedOnTime / d;
}

export const PLACE_KINDS = ['home', 'common'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PLACE_LABELS: Record<PlaceKind, string> = { home: '户内', common: '公共区域' };

export const TICKET_CHANNELS = ['miniapp', 'phone', 'counter', 'patrol'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TICKET_CHANNEL_LABELS: Record<TicketChannel, string> = { miniapp: '小程序', phone: '电话', counter: '窗口', patrol: '现场巡查' };

/** Complaints go to the property company or straight to the regulator. */
export const COMPLAINT_TARGETS = ['property', 'regulator'] as const;
export type ComplaintTarget = (typeof COMPLAINT_TARGETS)[number];
export const COMPLAINT_TARGET_LABELS: Record<ComplaintTarget, string> = { property: '物业服务企业', regulator: '物业主管部门' };

export const PHOTO_STAGES = ['report', 'before', 'after'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];
export const PHOTO_STAGE_LABELS: Record<PhotoStage, string> = { report: '上报照片', before: '处理前', after: '处理后' };
export const MAX_PHOTOS_PER_STEP = 9;
