import type { Page, SurveyImportDetail, SurveyImportMode, SurveyImportSummary } from '@hq/common';
import { http } from '../../providers/transport';

export const surveyApi = {
  downloadTemplate: () => http.download('/api/survey/template.xlsx', undefined, '预售测绘数据导入模板.xlsx'),
  /** 202: the import runs on the server; poll `get` for its progress. */
  start: (projectId: number, file: File, mode: SurveyImportMode) =>
    http.upload<SurveyImportDetail>(`/api/projects/${projectId}/survey-imports`, file, { fields: { mode } }),
  get: (id: number, errorsPage = 1, signal?: AbortSignal) =>
    http.get<SurveyImportDetail>(`/api/survey-imports/${id}`, { errorsPage }, { signal }),
  list: (projectId: number, query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<Page<SurveyImportSummary>>(`/api/projects/${projectId}/survey-imports`, query, { signal }),
  downloadErrors: (imp: Pick<SurveyImportDetail, 'id' | 'errorsCsvUrl'>) => http.download(imp.errorsCsvUrl, undefined, `测绘导入${imp.id}错误清单.csv`),
};
