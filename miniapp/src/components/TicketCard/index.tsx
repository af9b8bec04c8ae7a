import { Text, View } from '@tarojs/components'
import { ESCALATION_LABELS, PLACE_LABELS, TICKET_KIND_LABELS, formatShanghai, type EscalationLevel, type TicketSummary } from '@hq/common'
import './index.css'

/** Colour family of a status tag. */
export function statusTone(status: TicketSummary['status']): 'wait' | 'work' | 'done' | 'off' {
  if (status === 'submitted') return 'wait'
  if (status === 'accepted' || status === 'dispatched' || status === 'in_progress') return 'work'
  if (status === 'resolved' || status === 'closed') return 'done'
  return 'off'
}

export function StatusTag({ ticket }: { ticket: Pick<TicketSummary, 'status' | 'statusLabel'> }) {
  return <Text className={`ticket-tag ticket-tag--${statusTone(ticket.status)}`}>{ticket.statusLabel}</Text>
}

/** 已超期 (and how far up it went) on an open item past its due date. */
export function OverdueMark({ ticket }: { ticket: Pick<TicketSummary, 'overdue' | 'escalationLevel'> }) {
  if (!ticket.overdue) return null
  const level = ticket.escalationLevel as EscalationLevel
  return <Text className='ticket-overdue'>已超期{level > 0 ? ` · 已升级至${ESCALATION_LABELS[level] ?? ''}` : ''}</Text>
}

interface Props {
  ticket: TicketSummary
  /** Handlers and supervisors see who reported it and who works on it. */
  showPeople?: boolean
  onOpen: (t: TicketSummary) => void
}

/** One repair, complaint or patrol issue in a list. */
export default function TicketCard({ ticket: t, showPeople, onOpen }: Props) {
  const where = [t.communityName, t.place === 'home' ? t.houseLabel : PLACE_LABELS.common, t.placeText].filter(Boolean).join(' · ')
  return (
    <View className='card ticket-card' hoverClass='ticket-card--pressed' onClick={() => onOpen(t)}>
      <View className='ticket-card__head'>
        <Text className='ticket-card__title'>
          {TICKET_KIND_LABELS[t.kind]} · {t.categoryLabel}
        </Text>
        <StatusTag ticket={t} />
      </View>
      <Text className='ticket-card__preview'>{t.descriptionPreview}</Text>
      {where && <Text className='ticket-card__line'>{where}</Text>}
      {showPeople && (
        <Text className='ticket-card__line'>
          报告人：{t.reporterName ?? '—'}
          {t.assigneeName ? ` · 处理人：${t.assigneeName}` : ''}
        </Text>
      )}
      <View className='ticket-card__foot'>
        <Text className='ticket-card__no'>{t.ticketNo}</Text>
        <Text className='ticket-card__date'>{formatShanghai(t.createdAt, false)}</Text>
      </View>
      <View className='ticket-card__foot'>
        <Text className={`ticket-card__due${t.overdue ? ' ticket-card__due--late' : ''}`}>办理期限 {t.dueDate}</Text>
        <OverdueMark ticket={t} />
        {t.rating != null && <Text className='ticket-card__rating'>{'★'.repeat(t.rating)}</Text>}
      </View>
    </View>
  )
}
