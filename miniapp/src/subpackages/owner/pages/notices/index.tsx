// 社区公告 (PM-083/134): what the property companies of the owner's communities published — water
// and power cuts, rules, works — newest first.
import { useState } from 'react'
import { stopPullDownRefresh, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatShanghai } from '@hq/common'
import RoleGate from '../../../../components/RoleGate'
import StateView from '../../../../components/StateView'
import { ListMore } from '../../../../components/TicketList'
import { usePagedList } from '../../../../hooks/usePagedList'
import { fetchMyNotices, type CommunityNotice } from '../../../../services/property'
import '../../owner.css'

const PREVIEW = 80

function NoticeCard({ n }: { n: CommunityNotice }) {
  const [open, setOpen] = useState(false)
  const body = n.body
  const long = [...body].length > PREVIEW
  return (
    <View className='card owner-notice' onClick={() => long && setOpen(!open)}>
      <Text className='owner-notice__title'>{n.title}</Text>
      <Text className='owner-notice__meta'>{[n.communityName, n.orgName ?? n.issuer, formatShanghai(n.publishedAt, false)].filter(Boolean).join(' · ')}</Text>
      <Text className='owner-notice__body'>{open || !long ? body : n.summary || `${[...body].slice(0, PREVIEW).join('')}…`}</Text>
      {long && <Text className='owner-notice__more'>{open ? '收起' : '展开全文'}</Text>}
    </View>
  )
}

function Notices() {
  const list = usePagedList('notices', (page) => fetchMyNotices(page))
  useReachBottom(list.loadMore)
  usePullDownRefresh(() => {
    list.reload()
    setTimeout(() => stopPullDownRefresh(), 300)
  })
  if (list.loading) return <StateView kind='loading' />
  if (list.error) return <StateView kind='error' title='公告加载失败' description={list.error.message} actionText='重试' onAction={list.reload} />
  if (!list.items.length) return <StateView kind='empty' title='暂无社区公告' description='您所在小区的物业服务企业发布的通知会显示在这里' />
  return (
    <View className='owner-page'>
      {list.items.map((n) => (
        <NoticeCard key={n.id} n={n} />
      ))}
      <ListMore list={list} />
    </View>
  )
}

export default function OwnerNoticesPage() {
  return (
    <RoleGate areaKey='owner'>
      <Notices />
    </RoleGate>
  )
}
