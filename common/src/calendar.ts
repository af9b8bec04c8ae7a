// Working-day calendar with statutory holidays and make-up workdays (调休).
// The table is data (administrators edit it); these functions are pure.
import { addDays, weekday } from './time';

export type CalendarDayKind = 'holiday' | 'workday';
export interface CalendarEntry {
  date: string; // YYYY-MM-DD (Asia/Shanghai)
  kind: CalendarDayKind; // holiday: a weekday off; workday: a weekend day worked (调休)
  name: string;
}

export class WorkingCalendar {
  private readonly days = new Map<string, CalendarDayKind>();

  constructor(entries: Iterable<Pick<CalendarEntry, 'date' | 'kind'>>) {
    for (const e of entries) this.days.set(e.date, e.kind);
  }

  isWorkday(date: string): boolean {
    const kind = this.days.get(date);
    if (kind) return kind === 'workday';
    const w = weekday(date);
    return w !== 0 && w !== 6;
  }

  /**
   * The date `n` working days after `date` (n ≥ 0). Day 0 is `date` itself if it is a workday,
   * else the next workday — a deadline of "3 working days" from a Friday submission lands on
   * the third workday after it.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('工作日数必须为非负整数');
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    if (n === 0) while (!this.isWorkday(d)) d = addDays(d, 1);
    return d;
  }

  /** Working days in (from, to]: how many workdays pass between two dates. */
  workingDaysBetween(from: string, to: string): number {
    if (to <= from) return -this.countRange(to, from);
    return this.countRange(from, to);
  }

  private countRange(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}

/**
 * Default table: the State Council's published arrangements for 2025 and 2026. Administrators
 * add later years (and corrections) in the admin; the API stores them in `calendar_days`.
 */
export const DEFAULT_CALENDAR: CalendarEntry[] = [
  ...range('2025-01-01', '2025-01-01', '元旦'),
  ...range('2025-01-28', '2025-02-04', '春节'),
  { date: '2025-01-26', kind: 'workday', name: '春节调休上班' },
  { date: '2025-02-08', kind: 'workday', name: '春节调休上班' },
  ...range('2025-04-04', '2025-04-06', '清明节'),
  ...range('2025-05-01', '2025-05-05', '劳动节'),
  { date: '2025-04-27', kind: 'workday', name: '劳动节调休上班' },
  ...range('2025-05-31', '2025-06-02', '端午节'),
  ...range('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  { date: '2025-09-28', kind: 'workday', name: '国庆节调休上班' },
  { date: '2025-10-11', kind: 'workday', name: '国庆节调休上班' },
  ...range('2026-01-01', '2026-01-03', '元旦'),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
  ...range('2026-02-15', '2026-02-23', '春节'),
  { date: '2026-02-14', kind: 'workday', name: '春节调休上班' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休上班' },
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休上班' },
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
];

function range(from: string, to: string, name: string): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, kind: 'holiday', name });
  return out;
}
