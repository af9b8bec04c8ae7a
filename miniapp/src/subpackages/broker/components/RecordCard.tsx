import { Text, View } from '@tarojs/components'
import type { BrokerView } from '@hq/common'
import { openPublic } from '../../../services/nav'
import { CardHead, FactRows } from './CardParts'

/** 我的备案信息: the record as the registry holds it (ID number and phone masked by the API). */
export default function RecordCard({ record }: { record: BrokerView }) {
  const rows: [string, string][] = [
    ['姓名', record.name],
    ['所属中介机构', record.agency?.name ?? '—'],
    ['证件号码', record.idNumber],
    ['手机号', record.phone],
    ['学历', record.education ?? '—'],
    ['信用等级', `${record.credit.gradeLabel}（${record.credit.score}分）`],
  ]
  return (
    <View className='card broker-card'>
      <CardHead title='我的备案信息' tag={record.statusLabel} tagClass={record.status} />
      <FactRows rows={rows} />
      {record.filing && (
        <View
          className='broker-row broker-row--link'
          onClick={() => openPublic('verify', { type: 'certificate', no: record.filing!.certNo })}
        >
          <Text className='broker-row__label'>{record.filing.title}</Text>
          <Text className='broker-row__value'>
            {record.filing.certNo}（{record.filing.statusLabel}） ›
          </Text>
        </View>
      )}
      {record.qualifications.map((q) => (
        <View key={q.id} className='broker-row'>
          <Text className='broker-row__label'>{q.kindLabel}</Text>
          <Text className='broker-row__value'>
            {q.levelLabel} {q.certNo}（{q.expired ? '已过期' : q.statusLabel}）
          </Text>
        </View>
      ))}
    </View>
  )
}
