// 我的房屋: the houses bound to this person (as owner, tenant or family member) with their
// verification state; an owner manages who else lives there — tenants until their lease ends,
// family members without end — and removes someone only after confirming.
import { useRef, useState } from 'react'
import Taro, { stopPullDownRefresh, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { formatShanghai, memberCreate, shanghaiDate } from '@hq/common'
import FormField, { Choice, Problems } from '../../../../components/FormField'
import RoleGate from '../../../../components/RoleGate'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { PAGES } from '../../../../services/nav'
import { addMember, fetchMembers, fetchMyHouses, removeMember, type HouseView, type MemberInput } from '../../../../services/property'
import '../../owner.css'

const RELATION_LABELS = { owner: '业主', tenant: '租户', family: '家庭成员' } as const
const MEMBER_RELATIONS = [
  { key: 'family', label: '家庭成员' },
  { key: 'tenant', label: '租户' },
] as const

function houseTitle(h: HouseView): string {
  return `${h.buildingName || h.projectName} ${h.roomNo}`
}

function AddMember({ roomId, onDone }: { roomId: number; onDone: () => void }) {
  const [form, setForm] = useState<MemberInput>({ name: '', phone: '', relation: 'family', validUntil: null })
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    const parsed = memberCreate.safeParse({ ...form, validUntil: form.validUntil || null })
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => i.message))
      return
    }
    if (form.relation === 'tenant' && !form.validUntil) {
      setProblems(['请选择租户的有效期（租约到期日）'])
      return
    }
    setBusy(true)
    setProblems([])
    const reply = await addMember(roomId, { ...parsed.data, validUntil: parsed.data.validUntil ?? null })
    setBusy(false)
    if (!reply.ok) {
      setProblems(reply.details?.length ? reply.details.map((d) => d.message) : [reply.message])
      return
    }
    void Taro.showToast({ title: '已添加', icon: 'success' })
    onDone()
  }
  return (
    <View className='owner-member-form'>
      <FormField label='姓名' required>
        <Input className='form-field__input' value={form.name} maxlength={30} placeholder='与身份证一致' onInput={(e) => setForm((f) => ({ ...f, name: e.detail.value }))} />
      </FormField>
      <FormField label='手机号' required hint='对方用该手机号登录后即可使用'>
        <Input className='form-field__input' type='number' value={form.phone} maxlength={11} placeholder='11位手机号' onInput={(e) => setForm((f) => ({ ...f, phone: e.detail.value }))} />
      </FormField>
      <FormField label='关系' required>
        <Choice options={MEMBER_RELATIONS} value={form.relation} onChange={(relation) => setForm((f) => ({ ...f, relation }))} />
      </FormField>
      <FormField label={form.relation === 'tenant' ? '有效期至（租约到期日）' : '有效期至（选填）'} required={form.relation === 'tenant'}>
        <Picker mode='date' value={form.validUntil ?? ''} start={shanghaiDate()} onChange={(e) => setForm((f) => ({ ...f, validUntil: String(e.detail.value) }))}>
          <View className='form-field__picker'>
            <Text className={form.validUntil ? '' : 'form-field__placeholder'}>{form.validUntil ?? '请选择日期'}</Text>
          </View>
        </Picker>
      </FormField>
      <Problems items={problems} />
      <View className='form-submit'>
        <Button type='primary' block loading={busy} onClick={() => void submit()}>
          确认添加
        </Button>
      </View>
    </View>
  )
}

