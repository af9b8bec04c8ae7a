import { Text, View } from '@tarojs/components'
import type { CreditSubjectView } from '../../../services/credit'
import { CardHead } from './CardParts'

const signed = (direction: 'good' | 'bad', points: number) => (direction === 'good' ? `+${points}` : `-${points}`)

/** 当前信用: score and grade, and the records that count (points, until when) — the explanation of the score. */
export default function CreditScoreCard({ view }: { view: CreditSubjectView }) {
  const e = view.explanation
  return (
    <View className='card broker-card credit-score'>
      <CardHead title='当前信用' tag={e.blacklisted ? '失信黑名单' : `${e.grade} ${e.gradeLabel}`} tagClass={e.blacklisted ? 'cancelled' : 'active'} />
      <View className='broker-row'>
        <Text className='broker-row__label'>信用分</Text>
        <Text className='broker-row__value credit-score__value'>{e.score}分</Text>
      </View>
      <View className='broker-row'>
        <Text className='broker-row__label'>等级</Text>
        <Text className='broker-row__value credit-score__grade'>
          {e.grade}（{e.gradeLabel}）
        </Text>
      </View>
      <View className='broker-row'>
        <Text className='broker-row__label'>计分构成</Text>
        <Text className='broker-row__value'>
          基础分{e.baseScore}，良好 +{e.goodPoints}，不良 -{e.badPoints}
          {e.ratingPoints ? `，评价 ${e.ratingPoints > 0 ? '+' : ''}${e.ratingPoints}` : ''}
        </Text>
      </View>
      <Text className='broker-form__section'>计入的信用信息</Text>
      {e.counted.length === 0 ? (
        <Text className='credit-score__none'>暂无计入的信用信息</Text>
      ) : (
        e.counted.map((c) => (
          <View key={c.eventId} className='broker-row credit-counted'>
            <Text className='broker-row__label'>{c.label}</Text>
            <Text className={`broker-row__value credit-points--${c.direction}`}>
              {signed(c.direction, c.points)}分 · 至{c.validUntil}
            </Text>
          </View>
        ))
      )}
      {e.lines.length > 0 && (
        <View className='broker-history'>
          {e.lines.map((l) => (
            <Text key={l} className='broker-history__opinion'>
              {l}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

export { signed as signedPoints }
