// 经纪人备案 for the signed-in broker (role broker): their record (GET /api/my/broker), registering
// themself with their agency, and the broker_filing application through the one application engine
// (services/applications.ts: draft → submit; returned → edit → resubmit).
import { brokerView, z, type BrokerRegisterInput, type BrokerView } from '@hq/common'
import { api, parseReply, type Reply } from './transport'

export { actOnApplication as actOnFiling, fetchApplication, returnOpinion, uploadDocument } from './applications'

export const BROKER_FILING = 'broker_filing'

const myRecords = z.array(brokerView)

/** The broker records linked to this account (one in practice; more after moving agencies). */
export function fetchMyBroker(): Promise<Reply<BrokerView[]>> {
  return api.get<unknown>('/api/my/broker').then((r) => parseReply(r, myRecords))
}

/** 经纪人登记 into the broker's own agency (the API takes the agency from the account). */
export function registerSelf(input: BrokerRegisterInput): Promise<Reply<BrokerView>> {
  return api.post<unknown>('/api/brokers', input).then((r) => parseReply(r, brokerView))
}