function Members({ house }: { house: HouseView }) {
  const members = useRequest(() => fetchMembers(house.roomId))
  const [adding, setAdding] = useState(false)
  const remove = async (id: number, name: string) => {
    const { confirm } = await Taro.showModal({
      title: '移除成员',
      content: `移除后「${name}」将不能再以该房屋身份办理业务。确定移除吗？`,
      confirmText: '移除',
      confirmColor: '#c8453b',
    })
    if (!confirm) return
    const reply = await removeMember(house.roomId, id)
    if (!reply.ok) {
      void Taro.showToast({ title: reply.message, icon: 'none' })
      return
    }
    void Taro.showToast({ title: '已移除', icon: 'success' })
    void members.run()
  }
  return (
    <View className='owner-members'>
      <View className='owner-card__head'>
        <Text className='owner-card__title'>家庭成员与租户</Text>
        {!adding && (
          <Text className='owner-link' onClick={() => setAdding(true)}>
            + 添加
          </Text>
        )}
      </View>
      {members.loading && <StateView kind='loading' />}
      {members.error && <StateView kind='error' title='成员加载失败' description={members.error.message} actionText='重试' onAction={() => void members.run()} />}
      {members.data && members.data.length === 0 && !adding && <Text className='owner-card__text'>暂无家庭成员或租户</Text>}
      {members.data?.map((m) => (
        <View key={m.id} className='owner-member'>
          <View className='owner-member__who'>
            <Text className='owner-member__name'>
              {m.name}（{RELATION_LABELS[m.relation]}）
            </Text>
            <Text className='owner-member__line'>
              {m.phone} · {m.validUntil ? `有效期至 ${m.validUntil}` : '长期有效'} · {m.bound ? '已登录使用' : '待对方登录'}
            </Text>
            <Text className='owner-member__line'>添加于 {formatShanghai(m.createdAt, false)}</Text>
          </View>
          <Text className='owner-member__remove' onClick={() => void remove(m.id, m.name)}>
            移除
          </Text>
        </View>
      ))}
      {adding && (
        <AddMember
          roomId={house.roomId}
          onDone={() => {
            setAdding(false)
            void members.run()
          }}
        />
      )}
    </View>
  )
}

function HouseCard({ house: h }: { house: HouseView }) {
  return (
    <View className='card owner-card owner-house'>
      <View className='owner-card__head'>
        <Text className='owner-card__title'>{houseTitle(h)}</Text>
        <Text className={`owner-tag${h.verified ? ' owner-tag--ok' : ''}`}>{h.verified ? '已认证' : '未认证'}</Text>
      </View>
      <View className='owner-row'>
        <Text className='owner-row__label'>小区</Text>
        <Text className='owner-row__value'>{h.communityName ?? h.projectName}</Text>
      </View>
      <View className='owner-row'>
        <Text className='owner-row__label'>身份</Text>
        <Text className='owner-row__value'>
          {RELATION_LABELS[h.relation]}
          {h.validUntil ? `（有效期至 ${h.validUntil}）` : ''}
        </Text>
      </View>
      {h.unitNumber && (
        <View className='owner-row'>
          <Text className='owner-row__label'>不动产单元号</Text>
          <Text className='owner-row__value'>{h.unitNumber}</Text>
        </View>
      )}
      <View className='owner-row'>
        <Text className='owner-row__label'>建筑面积</Text>
        <Text className='owner-row__value'>{h.buildArea} ㎡</Text>
      </View>
      {h.verifiedAt && (
        <View className='owner-row'>
          <Text className='owner-row__label'>认证时间</Text>
          <Text className='owner-row__value'>{formatShanghai(h.verifiedAt, false)}</Text>
        </View>
      )}
      {h.relation === 'owner' && h.verified && <Members house={h} />}
    </View>
  )
}

function Houses() {
  const houses = useRequest(fetchMyHouses)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void houses.run()
    shown.current = true
  })
  usePullDownRefresh(() => void houses.run().finally(() => stopPullDownRefresh()))

  if (houses.loading && !houses.data) return <StateView kind='loading' />
  if (houses.error) return <StateView kind='error' title='无法获取房屋' description={houses.error.message} actionText='重试' onAction={() => void houses.run()} />
  const list = houses.data ?? []
  const goVerify = () => void Taro.navigateTo({ url: PAGES.ownerVerify })
  if (list.length === 0) {
    return <StateView kind='empty' title='暂无已绑定的房屋' description='完成房屋认证后，即可在这里管理房屋和家庭成员' actionText='去认证' onAction={goVerify} />
  }
  return (
    <View className='owner-page'>
      {list.map((h) => (
        <HouseCard key={`${h.roomId}:${h.relation}`} house={h} />
      ))}
      <Text className='owner-link' onClick={goVerify}>
        认证其他房屋 ›
      </Text>
    </View>
  )
}

export default function OwnerHousesPage() {
  return (
    <RoleGate areaKey='owner'>
      <Houses />
    </RoleGate>
  )
}
