// 智慧物业: communities, tickets (repairs, complaints, patrol issues), monitoring, patrol tasks and
// community notices, typed by common's contracts (contracts/property.ts, tickets.ts, content.ts).
import {
  shanghaiDate,
  type CommunityDetail, type CommunitySummary, type FileInfo, type ManagedContent, type ManagedContentDetail, type MonitorResponse, type Page,
  type PatrolTaskView, type TicketActionInput, type TicketDetail, type TicketRegisterInput, type TicketSummary,
  type assignee, type communityCreate, type communityHouse, type communityQuery, type contentCreate, type monitorQuery,
  type patrolTaskCreate, type patrolTaskQuery, type syncResult, type ticketQuery, type z,
} from '@hq/common';
import { http } from '../../providers/transport';
import type { OrgOption } from '../realestate/api';

export type { CommunityDetail, CommunitySummary, MonitorResponse, PatrolTaskView, TicketDetail, TicketSummary };
export type Assignee = z.infer<typeof assignee>;
export type CommunityHouse = z.infer<typeof communityHouse>;
export type SyncResult = z.infer<typeof syncResult>;
export type CommunityInput = z.input<typeof communityCreate>;
export type CommunityFilters = Partial<Omit<z.output<typeof communityQuery>, 'page' | 'pageSize'>>;
/** The list's filters as sent: one status at a time (the query string carries single values). */
export type TicketFilters = Partial<Omit<z.output<typeof ticketQuery>, 'page' | 'pageSize' | 'status'>> & { status?: TicketSummary['status'] };
export type MonitorFilters = Partial<z.output<typeof monitorQuery>>;
export type PatrolFilters = Partial<Omit<z.output<typeof patrolTaskQuery>, 'page' | 'pageSize'>>;
export type PatrolInput = z.input<typeof patrolTaskCreate>;
export type NoticeFields = z.input<typeof contentCreate>;
type Paged<F> = F & { page: number; pageSize: number };

const stamp = () => shanghaiDate().replaceAll('-', '');

export const communitiesApi = {
  list: (query: Paged<CommunityFilters>, signal?: AbortSignal) => http.get<Page<CommunitySummary>>('/api/communities', { ...query }, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<CommunityDetail>(`/api/communities/${id}`, undefined, { signal }),
  create: (input: CommunityInput) => http.post<CommunityDetail>('/api/communities', input),
  update: (id: number, input: Partial<Omit<CommunityInput, 'projectId'>>) => http.put<CommunityDetail>(`/api/communities/${id}`, input),
  /** Houses and registered owners again from the building table (楼盘表). */
  sync: (id: number) => http.post<SyncResult>(`/api/communities/${id}/sync`),
  houses: (id: number, query: { page: number; pageSize: number; q?: string }, signal?: AbortSignal) =>
    http.get<Page<CommunityHouse>>(`/api/communities/${id}/houses`, { ...query }, { signal }),
  /** Every community this person may see, for pickers (the API pages at most 200). */
  options: (signal?: AbortSignal) => http.get<Page<CommunitySummary>>('/api/communities', { page: 1, pageSize: 200 }, { signal }),
};

export const orgDirectoryApi = {
  byKind: (kind: 'property_company' | 'street_office' | 'owners_committee', keyword?: string, signal?: AbortSignal) =>
    http.get<Page<OrgOption>>('/api/orgs', { kind, keyword, pageSize: 100 }, { signal }),
};

export const ticketsApi = {
  list: (query: Paged<TicketFilters>, signal?: AbortSignal) => http.get<Page<TicketSummary>>('/api/tickets', { ...query }, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<TicketDetail>(`/api/tickets/${id}`, undefined, { signal }),
  /** 409 STALE_TICKET when the version is not the one the page showed; 409 TICKET_TRANSITION when the step is not allowed. */
  act: (id: number, input: TicketActionInput) => http.post<TicketDetail>(`/api/tickets/${id}/actions`, input),
  /** A phone or counter complaint (PM-022); the same clientRequestId twice answers the same ticket. */
  register: (input: TicketRegisterInput) => http.post<TicketDetail>('/api/tickets/register', input),
  assignees: (ticketId?: number, signal?: AbortSignal) => http.get<Assignee[]>('/api/tickets/assignees', { ticketId }, { signal }),
  exportXlsx: (filters: TicketFilters) => http.download('/api/tickets/export', { ...filters }, `报修投诉工单-${stamp()}.xlsx`),
  /** Ticket photos are private: shown from object URLs fetched with the person's token. */
  photoUrl: (path: string, signal?: AbortSignal) => http.objectUrl(path, signal),
  monitor: (query: MonitorFilters, signal?: AbortSignal) => http.get<MonitorResponse>('/api/tickets/monitor', { ...query }, { signal }),
};

export const filesApi = {
  upload: (file: File, onProgress?: (sent: number) => void) => http.upload<FileInfo>('/api/files', file, { onProgress }),
  url: (fileId: string) => http.objectUrl(`/api/files/${fileId}`),
};

export const patrolsApi = {
  list: (query: Paged<PatrolFilters>, signal?: AbortSignal) => http.get<Page<PatrolTaskView>>('/api/patrol-tasks', { ...query }, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<PatrolTaskView>(`/api/patrol-tasks/${id}`, undefined, { signal }),
  create: (input: PatrolInput) => http.post<PatrolTaskView>('/api/patrol-tasks', input),
  /**
   * The community's patrol issues, for a task's page. The ticket list has no filter by task yet
   * (ticketQuery lacks patrolTaskId), so the page shows the community's and the task's own count.
   */
  issues: (task: Pick<PatrolTaskView, 'communityId'>, signal?: AbortSignal) =>
    http.get<Page<TicketSummary>>('/api/tickets', { kind: 'patrol', communityId: task.communityId, pageSize: 100 }, { signal }),
};

/**
 * 小区公告: the content desk's notices of the 物业管理 section, each addressed to one community.
 * The API lets the property side publish to its own communities only.
 */
export const noticesApi = {
  list: (query: Paged<{ communityId?: number; status?: ManagedContent['status']; keyword?: string }>, signal?: AbortSignal) =>
    http.get<Page<ManagedContent>>('/api/contents', { ...query, channel: 'notice', section: 'property' }, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<ManagedContentDetail>(`/api/contents/${id}`, undefined, { signal }),
  create: (fields: NoticeFields) => http.post<ManagedContentDetail>('/api/contents', fields),
  update: (id: number, fields: NoticeFields, version: number) => http.put<ManagedContentDetail>(`/api/contents/${id}`, { ...fields, version }),
};
