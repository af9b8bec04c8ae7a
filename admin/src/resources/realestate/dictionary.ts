// Options and labels for the real-estate pages, all derived from common's tables.
import {
  DISTRICTS, PROJECT_STATUSES, ROOM_FLAG_LABELS, ROOM_USE_LABELS, SALE_STATUS_LABELS,
  type ProjectStatus, type RoomFlag, type RoomUse, type SaleStatus,
} from '@hq/common';

export const PROJECT_STATUS_COLOURS: Record<ProjectStatus, string> = { planning: 'default', selling: 'green', sold_out: 'orange', completed: 'blue' };
export const PROJECT_STATUS_OPTIONS = (Object.keys(PROJECT_STATUSES) as ProjectStatus[]).map((value) => ({ value, label: PROJECT_STATUSES[value] }));
export const DISTRICT_OPTIONS = DISTRICTS.map((d) => ({ value: d, label: d }));
export const USE_OPTIONS = (Object.keys(ROOM_USE_LABELS) as RoomUse[]).map((value) => ({ value, label: ROOM_USE_LABELS[value] }));

export const useLabel = (u: string) => ROOM_USE_LABELS[u as RoomUse] ?? u;
export const statusLabel = (s: string | null) => (s ? SALE_STATUS_LABELS[s as SaleStatus] ?? s : '—');
export const flagsText = (flags: readonly string[]) => (flags.length ? flags.map((f) => ROOM_FLAG_LABELS[f as RoomFlag] ?? f).join('、') : '无');

/** 0.01 m² integers in the API, m² with two decimals in forms. */
export const toSquareMetres = (hundredths: number | null | undefined) => (hundredths == null ? null : hundredths / 100);
export const fromSquareMetres = (m2: number | null | undefined) => (m2 == null ? null : Math.round(m2 * 100));
