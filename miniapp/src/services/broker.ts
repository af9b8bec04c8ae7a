// 经纪人备案 for the signed-in broker (role broker): their record (GET /api/my/broker), registering
// themself with their agency, and the broker_filing application through the one application engine
// (draft → submit; returned → edit → resubmit). Uploads go through the transport's uploadFile.
import {
  applicationDetail, brokerView, fileInfo, z,
  type ApplicationDetail, type AttachmentRef, type BrokerFilingForm, type BrokerRegisterInput, type BrokerView, type FileInfo,
} from '@hq/common'
import { api, parseReply, uploadFile, type LocalFile, type Reply } from './transport'

export const BROKER_FILING = 'broker_filing'

const myRecords = z.array(brokerView)

/** The broker records linked to this account (one in practice; more after moving agencies). */
export function fetchMyBroker(): Promise<Reply<BrokerView[]>> {
  return api.get<unknown>('/api/my/broker').then((r) => parseReply(r, myRecords))
}

/** 经纪人登记 into the broker's own agency (the API takes the agency from the account). */
export function registerSelf(input: BrokerRegisterInput): Promise<Reply<BrokerView>> {
  return api.post<unknown>('/api/brokers', input).then((r) => parseReply(r, brokerView))
}

export function fetchApplication(id: number): Promise<Reply<ApplicationDetail>> {
  return api.get<unknown>(`/api/applications/${id}`).then((r) => parseReply(r, applicationDetail))
}

/** A new 经纪人备案 draft; the reply's `missing` says what still stops submission. */
export function createFiling(form: BrokerFilingForm, attachments: AttachmentRef[]): Promise<Reply<ApplicationDetail>> {
  return api.post<unknown>('/api/applications', { type: BROKER_FILING, form, attachments }).then((r) => parseReply(r, applicationDetail))
}

/** Save the form of a draft or a returned application against the version the page loaded. */
export function saveFiling(id: number, lockVersion: number, form: BrokerFilingForm, attachments: AttachmentRef[]): Promise<Reply<ApplicationDetail>> {
  return api.put<unknown>(`/api/applications/${id}/form`, { form, attachments, lockVersion }).then((r) => parseReply(r, applicationDetail))
}

/** `submit` for a draft, `resubmit` after 退回补正, `withdraw` while under review (as allowedActions says). */
export function actOnFiling(id: number, action: 'submit' | 'resubmit' | 'withdraw', lockVersion: number): Promise<Reply<ApplicationDetail>> {
  return api.post<unknown>(`/api/applications/${id}/actions`, { action, lockVersion }).then((r) => parseReply(r, applicationDetail))
}

/** Upload one document chosen on the phone; the API identifies the type by content. */
export function uploadDocument(file: LocalFile): Promise<Reply<FileInfo>> {
  return uploadFile<unknown>('/api/files', file).then((r) => parseReply(r, fileInfo))
}

/** The reviewer's opinion of the latest 退回补正, if the application was returned. */
export function returnOpinion(app: ApplicationDetail): string | null {
  const last = [...app.actions].reverse().find((a) => a.action === 'return')
  return app.status === 'returned' && last ? last.opinion ?? '' : null
}
