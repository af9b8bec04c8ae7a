import { Text, View } from '@tarojs/components'
import { formatWanYuan, type EnterpriseDetail } from '@hq/common'
import { openPublic } from '../../../services/nav'
import { CardHead, FactRows } from './CardParts'

/** 机构信息: the registry's record of the agency, its 备案状态, the filing certificate (tap → 证书核验) and credit grade. */
export default function AgencyCard({ agency }: { agency: EnterpriseDetail }) {
  const f = agency.facts
  const rows: [string, string][] = [
    ['机构名称', agency.name],
    ['统一社会信用代码', agency.uscc ?? '—'],
    ['法定代表人', agency.legalRep ?? '—'],
    ['注册地址', agency.address ?? '—'],
    ['经营场所', f.storeAddress ?? '—'],
    ['注册资本', f.registeredCapitalFen != null ? formatWanYuan(f.registeredCapitalFen) : '—'],
    ['联系人', f.contactName ? `${f.contactName}${f.contactPhone ? `（${f.contactPhone}）` : ''}` : '—'],
    ['信用等级', `${agency.credit.gradeLabel}（${agency.credit.score}分）`],
  ]
  const filing = agency.filing
  return (
    <View className='card broker-card'>
      <CardHead title='机构信息' tag={agency.statusLabel} tagClass={agency.status} />
      <FactRows rows={rows} />
      {filing ? (
        <View className='broker-row broker-row--link agency-card__filing' onClick={() => openPublic('verify', { type: 'certificate', no: filing.certNo })}>
          <Text className='broker-row__label'>{filing.title}</Text>
          <Text className='broker-row__value'>
            {filing.certNo}（{filing.statusLabel}） ›
          </Text>
        </View>
      ) : (
        <View className='broker-row'>
          <Text className='broker-row__label'>备案证明</Text>
          <Text className='broker-row__value'>尚未备案</Text>
        </View>
      )}
    </View>
  )
}
