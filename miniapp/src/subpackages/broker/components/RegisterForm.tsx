import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { brokerRegisterInput, checkIdDocument, ID_DOCUMENT_LABELS, ID_DOCUMENT_TYPES, type BrokerRegisterInput, type BrokerView, type IdDocumentType } from '@hq/common'
import type { BrokerCheck } from '../../../services/agency'
import type { Reply } from '../../../services/transport'

interface Props {
  title?: string
  hint: string
  defaultName?: string
  /** Agency admins register people with any accepted ID document; a broker registers with 居民身份证. */
  anyIdType?: boolean
  register: (input: BrokerRegisterInput) => Promise<Reply<BrokerView>>
  /** 查重 as soon as the number is complete: says whether another agency holds the person. */
  check?: (idType: IdDocumentType, idNumber: string) => Promise<Reply<BrokerCheck>>
  onDone: (broker: BrokerView) => void
}

/** 经纪人登记: name, ID document and mobile, checked with the same contract the API uses. */
export default function RegisterForm({ title = '经纪人登记', hint, defaultName = '', anyIdType, register, check, onDone }: Props) {
  const [name, setName] = useState(defaultName)
  const [idType, setIdType] = useState<IdDocumentType>('resident_id')
  const [idNumber, setIdNumber] = useState('')
  const [phone, setPhone] = useState('')
  const [education, setEducation] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const [checked, setChecked] = useState<BrokerCheck | null>(null)

  const runCheck = async () => {
    setChecked(null)
    if (!check || !checkIdDocument(idType, idNumber.trim()).ok) return
    const reply = await check(idType, idNumber.trim())
    if (reply.ok) setChecked(reply.data)
  }

  const submit = async () => {
    const parsed = brokerRegisterInput.safeParse({ name, idType, idNumber, phone, education: education || undefined })
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '请检查填写内容')
      return
    }
    setProblem('')
    setBusy(true)
    const reply = await register(parsed.data)
    setBusy(false)
    if (!reply.ok) {
      setProblem(reply.details?.[0]?.message ?? reply.message)
      return
    }
    void Taro.showToast({ title: '登记成功', icon: 'success' })
    onDone(reply.data)
  }

  return (
    <View className='card broker-form'>
      <Text className='broker-card__title'>{title}</Text>
      <Text className='broker-form__hint'>{hint}</Text>
      <View className='broker-field'>
        <Text className='broker-field__label'>姓名</Text>
        <Input className='broker-field__input' value={name} maxlength={50} placeholder='请输入姓名' onInput={(e) => setName(e.detail.value)} />
      </View>
      {anyIdType && (
        <View className='broker-field'>
          <Text className='broker-field__label'>证件类型</Text>
          <Picker mode='selector' range={ID_DOCUMENT_TYPES.map((t) => ID_DOCUMENT_LABELS[t])} value={ID_DOCUMENT_TYPES.indexOf(idType)} onChange={(e) => { setIdType(ID_DOCUMENT_TYPES[Number(e.detail.value)]); setChecked(null) }}>
            <View className='broker-field__input broker-field__picker'>
              <Text>{ID_DOCUMENT_LABELS[idType]}</Text>
            </View>
          </Picker>
        </View>
      )}
      <View className='broker-field'>
        <Text className='broker-field__label'>{idType === 'resident_id' ? '居民身份证号' : '证件号码'}</Text>
        <Input
          className='broker-field__input'
          value={idNumber}
          type={idType === 'resident_id' ? 'idcard' : 'text'}
          maxlength={idType === 'resident_id' ? 18 : 32}
          placeholder={idType === 'resident_id' ? '请输入18位身份证号码' : '请输入证件号码'}
          onInput={(e) => { setIdNumber(e.detail.value); setChecked(null) }}
          onBlur={() => void runCheck()}
        />
        {checked && <Text className={`broker-field__check${checked.free ? '' : ' broker-field__check--bad'}`}>{checked.message}</Text>}
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
