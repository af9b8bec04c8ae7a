import type {
  AdminBuildingTable, AdminRoomDetail, BuildingInput, BuildingSummary, Page, ProjectInput, RoomEventInput, RoomEventView,
  projectAdminDetail, projectAdminSummary, projectListQuery, z,
} from '@hq/common';
import { http } from '../../providers/transport';

export type ProjectSummary = z.output<typeof projectAdminSummary>;
export type ProjectDetail = z.output<typeof projectAdminDetail>;
export type ProjectQuery = z.output<typeof projectListQuery>;
export type ProjectFilters = Partial<Omit<ProjectQuery, 'page' | 'pageSize'>>;
/** PATCH body: changed facts plus the version the editor loaded (optimistic lock). */
export type ProjectPatch = Partial<ProjectInput> & { version: number };

/** An entry of the organisation directory (GET /api/orgs), as the pickers show it. */
export interface OrgOption {
  id: number;
  kind: string;
  kindLabel: string;
  name: string;
  uscc: string | null;
  status: string;
}

export const orgsApi = {
  developers: (keyword: string | undefined, signal?: AbortSignal) =>
    http.get<Page<OrgOption>>('/api/orgs', { kind: 'developer', keyword, pageSize: 50 }, { signal }),
};

export const projectsApi = {
  list: (query: ProjectQuery, signal?: AbortSignal) => http.get<Page<ProjectSummary>>('/api/projects', query, { signal }),
  get: (id: number, signal?: AbortSignal) => http.get<ProjectDetail>(`/api/projects/${id}`, undefined, { signal }),
  create: (input: ProjectInput) => http.post<ProjectDetail>('/api/projects', input),
  update: (id: number, patch: ProjectPatch) => http.patch<ProjectDetail>(`/api/projects/${id}`, patch),
};

export const buildingsApi = {
  list: (projectId: number, signal?: AbortSignal) => http.get<BuildingSummary[]>(`/api/projects/${projectId}/buildings`, undefined, { signal }),
  create: (projectId: number, input: BuildingInput) => http.post<{ id: number }>(`/api/projects/${projectId}/buildings`, input),
  update: (id: number, input: Partial<BuildingInput>) => http.patch<{ ok: true }>(`/api/buildings/${id}`, input),
  table: (id: number, signal?: AbortSignal) => http.get<AdminBuildingTable>(`/api/buildings/${id}/table`, undefined, { signal }),
};

export const roomsApi = {
  get: (id: number, signal?: AbortSignal) => http.get<AdminRoomDetail>(`/api/rooms/${id}`, undefined, { signal }),
  change: (id: number, input: RoomEventInput) => http.post<RoomEventView>(`/api/rooms/${id}/events`, input),
};
