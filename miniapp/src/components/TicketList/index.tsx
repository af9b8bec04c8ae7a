// A list of repairs, complaints or patrol issues under tabs: the first page with loading / empty /
// error-with-retry, more pages on reach-bottom or 加载更多, pull-down refresh, and a fresh first
// page when the person comes back from a detail (where they may have acted).
import { useRef, useState, type ReactNode } from 'react'
import Taro, { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TicketSummary } from '@hq/common'
import { usePagedList } from '../../hooks/usePagedList'
import { listTickets, type TicketFilter } from '../../services/property'
import StateView from '../StateView'
import TicketCard from '../TicketCard'
import './index.css'

export interface TicketTab {
  key: string
  label: string
  filter: TicketFilter
  /** 暂无… shown when the tab has nothing. */
  empty: string
}

interface Props {
  tabs: readonly TicketTab[]
  initial?: string
  /** Second row of choices that narrows every tab (e.g. 报修 / 投诉). */
  chips?: readonly { key: string; label: string; filter: TicketFilter }[]
  initialChip?: string
  showPeople?: boolean
  /** The detail page of this area. */
  detailPage: string
  header?: ReactNode
}

export default function TicketList({ tabs, initial, chips, initialChip, showPeople, detailPage, header }: Props) {
  const [tab, setTab] = useState(() => tabs.find((t) => t.key === initial)?.key ?? tabs[0].key)
  const [chip, setChip] = useState(() => chips?.find((c) => c.key === initialChip)?.key ?? chips?.[0]?.key ?? '')
  const current = tabs.find((t) => t.key === tab) ?? tabs[0]
  const narrowing = chips?.find((c) => c.key === chip)?.filter ?? {}
  const filter = { ...current.filter, ...narrowing }
  const list = usePagedList<TicketSummary>(`${tab}:${chip}`, (page) => listTickets(filter, page))

  useReachBottom(list.loadMore)
  usePullDownRefresh(() => {
    list.reload()
    // The list shows its own loading state; the pull-down indicator need not wait for it.
    setTimeout(() => stopPullDownRefresh(), 300)
  })
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) list.reload()
    shown.current = true
  })

  const openTicket = (t: TicketSummary) => void Taro.navigateTo({ url: `${detailPage}?id=${t.id}` })

  let body: ReactNode
  if (list.loading) body = <StateView kind='loading' />
  else if (list.error) body = <StateView kind='error' title='加载失败' description={list.error.message} actionText='重试' onAction={list.reload} />
  else if (list.items.length === 0) body = <StateView kind='empty' title={current.empty} description='下拉可刷新' />
  else
    body = (
      <>
        {list.items.map((t) => (
          <TicketCard key={t.id} ticket={t} showPeople={showPeople} onOpen={openTicket} />
        ))}
        <ListMore list={list} />
      </>
    )

  return (
    <View className='ticket-list'>
      <View className='ticket-list__tabs'>
        {tabs.map((t) => (
          <View key={t.key} className={`ticket-list__tab${t.key === tab ? ' ticket-list__tab--on' : ''}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {chips && chips.length > 1 && (
        <View className='ticket-list__chips'>
          {chips.map((c) => (
            <View key={c.key} className={`ticket-list__chip${c.key === chip ? ' ticket-list__chip--on' : ''}`} onClick={() => setChip(c.key)}>
              <Text>{c.label}</Text>
            </View>
          ))}
        </View>
      )}
      {header}
      {body}
    </View>
  )
}

/** The foot of an infinite list: 加载更多, 加载中…, a retry, or the end. */
export function ListMore({ list }: { list: { loadingMore: boolean; moreError: string | null; hasMore: boolean; total: number; loadMore: () => void } }) {
  if (list.loadingMore) return <Text className='ticket-list__more'>加载中…</Text>
  if (list.moreError)
    return (
      <View className='ticket-list__more ticket-list__more--action' onClick={list.loadMore}>
        <Text>{list.moreError}，点击重试</Text>
      </View>
    )
  if (list.hasMore)
    return (
      <View className='ticket-list__more ticket-list__more--action' onClick={list.loadMore}>
        <Text>加载更多</Text>
      </View>
    )
  return <Text className='ticket-list__more'>没有更多了（共 {list.total} 条）</Text>
}
