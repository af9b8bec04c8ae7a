// 本机构经纪人: the agency's brokers page by page for a keyword, and the one broker whose
// 代为申请备案 is open (with its draft or returned application, if there is one).
import { useState } from 'react'
import { isOpenApplication, type ApplicationDetail, type BrokerView } from '@hq/common'
import { usePagedList } from '../../hooks/usePagedList'
import { listAgencyBrokers } from '../../services/agency'
import { fetchApplication } from '../../services/applications'

export interface FilingFor {
  broker: BrokerView
  /** A draft or returned application to continue, else null (a new one). */
  application: ApplicationDetail | null
}

export function useAgencyBrokers() {
  const [keyword, setKeyword] = useState('')
  const list = usePagedList(`brokers:${keyword}`, (page) => listAgencyBrokers(keyword, page))
  const [filingFor, setFilingFor] = useState<FilingFor | null>(null)
  const [opening, setOpening] = useState<number | null>(null)
  const [openError, setOpenError] = useState<string | null>(null)

  /** 代为申请备案: continue the broker's unfinished application, or start one. */
  const startFiling = async (broker: BrokerView) => {
    setOpenError(null)
    const open = broker.applications.filter(isOpenApplication).reduce<{ id: number } | null>((a, x) => (!a || x.id > a.id ? x : a), null)
    if (!open) {
      setFilingFor({ broker, application: null })
      return
    }
    setOpening(broker.id)
    const detail = await fetchApplication(open.id)
    setOpening(null)
    if (!detail.ok) setOpenError(detail.message)
    else setFilingFor({ broker, application: detail.data })
  }

  return { keyword, setKeyword, list, filingFor, startFiling, opening, openError, closeFiling: () => setFilingFor(null) }
}
