// 我要报修 / 我要投诉: the house (its community), at home or in a common area, the category (its
// deadline in working days), what is wrong, photos (camera or album) and, for repairs, when someone
// may come. One clientRequestId per draft: a double tap or a retry after a dropped reply returns
// the same ticket instead of a second one. A refused submission keeps the whole draft.
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import {
  COMPLAINT_TARGETS, COMPLAINT_TARGET_LABELS, PLACE_KINDS, PLACE_LABELS, TICKET_CATEGORIES, shanghaiDate, ticketCreate,
  type ComplaintTarget, type PlaceKind,
} from '@hq/common'
import FormField, { Choice, Problems } from '../../../../components/FormField'
import PhotoPicker, { usePhotoDraft } from '../../../../components/PhotoPicker'
import RoleGate from '../../../../components/RoleGate'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { PAGES } from '../../../../services/nav'
import { createTicket, fetchMyHouses, newRequestId, type HouseView } from '../../../../services/property'
import '../../owner.css'

type Kind = 'repair' | 'complaint'
const SLOTS = [
  { key: '不限', label: '不限' },
  { key: '上午', label: '上午' },
  { key: '下午', label: '下午' },
  { key: '晚上', label: '晚上' },
] as const
type Slot = (typeof SLOTS)[number]['key']

const houseLabel = (h: HouseView) => `${h.communityName ?? h.projectName} ${h.buildingName} ${h.roomNo}`

