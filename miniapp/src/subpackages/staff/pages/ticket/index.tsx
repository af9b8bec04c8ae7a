// One ticket for property staff: the reporter's contact, photos, timeline, and the steps the API
// lists for them — 受理, 派单 (to a colleague or themself), 开始处理 with before photos, 办结 with a
// result and an after photo (camera only), 非本单位职责 with the reason, 标记为重复件, 补充说明.
import RoleGate from '../../../../components/RoleGate'
import TicketPage from '../../../../components/TicketPage'

export default function StaffTicketPage() {
  return (
    <RoleGate areaKey='staff'>
      <TicketPage withActions />
    </RoleGate>
  )
}
