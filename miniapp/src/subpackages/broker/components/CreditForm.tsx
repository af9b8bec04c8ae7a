// 新增信用备案: indicator from the subject kind's standard (label and ±points), 发生日期 (not in the
// future), 标题, 情况说明, 依据类型 + 文号, and 证据材料 uploaded from the phone (DocumentList, per-file
// retry). Checked with the contract's messages per field, confirmed, then filed for review; the
// server's refusal is shown on its field or above the button.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { CREDIT_BASIS_LABELS, CREDIT_BASIS_TYPES, creditEventInput, shanghaiDate, type CreditBasisType, type CreditStandardView } from '@hq/common'
import FormField, { Choice, Problems } from '../../../components/FormField'
import { reportCreditEvent } from '../../../services/credit'
import type { CreditSubjectRef } from '../useCreditFiling'
import DocumentList, { type ChosenFiles, type DocumentSpec } from './DocumentList'
import { signedPoints } from './CreditScoreCard'

const EVIDENCE: readonly DocumentSpec[] = [
  { key: 'evidence1', label: '证据材料', required: true },
  { key: 'evidence2', label: '补充证据材料', required: false },
  { key: 'evidence3', label: '补充证据材料', required: false },
]
const BASIS_OPTIONS = CREDIT_BASIS_TYPES.map((key) => ({ key, label: CREDIT_BASIS_LABELS[key] }))

type Form = { indicatorCode: string; occurredOn: string; title: string; description: string; basisType: CreditBasisType; basisNumber: string }
type Errors = Record<string, string>

interface Props {
  subject: CreditSubjectRef
  standard: CreditStandardView
  onDone: () => void
  onCancel: () => void
}

/** The first message for each field (`basis.number`, `evidenceFileIds` …); the rest above the button. */
function byField(issues: readonly { field: string; message: string }[]): { errors: Errors; rest: string[] } {
  const errors: Errors = {}
  const rest: string[] = []
  for (const i of issues) {
    const key = i.field.replace(/^body\./, '').replace(/\.\d+$/, '')
    if (['indicatorCode', 'occurredOn', 'title', 'description', 'basis', 'basis.type', 'basis.number', 'evidenceFileIds'].includes(key)) errors[key] ??= i.message
    else rest.push(i.message)
  }
  return { errors, rest }
}

export default function CreditForm({ subject, standard, onDone, onCancel }: Props) {
  const today = shanghaiDate()
  const [form, setForm] = useState<Form>({ indicatorCode: '', occurredOn: today, title: '', description: '', basisType: 'notice', basisNumber: '' })
  const [files, setFiles] = useState<ChosenFiles>({})
  const [uploading, setUploading] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Errors>({})
  const [problems, setProblems] = useState<string[]>([])
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  const indicator = standard.indicators.find((i) => i.code === form.indicatorCode)

  const submit = async () => {
    const parsed = creditEventInput.safeParse({
      subjectKind: subject.kind, subjectId: subject.id, indicatorCode: form.indicatorCode, occurredOn: form.occurredOn, title: form.title,
      description: form.description.trim() || undefined, basis: { type: form.basisType, number: form.basisNumber },
      evidenceFileIds: [...new Set(Object.values(files).map((f) => f.fileId))],
    })
    const local = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }))
    if (form.occurredOn > today) local.push({ field: 'occurredOn', message: '行为发生日期不能晚于今天' })
    if (!parsed.success || local.length) {
      const { errors: e, rest } = byField(local)
      setErrors(e)
      setProblems(rest.length ? rest : ['请按提示修改后再提交'])
      return
    }
    setErrors({})
    setProblems([])
    const { confirm } = await Taro.showModal({
      title: '提交信用备案',
      content: `为「${subject.name.replace(/^.*：/, '')}」报送「${indicator?.label ?? ''}」（${indicator ? signedPoints(indicator.direction, indicator.points) : ''}分），提交后由行业协会或主管部门审核，审核通过后计入信用。确定提交吗？`,
      confirmText: '提交',
    })
    if (!confirm) return
    setBusy(true)
    const reply = await reportCreditEvent(parsed.data)
    setBusy(false)
    if (!reply.ok) {
      const { errors: e, rest } = byField(reply.details ?? [])
      setErrors(e)
      setProblems(rest.length || !Object.keys(e).length ? [reply.message] : [])
      void Taro.showToast({ title: reply.message, icon: 'none' })
      return
    }
    void Taro.showToast({ title: '已提交，待审核', icon: 'success' })
    onDone()
  }

  return (
    <View className='card broker-form credit-form'>
      <Text className='broker-card__title'>新增信用备案</Text>
      <Text className='credit-form__for'>信用主体：{subject.name}</Text>
      <FormField label='信用指标' required hint='按评级标准选择；表彰、继续教育等良好行为可自主报送' error={errors.indicatorCode}>
        <Choice
          options={standard.indicators.map((i) => ({ key: i.code, label: `${i.label}（${signedPoints(i.direction, i.points)}分）` }))}
          value={form.indicatorCode}
          onChange={(v) => set({ indicatorCode: v })}
        />
      </FormField>
      <FormField label='发生日期' required error={errors.occurredOn}>
        <Picker mode='date' value={form.occurredOn} end={today} onChange={(e) => set({ occurredOn: String(e.detail.value) })}>
          <View className='form-field__picker'>
            <Text>{form.occurredOn}</Text>
          </View>
        </Picker>
      </FormField>
      <FormField label='标题' required error={errors.title}>
        <Input className='form-field__input credit-form__title' value={form.title} maxlength={100} placeholder='如 获评年度诚信经纪人' onInput={(e) => set({ title: e.detail.value })} />
      </FormField>
      <FormField label='情况说明（选填）' error={errors.description}>
        <Textarea className='form-field__textarea' value={form.description} maxlength={1000} placeholder='简要说明事实经过' onInput={(e) => set({ description: e.detail.value })} />
      </FormField>
      <FormField label='依据类型' required error={errors['basis.type']}>
        <Choice options={BASIS_OPTIONS} value={form.basisType} onChange={(v) => set({ basisType: v })} />
      </FormField>
      <FormField label='文号' required hint='依据文书的编号；确定事实请写明事实' error={errors['basis.number'] ?? errors.basis}>
        <Input className='form-field__input credit-form__number' value={form.basisNumber} maxlength={100} placeholder='如 琴经协〔2026〕12号' onInput={(e) => set({ basisNumber: e.detail.value })} />
      </FormField>

      <Text className='broker-form__section'>证据材料</Text>
      <DocumentList specs={EVIDENCE} files={files} onChange={setFiles} uploading={uploading} onUploading={setUploading} />
      {errors.evidenceFileIds && <Text className='form-field__error credit-form__evidence-error'>{errors.evidenceFileIds}</Text>}

      <Problems items={problems} />
      <Button className='broker-form__submit' type='primary' block loading={busy} disabled={uploading !== null} onClick={() => void submit()}>
        提交备案
      </Button>
      <Button className='broker-form__submit' type='default' block onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
