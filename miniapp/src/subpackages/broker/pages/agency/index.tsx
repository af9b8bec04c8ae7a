// 机构信息与备案 (RE-068, RE-069, RE-166…RE-169): the agency admin's record of their agency, the
// application it may start now (中介机构备案, then 备案变更), the form with documents from the phone,
// and its progress (撤回, 退回补正 → 重新提交).
import { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { initialEnterpriseForm } from '@hq/common'
import StateView from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { goLogin, goMine } from '../../../../services/nav'
import AgencyCard from '../../components/AgencyCard'
import AgencyForm from '../../components/AgencyForm'
import ProgressCard from '../../components/ProgressCard'
import type { AgencyApplicationType } from '../../agencyForm'
import { useAgencyFiling } from '../../useAgencyFiling'
import '../../broker.css'

function Agency() {
  const a = useAgencyFiling()
  const [started, setStarted] = useState(false)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void a.reload()
    shown.current = true
  })
  usePullDownRefresh(() => void a.reload().finally(() => stopPullDownRefresh()))

  if (a.loading && !a.agency) return <StateView kind='loading' />
  if (a.error) return <StateView kind='error' title='无法获取机构信息' description={a.error.message} actionText='重试' onAction={() => void a.reload()} />
  if (!a.agency) return <StateView kind='empty' title='未找到本机构的登记信息' description='请联系主管部门在企业库中登记本机构' />

  const { agency, option, application, stage, brokers } = a
  const reload = () => {
    setStarted(false)
    void a.reload()
  }
  // An application under way, or how the latest one ended (通过 / 不予通过); a withdrawn one is gone.
  const showProgress = application && (stage === 'edit' || stage === 'review' || application.status === 'approved' || application.status === 'rejected')
  return (
    <View className='broker-page'>
      <AgencyCard agency={agency} />
      {showProgress && <ProgressCard app={application} onChanged={reload} />}
      {option && stage === 'apply' && !started && (
        <View className='card broker-card agency-start'>
          <Text className='broker-card__title'>办理业务</Text>
          <Text className='broker-form__hint'>{option.hint}</Text>
          <Button className='broker-form__submit' type='primary' block onClick={() => setStarted(true)}>
            {option.label}
          </Button>
        </View>
      )}
      {option && ((stage === 'apply' && started) || stage === 'edit') && (
        <AgencyForm
          key={stage === 'edit' && application ? `${application.id}:${application.lockVersion}` : 'new'}
          type={option.type as AgencyApplicationType}
          title={option.type === 'agency_filing' ? '中介机构备案申请' : '中介机构备案变更申请'}
          application={stage === 'edit' ? application : null}
          initial={initialEnterpriseForm(option.type, agency)}
          brokers={brokers}
          onDone={reload}
        />
      )}
      {stage === 'none' && <StateView kind='empty' title='暂无可办理的业务' description={agency.status === 'cancelled' ? '本机构已注销，不能再办理备案业务。' : '本机构登记事项已办结。'} />}
    </View>
  )
}

export default function AgencyPage() {
  const { me, refreshing } = useSession()
  if (!me) {
    return refreshing ? <StateView kind='loading' /> : <StateView kind='empty' title='请先登录' description='登录后可办理中介机构备案' actionText='去登录' onAction={goLogin} />
  }
  if (!me.roles.includes('agency_admin')) {
    return <StateView kind='empty' title='仅限中介机构管理员使用' description='机构信息与备案由本机构的管理员办理；经纪人请使用「经纪人备案」。' actionText='返回我的' onAction={goMine} />
  }
  return <Agency />
}
