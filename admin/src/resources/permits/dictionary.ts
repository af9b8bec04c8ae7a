import { PERMIT_KIND_LABELS, PERMIT_STATUS_LABELS, PERMIT_STATUSES, type PermitStatus, type StatsPeriod } from '@hq/common';

export { PERMIT_KIND_LABELS, PERMIT_STATUS_LABELS };
export const PERMIT_STATUS_COLOURS: Record<PermitStatus, string> = { valid: 'green', revoked: 'red', superseded: 'default' };
export const PERIOD_LABELS: Record<StatsPeriod, string> = { year: '按年度', quarter: '按季度', month: '按月份' };

const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
export const KIND_OPTIONS = options(PERMIT_KIND_LABELS);
export const STATUS_OPTIONS = PERMIT_STATUSES.map((value) => ({ value, label: PERMIT_STATUS_LABELS[value] }));
export const PERIOD_OPTIONS = options(PERIOD_LABELS);

/** Permits are numbered per year from 2000 on (the API refuses other years). */
export function yearOptions(now = new Date()): { value: number; label: string }[] {
  const last = now.getFullYear();
  return Array.from({ length: last - 2015 + 1 }, (_, i) => last - i).map((y) => ({ value: y, label: `${y}年` }));
}

export const permitStatusLabel = (s: string) => PERMIT_STATUS_LABELS[s as PermitStatus] ?? s;
export const permitStatusColour = (s: string) => PERMIT_STATUS_COLOURS[s as PermitStatus] ?? 'default';
