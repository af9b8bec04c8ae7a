// 办理进度 of one repair or complaint: timeline, photos, result, and the owner's actions the API
// lists (评价, 重新打开 inside the window, 撤回 before it is accepted, 补充说明).
import RoleGate from '../../../../components/RoleGate'
import TicketPage from '../../../../components/TicketPage'

export default function OwnerTicketPage() {
  return (
    <RoleGate areaKey='owner'>
      <TicketPage withActions />
    </RoleGate>
  )
}
