// Owner and property services (issue 6) as the mini-program uses them: the owner's houses, house
// verification and household members, community notices; repairs, complaints and patrol issues
// (one ticket lifecycle, @hq/common tickets.ts); patrol tasks. Every reply is checked against the
// contracts of @hq/common (contracts/property.ts); photos go up through the transport's uploadFile.
import Taro from '@tarojs/taro'
import {
  assignee, communityNotice, communitySummary, fileInfo, houseVerification, houseView, memberView, pageOf, patrolTaskView, ticketDetail, ticketSummary, z,
  type CommunityNotice, type FileInfo, type HouseVerifyRequest, type PatrolTaskView, type TicketActionInput, type TicketCreateInput, type TicketDetail,
  type TicketKind, type TicketStatus, type TicketSummary,
} from '@hq/common'
import { api, parseReply, request, uploadFile, type LocalFile, type Reply } from './transport'
import { queryString, type Page } from './public'
import { getTokens } from './session'

export type HouseView = z.infer<typeof houseView>
export type HouseVerification = z.infer<typeof houseVerification>
export type MemberView = z.infer<typeof memberView>
export type Assignee = z.infer<typeof assignee>
export type CommunitySummary = z.infer<typeof communitySummary>
export type { CommunityNotice }

// ---------- houses, verification, members ----------

const houses = z.array(houseView)
export function fetchMyHouses(): Promise<Reply<HouseView[]>> {
  return api.get<unknown>('/api/my/houses').then((r) => parseReply(r, houses))
}

/**
 * 房屋认证 against the registry: the bound house, or a failure whose message is the registry's
 * reason with what to do next (the attempt is recorded either way).
 */
export function verifyHouse(input: HouseVerifyRequest): Promise<Reply<HouseView>> {
  return api.post<unknown>('/api/my/houses/verify', input).then((r) => parseReply(r, houseView))
}

const verificationPage = pageOf(houseVerification)
/** The latest attempts, with the reason of each refusal. */
export function fetchMyVerifications(): Promise<Reply<Page<HouseVerification>>> {
  return api.get<unknown>(`/api/my/house-verifications${queryString({ page: 1, pageSize: 10 })}`).then((r) => parseReply(r, verificationPage))
}

const members = z.array(memberView)
export function fetchMembers(roomId: number): Promise<Reply<MemberView[]>> {
  return api.get<unknown>(`/api/my/houses/${roomId}/members`).then((r) => parseReply(r, members))
}

export interface MemberInput {
  name: string
  phone: string
  relation: 'tenant' | 'family'
  validUntil: string | null
}
export function addMember(roomId: number, input: MemberInput): Promise<Reply<MemberView>> {
  return api.post<unknown>(`/api/my/houses/${roomId}/members`, input).then((r) => parseReply(r, memberView))
}

export function removeMember(roomId: number, memberId: number): Promise<Reply<unknown>> {
  return request<unknown>(`/api/my/houses/${roomId}/members/${memberId}`, { method: 'DELETE' })
}

// ---------- community notices ----------

const noticePage = pageOf(communityNotice)
export function fetchMyNotices(page: number, pageSize = 20): Promise<Reply<Page<CommunityNotice>>> {
  return api.get<unknown>(`/api/my/notices${queryString({ page, pageSize })}`).then((r) => parseReply(r, noticePage))
}

// ---------- tickets ----------

export interface TicketFilter {
  kind?: TicketKind
  status?: TicketStatus | readonly TicketStatus[]
  state?: 'open' | 'done' | 'overdue'
  mine?: 'assigned' | 'reported'
  communityId?: number
}

/** `status` may repeat (status=a&status=b); the rest as usual. */
function ticketQuery(f: TicketFilter, page: number, pageSize: number): string {
  const { status, ...rest } = f
  const q = queryString({ ...rest, page, pageSize })
  const statuses = status === undefined ? [] : typeof status === 'string' ? [status] : [...status]
  const extra = statuses.map((s) => `status=${encodeURIComponent(s)}`).join('&')
  if (!extra) return q
  return q ? `${q}&${extra}` : `?${extra}`
}

const ticketPage = pageOf(ticketSummary)
export function listTickets(filter: TicketFilter, page: number, pageSize = 10): Promise<Reply<Page<TicketSummary>>> {
  return api.get<unknown>(`/api/tickets${ticketQuery(filter, page, pageSize)}`).then((r) => parseReply(r, ticketPage))
}

