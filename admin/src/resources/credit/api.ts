// 信用管理: standards, credit events (entered, imported, reviewed), objections, explained scores
// and yearly snapshots, typed by common's contracts.
import type {
  CreditEventInput, CreditEventView, CreditStandardBodyInput, CreditStandardView, CreditSubjectKind, FileInfo, Page, creditEventQuery,
  creditImportInput, creditImportResult, creditObjectionView, creditSubjectView, snapshotResult, z,
} from '@hq/common';
import { http } from '../../providers/transport';

export type { CreditEventInput, CreditEventView, CreditStandardView, CreditSubjectKind };
export type CreditEventFilters = Partial<Omit<z.output<typeof creditEventQuery>, 'page' | 'pageSize'>>;
export type CreditObjection = z.output<typeof creditObjectionView>;
export type CreditSubjectView = z.output<typeof creditSubjectView>;
export type CreditImportInput = z.input<typeof creditImportInput>;
export type CreditImportResult = z.output<typeof creditImportResult>;
export type ObjectionFilters = { status?: CreditObjection['status'] };

export const creditApi = {
  standards: (signal?: AbortSignal) => http.get<CreditStandardView[]>('/api/credit/standards', undefined, { signal }),
  /** Audited on the server; refused with every problem listed when the standard does not hold together. */
  saveStandard: (kind: CreditSubjectKind, body: CreditStandardBodyInput) => http.put<CreditStandardView>(`/api/credit/standards/${kind}`, body),

  events: (query: CreditEventFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<Page<CreditEventView>>('/api/credit/events', { ...query }, { signal }),
  event: (id: number, signal?: AbortSignal) => http.get<CreditEventView>(`/api/credit/events/${id}`, undefined, { signal }),
  /** 信用信息录入: waits for review by someone other than whoever entered it. */
  report: (input: CreditEventInput) => http.post<CreditEventView>('/api/credit/events', input),
  importEvents: (input: CreditImportInput) => http.post<CreditImportResult>('/api/credit/events/import', input),
  review: (id: number, body: { decision: 'approve' | 'reject'; opinion: string }) => http.post<CreditEventView>(`/api/credit/events/${id}/review`, body),

  objections: (query: ObjectionFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<Page<CreditObjection>>('/api/credit/objections', { ...query }, { signal }),
  decide: (id: number, body: { decision: 'uphold' | 'dismiss'; opinion: string }) => http.post<CreditObjection>(`/api/credit/objections/${id}/decide`, body),

  subject: (kind: CreditSubjectKind, id: number, signal?: AbortSignal) =>
    http.get<CreditSubjectView>(`/api/credit/subjects/${kind}/${id}`, undefined, { signal }),
  /** 年度信用档案: subjects already snapshotted for the year are left as they were. */
  snapshots: (year: number, kind?: CreditSubjectKind) => http.post<z.output<typeof snapshotResult>>('/api/credit/snapshots', { year, kind }),

  /** Evidence (证据材料): uploaded first, then referred to by its file id. */
  upload: (file: File, onProgress?: (sent: number) => void) => http.upload<FileInfo>('/api/files', file, { onProgress }),
  fileUrl: (fileId: string) => http.objectUrl(`/api/files/${fileId}`),
};
