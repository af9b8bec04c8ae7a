// 我的报修/投诉: what this owner reported, by kind, with status and overdue marks; a tap opens the
// progress (timeline, photos, result) and what they may do now (rate, reopen, withdraw).
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import RoleGate from '../../../../components/RoleGate'
import TicketList, { type TicketTab } from '../../../../components/TicketList'
import { PAGES } from '../../../../services/nav'
import '../../owner.css'

const TABS: readonly TicketTab[] = [
  { key: 'repair', label: '我的报修', filter: { kind: 'repair', mine: 'reported' }, empty: '暂无报修记录' },
  { key: 'complaint', label: '我的投诉', filter: { kind: 'complaint', mine: 'reported' }, empty: '暂无投诉记录' },
]
const CHIPS = [
  { key: 'all', label: '全部', filter: {} },
  { key: 'open', label: '办理中', filter: { state: 'open' as const } },
  { key: 'done', label: '已办结', filter: { state: 'done' as const } },
]

export default function OwnerTicketsPage() {
  const { kind, chip } = useRouter().params
  return (
    <RoleGate areaKey='owner'>
      <TicketList
        tabs={TABS}
        initial={kind}
        chips={CHIPS}
        initialChip={chip}
        detailPage={PAGES.ownerTicket}
        header={
          <View className='owner-quick'>
            <Text className='owner-link' onClick={() => void Taro.navigateTo({ url: `${PAGES.ownerReport}?kind=repair` })}>
              + 我要报修
            </Text>
            <Text className='owner-link' onClick={() => void Taro.navigateTo({ url: `${PAGES.ownerReport}?kind=complaint` })}>
              + 我要投诉
            </Text>
          </View>
        }
      />
    </RoleGate>
  )
}