export function fetchTicket(id: number): Promise<Reply<TicketDetail>> {
  return api.get<unknown>(`/api/tickets/${id}`).then((r) => parseReply(r, ticketDetail))
}

/** 报修 / 投诉 / 随手拍. The same clientRequestId twice returns the same ticket (a double tap, a retry). */
export function createTicket(input: TicketCreateInput): Promise<Reply<TicketDetail>> {
  return api.post<unknown>('/api/tickets', input).then((r) => parseReply(r, ticketDetail))
}

/** One step of the lifecycle, against the version the page was showing (409 STALE_TICKET otherwise). */
export function actOnTicket(id: number, input: TicketActionInput): Promise<Reply<TicketDetail>> {
  return api.post<unknown>(`/api/tickets/${id}/actions`, input).then((r) => parseReply(r, ticketDetail))
}

const assignees = z.array(assignee)
/** Who this handler may dispatch the ticket to. */
export function fetchAssignees(ticketId: number): Promise<Reply<Assignee[]>> {
  return api.get<unknown>(`/api/tickets/assignees${queryString({ ticketId })}`).then((r) => parseReply(r, assignees))
}

// ---------- patrol tasks ----------

const taskPage = pageOf(patrolTaskView)
export function listPatrolTasks(state: 'open' | 'done' | 'overdue', page: number, pageSize = 10): Promise<Reply<Page<PatrolTaskView>>> {
  return api.get<unknown>(`/api/patrol-tasks${queryString({ state, page, pageSize })}`).then((r) => parseReply(r, taskPage))
}

export function fetchPatrolTask(id: number): Promise<Reply<PatrolTaskView>> {
  return api.get<unknown>(`/api/patrol-tasks/${id}`).then((r) => parseReply(r, patrolTaskView))
}

export function completePatrolTask(id: number, input: { note: string; photos: TicketCreateInput['photos'] }): Promise<Reply<PatrolTaskView>> {
  return api.post<unknown>(`/api/patrol-tasks/${id}/complete`, input).then((r) => parseReply(r, patrolTaskView))
}

const communityPage = pageOf(communitySummary)
/** The communities this person works in (property staff: their company's). */
export function listCommunities(page = 1, pageSize = 50): Promise<Reply<Page<CommunitySummary>>> {
  return api.get<unknown>(`/api/communities${queryString({ page, pageSize })}`).then((r) => parseReply(r, communityPage))
}

// ---------- photos ----------

/** Upload one photo; the API keeps one file per person and content, so a retry returns the same id. */
export function uploadPhoto(file: LocalFile): Promise<Reply<FileInfo>> {
  return uploadFile<unknown>('/api/files', file).then((r) => parseReply(r, fileInfo))
}

const imageCache = new Map<string, Promise<string | null>>()

/**
 * A ticket's photo as something <Image> can show. Photos need the bearer token, which <Image>
 * cannot send: WeChat downloads them to a temp file, H5 fetches a blob (the CSP allows blob: images).
 * The page's detail call just before refreshed the token if it had expired.
 */
export function photoSource(path: string): Promise<string | null> {
  const url = /^https?:\/\//.test(path) ? path : `${API_BASE}${path}`
  const token = getTokens()?.accessToken
  // Per session: the same address gives the original to the reporter and the public rendition to
  // a supervisor, so another account on this phone must not see what the previous one loaded.
  const cacheKey = `${token ?? ''} ${url}`
  const cached = imageCache.get(cacheKey)
  if (cached) return cached
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  const load = (async (): Promise<string | null> => {
    try {
      if (process.env.TARO_ENV === 'h5') {
        const res = await fetch(url, { headers: header })
        if (!res.ok) return null
        return URL.createObjectURL(await res.blob())
      }
      const res = await Taro.downloadFile({ url, header })
      return res.statusCode === 200 ? res.tempFilePath : null
    } catch {
      return null
    }
  })()
  imageCache.set(cacheKey, load)
  // A failure may be passing (offline): let a later render try again.
  void load.then((src) => {
    if (!src) imageCache.delete(cacheKey)
  })
  return load
}

/** The phone's position for a patrol photo, or null when refused, unavailable or too slow. */
export async function currentLocation(timeoutMs = 8000): Promise<{ lng: number; lat: number } | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs))
  const locate = Taro.getLocation({ type: 'gcj02' })
    .then((r) => (Number.isFinite(r.longitude) && Number.isFinite(r.latitude) ? { lng: r.longitude, lat: r.latitude } : null))
    .catch(() => null)
  return Promise.race([locate, timeout])
}

/** A key for one submission, made once per draft. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 6)}`
}
