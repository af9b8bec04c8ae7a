import { Text, View } from '@tarojs/components'
import { formatShanghai, type CreditEventView } from '@hq/common'
import { CardHead, FactRows, Notes } from './CardParts'
import { signedPoints } from './CreditScoreCard'

/** One of 我的信用备案: title, indicator with points, status; tap for the detail. */
export function CreditEventItem({ event, onOpen }: { event: CreditEventView; onOpen: () => void }) {
  return (
    <View className='card broker-card credit-event' hoverClass='credit-event--pressed' onClick={onOpen}>
      <CardHead title={event.title} tag={event.statusLabel} tagClass={`credit-${event.status}`} />
      <View className='broker-row'>
        <Text className='broker-row__label'>{event.indicatorLabel}</Text>
        <Text className={`broker-row__value credit-points--${event.direction}`}>{signedPoints(event.direction, event.points)}分</Text>
      </View>
      <View className='broker-row'>
        <Text className='broker-row__label'>发生日期</Text>
        <Text className='broker-row__value'>{event.occurredOn} ›</Text>
      </View>
    </View>
  )
}

/** 信用备案详情: indicator, points, basis, status and the reviewer's opinion. */
export function CreditEventDetail({ event }: { event: CreditEventView }) {
  const rows: [string, string][] = [
    ['信用主体', `${event.subjectName}（${event.subjectKindLabel}）`],
    ['信用指标', `${event.indicatorLabel}（${event.directionLabel}）`],
    ['分值', `${signedPoints(event.direction, event.points)}分`],
    ['发生日期', event.occurredOn],
    ['有效期至', event.validUntil],
    ['认定依据', `${event.basis.typeLabel} ${event.basis.number}`],
    ['证据材料', `${event.evidenceFileIds.length}个文件`],
    ['报送', `${event.reportedBy ?? ''} ${formatShanghai(event.reportedAt, false)}`],
  ]
  if (event.reviewedAt) rows.push(['审核', `${event.reviewedBy ?? ''} ${formatShanghai(event.reviewedAt, false)}`])
  return (
    <View className='card broker-card credit-detail'>
      <CardHead title={event.title} tag={event.statusLabel} tagClass={`credit-${event.status}`} />
      <FactRows rows={rows} />
      <Notes notes={[['情况说明', event.description], ['审核意见', event.reviewOpinion], ['撤销原因', event.revokeReason]]} />
    </View>
  )
}
