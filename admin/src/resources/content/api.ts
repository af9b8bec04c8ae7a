import type { ContentListQuery, FileInfo, ManagedContent, ManagedContentDetail, Page, contentCreate, z } from '@hq/common';
import { http } from '../../providers/transport';

export type ContentFilters = Omit<ContentListQuery, 'page' | 'pageSize'>;
/** The editable fields as sent (the schema's input: optional fields may be left out). */
export type ContentFields = z.input<typeof contentCreate>;

export const contentApi = {
  list: (query: Partial<ContentListQuery>, signal?: AbortSignal) => http.get<Page<ManagedContent>>('/api/contents', query, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<ManagedContentDetail>(`/api/contents/${id}`, undefined, { signal }),
  create: (fields: ContentFields) => http.post<ManagedContentDetail>('/api/contents', fields),
  /** A full replacement against the version the editor loaded; 409 when someone saved in between. */
  update: (id: number, fields: ContentFields, version: number) => http.put<ManagedContentDetail>(`/api/contents/${id}`, { ...fields, version }),
  publish: (id: number, version: number) => http.post<ManagedContentDetail>(`/api/contents/${id}/publish`, { version }),
  schedule: (id: number, version: number, publishAt: string) => http.post<ManagedContentDetail>(`/api/contents/${id}/schedule`, { version, publishAt }),
  withdraw: (id: number, version: number, reason: string) => http.post<ManagedContentDetail>(`/api/contents/${id}/withdraw`, { version, reason }),
  redraft: (id: number, version: number) => http.post<ManagedContentDetail>(`/api/contents/${id}/redraft`, { version }),
  uploadFile: (file: File) => http.upload<FileInfo>('/api/files', file),
};
