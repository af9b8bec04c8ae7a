// 信用备案 (RE-164, RE-165, RE-168, RE-169): a broker files credit information for themself, an
// agency admin for the agency or one of its brokers; the current score and grade with the records
// counted, 我的信用备案 with progress and detail, and 新增信用备案.
import { useDidShow, usePullDownRefresh, useReachBottom, stopPullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { Me } from '@hq/common'
import FormField, { Choice } from '../../../../components/FormField'
import StateView from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { goLogin, goMine } from '../../../../services/nav'
import { BackToList, MoreFooter } from '../../components/CardParts'
import { CreditEventDetail, CreditEventItem } from '../../components/CreditEventCard'
import CreditForm from '../../components/CreditForm'
import CreditScoreCard from '../../components/CreditScoreCard'
import { useCreditFiling, type CreditFiling } from '../../useCreditFiling'
import '../../broker.css'

function EventList({ c }: { c: CreditFiling }) {
  const { list } = c
  if (list.loading) return <StateView kind='loading' />
  if (list.error) return <StateView kind='error' title='无法获取信用备案' description={list.error.message} actionText='重试' onAction={list.reload} />
  if (list.items.length === 0) return <StateView kind='empty' title='暂无信用备案' description='点击「新增信用备案」报送表彰等信用信息' />
  return (
    <>
      {list.items.map((e) => (
        <CreditEventItem key={e.id} event={e} onOpen={() => void c.openEvent(e.id)} />
      ))}
      <MoreFooter list={list} end={`共 ${list.total} 条，没有更多了`} />
    </>
  )
}

function Credit({ me }: { me: Me }) {
  const c = useCreditFiling(me)
  const [adding, setAdding] = useState(false)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void c.reload()
    shown.current = true
  })
  usePullDownRefresh(() => void c.reload().finally(() => stopPullDownRefresh()))
  useReachBottom(() => c.list.loadMore())

  if (c.loading && !c.subject) return <StateView kind='loading' />
  if (c.error) return <StateView kind='error' title='无法获取信用信息' description={c.error.message} actionText='重试' onAction={() => void c.reload()} />
  if (!c.subject) {
    return <StateView kind='empty' title='暂无可备案的信用主体' description='经纪人须先完成经纪人登记；中介机构管理员须所在机构已登记。' actionText='返回我的' onAction={goMine} />
  }
  const { subject, detail } = c

  if (detail) {
    return (
      <View className='broker-page'>
        {detail.loading ? (
          <StateView kind='loading' />
        ) : detail.error || !detail.event ? (
          <StateView kind='error' title='无法获取信用备案详情' description={detail.error ?? ''} />
        ) : (
          <CreditEventDetail event={detail.event} />
        )}
        <BackToList onBack={c.closeEvent} />
      </View>
    )
  }

  return (
    <View className='broker-page'>
      {/* Always shown, so it is clear whom the score and the records are for. */}
      <View className='card credit-subjects'>
        <FormField label='信用主体'>
          <Choice
            options={c.subjects.map((s) => ({ key: `${s.kind}:${s.id}`, label: s.name }))}
            value={`${subject.kind}:${subject.id}`}
            onChange={(v) => {
              setAdding(false)
              c.setSubject(c.subjects.find((s) => `${s.kind}:${s.id}` === v) ?? null)
            }}
          />
        </FormField>
      </View>
      {c.score.view ? (
        <CreditScoreCard view={c.score.view} />
      ) : c.score.error ? (
        <StateView kind='error' title='无法获取信用分' description={c.score.error} actionText='重试' onAction={() => void c.reload()} />
      ) : (
        <StateView kind='loading' />
      )}
      {adding && c.standard ? (
        <CreditForm
          key={`${subject.kind}:${subject.id}`}
          subject={subject}
          standard={c.standard}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false)
            void c.reload()
          }}
        />
      ) : (
        <Button className='broker-form__submit' type='primary' block onClick={() => setAdding(true)}>
          新增信用备案
        </Button>
      )}
      <Text className='broker-card__title'>我的信用备案</Text>
      <EventList c={c} />
    </View>
  )
}

export default function CreditFilingPage() {
  const { me, refreshing } = useSession()
  if (!me) {
    return refreshing ? <StateView kind='loading' /> : <StateView kind='empty' title='请先登录' description='登录后可办理信用备案' actionText='去登录' onAction={goLogin} />
  }
  if (!me.roles.includes('broker') && !me.roles.includes('agency_admin')) {
    return <StateView kind='empty' title='您暂无经纪人或中介机构管理员身份' description='信用备案面向房地产经纪人和中介机构管理员，请联系所在中介机构开通。' actionText='返回我的' onAction={goMine} />
  }
  return <Credit me={me} />
}
