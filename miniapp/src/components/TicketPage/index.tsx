// One ticket's page for any area: loads it (loading / error with retry), pull-down refresh, the
// detail as the API presented it for this person, and — where the area acts — its buttons.
import { useCallback, useEffect, useState } from 'react'
import { stopPullDownRefresh, usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { TicketDetail } from '@hq/common'
import { fetchTicket } from '../../services/property'
import type { Failure } from '../../services/transport'
import StateView from '../StateView'
import TicketActions from '../TicketActions'
import TicketDetailView from '../TicketDetailView'

export default function TicketPage({ withActions }: { withActions: boolean }) {
  const id = Number(useRouter().params.id)
  const [ticket, setTicket] = useState<TicketDetail | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Pick<Failure, 'code' | 'message'> | null>(null)

  const load = useCallback(async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setLoading(false)
      setError({ code: 'BAD_ID', message: '工单编号不正确' })
      return
    }
    setLoading(true)
    setError(null)
    const reply = await fetchTicket(id)
    setLoading(false)
    if (reply.ok) setTicket(reply.data)
    else setError(reply)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => void load().finally(() => stopPullDownRefresh()))

  if (loading && !ticket) return <StateView kind='loading' />
  if (error && !ticket) return <StateView kind='error' title='无法查看该工单' description={error.message} actionText='重试' onAction={() => void load()} />
  if (!ticket) return null
  return (
    <TicketDetailView ticket={ticket}>
      {withActions && <TicketActions key={`${ticket.id}:${ticket.version}`} ticket={ticket} onChanged={setTicket} onStale={() => void load()} />}
    </TicketDetailView>
  )
}
