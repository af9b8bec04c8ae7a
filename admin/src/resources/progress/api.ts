import type { FileInfo, Page, ProgressReportInput, ProgressReportView } from '@hq/common';
import { http } from '../../providers/transport';

export const progressApi = {
  ofProject: (projectId: number, query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<Page<ProgressReportView>>(`/api/projects/${projectId}/progress`, query, { signal }),
  report: (buildingId: number, input: ProgressReportInput) => http.post<ProgressReportView>(`/api/buildings/${buildingId}/progress`, input),
};

export const filesApi = {
  upload: (file: File) => http.upload<FileInfo>('/api/files', file),
};
