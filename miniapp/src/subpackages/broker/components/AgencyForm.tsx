// 中介机构备案 / 备案变更 form: the contract's fields with Chinese labels and each field's own
// message, the brokers to include (备案 only) chosen from those registered with the agency, the
// documents of the business type uploaded from the phone, 保存草稿, and 提交 after confirmation.
// The same form starts a new application, edits a draft, or corrects a returned one (退回补正).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { AGENCY_FILING_ATTACHMENTS, ENTERPRISE_CHANGE_ATTACHMENTS, shanghaiDate, type ApplicationDetail, type BrokerView } from '@hq/common'
import FormField from '../../../components/FormField'
import { createApplication, saveApplication, submitSaved } from '../../../services/applications'
import { PAGES } from '../../../services/nav'
import { AGENCY_FIELDS, payloadOf, validate, valuesOf, type AgencyApplicationType, type AgencyFormValues, type FieldErrors, type FieldKey } from '../agencyForm'
import DocumentList, { attachmentRefs, initialFiles, lackingDocuments, type ChosenFiles } from './DocumentList'

interface Props {
  type: AgencyApplicationType
  title: string
  /** A draft or returned application to edit; null for a new one. */
  application: ApplicationDetail | null
  /** The first draft of a new one (common's initialEnterpriseForm). */
  initial: Record<string, unknown>
  brokers: BrokerView[]
  onDone: () => void
}

export default function AgencyForm({ type, title, application, initial, brokers, onDone }: Props) {
  const [values, setValues] = useState<AgencyFormValues>(() => valuesOf(type, application?.form ?? initial))
  const [files, setFiles] = useState<ChosenFiles>(() => initialFiles(application))
  const [uploading, setUploading] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problems, setProblems] = useState<string[]>(application?.missing ?? [])
  const documents = type === 'agency_filing' ? AGENCY_FILING_ATTACHMENTS : ENTERPRISE_CHANGE_ATTACHMENTS
  const returned = application?.status === 'returned'

  const set = (key: FieldKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors(({ [key]: _fixed, ...rest }) => rest)
  }
  const toggleBroker = (id: number) => {
    setValues((v) => ({ ...v, brokerIds: v.brokerIds.includes(id) ? v.brokerIds.filter((x) => x !== id) : [...v.brokerIds, id] }))
    setErrors(({ brokerIds: _fixed, ...rest }) => rest)
  }

  /** Save (a new draft, or the loaded one); the reply says what the API still misses. */
  const save = async () => {
    const form = payloadOf(type, values)
    const attachments = attachmentRefs(files)
    return application ? saveApplication(application.id, application.lockVersion, form, attachments) : createApplication(type, form, attachments)
  }

  const saveDraft = async () => {
    setBusy('save')
    const saved = await save()
    setBusy(null)
    if (!saved.ok) {
      setProblems([saved.details?.[0]?.message ?? saved.message])
      return
    }
    void Taro.showToast({ title: '草稿已保存', icon: 'success' })
    onDone()
  }

  const submit = async () => {
    const checked = validate(type, payloadOf(type, values))
    const lacking = lackingDocuments(documents, files)
    setErrors(checked.ok ? {} : checked.errors)
    setProblems([...(checked.ok ? [] : checked.errors.form ? [checked.errors.form] : ['请按提示修改填写内容']), ...lacking])
    if (!checked.ok || lacking.length) return
    const { confirm } = await Taro.showModal({
      title: returned ? '重新提交' : '提交申请',
      content: `提交后由行业协会审核，审核期间不能修改。确定提交「${title}」吗？`,
      confirmText: '提交',
    })
    if (!confirm) return
    setBusy('submit')
    setProblems([])
    const outcome = await submitSaved(await save())
    setBusy(null)
    if (!outcome.ok) {
      setProblems(outcome.problems)
      if (outcome.saved) onDone() // the draft is kept; the page edits it from now on
      return
    }
    void Taro.showToast({ title: '已提交', icon: 'success' })
    onDone()
  }

  return (
    <View className='card broker-form agency-form'>
      <Text className='broker-card__title'>{returned ? `补正材料：${title}` : title}</Text>
      {type === 'agency_change' && <Text className='broker-form__hint'>只填写发生变化的项目，未填写的保持不变。</Text>}
      {AGENCY_FIELDS.filter((f) => f.in.includes(type)).map((f) => (
        <FormField key={f.key} label={f.label + (f.optional || type === 'agency_change' ? '（选填）' : '')} error={errors[f.key]}>
          {f.input === 'date' ? (
            <Picker mode='date' value={values[f.key] || shanghaiDate()} end={shanghaiDate()} onChange={(e) => set(f.key, String(e.detail.value))}>
              <View className='form-field__picker'>
                <Text className={values[f.key] ? '' : 'form-field__placeholder'}>{values[f.key] || '请选择'}</Text>
              </View>
            </Picker>
          ) : f.input === 'textarea' ? (
            <View className='form-field__textarea'>
              <Textarea className='form-field__textarea-inner' value={values[f.key]} maxlength={1000} placeholder={f.placeholder ?? `请填写${f.label}`} onInput={(e) => set(f.key, e.detail.value)} />
            </View>
          ) : (
            <Input
              className='form-field__input'
              type={f.input === 'text' ? 'text' : f.input}
              value={values[f.key]}
              maxlength={f.key === 'contactPhone' ? 11 : 300}
              placeholder={f.placeholder ?? `请填写${f.label.replace(/（.*）$/, '')}`}
              placeholderClass='form-field__placeholder'
              onInput={(e) => set(f.key, e.detail.value)}
            />
          )}
        </FormField>
      ))}

      {type === 'agency_filing' && (
        <FormField label='备案经纪人员' required error={errors.brokerIds} hint='从本机构已登记的经纪人员中选择'>
          {brokers.length === 0 ? (
            <View className='agency-brokers__none' onClick={() => void Taro.navigateTo({ url: PAGES.agencyBrokers })}>
              <Text>本机构尚未登记经纪人员，去「本机构经纪人」登记 ›</Text>
            </View>
          ) : (
            <View className='agency-brokers'>
              {brokers.map((b) => {
                const on = values.brokerIds.includes(b.id)
                return (
                  <View key={b.id} className={`agency-brokers__item${on ? ' agency-brokers__item--on' : ''}`} onClick={() => toggleBroker(b.id)}>
                    <Text className='agency-brokers__check'>{on ? '✓' : ''}</Text>
                    <Text className='agency-brokers__name'>{b.name}</Text>
                    <Text className='agency-brokers__status'>{b.statusLabel}</Text>
                  </View>
                )
              })}
            </View>
          )}
        </FormField>
      )}

      <Text className='broker-form__section'>申请材料</Text>
      <DocumentList specs={documents} files={files} onChange={setFiles} uploading={uploading} onUploading={setUploading} />

      {problems.length > 0 && (
        <View className='broker-form__problems'>
          {problems.map((p) => (
            <Text key={p} className='broker-form__problem'>
              {p}
            </Text>
          ))}
        </View>
      )}
      <View className='agency-form__actions'>
        <Button className='agency-form__save' type='default' loading={busy === 'save'} disabled={uploading !== null || busy !== null} onClick={() => void saveDraft()}>
          保存草稿
        </Button>
        <Button className='agency-form__submit' type='primary' loading={busy === 'submit'} disabled={uploading !== null || busy !== null} onClick={() => void submit()}>
          {returned ? '重新提交' : '提交申请'}
        </Button>
      </View>
    </View>
  )
}
