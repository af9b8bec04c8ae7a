import {
  COMPLAINT_CATEGORIES, COMPLAINT_TARGET_LABELS, ESCALATION_LABELS, ESCALATION_LEVELS, PHOTO_STAGE_LABELS, PLACE_LABELS, TICKET_ACTION_LABELS,
  TICKET_CATEGORIES, TICKET_CHANNEL_LABELS, TICKET_KIND_LABELS, TICKET_STATUSES, TICKET_STATUS_LABELS,
  type EscalationLevel, type TicketAction, type TicketKind, type TicketStatus,
} from '@hq/common';

export {
  COMPLAINT_TARGET_LABELS, ESCALATION_LABELS, PHOTO_STAGE_LABELS, PLACE_LABELS, TICKET_ACTION_LABELS, TICKET_CHANNEL_LABELS, TICKET_KIND_LABELS,
  TICKET_STATUS_LABELS,
};

const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const KIND_OPTIONS = options<TicketKind>(TICKET_KIND_LABELS);
export const STATUS_OPTIONS = TICKET_STATUSES.map((value) => ({ value, label: TICKET_STATUS_LABELS[value] }));
export const STATE_OPTIONS = [
  { value: 'open', label: '办理中' },
  { value: 'done', label: '已办结' },
  { value: 'overdue', label: '超期未办结' },
] as const;
/** Tickets also have a warning window (预警日 to 办理期限). */
export const TICKET_STATE_OPTIONS = [...STATE_OPTIONS, { value: 'due_soon', label: '即将到期（已预警）' }] as const;
export const ESCALATION_OPTIONS = ESCALATION_LEVELS.map((value) => ({ value, label: ESCALATION_LABELS[value] }));
export const COMPLAINT_CATEGORY_OPTIONS = COMPLAINT_CATEGORIES.map((c) => ({ value: c.key, label: `${c.label}（${c.days}个工作日）` }));

export function categoryOptions(kind: TicketKind | undefined) {
  const kinds = kind ? [kind] : (Object.keys(TICKET_CATEGORIES) as TicketKind[]);
  return kinds.flatMap((k) => TICKET_CATEGORIES[k].map((c) => ({ value: c.key, label: kind ? c.label : `${TICKET_KIND_LABELS[k]}·${c.label}` })));
}

export const STATUS_COLOURS: Record<TicketStatus, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  dispatched: 'geekblue',
  in_progress: 'processing',
  resolved: 'green',
  not_responsible: 'purple',
  duplicate: 'default',
  closed: 'default',
  withdrawn: 'default',
};
export const ESCALATION_COLOURS: Record<EscalationLevel, string> = { 0: 'default', 1: 'gold', 2: 'orange', 3: 'red' };
export const escalationLabel = (l: number) => ESCALATION_LABELS[l as EscalationLevel] ?? `第${l}级`;
export const escalationColour = (l: number) => ESCALATION_COLOURS[l as EscalationLevel] ?? 'red';

/** The buttons that go first, and those that end the work or turn it away. */
export const PRIMARY_TICKET_ACTIONS: readonly TicketAction[] = ['accept', 'dispatch', 'start', 'resolve', 'close'];
export const DANGER_TICKET_ACTIONS: readonly TicketAction[] = ['not_responsible', 'duplicate'];

/** 85.7% — or a dash when nothing was due yet. */
export const formatRate = (r: number | null | undefined) => (r == null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

/** Whole days from `from` to `to` (YYYY-MM-DD), calendar days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
