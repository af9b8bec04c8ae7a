// 经纪人备案 form: 入职日期, 学历, 备注 and the documents of BROKER_FILING_ATTACHMENTS, each chosen on
// the phone (camera/album; in WeChat also a file from a chat) and uploaded at once. The same form
// creates a new application, edits a draft, or corrects one returned for supplements (退回补正).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { BROKER_FILING_ATTACHMENTS, brokerFilingForm, shanghaiDate, type ApplicationDetail, type AttachmentRef, type BrokerView } from '@hq/common'
import { actOnFiling, createFiling, saveFiling, uploadDocument } from '../../../services/broker'
import type { LocalFile } from '../../../services/transport'

interface Chosen {
  fileId: string
  name: string
}

interface Props {
  record: BrokerView
  /** A draft or returned application to edit; null for a new one. */
  application: ApplicationDetail | null
  onDone: () => void
}

type Form = { employmentStart: string; education: string; remarks: string }

function initialForm(record: BrokerView, app: ApplicationDetail | null): Form {
  const f = (app?.form ?? {}) as Partial<Record<keyof Form, unknown>>
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d)
  return { employmentStart: str(f.employmentStart, shanghaiDate()), education: str(f.education, record.education ?? ''), remarks: str(f.remarks, '') }
}

function initialFiles(app: ApplicationDetail | null): Record<string, Chosen> {
  const out: Record<string, Chosen> = {}
  for (const a of app?.attachments ?? []) out[a.key] = { fileId: a.fileId, name: a.name ?? a.label }
  return out
}

/** A local file to upload: from the camera/album on every platform, or from a WeChat chat. */
async function pickFile(fromChat: boolean): Promise<LocalFile | null> {
  try {
    if (fromChat) {
      const r = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png'] })
      const f = r.tempFiles[0]
      return f ? { path: f.path, name: f.name } : null
    }
    const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    // H5 adds the File itself (originalFileObj).
    const f = r.tempFiles[0] as { path: string; originalFileObj?: File } | undefined
    return f ? { path: f.path, name: f.originalFileObj?.name, blob: f.originalFileObj } : null
  } catch {
    return null // closing the chooser is not an error
  }
}

export default function FilingForm({ record, application, onDone }: Props) {
  const [form, setForm] = useState<Form>(() => initialForm(record, application))
  const [files, setFiles] = useState<Record<string, Chosen>>(() => initialFiles(application))
  const [uploading, setUploading] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<string[]>(application?.missing ?? [])

  const choose = async (key: string, fromChat: boolean) => {
    if (uploading) return
    const picked = await pickFile(fromChat)
    if (!picked) return
    setUploading(key)
    const reply = await uploadDocument({ ...picked, name: picked.name ?? `${key}.jpg` })
    setUploading(null)
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' })
      return
    }
    setFiles((f) => ({ ...f, [key]: { fileId: reply.data.id, name: reply.data.name } }))
  }

  const submit = async () => {
    const parsed = brokerFilingForm.safeParse({
      brokerId: record.id, employmentStart: form.employmentStart, education: form.education.trim() || undefined, remarks: form.remarks.trim() || undefined,
    })
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => i.message))
      return
    }
    const lacking = BROKER_FILING_ATTACHMENTS.filter((a) => a.required && !files[a.key]).map((a) => `请上传${a.label}`)
    if (lacking.length) {
      setProblems(lacking)
      return
    }
    const attachments: AttachmentRef[] = Object.entries(files).map(([key, f]) => ({ key, fileId: f.fileId }))
    setBusy(true)
    setProblems([])
    // Save first (a new draft, or the edited one), then submit what was saved.
    const saved = application ? await saveFiling(application.id, application.lockVersion, parsed.data, attachments) : await createFiling(parsed.data, attachments)
    if (!saved.ok) {
      setBusy(false)
      setProblems([saved.details?.[0]?.message ?? saved.message])
      return
    }
    if (saved.data.missing.length) {
      setBusy(false)
      setProblems(saved.data.missing)
      return
    }
    const action = saved.data.allowedActions.includes('resubmit') ? 'resubmit' : 'submit'
    const done = await actOnFiling(saved.data.id, action, saved.data.lockVersion)
    setBusy(false)
    if (!done.ok) {
      setProblems([done.message])
      // The draft is kept; reload so the page edits it from now on.
      onDone()
      return
    }
    void Taro.showToast({ title: '已提交', icon: 'success' })
    onDone()
  }

  return (
    <View className='card broker-form'>
      <Text className='broker-card__title'>{application?.status === 'returned' ? '补正材料' : '经纪人备案申请'}</Text>
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
      {BROKER_FILING_ATTACHMENTS.map((a) => (
        <View key={a.key} className='broker-doc'>
          <View className='broker-doc__text'>
            <Text className='broker-doc__label'>
              {a.label}
              {a.required ? <Text className='broker-doc__required'> *</Text> : <Text className='broker-doc__optional'>（选填）</Text>}
            </Text>
            <Text className={`broker-doc__file${files[a.key] ? ' broker-doc__file--done' : ''}`}>
              {uploading === a.key ? '正在上传…' : files[a.key] ? `已上传：${files[a.key].name}` : '未上传'}
            </Text>
          </View>
          <View className='broker-doc__actions'>
            <View className='broker-doc__btn' hoverClass='broker-doc__btn--pressed' onClick={() => void choose(a.key, false)}>
              <Text>{files[a.key] ? '重新上传' : '拍照/相册'}</Text>
            </View>
            {process.env.TARO_ENV === 'weapp' && (
              <View className='broker-doc__btn' hoverClass='broker-doc__btn--pressed' onClick={() => void choose(a.key, true)}>
                <Text>聊天文件</Text>
              </View>
            )}
          </View>
        </View>
      ))}

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
