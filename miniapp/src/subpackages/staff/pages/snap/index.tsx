// 随手拍 (PM-079/130): staff on site report an issue — the community, what kind, what is wrong, and
// photos taken there and then (camera only; the server records its own time and the hash). The
// phone's location goes with it where the person allows; refusing does not stop the report.
import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { PATROL_CATEGORIES, ticketCreate } from '@hq/common'
import FormField, { Choice, Problems } from '../../../../components/FormField'
import PhotoPicker, { usePhotoDraft } from '../../../../components/PhotoPicker'
import RoleGate from '../../../../components/RoleGate'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { PAGES } from '../../../../services/nav'
import { createTicket, currentLocation, listCommunities, newRequestId } from '../../../../services/property'
import '../../staff.css'

function Snap() {
  const params = useRouter().params
  const taskId = Number(params.taskId) || undefined
  const fixedCommunity = Number(params.communityId) || undefined
  const communities = useRequest(() => listCommunities(), { manual: !!fixedCommunity })
  const [communityId, setCommunityId] = useState<number | undefined>(fixedCommunity)
  const [category, setCategory] = useState('')
  const [placeText, setPlaceText] = useState('')
  const [description, setDescription] = useState('')
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [located, setLocated] = useState<'unknown' | 'yes' | 'no'>('unknown')
  const photos = usePhotoDraft('camera', { withLocation: true })
  const requestId = useRef(newRequestId())
  const sending = useRef(false)

  if (!fixedCommunity) {
    if (communities.loading) return <StateView kind='loading' />
    if (communities.error) return <StateView kind='error' title='无法获取小区' description={communities.error.message} actionText='重试' onAction={() => void communities.run()} />
    if (!communities.data?.items.length) return <StateView kind='empty' title='暂无可巡查的小区' description='您所在的物业服务企业尚未关联小区' />
  }
  const options = communities.data?.items ?? []
  const chosen = communityId ?? (options.length === 1 ? options[0].id : undefined)

  const submit = async () => {
    if (sending.current) return
    const lacking: string[] = []
    if (photos.uploading) lacking.push('照片正在上传，请稍候')
    if (photos.failed) lacking.push('有照片上传失败，请点击重试或删除')
    const refs = photos.refs()
    if (!refs.length) lacking.push('请在现场拍摄至少1张照片')
    sending.current = true
    const where = photos.photos.find((p) => p.lng !== undefined) ?? (await currentLocation(5000).then((l) => (l ? { lng: l.lng, lat: l.lat } : null)))
    setLocated(where ? 'yes' : 'no')
    const parsed = ticketCreate.safeParse({
      kind: 'patrol', communityId: chosen ?? 0, place: 'common', placeText: placeText.trim() || undefined, category, description,
      patrolTaskId: taskId, photos: refs, clientRequestId: requestId.current,
      ...(where && where.lng !== undefined && where.lat !== undefined ? { lng: where.lng, lat: where.lat } : {}),
    })
    if (!parsed.success) {
      lacking.push(...parsed.error.issues.map((i) => (i.path[0] === 'category' ? '请选择问题类别' : i.path[0] === 'communityId' ? '请选择小区' : i.message)))
    }
    if (lacking.length || !parsed.success) {
      sending.current = false
      setProblems([...new Set(lacking)])
      return
    }
    setBusy(true)
    setProblems([])
    const reply = await createTicket(parsed.data)
    sending.current = false
    setBusy(false)
    if (!reply.ok) {
      setProblems(reply.details?.length ? reply.details.map((d) => d.message) : [reply.message])
      return
    }
    requestId.current = newRequestId()
    void Taro.showToast({ title: '已上报', icon: 'success' })
    void Taro.redirectTo({ url: `${PAGES.staffTicket}?id=${reply.data.id}` })
  }

  return (
    <View className='staff-page'>
      <View className='card staff-card staff-snap'>
        <Text className='staff-card__title'>{taskId ? '巡查发现问题' : '随手拍'}</Text>
        {!fixedCommunity && (
          <FormField label='小区' required>
            <Choice options={options.map((c) => ({ key: String(c.id), label: c.name }))} value={chosen ? String(chosen) : ''} onChange={(v) => setCommunityId(Number(v))} />
          </FormField>
        )}
        <FormField label='问题类别' required>
          <Choice options={PATROL_CATEGORIES.map((c) => ({ key: c.key, label: c.label }))} value={category} onChange={setCategory} />
        </FormField>
        <FormField label='具体位置（选填）'>
          <Input className='form-field__input' value={placeText} maxlength={100} placeholder='如：5栋一楼消防通道' onInput={(e) => setPlaceText(e.detail.value)} />
        </FormField>
        <FormField label='问题描述' required hint='至少5个字'>
          <View className='form-field__textarea'>
            <Textarea className='form-field__textarea-inner' value={description} maxlength={1000} placeholder='如：消防通道堆放杂物，影响通行' onInput={(e) => setDescription(e.detail.value)} />
          </View>
        </FormField>
        <PhotoPicker draft={photos} label='现场照片' required hint='仅能使用相机现场拍摄' />
        {located === 'no' && <Text className='staff-location'>未获取到位置（未授权或不可用），照片将不带位置上报</Text>}
        <Problems items={problems} />
        <View className='form-submit'>
          <Button type='primary' block loading={busy} disabled={photos.uploading} onClick={() => void submit()}>
            上报问题
          </Button>
        </View>
      </View>
    </View>
  )
}

export default function StaffSnapPage() {
  return (
    <RoleGate areaKey='staff'>
      <Snap />
    </RoleGate>
  )
}
