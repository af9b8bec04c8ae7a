import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { formatShanghai, type ApplicationDetail } from '@hq/common'
import { actOnApplication, returnOpinion } from '../../../services/applications'

/** 撤回申请: only while the table allows it (submitted, under review, draft), after confirmation. */
function WithdrawButton({ app, onDone }: { app: ApplicationDetail; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后本次备案申请即终止，需要时可重新填写提交。确定撤回吗？',
      confirmText: '撤回',
      confirmColor: '#c8453b',
    })
    if (!confirm) return
    setBusy(true)
    const reply = await actOnApplication(app.id, 'withdraw', app.lockVersion)
    setBusy(false)
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' })
      return
    }
    void Taro.showToast({ title: '已撤回', icon: 'success' })
    onDone()
  }
  return (
    <Button className='broker-card__withdraw' type='default' block loading={busy} onClick={() => void withdraw()}>
      撤回申请
    </Button>
  )
}

/** 办理进度: status, the step it waits at, the reviewer's opinion when returned, and the history. */
export default function ProgressCard({ app, onChanged }: { app: ApplicationDetail; onChanged?: () => void }) {
  const opinion = returnOpinion(app)
  const open = app.status === 'submitted' || app.status === 'in_review'
  const mayWithdraw = open && app.allowedActions.includes('withdraw') && !!onChanged
  return (
    <View className='card broker-card'>
      <View className='broker-card__head'>
        <Text className='broker-card__title'>办理进度</Text>
        <Text className={`broker-tag broker-tag--app-${app.status}`}>{app.statusText}</Text>
      </View>
      <View className='broker-row'>
        <Text className='broker-row__label'>申请编号</Text>
        <Text className='broker-row__value'>{app.appNo ?? '（提交后生成）'}</Text>
      </View>
      {open && app.stepLabel && (
        <View className='broker-row'>
          <Text className='broker-row__label'>当前环节</Text>
          <Text className='broker-row__value'>{app.stepLabel}</Text>
        </View>
      )}
      {open && app.deadlineAt && (
        <View className='broker-row'>
          <Text className='broker-row__label'>办理时限</Text>
          <Text className={`broker-row__value${app.overdue ? ' broker-row__value--late' : ''}`}>
            {formatShanghai(app.deadlineAt, false)}
            {app.overdue ? '（已超期）' : ''}
          </Text>
        </View>
      )}
      {opinion !== null && (
        <View className='broker-opinion'>
          <Text className='broker-opinion__title'>审核意见（退回补正）</Text>
          <Text className='broker-opinion__text'>{opinion || '请按要求补正材料后重新提交'}</Text>
        </View>
      )}
      {app.actions.length > 0 && (
        <View className='broker-history'>
          {[...app.actions].reverse().map((a) => (
            <View key={a.seq} className='broker-history__item'>
              <Text className='broker-history__head'>
                {formatShanghai(a.at, false)} {a.actionLabel}
                {a.stepLabel ? ` · ${a.stepLabel}` : ''}
              </Text>
              {a.opinion && <Text className='broker-history__opinion'>{a.opinion}</Text>}
            </View>
          ))}
        </View>
      )}
      {mayWithdraw && <WithdrawButton app={app} onDone={onChanged} />}
    </View>
  )
}
