// The state of one agency's 中介机构备案 / 备案变更 for its admin: the registry record, which
// application it may start now (common's startOptions), that application if one is under way
// (or the latest decided one, to show how it ended), and the agency's brokers to include.
// Pages render `stage`; every call goes through services/agency.ts and services/applications.ts.
import { useCallback, useEffect, useState } from 'react'
import { isOpenApplication, startOptions, type ApplicationDetail, type BrokerView, type EnterpriseDetail, type StartOption } from '@hq/common'
import { fetchMyAgency, listAgencyBrokers } from '../../services/agency'
import { fetchApplication, fetchOwnApplications } from '../../services/applications'
import type { Failure } from '../../services/transport'

/**
 * none: nothing may be started (注销); apply: no open application → a new form; edit: a draft or
 * 退回补正 to change and (re)submit; review: submitted, under review.
 */
export type AgencyStage = 'none' | 'apply' | 'edit' | 'review'

export interface AgencyFilingState {
  loading: boolean
  error: Pick<Failure, 'code' | 'message'> | null
  agency: EnterpriseDetail | null
  option: StartOption | null
  /** The open application of `option`'s type, else the latest decided one of the agency. */
  application: ApplicationDetail | null
  /** Registered and filed brokers of the agency: those a 备案 may include. */
  brokers: BrokerView[]
  stage: AgencyStage
  reload: () => Promise<void>
}

export function agencyStageOf(option: StartOption | null, app: ApplicationDetail | null): AgencyStage {
  if (!option) return 'none'
  if (!app || app.type !== option.type || !isOpenApplication(app)) return 'apply'
  return app.status === 'draft' || app.status === 'returned' ? 'edit' : 'review'
}

type Loaded = Omit<AgencyFilingState, 'reload' | 'stage' | 'option'>
const EMPTY: Loaded = { loading: false, error: null, agency: null, application: null, brokers: [] }

async function load(): Promise<Loaded> {
  const agency = await fetchMyAgency()
  if (!agency.ok) return { ...EMPTY, error: agency }
  const option = startOptions(agency.data)[0] ?? null
  const [own, brokers] = await Promise.all([
    option ? fetchOwnApplications(option.type) : Promise.resolve(null),
    listAgencyBrokers('', 1, 200),
  ])
  if (own && !own.ok) return { ...EMPTY, agency: agency.data, error: own }
  if (!brokers.ok) return { ...EMPTY, agency: agency.data, error: brokers }
  const open = own?.data.items.find(isOpenApplication)
  const latest = open?.id ?? agency.data.history[0]?.applicationId
  let application: ApplicationDetail | null = null
  if (latest) {
    const detail = await fetchApplication(latest)
    if (!detail.ok) return { ...EMPTY, agency: agency.data, error: detail }
    application = detail.data
  }
  const practising = brokers.data.items.filter((b) => b.status === 'pending' || b.status === 'active')
  return { loading: false, error: null, agency: agency.data, application, brokers: practising }
}

export function useAgencyFiling(): AgencyFilingState {
  const [state, setState] = useState<Loaded>({ ...EMPTY, loading: true })

  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }))
    setState(await load())
  }, [])

  useEffect(() => {
    void reload()
  }, [])

  const option = state.agency ? startOptions(state.agency)[0] ?? null : null
  return { ...state, option, stage: agencyStageOf(option, state.application), reload }
}
