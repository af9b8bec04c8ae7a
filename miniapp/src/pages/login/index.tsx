import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import StateView from '../../components/StateView'
import { useGdidStart } from '../../hooks/useGdid'
import { useRequest } from '../../hooks/useRequest'
import { fetchDevPersonas, loginWithWechat } from '../../services/auth'
import { leaveLogin } from '../../services/nav'
import './index.css'

function useLogin() {
  // Which button is signing in: 'wechat' or a persona openid.
  const [pending, setPending] = useState<string | null>(null)
  const login = async (key: string, persona?: string) => {
    if (pending) return
    setPending(key)
    const reply = await loginWithWechat(persona)
    setPending(null)
    if (!reply.ok) {
      Taro.showToast({ title: reply.message, icon: 'none' })
      return
    }
    Taro.showToast({ title: '登录成功', icon: 'success' })
    leaveLogin()
  }
  return { pending, login }
}

/** H5 (development and demos): sign in as one of the WeChat simulator's personas. */
function DevPersonaLogin() {
  const personas = useRequest(fetchDevPersonas)
  const { pending, login } = useLogin()

  let body
  if (personas.loading) body = <StateView kind='loading' title='正在获取演示账号…' />
  else if (personas.error)
    body = <StateView kind='error' title='无法获取演示账号' description={personas.error.message} actionText='重试' onAction={() => void personas.run()} />
  else if (!personas.data || personas.data.length === 0)
    body = <StateView kind='empty' title='暂无演示账号' description='服务端未开启微信模拟器或未导入演示数据' />
  else
    body = (
      <View className='login__personas'>
        {personas.data.map((p) => (
          <Button
            key={p.openid}
            className='login__persona'
            block
            fill='outline'
            type='primary'
            loading={pending === p.openid}
            disabled={pending !== null && pending !== p.openid}
            onClick={() => void login(p.openid, p.openid)}
          >
            {p.label}
          </Button>
        ))}
      </View>
    )

  return (
    <View className='card login__card'>
      <Text className='login__heading'>开发环境登录（微信模拟器）</Text>
      <Text className='login__hint'>选择一个演示身份登录，效果等同于该微信用户授权登录。</Text>
      {body}
    </View>
  )
}

/**
 * H5: sign in with 广东省统一身份认证. The provider returns to 我的, which redeems the ticket;
 * a person it does not know yet gets a new 公众 account in their verified name.
 */
function GdidLogin() {
  const { starting, start } = useGdidStart('login')
  return (
    <View className='login__gdid'>
      <Button block fill='none' type='primary' loading={starting} disabled={starting} onClick={() => void start()}>
        使用广东省统一身份认证登录
      </Button>
      <Text className='login__gdid-hint'>经实名核验登录，无需微信账号</Text>
    </View>
  )
}

/** WeChat: one tap, the code from wx.login goes to the API. */
function WechatLogin() {
  const { pending, login } = useLogin()
  return (
    <View className='card login__card'>
      <Text className='login__heading'>微信授权登录</Text>
      <Text className='login__hint'>使用当前微信账号登录，登录后可办理与您身份相关的业务。</Text>
      <Button className='login__wechat' type='primary' block size='large' loading={pending !== null} onClick={() => void login('wechat')}>
        微信一键登录
      </Button>
    </View>
  )
}

export default function Login() {
  return (
    <View className='login'>
      <View className='login__brand'>
        <Text className='login__title'>横琴房产与物业服务</Text>
        <Text className='login__subtitle'>登录后办理业主、业委会、经纪、物业及企业服务</Text>
      </View>
      {process.env.TARO_ENV === 'h5' ? <DevPersonaLogin /> : <WechatLogin />}
      {process.env.TARO_ENV === 'h5' && <GdidLogin />}
      <Text className='login__privacy'>登录即表示您同意平台按《个人信息保护法》处理您的账号信息，手机号等个人信息仅以脱敏形式展示。</Text>
    </View>
  )
}
