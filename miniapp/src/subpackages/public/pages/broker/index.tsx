import { Text, View } from '@tarojs/components'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { openPublic } from '../../../../services/nav'
import { fetchBroker } from '../../../../services/public'
import { failure } from '../../../../services/transport'
import InfoList, { type InfoRow } from '../../components/InfoList'
import { creditText, text } from '../../format'
import { useIdParam } from '../../params'
import '../agency/index.css'

/** 经纪人信息: the masked name, the agency they practise with, filing state, qualifications, credit. */
export default function BrokerPage() {
  const id = useIdParam()
  const broker = useRequest(async () => (id ? fetchBroker(id) : failure('BAD_LINK', '链接缺少经纪人编号')))
  if (broker.loading) return <StateView kind='loading' />
  if (broker.error || !broker.data)
    return <StateView kind='error' title='无法获取经纪人信息' description={broker.error?.message} actionText='重试' onAction={() => void broker.run()} />
  const b = broker.data
  const filed = b.status === 'active'
  const rows: InfoRow[] = [
    { label: '所属中介机构', value: b.agency?.name ?? '—', onTap: b.agency ? () => openPublic('agency', { id: b.agency!.id }) : undefined },
    { label: '备案状态', value: b.statusLabel },
    {
      label: '备案证明',
      value: text(b.filingNo),
      onTap: b.filingNo ? () => openPublic('verify', { type: 'certificate', no: b.filingNo! }) : undefined,
    },
    { label: '信用等级', value: creditText(b.credit) },
  ]
  for (const q of b.qualifications) rows.push({ label: q.kindLabel, value: `${q.levelLabel} ${q.certNo}（${q.statusLabel}，有效期至${q.validUntil}）` })
  return (
    <View className='org-page'>
      <View className='card'>
        <Text className='org-page__name'>{b.name}</Text>
        <Text className={`org-page__tag${filed ? '' : ' org-page__tag--off'}`}>{b.statusLabel}</Text>
        <InfoList rows={rows} />
      </View>
      <Text className='org-page__hint'>
        {filed ? '该经纪人已在横琴粤澳深度合作区备案执业，姓名已作脱敏处理。' : '该经纪人当前未在合作区备案执业，委托前请谨慎核实。'}
      </Text>
    </View>
  )
}