function ReportForm({ kind, houses }: { kind: Kind; houses: HouseView[] }) {
  const categories = TICKET_CATEGORIES[kind]
  const [roomId, setRoomId] = useState<number>(houses[0].roomId)
  const [place, setPlace] = useState<PlaceKind>(kind === 'repair' ? 'home' : 'common')
  const [placeText, setPlaceText] = useState('')
  const [category, setCategory] = useState('')
  const [description, setDescription] = useState('')
  const [target, setTarget] = useState<ComplaintTarget>('property')
  const [day, setDay] = useState('')
  const [slot, setSlot] = useState<Slot>('不限')
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const photos = usePhotoDraft('any')
  // One key per draft: the same key again returns the ticket already made.
  const requestId = useRef(newRequestId())
  const sending = useRef(false)

  const house = houses.find((h) => h.roomId === roomId) ?? houses[0]
  const submit = async () => {
    if (sending.current) return
    const lacking: string[] = []
    if (photos.uploading) lacking.push('照片正在上传，请稍候')
    if (photos.failed) lacking.push('有照片上传失败，请点击重试或删除')
    if (house.communityId == null) lacking.push('该房屋尚未纳入小区管理，暂不能在线报修，请联系物业服务企业')
    const preferredTime = kind === 'repair' && day ? `${day} ${slot}` : kind === 'repair' && slot !== '不限' ? slot : undefined
    const parsed = ticketCreate.safeParse({
      kind, communityId: house.communityId ?? 0, roomId: place === 'home' ? house.roomId : null, place,
      placeText: placeText.trim() || undefined, category, description, preferredTime,
      target: kind === 'complaint' ? target : undefined, photos: photos.refs(), clientRequestId: requestId.current,
    })
    if (!parsed.success) lacking.push(...parsed.error.issues.map((i) => (i.path[0] === 'category' ? '请选择类别' : i.message)))
    if (lacking.length || !parsed.success) {
      setProblems([...new Set(lacking)])
      return
    }
    sending.current = true
    setBusy(true)
    setProblems([])
    const reply = await createTicket(parsed.data)
    sending.current = false
    setBusy(false)
    if (!reply.ok) {
      // The draft stays as it is, with the same key: 重新提交 cannot make a second ticket.
      setProblems(reply.details?.length ? reply.details.map((d) => d.message) : [reply.message])
      return
    }
    requestId.current = newRequestId()
    void Taro.showToast({ title: '已提交', icon: 'success' })
    void Taro.redirectTo({ url: `${PAGES.ownerTicket}?id=${reply.data.id}` })
  }

  return (
    <View className='owner-page'>
      <View className='card owner-card owner-report'>
        <Text className='owner-card__title'>{kind === 'repair' ? '报修信息' : '投诉信息'}</Text>
        <FormField label='房屋' required>
          <Choice options={houses.map((h) => ({ key: String(h.roomId), label: houseLabel(h) }))} value={String(roomId)} onChange={(v) => setRoomId(Number(v))} />
        </FormField>
        {kind === 'repair' && (
          <FormField label='位置' required>
            <Choice options={PLACE_KINDS.map((k) => ({ key: k, label: PLACE_LABELS[k] }))} value={place} onChange={setPlace} />
          </FormField>
        )}
        <FormField label='具体位置（选填）'>
          <Input className='form-field__input' value={placeText} maxlength={100} placeholder={place === 'home' ? '如：厨房、主卫' : '如：3栋电梯厅、地下车库B区'} onInput={(e) => setPlaceText(e.detail.value)} />
        </FormField>
        {kind === 'complaint' && (
          <FormField label='投诉对象' required hint='向物业服务企业投诉由其办理；向主管部门投诉由物业主管部门受理'>
            <Choice options={COMPLAINT_TARGETS.map((k) => ({ key: k, label: COMPLAINT_TARGET_LABELS[k] }))} value={target} onChange={setTarget} />
          </FormField>
        )}
        <FormField label='类别' required hint={category ? `办理时限：${categories.find((c) => c.key === category)?.days ?? ''}个工作日` : undefined}>
          <Choice options={categories.map((c) => ({ key: c.key, label: c.label }))} value={category} onChange={setCategory} />
        </FormField>
        <FormField label={kind === 'repair' ? '问题描述' : '投诉内容'} required hint='至少5个字'>
          <View className='form-field__textarea'>
            <Textarea
              className='form-field__textarea-inner'
              value={description}
              maxlength={1000}
              placeholder={kind === 'repair' ? '如：厨房水槽下水管漏水，地面有积水' : '请说明事情经过、时间和诉求'}
              onInput={(e) => setDescription(e.detail.value)}
            />
          </View>
        </FormField>
        <PhotoPicker draft={photos} label='照片' hint='可拍照或从相册选择，最多9张' />
        {kind === 'repair' && (
          <FormField label='期望上门时间（选填）'>
            <Picker mode='date' value={day} start={shanghaiDate()} onChange={(e) => setDay(String(e.detail.value))}>
              <View className='form-field__picker'>
                <Text className={day ? '' : 'form-field__placeholder'}>{day || '请选择日期'}</Text>
              </View>
            </Picker>
            <View className='owner-report__slots'>
              <Choice options={SLOTS} value={slot} onChange={setSlot} />
            </View>
          </FormField>
        )}
        <Problems items={problems} />
        <View className='form-submit'>
          <Button type='primary' block loading={busy} disabled={photos.uploading} onClick={() => void submit()}>
            {problems.length ? '重新提交' : '提交'}
          </Button>
        </View>
      </View>
    </View>
  )
}

function Report() {
  const kind: Kind = useRouter().params.kind === 'complaint' ? 'complaint' : 'repair'
  const houses = useRequest(fetchMyHouses)
  if (houses.loading) return <StateView kind='loading' />
  if (houses.error) return <StateView kind='error' title='无法获取您的房屋' description={houses.error.message} actionText='重试' onAction={() => void houses.run()} />
  const verified = (houses.data ?? []).filter((h) => h.verified)
  if (!verified.length) {
    return (
      <StateView
        kind='empty'
        title='请先完成房屋认证'
        description={`认证房屋后即可在线${kind === 'repair' ? '报修' : '投诉'}`}
        actionText='去认证'
        onAction={() => void Taro.navigateTo({ url: PAGES.ownerVerify })}
      />
    )
  }
  return <ReportForm kind={kind} houses={verified} />
}

export default function OwnerReportPage() {
  const kind = useRouter().params.kind === 'complaint' ? 'complaint' : 'repair'
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: kind === 'complaint' ? '我要投诉' : '我要报修' }).catch(() => undefined)
  }, [kind])
  return (
    <RoleGate areaKey='owner'>
      <Report />
    </RoleGate>
  )
}
