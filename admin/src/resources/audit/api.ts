import { shanghaiDate, type AuditRecordDto, type AuditVerifyResult, type Page, type auditQuery, type z } from '@hq/common';
import { http } from '../../providers/transport';

export type AuditQuery = z.output<typeof auditQuery>;
/** The query without paging: what the filter form sets and the CSV export takes. */
export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => http.get<Page<AuditRecordDto>>('/api/audit', query, { signal }),
  verify: () => http.post<AuditVerifyResult>('/api/audit/verify'),
  exportCsv: (filters: AuditFilters) =>
    http.download('/api/audit/export', filters, `审计日志-${shanghaiDate().replaceAll('-', '')}.csv`),
};
