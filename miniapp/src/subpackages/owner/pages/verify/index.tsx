// 房屋认证 (PM-099/150): the owner gives the 不动产权证号 of their house; the registry (through the
// API's adapter) checks it against their real name. A refusal shows the server's reason and keeps
// what was typed (also across leaving the page), so the owner corrects it and tries again.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { formatShanghai, houseVerifyRequest } from '@hq/common'
import FormField from '../../../../components/FormField'
import RoleGate from '../../../../components/RoleGate'
import { useRequest } from '../../../../hooks/useRequest'
import { PAGES } from '../../../../services/nav'
import { fetchMyVerifications, verifyHouse, type HouseView } from '../../../../services/property'
import '../../owner.css'

const DRAFT_KEY = 'hq.owner.certNo'
const EXAMPLE = '粤(2024)珠海市不动产权第0123456号'

function readDraft(): string {
  try {
    const v: unknown = Taro.getStorageSync(DRAFT_KEY)
    return typeof v === 'string' ? v : ''
  } catch {
    return ''
  }
}

function Verify() {
  const [certNo, setCertNo] = useState(readDraft)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [done, setDone] = useState<HouseView | null>(null)
  const [busy, setBusy] = useState(false)
  const history = useRequest(fetchMyVerifications)

  const change = (v: string) => {
    setCertNo(v)
    setFieldError(null)
    Taro.setStorageSync(DRAFT_KEY, v)
  }

  const submit = async () => {
    if (busy) return
    const parsed = houseVerifyRequest.safeParse({ certNo })
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? '请检查不动产权证号')
      return
    }
    setBusy(true)
    setFailure(null)
    const reply = await verifyHouse(parsed.data)
    setBusy(false)
    void history.run()
    if (!reply.ok) {
      // Keep what was typed: the owner corrects it and tries again.
      setFailure(reply.details?.[0]?.message ?? reply.message)
      return
    }
    Taro.removeStorageSync(DRAFT_KEY)
    setDone(reply.data)
    void Taro.showToast({ title: '认证成功', icon: 'success' })
  }

  if (done) {
    return (
      <View className='owner-page'>
        <View className='card owner-card'>
          <View className='owner-ok'>
            <Text className='owner-ok__title'>房屋认证成功</Text>
            <Text className='owner-card__text'>
              {[done.communityName ?? done.projectName, done.buildingName, done.roomNo].filter(Boolean).join(' ')}
            </Text>
            <Text className='owner-card__text'>您已绑定该房屋，可办理报修、投诉等业主服务。</Text>
          </View>
          <View className='owner-actions'>
            <Button className='owner-actions__btn' type='primary' onClick={() => void Taro.redirectTo({ url: PAGES.ownerHouses })}>
              查看我的房屋
            </Button>
            <Button className='owner-actions__btn' type='default' onClick={() => void Taro.redirectTo({ url: `${PAGES.ownerReport}?kind=repair` })}>
              我要报修
            </Button>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='owner-page'>
      <View className='card owner-card owner-verify'>
        <Text className='owner-card__title'>房屋认证</Text>
        <Text className='owner-card__text'>输入您名下房屋的不动产权证号，系统将向不动产登记信息核验，核验通过后绑定该房屋。</Text>
        <FormField label='不动产权证号' required hint={`格式：${EXAMPLE}`} error={fieldError}>
          <Input className='form-field__input' value={certNo} maxlength={40} placeholder={EXAMPLE} onInput={(e) => change(e.detail.value)} />
        </FormField>
        {failure && (
          <View className='owner-fail'>
            <Text className='owner-fail__title'>认证未通过</Text>
            <Text className='owner-fail__text'>{failure}</Text>
          </View>
        )}
        <View className='form-submit'>
          <Button type='primary' block loading={busy} onClick={() => void submit()}>
            {failure ? '重新认证' : '提交认证'}
          </Button>
        </View>
      </View>
      {history.data && history.data.items.length > 0 && (
        <View className='card owner-card'>
          <Text className='owner-card__title'>认证记录</Text>
          {history.data.items.map((h) => (
            <View key={h.id} className='owner-history__item'>
              <View>
                <Text className='owner-history__cert'>{h.certNo}</Text>
                <Text className='owner-member__line'>{formatShanghai(h.createdAt, false)}</Text>
              </View>
              <Text className={`owner-history__result${h.ok ? ' owner-history__result--ok' : ''}`}>{h.ok ? '已通过' : h.message}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default function OwnerVerifyPage() {
  return (
    <RoleGate areaKey='owner'>
      <Verify />
    </RoleGate>
  )
}
