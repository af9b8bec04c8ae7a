// 经纪人备案 form: 入职日期, 学历, 备注 and the documents of BROKER_FILING_ATTACHMENTS (DocumentList).
// The same form creates a new application, edits a draft, or corrects one returned for supplements
// (退回补正); the broker applies for themself, or their agency's admin for them (代为申请).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { BROKER_FILING_ATTACHMENTS, brokerFilingForm, shanghaiDate, type ApplicationDetail, type BrokerView } from '@hq/common'
import { createApplication, saveApplication, submitSaved } from '../../../services/applications'
import { BROKER_FILING } from '../../../services/broker'
import DocumentList, { attachmentRefs, initialFiles, lackingDocuments, type ChosenFiles } from './DocumentList'

interface Props {
  record: BrokerView
  /** A draft or returned application to edit; null for a new one. */
  application: ApplicationDetail | null
  /** The card's title when someone else applies (代为申请备案); the broker's own form says 经纪人备案申请. */
  title?: string
  onDone: () => void
}

type Form = { employmentStart: string; education: string; remarks: string }

function initialForm(record: BrokerView, app: ApplicationDetail | null): Form {
  const f = (app?.form ?? {}) as Partial<Record<keyof Form, unknown>>
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d)
  return { employmentStart: str(f.employmentStart, shanghaiDate()), education: str(f.education, record.education ?? ''), remarks: str(f.remarks, '') }
}

export default function FilingForm({ record, application, title, onDone }: Props) {
  const [form, setForm] = useState<Form>(() => initialForm(record, application))
  const [files, setFiles] = useState<ChosenFiles>(() => initialFiles(application))
  const [uploading, setUploading] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<string[]>(application?.missing ?? [])

  const submit = async () => {
    const parsed = brokerFilingForm.safeParse({
      brokerId: record.id, employmentStart: form.employmentStart, education: form.education.trim() || undefined, remarks: form.remarks.trim() || undefined,
    })
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => i.message))
      return
    }
    const lacking = lackingDocuments(BROKER_FILING_ATTACHMENTS, files)
    if (lacking.length) {
      setProblems(lacking)
      return
    }
    const attachments = attachmentRefs(files)
    setBusy(true)
    setProblems([])
    // Save first (a new draft, or the edited one), then submit what was saved.
    const outcome = await submitSaved(application ? await saveApplication(application.id, application.lockVersion, parsed.data, attachments) : await createApplication(BROKER_FILING, parsed.data, attachments))
    setBusy(false)
    if (!outcome.ok) {
      setProblems(outcome.problems)
      if (outcome.saved) onDone() // the draft is kept; reload so the page edits it from now on
      return
    }
    void Taro.showToast({ title: '已提交', icon: 'success' })
    onDone()
  }

  return (
    <View className='card broker-form'>
      <Text className='broker-card__title'>{application?.status === 'returned' ? '补正材料' : title ?? '经纪人备案申请'}</Text>
      <View className='broker-field'>
        <Text className='broker-field__label'>入职日期</Text>
        <Picker mode='date' value={form.employmentStart} end={shanghaiDate()} onChange={(e) => setForm((f) => ({ ...f, employmentStart: String(e.detail.value) }))}>
          <View className='broker-field__input broker-field__picker'>
            <Text>{form.employmentStart}</Text>
          </View>
        </Picker>
      </View>
      <View className='broker-field'>
        <Text className='broker-field__label'>学历（选填）</Text>
        <Input className='broker-field__input' value={form.education} maxlength={20} placeholder='如 本科' onInput={(e) => setForm((f) => ({ ...f, education: e.detail.value }))} />
      </View>
      <View className='broker-field'>
        <Text className='broker-field__label'>备注（选填）</Text>
        <Textarea className='broker-field__textarea' value={form.remarks} maxlength={1000} placeholder='需要说明的情况' onInput={(e) => setForm((f) => ({ ...f, remarks: e.detail.value }))} />
      </View>

      <Text className='broker-form__section'>申请材料</Text>
      <DocumentList specs={BROKER_FILING_ATTACHMENTS} files={files} onChange={setFiles} uploading={uploading} onUploading={setUploading} />

      {problems.length > 0 && (
        <View className='broker-form__problems'>
          {problems.map((p) => (
            <Text key={p} className='broker-form__problem'>
              {p}
            </Text>
          ))}
        </View>
      )}
      <Button className='broker-form__submit' type='primary' block loading={busy} disabled={uploading !== null} onClick={() => void submit()}>
        {application?.status === 'returned' ? '重新提交' : '提交申请'}
      </Button>
    </View>
  )
}
