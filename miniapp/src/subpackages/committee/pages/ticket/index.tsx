// One repair or complaint of the community, read-only: facts, photos (public rendition), result and
// timeline, with personal data masked by the API. No buttons: the committee supervises, it does not act.
import RoleGate from '../../../../components/RoleGate'
import TicketPage from '../../../../components/TicketPage'

export default function CommitteeTicketPage() {
  return (
    <RoleGate areaKey='committee'>
      <TicketPage withActions={false} />
    </RoleGate>
  )
}
