// 本机构经纪人 (RE-071, RE-072, RE-166…RE-169): the agency admin's brokers with search and paging,
// 经纪人登记 with the duplicate check across agencies, 代为申请备案, and 解除执业.
import { useDidShow, usePullDownRefresh, useReachBottom, stopPullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import StateView from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { checkBroker, registerBroker } from '../../../../services/agency'
import { goLogin, goMine } from '../../../../services/nav'
import AgencyBrokerCard from '../../components/AgencyBrokerCard'
import { BackToList, MoreFooter } from '../../components/CardParts'
import FilingForm from '../../components/FilingForm'
import RegisterForm from '../../components/RegisterForm'
import { useAgencyBrokers } from '../../useAgencyBrokers'
import '../../broker.css'

function Brokers({ agencyName }: { agencyName: string | null }) {
  const b = useAgencyBrokers()
  const { list } = b
  const [draft, setDraft] = useState('')
  const [registering, setRegistering] = useState(false)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) list.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    list.reload()
    stopPullDownRefresh()
  })
  useReachBottom(() => list.loadMore())

  if (b.filingFor) {
    const { broker, application } = b.filingFor
    return (
      <View className='broker-page'>
        <FilingForm
          key={application ? `${application.id}:${application.lockVersion}` : `new:${broker.id}`}
          record={broker}
          application={application}
          title={`代为申请备案：${broker.name}`}
          onDone={() => {
            b.closeFiling()
            list.reload()
          }}
        />
        <BackToList onBack={b.closeFiling} />
      </View>
    )
  }

  return (
    <View className='broker-page'>
      <View className='agency-search'>
        <Input className='agency-search__input' value={draft} confirmType='search' placeholder='输入经纪人姓名搜索' onInput={(e) => setDraft(e.detail.value)} onConfirm={() => b.setKeyword(draft.trim())} />
        <View className='agency-search__go' onClick={() => b.setKeyword(draft.trim())}>
          <Text>搜索</Text>
        </View>
      </View>
      {registering ? (
        <RegisterForm
          hint={`登记后可为其申请经纪人备案${agencyName ? `，登记至「${agencyName}」` : ''}。在其他机构执业的人员须先由原机构解除执业。`}
          anyIdType
          register={registerBroker}
          check={checkBroker}
          onDone={() => {
            setRegistering(false)
            list.reload()
          }}
        />
      ) : (
        <Button className='broker-form__submit' type='primary' block onClick={() => setRegistering(true)}>
          登记经纪人
        </Button>
      )}
      {b.openError && <Text className='broker-form__problem'>{b.openError}</Text>}
      {list.loading ? (
        <StateView kind='loading' />
      ) : list.error ? (
        <StateView kind='error' title='无法获取经纪人列表' description={list.error.message} actionText='重试' onAction={list.reload} />
      ) : list.items.length === 0 ? (
        <StateView kind='empty' title={b.keyword ? '没有符合条件的经纪人' : '本机构尚未登记经纪人'} description={b.keyword ? '换个关键字试试' : '点击「登记经纪人」开始登记'} />
      ) : (
        <>
          <Text className='agency-more'>共 {list.total} 名经纪人</Text>
          {list.items.map((x) => (
            <AgencyBrokerCard key={x.id} broker={x} onFile={() => void b.startFiling(x)} onChanged={list.reload} />
          ))}
          <MoreFooter list={list} end='没有更多了' />
        </>
      )}
    </View>
  )
}

export default function AgencyBrokersPage() {
  const { me, refreshing } = useSession()
  if (!me) {
    return refreshing ? <StateView kind='loading' /> : <StateView kind='empty' title='请先登录' description='登录后可管理本机构经纪人' actionText='去登录' onAction={goLogin} />
  }
  if (!me.roles.includes('agency_admin')) {
    return <StateView kind='empty' title='仅限中介机构管理员使用' description='本机构经纪人由中介机构管理员登记与管理。' actionText='返回我的' onAction={goMine} />
  }
  return <Brokers agencyName={me.org?.name ?? null} />
}
