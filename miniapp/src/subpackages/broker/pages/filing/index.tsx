// 经纪人备案 (RE-166, RE-167, RE-169): the signed-in broker's record, the application, its progress.
import { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'
import { View } from '@tarojs/components'
import type { BrokerView } from '@hq/common'
import StateView from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { registerSelf } from '../../../../services/broker'
import { goLogin, goMine } from '../../../../services/nav'
import FilingForm from '../../components/FilingForm'
import ProgressCard from '../../components/ProgressCard'
import RecordCard from '../../components/RecordCard'
import RegisterForm from '../../components/RegisterForm'
import { useBrokerFiling } from '../../useBrokerFiling'
import '../../broker.css'

/** Why the broker registers (first time, or again after a release) and with which agency. */
function registerHint(record: BrokerView | null, agencyName: string | null): string {
  const why = record ? `您已于原机构「${record.affiliations[record.affiliations.length - 1]?.agencyName ?? ''}」解除执业，请重新登记` : '首次办理经纪人备案，请先登记本人信息'
  return `${why}${agencyName ? `，登记至「${agencyName}」。` : '。'}`
}

function Filing() {
  const f = useBrokerFiling()
  const { me } = useSession()
  // A return to the page (e.g. after the association decided) shows the news; the first show is the initial load.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void f.reload()
    shown.current = true
  })
  usePullDownRefresh(() => void f.reload().finally(() => stopPullDownRefresh()))

  if (f.loading && !f.record) return <StateView kind='loading' />
  if (f.error) return <StateView kind='error' title='无法获取备案信息' description={f.error.message} actionText='重试' onAction={() => void f.reload()} />

  const { record, application, stage } = f
  return (
    <View className='broker-page'>
      {record && <RecordCard record={record} />}
      {stage === 'register' && (
        <RegisterForm
          defaultName={record?.name ?? me?.displayName ?? ''}
          hint={registerHint(record, me?.org?.name ?? null)}
          register={registerSelf}
          onDone={() => void f.reload()}
        />
      )}
      {application && stage !== 'apply' && <ProgressCard app={application} onChanged={() => void f.reload()} />}
      {record && (stage === 'apply' || stage === 'edit') && (
        <FilingForm key={application ? `${application.id}:${application.lockVersion}` : 'new'} record={record} application={stage === 'edit' ? application : null} onDone={() => void f.reload()} />
      )}
      {stage === 'filed' && !application && <StateView kind='empty' title='已完成备案' description='备案证明可在上方查看与核验' />}
    </View>
  )
}

export default function BrokerFilingPage() {
  const { me, refreshing } = useSession()
  if (!me) {
    return refreshing ? <StateView kind='loading' /> : <StateView kind='empty' title='请先登录' description='登录后可办理经纪人备案' actionText='去登录' onAction={goLogin} />
  }
  if (!me.roles.includes('broker')) {
    return <StateView kind='empty' title='您暂无经纪人身份' description='经纪人备案面向房地产经纪人，请联系所在中介机构开通。' actionText='返回我的' onAction={goMine} />
  }
  return <Filing />
}
