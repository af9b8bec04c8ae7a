import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { brokerReleaseInput, type BrokerView } from '@hq/common'
import { releaseBroker } from '../../../services/agency'

interface Props {
  broker: BrokerView
  /** 代为申请备案 (a registered, not yet filed broker without an application under review). */
  onFile?: () => void
  onChanged: () => void
}

/** One broker of the agency: status, masked ID and phone, filing certificate; 代为申请备案 and 解除执业. */
export default function AgencyBrokerCard({ broker, onFile, onChanged }: Props) {
  const [releasing, setReleasing] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const practising = broker.status === 'pending' || broker.status === 'active'
  const underReview = broker.applications.some((a) => a.status === 'submitted' || a.status === 'in_review')

  const release = async () => {
    const parsed = brokerReleaseInput.safeParse({ reason })
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请填写解除原因')
      return
    }
    const { confirm } = await Taro.showModal({
      title: '解除执业',
      content: `解除后「${broker.name}」的备案证明即失效，不能以本机构名义执业。确定解除吗？`,
      confirmText: '解除',
      confirmColor: '#c8453b',
    })
    if (!confirm) return
    setBusy(true)
    const reply = await releaseBroker(broker.id, parsed.data.reason)
    setBusy(false)
    if (!reply.ok) {
      setProblem(reply.message)
      return
    }
    void Taro.showToast({ title: '已解除执业', icon: 'success' })
    setReleasing(false)
    onChanged()
  }

  return (
    <View className='card broker-card agency-broker'>
      <View className='broker-card__head'>
        <Text className='broker-card__title'>{broker.name}</Text>
        <Text className={`broker-tag broker-tag--${broker.status}`}>{underReview ? '备案审核中' : broker.statusLabel}</Text>
      </View>
      <View className='broker-row'>
        <Text className='broker-row__label'>证件号码</Text>
        <Text className='broker-row__value'>{broker.idNumber}</Text>
      </View>
      <View className='broker-row'>
        <Text className='broker-row__label'>手机号</Text>
        <Text className='broker-row__value'>{broker.phone}</Text>
      </View>
      {broker.filing && (
        <View className='broker-row'>
          <Text className='broker-row__label'>{broker.filing.title}</Text>
          <Text className='broker-row__value'>{broker.filing.certNo}</Text>
        </View>
      )}
      {practising && !releasing && (
        <View className='agency-broker__actions'>
          {broker.status === 'pending' && !underReview && onFile && (
            <View className='agency-broker__btn' hoverClass='broker-doc__btn--pressed' onClick={onFile}>
              <Text>代为申请备案</Text>
            </View>
          )}
          <View className='agency-broker__btn agency-broker__btn--danger' hoverClass='broker-doc__btn--pressed' onClick={() => setReleasing(true)}>
            <Text>解除执业</Text>
          </View>
        </View>
      )}
      {releasing && (
        <View className='agency-broker__release'>
          <View className='broker-field'>
            <Text className='broker-field__label'>解除原因</Text>
            <Input className='broker-field__input' value={reason} maxlength={300} placeholder='如 劳动合同到期离职' onInput={(e) => { setReason(e.detail.value); setProblem('') }} />
          </View>
          {problem && <Text className='broker-form__problem'>{problem}</Text>}
          <View className='agency-broker__actions'>
            <View className='agency-broker__btn' onClick={() => setReleasing(false)}>
              <Text>取消</Text>
            </View>
            <View className='agency-broker__btn agency-broker__btn--danger' onClick={() => void (busy ? undefined : release())}>
              <Text>{busy ? '正在解除…' : '确认解除'}</Text>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
