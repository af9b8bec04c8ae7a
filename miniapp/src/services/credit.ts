// 信用备案 in the mini-program (RE-164, RE-165, RE-168, RE-169): the rating standards, credit
// records the subject's side files (an agency admin for the agency or its brokers, a broker for
// themself) and their progress, and the explained score of a subject. Evidence uploads as the
// filing documents do (services/applications.ts).
import {
  creditEventView, creditStandardView, creditSubjectView, pageOf, z,
  type CreditEventInput, type CreditEventView, type CreditStandardView,
} from '@hq/common'
import { api, parseReply, type Reply } from './transport'
import { queryString, type Page } from './public'

export { uploadDocument } from './applications'

/** The subject kinds a mini-program user files for. */
export type CreditKind = 'agency' | 'broker'
export type CreditSubjectView = z.infer<typeof creditSubjectView>

const standards = z.array(creditStandardView)
const eventPage = pageOf(creditEventView)

export function fetchStandards(): Promise<Reply<CreditStandardView[]>> {
  return api.get<unknown>('/api/credit/standards').then((r) => parseReply(r, standards))
}

/** The subject's own records, newest first (the API limits the subject side to its own). */
export function listCreditEvents(kind: CreditKind, subjectId: number, page: number, pageSize = 10): Promise<Reply<Page<CreditEventView>>> {
  return api.get<unknown>(`/api/credit/events${queryString({ subjectKind: kind, subjectId, page, pageSize })}`).then((r) => parseReply(r, eventPage))
}

export function fetchCreditEvent(id: number): Promise<Reply<CreditEventView>> {
  return api.get<unknown>(`/api/credit/events/${id}`).then((r) => parseReply(r, creditEventView))
}

/** 信用备案申请: a record waiting for the association's or a regulator's review. */
export function reportCreditEvent(input: CreditEventInput): Promise<Reply<CreditEventView>> {
  return api.post<unknown>('/api/credit/events', input).then((r) => parseReply(r, creditEventView))
}

/** Score, grade and the records counted (points, valid until). */
export function fetchCreditSubject(kind: CreditKind, id: number): Promise<Reply<CreditSubjectView>> {
  return api.get<unknown>(`/api/credit/subjects/${kind}/${id}`).then((r) => parseReply(r, creditSubjectView))
}
