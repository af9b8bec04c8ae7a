// 中介机构管理员 (role agency_admin) in the mini-program: the own agency's registry record
// (GET /api/enterprises/mine) and its brokers — list, 经纪人登记 with the duplicate check across
// agencies (查重), 解除执业. Applications (中介机构备案/变更, 代为申请经纪人备案) go through
// services/applications.ts.
import {
  brokerCheckResponse, brokerView, enterpriseDetail, pageOf, z,
  type BrokerRegisterInput, type BrokerView, type EnterpriseDetail, type IdDocumentType,
} from '@hq/common'
import { api, parseReply, type Reply } from './transport'
import type { Page } from './public'

const brokerPage = pageOf(brokerView)

export type BrokerCheck = z.infer<typeof brokerCheckResponse>

export function fetchMyAgency(): Promise<Reply<EnterpriseDetail>> {
  return api.get<unknown>('/api/enterprises/mine').then((r) => parseReply(r, enterpriseDetail))
}

/** The agency's own brokers (the API limits agency staff to their agency), newest registrations too. */
export function listAgencyBrokers(keyword: string, page: number, pageSize = 20): Promise<Reply<Page<BrokerView>>> {
  const q = [`page=${page}`, `pageSize=${pageSize}`, keyword ? `keyword=${encodeURIComponent(keyword)}` : ''].filter(Boolean).join('&')
  return api.get<unknown>(`/api/brokers?${q}`).then((r) => parseReply(r, brokerPage))
}

/** 查重: whether the ID number is free, or already practising with another agency (named in `message`). */
export function checkBroker(idType: IdDocumentType, idNumber: string): Promise<Reply<BrokerCheck>> {
  return api.post<unknown>('/api/brokers/check', { idType, idNumber }).then((r) => parseReply(r, brokerCheckResponse))
}

/** 经纪人登记 into the caller's agency. */
export function registerBroker(input: BrokerRegisterInput): Promise<Reply<BrokerView>> {
  return api.post<unknown>('/api/brokers', input).then((r) => parseReply(r, brokerView))
}

/** 解除执业 (离职等): the broker's filing stops standing; the reason is kept in their history. */
export function releaseBroker(id: number, reason: string): Promise<Reply<BrokerView>> {
  return api.post<unknown>(`/api/brokers/${id}/release`, { reason }).then((r) => parseReply(r, brokerView))
}
