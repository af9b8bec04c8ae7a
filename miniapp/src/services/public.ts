// Public disclosure (no login): projects, building tables, rooms, developers, agencies, the map,
// and published content (政策法规, 通知公告, 购房须知). Every reply is checked against the contracts
// of @hq/common; none of these calls sends a token.
import {
  buildingTable, certificateVerifyResponse, mapResponse, pageOf, publicAgencyProfile, publicAgencySummary, publicBrokerSummary,
  publicContentDetail, publicContentSummary, publicDeveloperProfile, publicProjectDetail, publicProjectSummary, publicRoomDetail,
  type BuildingTable, type CertificateVerifyResponse, type ContentChannel, type ContentSection, type GuideCategory, type MapResponse,
  type ProjectStatus, type PublicAgencyProfile, type PublicAgencySummary, type PublicBrokerSummary, type PublicContentDetail,
  type PublicContentSummary, type PublicDeveloperProfile, type PublicProjectDetail, type PublicProjectSummary, type PublicRoomDetail,
  type RoomUse, z,
} from '@hq/common'
import { api, parseReply, type Reply } from './transport'

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

type QueryValue = string | number | null | undefined

/** `?a=1&b=x` from the values that are set; empty strings count as unset. */
export function queryString(params: Record<string, QueryValue>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v != null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Server-relative addresses (photos, videos, attachments) made absolute for the mini-program. */
export function apiUrl(path: string): string {
  return /^https?:\/\//.test(path) ? path : `${API_BASE}${path}`
}

const get = <T>(path: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): Promise<Reply<T>> =>
  api.get<unknown>(path, { auth: false }).then((reply) => parseReply(reply, schema))

export type ProjectSort = 'default' | 'available_desc' | 'price_asc' | 'price_desc'

export interface ProjectFilter {
  keyword?: string
  district?: string
  use?: RoomUse
  status?: ProjectStatus
  sort?: ProjectSort
}

const projectPage = pageOf(publicProjectSummary)
export function searchProjects(filter: ProjectFilter, page: number, pageSize = 10): Promise<Reply<Page<PublicProjectSummary>>> {
  return get(`/api/public/projects${queryString({ ...filter, page, pageSize })}`, projectPage)
}

export function fetchProject(id: number): Promise<Reply<PublicProjectDetail>> {
  return get(`/api/public/projects/${id}`, publicProjectDetail)
}

export function fetchBuildingTable(id: number): Promise<Reply<BuildingTable>> {
  return get(`/api/public/buildings/${id}/table`, buildingTable)
}

export function fetchRoom(id: number): Promise<Reply<PublicRoomDetail>> {
  return get(`/api/public/rooms/${id}`, publicRoomDetail)
}

export function fetchDeveloper(id: number): Promise<Reply<PublicDeveloperProfile>> {
  return get(`/api/public/developers/${id}`, publicDeveloperProfile)
}

const agencyPage = pageOf(publicAgencySummary)
export function searchAgencies(keyword: string, page: number, pageSize = 20): Promise<Reply<Page<PublicAgencySummary>>> {
  return get(`/api/public/agencies${queryString({ keyword, page, pageSize })}`, agencyPage)
}

export function fetchAgency(id: number): Promise<Reply<PublicAgencyProfile>> {
  return get(`/api/public/agencies/${id}`, publicAgencyProfile)
}

/** 备案经纪人查询: names arrive masked (郭**); a keyword matches the full name on the server. */
const brokerPage = pageOf(publicBrokerSummary)
export function searchBrokers(keyword: string, page: number, pageSize = 20): Promise<Reply<Page<PublicBrokerSummary>>> {
  return get(`/api/public/brokers${queryString({ keyword, page, pageSize })}`, brokerPage)
}

export function fetchBroker(id: number): Promise<Reply<PublicBrokerSummary>> {
  return get(`/api/public/brokers/${id}`, publicBrokerSummary)
}

/** [minLng, minLat, maxLng, maxLat] in GCJ-02. */
export type Bbox = [number, number, number, number]

export function fetchMapProjects(bbox: Bbox, zoom: number): Promise<Reply<MapResponse>> {
  const box = bbox.map((n) => n.toFixed(6)).join(',')
  return get(`/api/public/map/projects${queryString({ bbox: box, zoom: Math.round(zoom), crs: 'gcj02' })}`, mapResponse)
}

export interface ContentFilter {
  channel: ContentChannel
  section?: ContentSection
  category?: GuideCategory
  keyword?: string
}

const contentPage = pageOf(publicContentSummary)
export function fetchContents(filter: ContentFilter, page: number, pageSize = 20): Promise<Reply<Page<PublicContentSummary>>> {
  return get(`/api/public/contents${queryString({ ...filter, page, pageSize })}`, contentPage)
}

export function fetchContent(id: number): Promise<Reply<PublicContentDetail>> {
  return get(`/api/public/contents/${id}`, publicContentDetail)
}

/**
 * 证书核验 (RE-014, RE-199): what the registry holds now for a presale permit / completed-sale
 * filing number. `facts` is null when no such number was ever issued.
 */
export const permitVerification = z.object({
  valid: z.boolean(),
  permitNo: z.string(),
  facts: z
    .object({
      kindLabel: z.string(),
      projectId: z.number().int(),
      projectName: z.string(),
      address: z.string(),
      developerName: z.string(),
      developerUscc: z.string().nullable(),
      buildingNos: z.array(z.string()),
      uses: z.array(z.string()),
      roomCount: z.number().int(),
      area: z.number().int(),
      issuedOn: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      licenceId: z.string().nullable(),
    })
    .nullable(),
  message: z.string(),
})
export type PermitVerification = z.infer<typeof permitVerification>

export function verifyPermit(permitNo: string): Promise<Reply<PermitVerification>> {
  return get(`/api/public/permits/verify${queryString({ no: permitNo })}`, permitVerification)
}

/**
 * 资质证书 / 备案证明 / 经纪人备案证明核验: the QR code on those certificates opens the verify page
 * with `type=certificate`. `kind` is null when no such number was ever issued.
 */
export function verifyCertificate(certNo: string): Promise<Reply<CertificateVerifyResponse>> {
  return get(`/api/public/certificates/verify${queryString({ no: certNo })}`, certificateVerifyResponse)
}
