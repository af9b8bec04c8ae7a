// 企业管理: the enterprise registry (企业名录, 本企业信息), certificates, agency cancellation,
// brokers and their practice qualifications, typed by common's contracts.
import type {
  BrokerQualificationView, BrokerView, CertificateView, EnterpriseDetail, EnterpriseSummary, Page, brokerQuery, enterpriseAccount,
  enterpriseQuery, z,
} from '@hq/common';
import { shanghaiDate } from '@hq/common';
import { http } from '../../providers/transport';

export type { BrokerQualificationView, BrokerView, CertificateView, EnterpriseDetail, EnterpriseSummary };
export type EnterpriseAccount = z.output<typeof enterpriseAccount>;
/** What the search form sets; the list adds paging, the export takes it as it is. */
export type EnterpriseFilters = Partial<Omit<z.output<typeof enterpriseQuery>, 'page' | 'pageSize'>>;
export type BrokerFilters = Partial<Omit<z.output<typeof brokerQuery>, 'page' | 'pageSize'>>;

export const enterprisesApi = {
  list: (query: EnterpriseFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<Page<EnterpriseSummary>>('/api/enterprises', { ...query }, { signal }),
  mine: (signal?: AbortSignal) => http.get<EnterpriseDetail>('/api/enterprises/mine', undefined, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<EnterpriseDetail>(`/api/enterprises/${id}`, undefined, { signal }),
  /** 导出Excel: the server writes every row of the query (at most 20,000). */
  exportXlsx: (filters: EnterpriseFilters) => http.download('/api/enterprises/export.xlsx', { ...filters }, `企业名录-${shanghaiDate().replaceAll('-', '')}.xlsx`),
  /** Regulators only: the enterprise's login accounts (opened by the system administrator). */
  accounts: (id: number, signal?: AbortSignal) => http.get<EnterpriseAccount[]>(`/api/enterprises/${id}/accounts`, undefined, { signal }),
  /** 注销中介机构备案 (RE-070): its filing certificate lapses and its brokers are released. */
  cancelAgency: (id: number, reason: string) => http.post<{ ok: true; brokersReleased: number }>(`/api/agencies/${id}/cancel`, { reason }),
};

export const brokersApi = {
  list: (query: BrokerFilters & { page: number; pageSize: number }, signal?: AbortSignal) =>
    http.get<Page<BrokerView>>('/api/brokers', { ...query }, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<BrokerView>(`/api/brokers/${id}`, undefined, { signal }),
  /** 检查从业资格: a failed check suspends the qualification. */
  checkQualification: (id: number, body: { result: 'pass' | 'fail'; note: string }) =>
    http.post<BrokerQualificationView>(`/api/broker-qualifications/${id}/check`, body),
  cancelQualification: (id: number, reason: string) => http.post<BrokerQualificationView>(`/api/broker-qualifications/${id}/cancel`, { reason }),
};

export const certificatesApi = {
  get: (id: number, signal?: AbortSignal) => http.get<CertificateView>(`/api/certificates/${id}`, undefined, { signal }),
  /**
   * Certificates are private (they need the person's token): fetched through the transport and
   * shown from an object URL in a new tab; where pop-ups are blocked the PDF downloads instead.
   */
  async open(c: Pick<CertificateView, 'pdfUrl' | 'certNo'>): Promise<void> {
    // Open the tab while the click still counts as the person's gesture, fill it once the PDF is here.
    const tab = window.open('', '_blank');
    try {
      const url = await http.objectUrl(c.pdfUrl);
      if (tab) tab.location.href = url;
      else await http.download(c.pdfUrl, undefined, `${c.certNo}.pdf`);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      throw e;
    }
  },
};
