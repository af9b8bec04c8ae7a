// The buttons of one ticket: exactly the actions the API listed for this person (`detail.actions`,
// from the shared table in @hq/common tickets.ts), each with what the table says it needs — a
// result, a reason, an assignee, an after photo, a rating. Steps that cannot be undone are
// confirmed first. Photos of the work are taken with the camera only (on site, not from the album).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import {
  TICKET_ACTION_LABELS, findTicketTransition, type TicketAction, type TicketActionInput, type TicketDetail,
} from '@hq/common'
import { actOnTicket, fetchAssignees, type Assignee } from '../../services/property'
import FormField, { Problems } from '../FormField'
import PhotoPicker, { usePhotoDraft } from '../PhotoPicker'
import './index.css'

/** Steps that end something for good: asked twice. */
const CONFIRM: Partial<Record<TicketAction, { title: string; content: string }>> = {
  withdraw: { title: '撤回', content: '撤回后本次报告即终止，需要时可重新提交。确定撤回吗？' },
  resolve: { title: '办结', content: '办结后将通知报告人查看结果并评价。确定办结吗？' },
  not_responsible: { title: '非本单位职责', content: '将以“非本单位职责”结束办理并告知报告人。确定吗？' },
  duplicate: { title: '标记为重复件', content: '重复件不再单独办理。确定标记吗？' },
  rate: { title: '评价', content: '提交评价后工单将关闭，不能再重新打开。确定提交吗？' },
  close: { title: '关闭', content: '关闭后工单不能再评价或重新打开。确定关闭吗？' },
}

/** Steps done at once (after confirmation where listed); the others open a small form. */
const DIRECT: readonly TicketAction[] = ['accept', 'withdraw', 'close']

const NOTE_LABELS: Partial<Record<TicketAction, { label: string; placeholder: string; required: boolean }>> = {
  resolve: { label: '办理结果', placeholder: '如：已更换厨房下水管，现场试水无渗漏', required: true },
  not_responsible: { label: '原因说明', placeholder: '说明为何不属于本单位职责，以及应向哪里反映', required: true },
  duplicate: { label: '说明', placeholder: '与哪一件重复', required: true },
  reopen: { label: '重新打开的原因', placeholder: '如：维修后仍然漏水', required: true },
  note: { label: '补充说明', placeholder: '需要补充的情况', required: true },
  rate: { label: '评价内容', placeholder: '说说办理得怎么样（选填）', required: false },
  start: { label: '说明', placeholder: '选填', required: false },
  dispatch: { label: '派单说明', placeholder: '选填，如：请今天下午上门', required: false },
}

const TONE: Partial<Record<TicketAction, 'primary' | 'danger'>> = {
  accept: 'primary', dispatch: 'primary', start: 'primary', resolve: 'primary', rate: 'primary', withdraw: 'danger', not_responsible: 'danger',
}

interface Props {
  ticket: TicketDetail
  /** The API's answer after a step: the page shows it. */
  onChanged: (next: TicketDetail) => void
  /** The page is stale (someone else acted): load it again. */
  onStale: () => void
}

