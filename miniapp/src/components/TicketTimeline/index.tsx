import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, TICKET_STATUS_LABELS, formatShanghai, type Role, type TicketDetail } from '@hq/common'
import './index.css'

/** 办理过程: every step of the ticket, newest first, with who did it and what they wrote. */
export default function TicketTimeline({ events }: { events: TicketDetail['events'] }) {
  if (!events.length) return null
  return (
    <View className='ticket-timeline'>
      {[...events].reverse().map((e, i) => (
        <View key={e.seq} className={`ticket-timeline__item${i === 0 ? ' ticket-timeline__item--latest' : ''}`}>
          <View className='ticket-timeline__dot' />
          <View className='ticket-timeline__body'>
            <View className='ticket-timeline__head'>
              <Text className='ticket-timeline__action'>{e.actionLabel}</Text>
              {e.fromStatus !== e.toStatus && <Text className='ticket-timeline__status'>{TICKET_STATUS_LABELS[e.toStatus]}</Text>}
            </View>
            <Text className='ticket-timeline__meta'>
              {formatShanghai(e.at, false)} · {e.actorName}
              {e.actorRole && e.actorRole in ROLE_LABELS ? `（${ROLE_LABELS[e.actorRole as Role]}）` : ''}
            </Text>
            {e.note && <Text className='ticket-timeline__note'>{e.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
