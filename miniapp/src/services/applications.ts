// The one application engine as the mini-program uses it (经纪人备案, 中介机构备案/变更): drafts are
// created and saved with their form and documents, then submitted; a returned one is edited and
// resubmitted; one under review may be withdrawn. Documents upload through the transport's uploadFile.
import {
  applicationDetail, applicationSummary, fileInfo, pageOf,
  type ApplicationDetail, type ApplicationSummary, type AttachmentRef, type FileInfo,
} from '@hq/common'
import { api, parseReply, uploadFile, type LocalFile, type Reply } from './transport'
import type { Page } from './public'

export type ApplicantAction = 'submit' | 'resubmit' | 'withdraw'

const summaries = pageOf(applicationSummary)

export function fetchApplication(id: number): Promise<Reply<ApplicationDetail>> {
  return api.get<unknown>(`/api/applications/${id}`).then((r) => parseReply(r, applicationDetail))
}

/** 本单位申请 of one business type, drafts included (the API limits them to the caller's organisation). */
export function fetchOwnApplications(type: string): Promise<Reply<Page<ApplicationSummary>>> {
  return api.get<unknown>(`/api/applications?box=mine&type=${encodeURIComponent(type)}&page=1&pageSize=20`).then((r) => parseReply(r, summaries))
}

/** A new draft; the reply's `missing` says what still stops submission. */
export function createApplication(type: string, form: object, attachments: AttachmentRef[]): Promise<Reply<ApplicationDetail>> {
  return api.post<unknown>('/api/applications', { type, form, attachments }).then((r) => parseReply(r, applicationDetail))
}

/** Save the form of a draft or a returned application against the version the page loaded. */
export function saveApplication(id: number, lockVersion: number, form: object, attachments: AttachmentRef[]): Promise<Reply<ApplicationDetail>> {
  return api.put<unknown>(`/api/applications/${id}/form`, { form, attachments, lockVersion }).then((r) => parseReply(r, applicationDetail))
}

/** `submit` for a draft, `resubmit` after 退回补正, `withdraw` while under review (as allowedActions says). */
export function actOnApplication(id: number, action: ApplicantAction, lockVersion: number): Promise<Reply<ApplicationDetail>> {
  return api.post<unknown>(`/api/applications/${id}/actions`, { action, lockVersion }).then((r) => parseReply(r, applicationDetail))
}

export type SubmitOutcome = { ok: true; app: ApplicationDetail } | { ok: false; problems: string[]; saved: boolean }

/**
 * Submit what was just saved (a new draft or the edited one): stops at what the API still finds
 * missing, and resubmits one returned for 补正. `saved` says whether a draft now exists to edit.
 */
export async function submitSaved(saved: Reply<ApplicationDetail>): Promise<SubmitOutcome> {
  if (!saved.ok) return { ok: false, problems: [saved.details?.[0]?.message ?? saved.message], saved: false }
  if (saved.data.missing.length) return { ok: false, problems: saved.data.missing, saved: true }
  const action = saved.data.allowedActions.includes('resubmit') ? 'resubmit' : 'submit'
  const done = await actOnApplication(saved.data.id, action, saved.data.lockVersion)
  return done.ok ? { ok: true, app: done.data } : { ok: false, problems: [done.message], saved: true }
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