export default function TicketActions({ ticket, onChanged, onStale }: Props) {
  const actions = ticket.actions
  const [active, setActive] = useState<TicketAction | null>(null)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState('')
  const [rating, setRating] = useState(0)
  const [duplicateOf, setDuplicateOf] = useState('')
  const [assignees, setAssignees] = useState<Assignee[] | null>(null)
  const [assigneeError, setAssigneeError] = useState<string | null>(null)
  const [picked, setPicked] = useState<Assignee | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const before = usePhotoDraft('camera', { withLocation: true })
  const after = usePhotoDraft('camera', { withLocation: true })

  if (!actions.length) return null

  const needs = (a: TicketAction) => findTicketTransition(ticket.kind, ticket.status, a)?.needs ?? []

  const loadAssignees = async () => {
    setAssigneeError(null)
    const reply = await fetchAssignees(ticket.id)
    if (reply.ok) setAssignees(reply.data)
    else setAssigneeError(reply.message)
  }

  const open = (a: TicketAction) => {
    setProblems([])
    if (DIRECT.includes(a)) {
      void run(a)
      return
    }
    setActive(a === active ? null : a)
    setNote('')
    if (a === 'dispatch' && !assignees) void loadAssignees()
  }

  const run = async (a: TicketAction) => {
    if (busy) return
    const input: TicketActionInput = { action: a, version: ticket.version }
    const text = note.trim()
    const wants = needs(a)
    const lacking: string[] = []
    if (text) input.note = text
    else if (wants.includes('note') || NOTE_LABELS[a]?.required) lacking.push(`请填写${NOTE_LABELS[a]?.label ?? '说明'}`)
    if (a === 'dispatch') {
      if (!picked) lacking.push('请选择处理人')
      else if (picked.userId != null) input.assigneeUserId = picked.userId
      else if (picked.orgId != null) input.assigneeOrgId = picked.orgId
    }
    if (a === 'rate') {
      if (rating < 1) lacking.push('请选择评分（1-5星）')
      else input.rating = rating
    }
    if (a === 'duplicate') {
      if (!duplicateOf.trim()) lacking.push('请填写重复的受理编号')
      else input.duplicateOf = duplicateOf.trim()
    }
    const draft = a === 'start' ? before : a === 'resolve' ? after : null
    if (draft) {
      if (draft.uploading) lacking.push('照片正在上传，请稍候')
      if (draft.failed) lacking.push('有照片上传失败，请点击重试或删除')
      const refs = draft.refs()
      if (a === 'resolve' && wants.includes('afterPhoto') && refs.length === 0) lacking.push('请拍摄处理后的现场照片')
      if (refs.length) {
        input.photos = refs
        input.photoStage = a === 'start' ? 'before' : 'after'
      }
    }
    if (lacking.length) {
      setProblems(lacking)
      return
    }
    const ask = CONFIRM[a]
    if (ask) {
      const { confirm } = await Taro.showModal({ title: ask.title, content: ask.content, confirmText: '确定', confirmColor: TONE[a] === 'danger' ? '#c8453b' : '#1f5fbf' })
      if (!confirm) return
    }
    setBusy(true)
    setProblems([])
    const reply = await actOnTicket(ticket.id, input)
    setBusy(false)
    if (!reply.ok) {
      if (reply.code === 'STALE_TICKET' || reply.code === 'TICKET_TRANSITION') {
        void Taro.showToast({ title: reply.message, icon: 'none', duration: 3000 })
        onStale()
        return
      }
      setProblems(reply.details?.length ? reply.details.map((d) => d.message) : [reply.message])
      return
    }
    void Taro.showToast({ title: `已${TICKET_ACTION_LABELS[a]}`, icon: 'success' })
    setActive(null)
    setNote('')
    setRating(0)
    setPicked(null)
    before.reset()
    after.reset()
    onChanged(reply.data)
  }

  const form = active && !DIRECT.includes(active) ? active : null
  const noteSpec = form ? NOTE_LABELS[form] : undefined
  return (
    <View className='card ticket-actions'>
      <Text className='ticket-actions__title'>办理</Text>
      <View className='ticket-actions__buttons'>
        {actions.map((a) => (
          <Button
            key={a}
            className={`ticket-actions__btn ticket-actions__btn--${a}`}
            type={TONE[a] === 'primary' ? 'primary' : TONE[a] === 'danger' ? 'danger' : 'default'}
            fill={a === active || TONE[a] === 'primary' ? 'solid' : 'outline'}
            size='small'
            disabled={busy}
            loading={busy && DIRECT.includes(a)}
            onClick={() => open(a)}
          >
            {TICKET_ACTION_LABELS[a]}
          </Button>
        ))}
      </View>

      {form && (
        <View className={`ticket-actions__form ticket-actions__form--${form}`}>
          {form === 'reopen' && ticket.reopenUntil && <Text className='ticket-actions__hint'>可在 {ticket.reopenUntil} 前重新打开，工单将回到处理人继续办理。</Text>}
          {form === 'dispatch' && (
            <FormField label='派给' required error={assigneeError}>
              {assignees === null && !assigneeError && <Text className='ticket-actions__hint'>正在获取可派单人员…</Text>}
              {assigneeError && (
                <View className='ticket-actions__link' onClick={() => void loadAssignees()}>
                  <Text>重新获取</Text>
                </View>
              )}
              {assignees?.length === 0 && <Text className='ticket-actions__hint'>暂无可派单人员</Text>}
              <View className='ticket-actions__assignees'>
                {assignees?.map((p) => {
                  const on = picked?.userId === p.userId && picked?.orgId === p.orgId
                  return (
                    <View key={`${p.userId}:${p.orgId}`} className={`ticket-actions__assignee${on ? ' ticket-actions__assignee--on' : ''}`} onClick={() => setPicked(p)}>
                      <Text className='ticket-actions__assignee-name'>{p.name}</Text>
                      <Text className='ticket-actions__assignee-load'>在办 {p.openTickets} 件</Text>
                    </View>
                  )
                })}
              </View>
            </FormField>
          )}
          {form === 'rate' && (
            <FormField label='满意度' required>
              <View className='ticket-actions__stars'>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Text key={n} className={`ticket-actions__star${n <= rating ? ' ticket-actions__star--on' : ''}`} onClick={() => setRating(n)}>
                    ★
                  </Text>
                ))}
                <Text className='ticket-actions__star-text'>{rating ? ['', '很不满意', '不满意', '一般', '满意', '非常满意'][rating] : '请点选星级'}</Text>
              </View>
            </FormField>
          )}
          {form === 'duplicate' && (
            <FormField label='重复于（受理编号）' required>
              <Input className='form-field__input' value={duplicateOf} maxlength={32} placeholder='如 BX2026000123' onInput={(e) => setDuplicateOf(e.detail.value)} />
            </FormField>
          )}
          {form === 'start' && <PhotoPicker draft={before} label='处理前照片' hint='现场拍摄，记录处理前的情况' />}
          {noteSpec && (
            <FormField label={noteSpec.label} required={noteSpec.required}>
              <View className='form-field__textarea'>
                <Textarea className='form-field__textarea-inner' value={note} maxlength={2000} placeholder={noteSpec.placeholder} onInput={(e) => setNote(e.detail.value)} />
              </View>
            </FormField>
          )}
          {form === 'resolve' && (
            <PhotoPicker draft={after} label='处理后照片' required={needs('resolve').includes('afterPhoto')} hint='现场拍摄，仅能使用相机' />
          )}
          <Problems items={problems} />
          <View className='form-submit'>
            <Button type={TONE[form] === 'danger' ? 'danger' : 'primary'} block loading={busy} onClick={() => void run(form)}>
              {form === 'rate' ? '提交评价' : `确认${TICKET_ACTION_LABELS[form]}`}
            </Button>
          </View>
        </View>
      )}
      {!form && <Problems items={problems} />}
    </View>
  )
}
