// Times are stored UTC and shown in Asia/Shanghai (+08:00, no daylight saving).
const OFFSET_MS = 8 * 3600 * 1000;

/** Business date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date | number | string = Date.now()): string {
  const t = new Date(new Date(at).getTime() + OFFSET_MS);
  return t.toISOString().slice(0, 10);
}

/** "2026-11-22 11:08:03" in Asia/Shanghai. */
export function formatShanghai(at: Date | number | string, withSeconds = true): string {
  const t = new Date(new Date(at).getTime() + OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, withSeconds ? 19 : 16)}`;
}

/** The instant at 00:00 Asia/Shanghai of a business date. */
export function startOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`));
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a business date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
