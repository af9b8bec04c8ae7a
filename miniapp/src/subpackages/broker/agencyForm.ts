// The 中介机构备案 / 备案变更 form as the page edits it (every field a string, brokers as ids) and the
// contract payload it becomes. Field errors come from the same zod contract the API checks with
// (agencyFilingForm / agencyChangeForm), keyed by the field they belong to.
import { agencyChangeForm, agencyFilingForm } from '@hq/common'

export type AgencyApplicationType = 'agency_filing' | 'agency_change'

export type FieldKey =
  | 'name' | 'uscc' | 'legalRep' | 'address' | 'capital' | 'establishedOn' | 'businessScope'
  | 'contactName' | 'contactPhone' | 'storeAddress' | 'remarks' | 'reason'

export interface FieldSpec {
  key: FieldKey
  label: string
  input: 'text' | 'textarea' | 'date' | 'digit' | 'number'
  placeholder?: string
  /** Shown as 选填 in the 备案 form (every change is optional in 变更). */
  optional?: boolean
  hint?: string
  /** Which forms show the field. */
  in: readonly AgencyApplicationType[]
}

const BOTH = ['agency_filing', 'agency_change'] as const
const FILING = ['agency_filing'] as const
const CHANGE = ['agency_change'] as const

export const AGENCY_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: '机构名称', input: 'text', placeholder: '与营业执照一致', in: BOTH },
  { key: 'uscc', label: '统一社会信用代码', input: 'text', placeholder: '18位代码', in: FILING },
  { key: 'legalRep', label: '法定代表人', input: 'text', in: BOTH },
  { key: 'address', label: '注册地址', input: 'text', in: BOTH },
  { key: 'capital', label: '注册资本（万元）', input: 'digit', placeholder: '如 500', in: BOTH },
  { key: 'establishedOn', label: '成立日期', input: 'date', in: FILING },
  { key: 'businessScope', label: '经营范围', input: 'textarea', in: BOTH },
  { key: 'contactName', label: '联系人', input: 'text', in: BOTH },
  { key: 'contactPhone', label: '联系人手机号', input: 'number', placeholder: '11位手机号', in: BOTH },
  { key: 'storeAddress', label: '经营场所地址', input: 'text', optional: true, in: BOTH },
  { key: 'remarks', label: '备注', input: 'textarea', optional: true, in: FILING },
  { key: 'reason', label: '变更原因', input: 'textarea', placeholder: '说明哪些备案信息发生了变化', in: CHANGE },
]

export type AgencyFormValues = Record<FieldKey, string> & { brokerIds: number[] }

const FEN_PER_WAN = 1_000_000 // 1万元 = 10,000元 = 1,000,000分

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const wan = (fen: unknown) => (typeof fen === 'number' ? String(fen / FEN_PER_WAN) : '')

/** The page's values from a saved form (a draft, or common's initial draft of the registry's facts). */
export function valuesOf(type: AgencyApplicationType, form: Record<string, unknown>): AgencyFormValues {
  const f = (type === 'agency_change' ? (form.changes ?? {}) : form) as Record<string, unknown>
  const contact = (f.contact ?? {}) as Record<string, unknown>
  return {
    name: str(f.name), uscc: str(f.uscc), legalRep: str(f.legalRep), address: str(f.address), capital: wan(f.registeredCapitalFen),
    establishedOn: str(f.establishedOn), businessScope: str(f.businessScope), contactName: str(contact.name), contactPhone: str(contact.phone),
    storeAddress: str(f.storeAddress), remarks: str(f.remarks), reason: str(form.reason),
    brokerIds: Array.isArray(form.brokerIds) ? form.brokerIds.filter((x): x is number => typeof x === 'number') : [],
  }
}

const opt = (v: string) => v.trim() || undefined
/** 万元 → fen; what is not a number is passed on as is, for the contract to name. */
function fen(v: string): number | string | undefined {
  const t = v.trim()
  if (!t) return undefined
  const n = Number(t)
  return Number.isFinite(n) ? Math.round(n * FEN_PER_WAN) : t
}

/** The form as the contract names it; blank fields left out (a draft may be incomplete). */
export function payloadOf(type: AgencyApplicationType, v: AgencyFormValues): Record<string, unknown> {
  const contact = v.contactName.trim() || v.contactPhone.trim() ? { name: v.contactName.trim(), phone: v.contactPhone.trim() } : undefined
  const common = {
    name: opt(v.name), legalRep: opt(v.legalRep), address: opt(v.address), registeredCapitalFen: fen(v.capital),
    businessScope: opt(v.businessScope), contact, storeAddress: opt(v.storeAddress),
  }
  if (type === 'agency_change') return { changes: common, reason: opt(v.reason) }
  return { ...common, uscc: opt(v.uscc), establishedOn: opt(v.establishedOn), brokerIds: v.brokerIds, remarks: opt(v.remarks) }
}

const PATH_FIELDS: Record<string, FieldKey | 'brokerIds'> = {
  registeredCapitalFen: 'capital', contact: 'contactName', 'contact.name': 'contactName', 'contact.phone': 'contactPhone', brokerIds: 'brokerIds',
}

export type FieldErrors = Partial<Record<FieldKey | 'brokerIds' | 'form', string>>

/** Checks the payload with the contract: the first message of each field, or `form` for the whole. */
export function validate(type: AgencyApplicationType, payload: Record<string, unknown>): { ok: true } | { ok: false; errors: FieldErrors } {
  const parsed = type === 'agency_change' ? agencyChangeForm.safeParse(payload) : agencyFilingForm.safeParse(payload)
  if (parsed.success) return { ok: true }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).filter((p) => p !== 'changes')
    const joined = path.join('.')
    const key = (PATH_FIELDS[joined] ?? PATH_FIELDS[path[0] ?? ''] ?? (AGENCY_FIELDS.some((f) => f.key === path[0]) ? path[0] : 'form')) as keyof FieldErrors
    if (!errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}
