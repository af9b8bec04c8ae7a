// 网上办事: the application/review engine's endpoints, typed by common's contracts.
import type {
  ActInput, ApplicationDetail, ApplicationSummary, AttachmentRef, FileInfo, Page, inboxQuery, versionDiff, z,
} from '@hq/common';
import { http } from '../../providers/transport';
import type { OrgOption } from '../realestate/api';

export type InboxBox = z.output<typeof inboxQuery>['box'];
/** The inbox query as sent: `overdue` travels as the string the API parses. */
export type InboxFilters = Omit<z.input<typeof inboxQuery>, 'page' | 'pageSize'> & { box: InboxBox };
export type InboxQuery = InboxFilters & { page: number; pageSize: number };
export type VersionDiff = z.output<typeof versionDiff>;

/** A business type as GET /api/applications/types describes it (steps, deadlines, attachments). */
export interface BusinessTypeInfo {
  key: string;
  label: string;
  applicantRoles: string[];
  steps: ApplicationDetail['steps'];
  attachments: ApplicationDetail['requiredAttachments'];
}

/** One stored version of the form, as it was saved or submitted. */
export interface FormVersion {
  versionNo: number;
  form: Record<string, unknown>;
  attachments: AttachmentRef[];
  at: string;
}

/** The form as the page holds it: drafts may be partial, the API lists what is still missing. */
export interface DraftPayload {
  form: Record<string, unknown>;
  attachments: AttachmentRef[];
}

export const applicationsApi = {
  types: (signal?: AbortSignal) => http.get<BusinessTypeInfo[]>('/api/applications/types', undefined, { signal }),
  inbox: (query: InboxQuery, signal?: AbortSignal) => http.get<Page<ApplicationSummary>>('/api/applications', { ...query }, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<ApplicationDetail>(`/api/applications/${id}`, undefined, { signal }),
  /** A new draft in the 草稿箱; the form is filled (and autosaved) on the application page. */
  create: (type: string, form: Record<string, unknown> = {}) => http.post<ApplicationDetail>('/api/applications', { type, form, attachments: [] }),
  /** Saves against the lockVersion the page holds; 409 WORKFLOW_STALE when someone changed it since. */
  save: (id: number, payload: DraftPayload, lockVersion: number) =>
    http.put<ApplicationDetail>(`/api/applications/${id}/form`, { ...payload, lockVersion }),
  /** `form` only with `correct` (审核人员修正): the whole corrected form. */
  act: (id: number, input: Pick<ActInput, 'action' | 'lockVersion'> & { opinion?: string; form?: Record<string, unknown> }) =>
    http.post<ApplicationDetail>(`/api/applications/${id}/actions`, input),
  version: (id: number, no: number, signal?: AbortSignal) => http.get<FormVersion>(`/api/applications/${id}/versions/${no}`, undefined, { signal }),
  diff: (id: number, from: number, to: number, signal?: AbortSignal) =>
    http.get<VersionDiff>(`/api/applications/${id}/diff`, { from, to }, { signal }),
  /** An attachment file; `onProgress` gets the share sent so far. */
  upload: (file: File, onProgress: (sent: number) => void) => http.upload<FileInfo>('/api/files', file, { onProgress }),
  /** Private attachments open with the person's token, from an object URL. */
  fileUrl: (fileId: string) => http.objectUrl(`/api/files/${fileId}`),
};

/** The supervising banks (监管银行) a presale fund account may be opened with. */
export const banksApi = {
  list: (signal?: AbortSignal) => http.get<Page<OrgOption>>('/api/orgs', { kind: 'bank', pageSize: 100 }, { signal }),
};
