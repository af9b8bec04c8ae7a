// How the public pages write numbers: areas, prices and ratios arrive as integers (0.01 m², fen,
// 容积率 × 100, basis points, cm) and are formatted here and in @hq/common only.
import { formatUnitPrice, PROJECT_STATUSES, type CreditBrief, type ProjectStatus } from '@hq/common'

export function priceRange(min: number | null, max: number | null): string {
  if (min == null && max == null) return '暂无备案价'
  if (min == null || max == null || min === max) return formatUnitPrice(min ?? max)
  return `${Math.round(min / 100).toLocaleString('en-US')} – ${formatUnitPrice(max)}`
}

/** 容积率 is stored × 100: 263 → "2.63". */
export function plotRatio(n: number | null): string {
  return n == null ? '—' : (n / 100).toFixed(2)
}

/** Basis points → "35.00%". */
export function percentBp(bp: number | null): string {
  return bp == null ? '—' : `${(bp / 100).toFixed(2)}%`
}

/** 层高 in cm → "3.00 m". */
export function metresFromCm(cm: number | null): string {
  return cm == null ? '—' : `${(cm / 100).toFixed(2)} m`
}

export function text(v: string | null | undefined): string {
  return v && v.trim() ? v : '—'
}

export const PROJECT_STATUS_TONES: Record<ProjectStatus, string> = {
  planning: '#86909c',
  selling: '#23854a',
  sold_out: '#c8453b',
  completed: '#1f5fbf',
}

export function projectStatusLabel(s: ProjectStatus): string {
  return PROJECT_STATUSES[s]
}

/** 信用等级 as the public pages write it: "A级（92分）", with the blacklist called out. */
export function creditText(c: CreditBrief): string {
  return `${c.gradeLabel}（${c.score}分）${c.blacklisted ? ' · 已列入黑名单' : ''}`
}
