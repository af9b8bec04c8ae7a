// One patrol task: its checklist, 随手拍 for an issue found on it, and 完成巡查 with what was seen
// and at least one photo taken on site (camera only, with the phone's location where allowed).
import { useState } from 'react'
import Taro, { stopPullDownRefresh, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { formatShanghai, patrolTaskComplete } from '@hq/common'
import FormField, { Problems } from '../../../../components/FormField'
import PhotoPicker, { usePhotoDraft } from '../../../../components/PhotoPicker'
import RoleGate from '../../../../components/RoleGate'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { PAGES } from '../../../../services/nav'
import { completePatrolTask, fetchPatrolTask } from '../../../../services/property'
import TaskCard from '../../components/TaskCard'
import '../../staff.css'

function Patrol() {
  const id = Number(useRouter().params.id)
  const task = useRequest(() => fetchPatrolTask(id))
  const [note, setNote] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const photos = usePhotoDraft('camera', { withLocation: true })
  usePullDownRefresh(() => void task.run().finally(() => stopPullDownRefresh()))

  if (task.loading && !task.data) return <StateView kind='loading' />
  if (task.error || !task.data) return <StateView kind='error' title='无法查看该任务' description={task.error?.message} actionText='重试' onAction={() => void task.run()} />
  const t = task.data

  const complete = async () => {
    if (busy) return
    const lacking: string[] = []
    if (photos.uploading) lacking.push('照片正在上传，请稍候')
    if (photos.failed) lacking.push('有照片上传失败，请点击重试或删除')
    const parsed = patrolTaskComplete.safeParse({ note, photos: photos.refs() })
    if (!parsed.success) lacking.push(...parsed.error.issues.map((i) => i.message))
    if (lacking.length || !parsed.success) {
      setProblems(lacking)
      return
    }
    const { confirm } = await Taro.showModal({ title: '完成巡查', content: '提交后该任务即为已完成。确定提交吗？', confirmText: '确定' })
    if (!confirm) return
    setBusy(true)
    setProblems([])
    const reply = await completePatrolTask(t.id, parsed.data)
    setBusy(false)
    if (!reply.ok) {
      setProblems(reply.details?.length ? reply.details.map((d) => d.message) : [reply.message])
      return
    }
    void Taro.showToast({ title: '已完成', icon: 'success' })
    photos.reset()
    void task.run()
  }

  return (
    <View className='staff-page'>
      <TaskCard task={t} />
      {t.checklist.length > 0 && (
        <View className='card staff-card'>
          <Text className='staff-card__title'>检查项</Text>
          {t.checklist.map((c, i) => (
            <Text key={c} className='staff-checklist__item'>
              {i + 1}. {c}
            </Text>
          ))}
        </View>
      )}
      {t.status === 'done' ? (
        <View className='card staff-card'>
          <Text className='staff-card__title'>巡查情况</Text>
          <Text className='staff-card__text'>{t.doneNote ?? '—'}</Text>
          {t.doneAt && <Text className='staff-location'>完成于 {formatShanghai(t.doneAt, false)}</Text>}
        </View>
      ) : (
        <View className='card staff-card'>
          <Text className='staff-card__title'>完成巡查</Text>
          <Text className='staff-link' onClick={() => void Taro.navigateTo({ url: `${PAGES.staffSnap}?taskId=${t.id}&communityId=${t.communityId}` })}>
            + 发现问题？随手拍上报
          </Text>
          <FormField label='巡查情况' required>
            <View className='form-field__textarea'>
              <Textarea className='form-field__textarea-inner' value={note} maxlength={1000} placeholder='如：消防通道畅通，3栋电梯间照明正常' onInput={(e) => setNote(e.detail.value)} />
            </View>
          </FormField>
          <PhotoPicker draft={photos} label='现场照片' required hint='请在现场拍摄（仅能使用相机），将记录拍摄位置' />
          <Problems items={problems} />
          <View className='form-submit'>
            <Button type='primary' block loading={busy} disabled={photos.uploading} onClick={() => void complete()}>
              提交巡查结果
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

export default function StaffPatrolPage() {
  return (
    <RoleGate areaKey='staff'>
      <Patrol />
    </RoleGate>
  )
}
