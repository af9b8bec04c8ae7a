// The state of one broker's 经纪人备案: their record, its latest broker_filing application (with
// the detail a person needs: step, reviewer's opinion, what is missing) and what the page should
// offer now. Pages render `stage`; every call goes through services/broker.ts.
import { useCallback, useEffect, useState } from 'react'
import type { ApplicationDetail, BrokerView } from '@hq/common'
import { fetchApplication, fetchMyBroker } from '../../services/broker'
import type { Failure } from '../../services/transport'

/**
 * register: no practising record (never registered, released or cancelled) → 经纪人登记;
 * apply: registered, no open application → new 备案 form; edit: a draft or 退回补正 to change and
 * (re)submit; review: submitted, under review; filed: 已备案.
 */
export type FilingStage = 'register' | 'apply' | 'edit' | 'review' | 'filed'

export interface BrokerFilingState {
  loading: boolean
  error: Pick<Failure, 'code' | 'message'> | null
  record: BrokerView | null
  application: ApplicationDetail | null
  stage: FilingStage
  reload: () => Promise<void>
}

/** The practising record first (pending or active), else the newest. */
export function currentRecord(records: BrokerView[]): BrokerView | null {
  const practising = records.filter((r) => r.status === 'pending' || r.status === 'active')
  const pool = practising.length ? practising : records
  return pool.reduce<BrokerView | null>((a, r) => (!a || r.id > a.id ? r : a), null)
}

export function stageOf(record: BrokerView | null, app: ApplicationDetail | null): FilingStage {
  if (!record || record.status === 'released' || record.status === 'cancelled') return 'register'
  if (record.status === 'active') return 'filed'
  if (!app || app.status === 'rejected' || app.status === 'withdrawn' || app.status === 'approved') return 'apply'
  if (app.status === 'draft' || app.status === 'returned') return 'edit'
  return 'review'
}

export function useBrokerFiling(): BrokerFilingState {
  const [state, setState] = useState<Omit<BrokerFilingState, 'reload' | 'stage'>>({ loading: true, error: null, record: null, application: null })

  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }))
    const records = await fetchMyBroker()
    if (!records.ok) {
      setState({ loading: false, error: records, record: null, application: null })
      return
    }
    const record = currentRecord(records.data)
    const latest = record?.applications.reduce<{ id: number } | null>((a, x) => (!a || x.id > a.id ? x : a), null) ?? null
    let application: ApplicationDetail | null = null
    if (latest) {
      const detail = await fetchApplication(latest.id)
      if (!detail.ok) {
        setState({ loading: false, error: detail, record, application: null })
        return
      }
      application = detail.data
    }
    setState({ loading: false, error: null, record, application })
  }, [])

  useEffect(() => {
    void reload()
  }, [])

  return { ...state, stage: stageOf(state.record, state.application), reload }
}
