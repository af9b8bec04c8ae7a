import { useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PublicAgencySummary, PublicBrokerSummary } from '@hq/common'
import StateView from '../../../../components/StateView'
import { usePagedList, type PagedList } from '../../../../hooks/usePagedList'
import { openPublic } from '../../../../services/nav'
import { searchAgencies, searchBrokers } from '../../../../services/public'
import ListFooter from '../../components/ListFooter'
import SearchBar from '../../components/SearchBar'
import { text } from '../../format'
import { useParam } from '../../params'
import './index.css'

type Tab = 'agency' | 'broker'

function AgencyItem({ a }: { a: PublicAgencySummary }) {
  return (
    <View className='agencies__item' hoverClass='agencies__item--pressed' onClick={() => openPublic('agency', { id: a.id })}>
      <View className='agencies__head'>
        <Text className='agencies__name'>{a.name}</Text>
        <Text className={`agencies__tag${a.registered ? '' : ' agencies__tag--off'}`}>{a.registered ? '已备案' : a.statusLabel}</Text>
      </View>
      <Text className='agencies__line'>统一社会信用代码：{text(a.uscc)}</Text>
      <Text className='agencies__line'>
        {text(a.address)} · 备案经纪人 {a.brokerCount} 人
      </Text>
      <Text className='agencies__line'>信用等级：{a.credit.gradeLabel}</Text>
    </View>
  )
}

function BrokerItem({ b }: { b: PublicBrokerSummary }) {
  const filed = b.status === 'active'
  return (
    <View className='agencies__item agencies__broker' hoverClass='agencies__item--pressed' onClick={() => openPublic('broker', { id: b.id })}>
      <View className='agencies__head'>
        <Text className='agencies__name'>{b.name}</Text>
        <Text className={`agencies__tag${filed ? '' : ' agencies__tag--off'}`}>{b.statusLabel}</Text>
      </View>
      <Text className='agencies__line'>所属机构：{b.agency?.name ?? '—'}</Text>
      <Text className='agencies__line'>备案证明：{text(b.filingNo)}</Text>
      <Text className='agencies__line'>信用等级：{b.credit.gradeLabel}</Text>
    </View>
  )
}

function Results<T extends { id: number }>({ list, empty, render }: { list: PagedList<T>; empty: [string, string]; render: (item: T) => JSX.Element }) {
  if (list.loading) return <StateView kind='loading' title='正在查询…' />
  if (list.error) return <StateView kind='error' title='查询失败' description={list.error.message} actionText='重试' onAction={list.reload} />
  if (list.items.length === 0) return <StateView kind='empty' title={empty[0]} description={empty[1]} />
  return (
    <>
      {list.items.map((item) => (
        <View key={item.id}>{render(item)}</View>
      ))}
      <ListFooter list={list} />
    </>
  )
}

/** 备案中介查询: find an agency by name, or a broker by name (shown masked), and whether they are filed in the zone. */
export default function Agencies() {
  const [tab, setTab] = useState<Tab>(useParam('tab') === 'broker' ? 'broker' : 'agency')
  const [keyword, setKeyword] = useState('')
  const agencies = usePagedList(`agency:${tab}:${keyword}`, (page) => (tab === 'agency' ? searchAgencies(keyword, page) : Promise.resolve(idle)))
  const brokers = usePagedList(`broker:${tab}:${keyword}`, (page) => (tab === 'broker' ? searchBrokers(keyword, page) : Promise.resolve(idle)))
  const list = tab === 'agency' ? agencies : brokers
  useReachBottom(list.loadMore)

  return (
    <View className='agencies'>
      <View className='agencies__tabs'>
        {(['agency', 'broker'] as const).map((t) => (
          <View key={t} className={`agencies__tab${tab === t ? ' agencies__tab--on' : ''}`} onClick={() => setTab(t)}>
            <Text>{t === 'agency' ? '中介机构' : '经纪人'}</Text>
          </View>
        ))}
      </View>
      <SearchBar value={keyword} placeholder={tab === 'agency' ? '输入中介机构名称' : '输入经纪人姓名或所属机构'} onSearch={setKeyword} />
      <Text className='agencies__intro'>请选择在横琴粤澳深度合作区备案的房地产经纪机构和经纪人办理二手房交易。</Text>
      {tab === 'agency' ? (
        <Results list={agencies} empty={['没有找到该中介机构', '未找到的机构可能尚未在合作区备案，请谨慎交易']} render={(a) => <AgencyItem a={a} />} />
      ) : (
        <Results list={brokers} empty={['没有找到该经纪人', '未找到的经纪人可能尚未在合作区备案，请谨慎委托']} render={(b) => <BrokerItem b={b} />} />
      )}
    </View>
  )
}

/** The list of the tab not shown asks nothing of the server. */
const idle = { ok: true as const, code: 'OK' as const, data: { items: [], total: 0, page: 1, pageSize: 20 }, message: '' }
