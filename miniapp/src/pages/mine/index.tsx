import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import { ROLE_LABELS, type Me } from '@hq/common'
import { areasFor } from '../../areas'
import StateView from '../../components/StateView'
import { useGdidReturn, useGdidStart } from '../../hooks/useGdid'
import { useSession } from '../../hooks/useSession'
import { logout } from '../../services/auth'
import { goLogin } from '../../services/nav'
import './index.css'

function Profile({ me }: { me: Me }) {
  return (
    <View className='card mine__profile'>
      <View className='mine__avatar'>
        <Text>{[...me.displayName][0] ?? '我'}</Text>
      </View>
      <View className='mine__who'>
        <View className='mine__name-row'>
          <Text className='mine__name'>{me.displayName}</Text>
          {me.realNameVerified ? (
            <Tag type='success' className='mine__verified'>已实名</Tag>
          ) : (
            <Tag type='default' className='mine__verified'>未实名</Tag>
          )}
        </View>
        <Text className='mine__line'>{me.phone ?? '未绑定手机号'}</Text>
        <Text className='mine__line'>{me.org ? me.org.name : '未关联单位'}</Text>
        <View className='mine__roles'>
          {me.roles.map((role) => (
            <Text key={role} className='mine__role'>
              {ROLE_LABELS[role]}
            </Text>
          ))}
        </View>
      </View>
    </View>
  )
}

/** 实名认证 for a signed-in person not yet verified: binds the provider's identity to this account. */
function RealNameEntry({ redeeming }: { redeeming: boolean }) {
  const { starting, start } = useGdidStart('bind')
  let action = '去认证'
  if (redeeming) action = '认证中…'
  else if (starting) action = '正在跳转…'
  const onTap = () => {
    if (!redeeming) void start()
  }
  return (
    <View className='card mine__realname' hoverClass='mine__area--pressed' onClick={onTap}>
      <View className='mine__area-text'>
        <Text className='mine__area-title'>实名认证（广东省统一身份认证）</Text>
        <Text className='mine__area-summary'>核验您的真实身份后，可办理需要实名的房产与物业业务</Text>
      </View>
      <Text className='mine__realname-go'>{action}</Text>
    </View>
  )
}

export default function Mine() {
  const { me, refreshing, refresh, clear } = useSession()
  // Back from 广东省统一身份认证 (started here, or on the login page): the profile has changed.
  const { redeeming } = useGdidReturn(() => void refresh())
  const [leaving, setLeaving] = useState(false)

  const confirmLogout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '确定要退出当前账号吗？',
      confirmText: '退出',
      confirmColor: '#c8453b',
    })
    if (!confirm) return
    setLeaving(true)
    await logout()
    setLeaving(false)
    clear()
    Taro.showToast({ title: '已退出登录', icon: 'none' })
  }

  if (!me) {
    if (redeeming) return <StateView kind='loading' title='正在完成实名认证…' />
    if (refreshing) return <StateView kind='loading' />
    return (
      <View className='mine'>
        <View className='mine__band' />
        <View className='card mine__guest'>
          <View className='mine__avatar mine__avatar--guest'>
            <Text>?</Text>
          </View>
          <Text className='mine__guest-title'>您尚未登录</Text>
          <Text className='mine__guest-text'>登录后可办理业主、业委会、经纪、物业及企业相关服务</Text>
          <Button type='primary' block className='mine__login' onClick={goLogin}>
            登录
          </Button>
        </View>
      </View>
    )
  }

  const areas = areasFor(me.roles)
  return (
    <View className='mine'>
      <View className='mine__band' />
      <Profile me={me} />
      {!me.realNameVerified && <RealNameEntry redeeming={redeeming} />}

      <Text className='section-title'>我的服务</Text>
      {areas.length === 0 ? (
        <View className='card'>
          <StateView kind='empty' title='暂无可办理的身份服务' description='当前账号未开通业主、经纪、物业等身份' />
        </View>
      ) : (
        <View className='card mine__areas'>
          {areas.map((area) => (
            <View
              key={area.key}
              className='mine__area'
              hoverClass='mine__area--pressed'
              onClick={() => void Taro.navigateTo({ url: area.home })}
            >
              <View className='mine__area-text'>
                <Text className='mine__area-title'>{area.title}</Text>
                <Text className='mine__area-summary'>{area.summary}</Text>
              </View>
              <Text className='mine__area-go'>›</Text>
            </View>
          ))}
        </View>
      )}

      <View className='mine__logout'>
        <Button block fill='outline' loading={leaving} disabled={leaving} onClick={() => void confirmLogout()}>
          退出登录
        </Button>
      </View>
    </View>
  )
}
