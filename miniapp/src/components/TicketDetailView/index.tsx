import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import {
  COMPLAINT_TARGET_LABELS, PLACE_LABELS, TICKET_CHANNEL_LABELS, TICKET_KIND_LABELS, formatShanghai, isTicketOpen, type TicketDetail,
} from '@hq/common'
import TicketPhotos from '../TicketPhotos'
import TicketTimeline from '../TicketTimeline'
import { OverdueMark, StatusTag } from '../TicketCard'
import './index.css'

function Row({ label, value, late }: { label: string; value: string | null | undefined; late?: boolean }) {
  if (!value) return null
  return (
    <View className='ticket-row'>
      <Text className='ticket-row__label'>{label}</Text>
      <Text className={`ticket-row__value${late ? ' ticket-row__value--late' : ''}`}>{value}</Text>
    </View>
  )
}

export function Stars({ value }: { value: number }) {
  return (
    <Text className='ticket-stars'>
      {'★'.repeat(value)}
      <Text className='ticket-stars__off'>{'★'.repeat(Math.max(0, 5 - value))}</Text>
    </Text>
  )
}

/**
 * Everything a person may see of one ticket, as the API presented it for them (names and phone
 * masked for supervisors): facts, description, photos by stage, result and rating, the timeline.
 * Children (the allowed actions) go under the result.
 */
export default function TicketDetailView({ ticket: t, children }: PropsWithChildren<{ ticket: TicketDetail }>) {
  const where = t.place === 'home' ? [PLACE_LABELS.home, t.houseLabel].filter(Boolean).join(' ') : PLACE_LABELS.common
  const open = isTicketOpen(t.status)
  const outcome = t.result || t.rating != null || t.duplicateOf
  return (
    <View className='ticket-detail'>
      <View className='card ticket-detail__card'>
        <View className='ticket-detail__head'>
          <Text className='ticket-detail__title'>
            {TICKET_KIND_LABELS[t.kind]} · {t.categoryLabel}
          </Text>
          <StatusTag ticket={t} />
        </View>
        <View className='ticket-detail__marks'>
          <Text className='ticket-detail__no'>受理编号 {t.ticketNo}</Text>
          <OverdueMark ticket={t} />
        </View>
        <Row label='小区' value={t.communityName} />
        <Row label='位置' value={[where, t.placeText].filter(Boolean).join(' · ')} />
        {t.kind === 'complaint' && <Row label='投诉对象' value={t.target ? COMPLAINT_TARGET_LABELS[t.target] : null} />}
        <Row label='物业服务企业' value={t.orgName} />
        <Row label='来源' value={TICKET_CHANNEL_LABELS[t.channel]} />
        <Row label='报告人' value={[t.reporterName, t.reporterPhone].filter(Boolean).join(' ')} />
        <Row label='处理人' value={t.assigneeName} />
        <Row label='期望上门时间' value={t.preferredTime} />
        <Row label='提交时间' value={formatShanghai(t.createdAt, false)} />
        <Row label='办理期限' value={`${t.dueDate}${t.overdue ? '（已超期）' : ''}`} late={t.overdue} />
        <Row label='办结时间' value={t.doneAt ? formatShanghai(t.doneAt, false) : null} />
        {!open && t.reopenUntil && (t.status === 'resolved' || t.status === 'not_responsible') && (
          <Row label='评价/重新打开期限' value={t.reopenUntil} />
        )}
      </View>

      <View className='card ticket-detail__card'>
        <Text className='ticket-detail__section'>问题描述</Text>
        <Text className='ticket-detail__text'>{t.description}</Text>
        <TicketPhotos photos={t.photos} />
      </View>

      {outcome && (
        <View className='card ticket-detail__card ticket-detail__outcome'>
          <Text className='ticket-detail__section'>办理结果</Text>
          {t.result && <Text className='ticket-detail__text ticket-detail__result'>{t.result}</Text>}
          {t.duplicateOf && <Row label='重复于' value={t.duplicateOf} />}
          {t.rating != null && (
            <View className='ticket-row'>
              <Text className='ticket-row__label'>评价</Text>
              <Stars value={t.rating} />
            </View>
          )}
          {t.ratingComment && <Text className='ticket-detail__text'>{t.ratingComment}</Text>}
        </View>
      )}

      {children}

      {t.events.length > 0 && (
        <View className='card ticket-detail__card'>
          <Text className='ticket-detail__section'>办理过程</Text>
          <TicketTimeline events={t.events} />
        </View>
      )}
    </View>
  )
}
