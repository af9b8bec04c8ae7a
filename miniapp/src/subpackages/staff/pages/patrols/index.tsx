// 巡查任务 (PM-029/030): the company's patrol tasks per community with their due dates — to do,
// overdue, done; a task opens its checklist, the issues found on it and 完成巡查.
import { useRef, useState } from 'react'
import Taro, { stopPullDownRefresh, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import RoleGate from '../../../../components/RoleGate'
import StateView from '../../../../components/StateView'
import { ListMore } from '../../../../components/TicketList'
import { usePagedList } from '../../../../hooks/usePagedList'
import { PAGES } from '../../../../services/nav'
import { listPatrolTasks } from '../../../../services/property'
import TaskCard from '../../components/TaskCard'
import '../../staff.css'

const TABS = [
  { key: 'open', label: '待完成', empty: '暂无待完成的巡查任务' },
  { key: 'overdue', label: '已超期', empty: '没有超期的巡查任务' },
  { key: 'done', label: '已完成', empty: '暂无已完成的巡查任务' },
] as const
type Tab = (typeof TABS)[number]['key']

function Patrols() {
  const [tab, setTab] = useState<Tab>('open')
  const list = usePagedList(tab, (page) => listPatrolTasks(tab, page))
  useReachBottom(list.loadMore)
  usePullDownRefresh(() => {
    list.reload()
    setTimeout(() => stopPullDownRefresh(), 300)
  })
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) list.reload()
    shown.current = true
  })
  const current = TABS.find((t) => t.key === tab)!

  let body
  if (list.loading) body = <StateView kind='loading' />
  else if (list.error) body = <StateView kind='error' title='加载失败' description={list.error.message} actionText='重试' onAction={list.reload} />
  else if (!list.items.length) body = <StateView kind='empty' title={current.empty} description='下拉可刷新' />
  else
    body = (
      <>
        {list.items.map((t) => (
          <TaskCard key={t.id} task={t} onOpen={() => void Taro.navigateTo({ url: `${PAGES.staffPatrol}?id=${t.id}` })} />
        ))}
        <ListMore list={list} />
      </>
    )

  return (
    <View className='staff-page'>
      <View className='staff-tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`staff-tabs__tab${t.key === tab ? ' staff-tabs__tab--on' : ''}`} onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <Text className='staff-link' onClick={() => void Taro.navigateTo({ url: PAGES.staffSnap })}>
        + 随手拍：现场发现问题直接上报
      </Text>
      {body}
    </View>
  )
}

export default function StaffPatrolsPage() {
  return (
    <RoleGate areaKey='staff'>
      <Patrols />
    </RoleGate>
  )
}
