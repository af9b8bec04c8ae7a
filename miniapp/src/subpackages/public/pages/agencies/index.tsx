import { useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '../../../../components/StateView'
import { usePagedList } from '../../../../hooks/usePagedList'
import { openPublic } from '../../../../services/nav'
import { searchAgencies } from '../../../../services/public'
import ListFooter from '../../components/ListFooter'
import SearchBar from '../../components/SearchBar'
import { text } from '../../format'
import './index.css'

/** 备案中介查询: find an agency by name and see whether it is registered in the zone. */
export default function Agencies() {
  const [keyword, setKeyword] = useState('')
  const list = usePagedList(keyword, (page) => searchAgencies(keyword, page))
  useReachBottom(list.loadMore)

  let body
  if (list.loading) body = <StateView kind='loading' title='正在查询…' />
  else if (list.error) body = <StateView kind='error' title='查询失败' description={list.error.message} actionText='重试' onAction={list.reload} />
  else if (list.items.length === 0)
    body = <StateView kind='empty' title='没有找到该中介机构' description='未找到的机构可能尚未在合作区备案，请谨慎交易' />
  else
    body = (
      <>
        {list.items.map((a) => (
          <View key={a.id} className='agencies__item' hoverClass='agencies__item--pressed' onClick={() => openPublic('agency', { id: a.id })}>
            <View className='agencies__head'>
              <Text className='agencies__name'>{a.name}</Text>
              <Text className={`agencies__tag${a.registered ? '' : ' agencies__tag--off'}`}>{a.registered ? '已备案' : '未备案'}</Text>
            </View>
            <Text className='agencies__line'>统一社会信用代码：{text(a.uscc)}</Text>
            <Text className='agencies__line'>
              {text(a.address)} · 备案经纪人 {a.brokerCount} 人
            </Text>
          </View>
        ))}
        <ListFooter list={list} />
      </>
    )

  return (
    <View className='agencies'>
      <SearchBar value={keyword} placeholder='输入中介机构名称' onSearch={setKeyword} />
      <Text className='agencies__intro'>请选择在横琴粤澳深度合作区备案的房地产经纪机构办理二手房交易。</Text>
      {body}
    </View>
  )
}
