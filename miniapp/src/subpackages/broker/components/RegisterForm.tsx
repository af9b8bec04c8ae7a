import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { brokerRegisterInput } from '@hq/common'
import { registerSelf } from '../../../services/broker'

interface Props {
  defaultName: string
  agencyName: string | null
  /** The record the person had before (released), shown as the reason to register again. */
  previous: string | null
  onDone: () => void
}

/** 经纪人登记: name, 居民身份证 and mobile, checked with the same contract the API uses. */
export default function RegisterForm({ defaultName, agencyName, previous, onDone }: Props) {
  const [name, setName] = useState(defaultName)
  const [idNumber, setIdNumber] = useState('')
  const [phone, setPhone] = useState('')
  const [education, setEducation] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')

  const submit = async () => {
    const parsed = brokerRegisterInput.safeParse({ name, idType: 'resident_id', idNumber, phone, education: education || undefined })
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请检查填写内容')
      return
    }
    setProblem('')
    setBusy(true)
    const reply = await registerSelf(parsed.data)
    setBusy(false)
    if (!reply.ok) {
      setProblem(reply.details?.[0]?.message ?? reply.message)
      return
    }
    void Taro.showToast({ title: '登记成功', icon: 'success' })
    onDone()
  }

  return (
    <View className='card broker-form'>
      <Text className='broker-card__title'>经纪人登记</Text>
      <Text className='broker-form__hint'>
        {previous ?? '首次办理经纪人备案，请先登记本人信息'}
        {agencyName ? `，登记至「${agencyName}」。` : '。'}
      </Text>
      <View className='broker-field'>
        <Text className='broker-field__label'>姓名</Text>
        <Input className='broker-field__input' value={name} maxlength={50} placeholder='请输入姓名' onInput={(e) => setName(e.detail.value)} />
      </View>
      <View className='broker-field'>
        <Text className='broker-field__label'>居民身份证号</Text>
        <Input className='broker-field__input' value={idNumber} type='idcard' maxlength={18} placeholder='请输入18位身份证号码' onInput={(e) => setIdNumber(e.detail.value)} />
      </View>
      <View className='broker-field'>
        <Text className='broker-field__label'>手机号</Text>
        <Input className='broker-field__input' value={phone} type='number' maxlength={11} placeholder='请输入手机号' onInput={(e) => setPhone(e.detail.value)} />
      </View>
      <View className='broker-field'>
        <Text className='broker-field__label'>学历（选填）</Text>
        <Input className='broker-field__input' value={education} maxlength={20} placeholder='如 本科' onInput={(e) => setEducation(e.detail.value)} />
      </View>
      {problem && <Text className='broker-form__problem'>{problem}</Text>}
      <Button className='broker-form__submit' type='primary' block loading={busy} onClick={() => void submit()}>
        提交登记
      </Button>
    </View>
  )
}
