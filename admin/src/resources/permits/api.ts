// 预售许可与现售备案: query, detail, statistics, Excel export and the printed certificate.
import { shanghaiDate, type Page, type PermitQuery, type PermitRow, type PermitStatsQuery, type PermitStatsRow } from '@hq/common';
import { http } from '../../providers/transport';

export type { PermitKind, PermitStatus, PermitRow, PermitStatsRow, StatsPeriod } from '@hq/common';

/** What the query form sets; the list adds paging, the export takes it as is. */
export type PermitFilters = Omit<PermitQuery, 'page' | 'pageSize'>;
export type StatsQuery = PermitStatsQuery;

const certificatePath = (id: number) => `/api/permits/${id}/certificate.pdf`;

export const permitsApi = {
  list: (query: PermitFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<Page<PermitRow>>('/api/permits', { ...query }, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<PermitRow>(`/api/permits/${id}`, undefined, { signal }),
  stats: (query: StatsQuery, signal?: AbortSignal) => http.get<PermitStatsRow[]>('/api/permits/stats', { ...query }, { signal }),
  exportXlsx: (filters: PermitFilters) =>
    http.download('/api/permits/export.xlsx', { ...filters }, `预售许可与现售备案-${shanghaiDate().replaceAll('-', '')}.xlsx`),
  /**
   * The certificate is private (it needs the person's token), so it is fetched through the
   * transport and shown from an object URL in a new tab; where pop-ups are blocked it downloads.
   */
  async openCertificate(permit: Pick<PermitRow, 'id' | 'permitNo'>): Promise<void> {
    // Open the tab while the click still counts as the person's gesture, fill it once the PDF is here.
    const tab = window.open('', '_blank');
    try {
      const url = await http.objectUrl(certificatePath(permit.id));
      if (tab) tab.location.href = url;
      else await http.download(certificatePath(permit.id), undefined, `${permit.permitNo}.pdf`);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      throw e;
    }
  },
};
