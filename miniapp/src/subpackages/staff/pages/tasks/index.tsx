// 工单处理 for property staff: 待受理 (new reports to the company), 我的派单 (work dispatched to me),
// 处理中 (accepted, dispatched, in progress) and 已办结, narrowed to 报修 / 投诉 / 巡查问题.
import { useRouter } from '@tarojs/taro'
import RoleGate from '../../../../components/RoleGate'
import TicketList, { type TicketTab } from '../../../../components/TicketList'
import { PAGES } from '../../../../services/nav'

const TABS: readonly TicketTab[] = [
  { key: 'new', label: '待受理', filter: { status: 'submitted' }, empty: '暂无待受理的工单' },
  { key: 'mine', label: '我的派单', filter: { mine: 'assigned', state: 'open' }, empty: '暂无派给您的工单' },
  { key: 'working', label: '处理中', filter: { status: ['accepted', 'dispatched', 'in_progress'] }, empty: '暂无处理中的工单' },
  { key: 'done', label: '已办结', filter: { state: 'done' }, empty: '暂无已办结的工单' },
]
const CHIPS = [
  { key: 'all', label: '全部', filter: {} },
  { key: 'repair', label: '报修', filter: { kind: 'repair' as const } },
  { key: 'complaint', label: '投诉', filter: { kind: 'complaint' as const } },
  { key: 'patrol', label: '巡查问题', filter: { kind: 'patrol' as const } },
]

export default function StaffTasksPage() {
  const { kind, tab } = useRouter().params
  return (
    <RoleGate areaKey='staff'>
      <TicketList tabs={TABS} initial={tab} chips={CHIPS} initialChip={kind} showPeople detailPage={PAGES.staffTicket} />
    </RoleGate>
  )
}
