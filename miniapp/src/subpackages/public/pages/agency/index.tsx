import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { openPublic } from '../../../../services/nav'
import { fetchAgency } from '../../../../services/public'
import { failure } from '../../../../services/transport'
import InfoList from '../../components/InfoList'
import { creditText, text } from '../../format'
import { useIdParam } from '../../params'
import './index.css'

const ORG_STATUSES: Record<string, string> = { active: '正常', suspended: '暂停', revoked: '注销', disabled: '停用' }

/** 中介机构: whether it is registered (已备案) in the zone, and its registered facts. */
export default function AgencyPage() {
  const id = useIdParam()
  const agency = useRequest(async () => {
    if (!id) return failure('BAD_LINK', '链接缺少机构编号')
    const reply = await fetchAgency(id)
    if (reply.ok) void Taro.setNavigationBarTitle({ title: reply.data.name })
    return reply
  })
  if (agency.loading) return <StateView kind='loading' />
  if (agency.error || !agency.data)
    return <StateView kind='error' title='无法获取机构信息' description={agency.error?.message} actionText='重试' onAction={() => void agency.run()} />
  const a = agency.data
  return (
    <View className='org-page'>
      <View className='card'>
        <Text className='org-page__name'>{a.name}</Text>
        <Text className={`org-page__tag${a.registered ? '' : ' org-page__tag--off'}`}>{a.registered ? '已备案' : a.statusLabel || '未备案'}</Text>
        <InfoList
          rows={[
            { label: '统一社会信用代码', value: text(a.uscc) },
            { label: '法定代表人', value: text(a.legalRep) },
            { label: '地址', value: text(a.address) },
            {
              label: '备案证明',
              value: a.filing ? `${a.filing.certNo}（${a.filing.statusLabel}）` : '—',
              onTap: a.filing ? () => openPublic('verify', { type: 'certificate', no: a.filing!.certNo }) : undefined,
            },
            { label: '备案经纪人', value: `${a.brokerCount} 人` },
            { label: '信用等级', value: creditText(a.credit) },
            { label: '状态', value: a.statusLabel || (ORG_STATUSES[a.status] ?? a.status) },
          ]}
        />
      </View>
      {a.brokers.length > 0 && (
        <View className='card'>
          <Text className='section-title'>已备案经纪人（{a.brokers.length}）</Text>
          <InfoList
            rows={a.brokers.map((b) => ({ label: b.name, value: `${b.credit.gradeLabel} · ${text(b.filingNo)}`, onTap: () => openPublic('broker', { id: b.id }) }))}
          />
        </View>
      )}
      <Text className='org-page__hint'>
        {a.registered ? '该机构已在横琴粤澳深度合作区备案。' : '该机构未在合作区备案，委托交易前请谨慎核实。'}
      </Text>
    </View>
  )
}
