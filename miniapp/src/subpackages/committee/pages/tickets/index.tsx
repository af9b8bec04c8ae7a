// 报修与投诉监督 (PM-095/146): the owners' committee reads its community's repairs and complaints —
// open, overdue, done — as the API presents them to supervisors (reporters' names masked, the
// building but not the door). Nothing here changes anything.
import { useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import RoleGate from '../../../../components/RoleGate'
import TicketList, { type TicketTab } from '../../../../components/TicketList'
import { PAGES } from '../../../../services/nav'
import './index.css'

const TABS: readonly TicketTab[] = [
  { key: 'repair', label: '报修', filter: { kind: 'repair' }, empty: '本小区暂无报修' },
  { key: 'complaint', label: '投诉', filter: { kind: 'complaint' }, empty: '本小区暂无投诉' },
]
const CHIPS = [
  { key: 'all', label: '全部', filter: {} },
  { key: 'open', label: '办理中', filter: { state: 'open' as const } },
  { key: 'overdue', label: '已超期', filter: { state: 'overdue' as const } },
  { key: 'done', label: '已办结', filter: { state: 'done' as const } },
]

export default function CommitteeTicketsPage() {
  const { kind, chip } = useRouter().params
  return (
    <RoleGate areaKey='committee'>
      <TicketList
        tabs={TABS}
        initial={kind}
        chips={CHIPS}
        initialChip={chip}
        showPeople
        detailPage={PAGES.committeeTicket}
        header={<Text className='committee-note'>业委会监督视图：仅供查阅，报告人信息已脱敏。</Text>}
      />
    </RoleGate>
  )
}
