import { Text, View } from '@tarojs/components'
import type { PagedList } from '../../../../hooks/usePagedList'
import './index.css'

/** The foot of an infinite list: 加载更多 (also on reach-bottom), 加载中…, a retry, or the end. */
export default function ListFooter({ list }: { list: PagedList<unknown> }) {
  if (list.loadingMore) return <Text className='list-footer'>加载中…</Text>
  if (list.moreError)
    return (
      <View className='list-footer list-footer--action' onClick={list.loadMore}>
        <Text>{list.moreError}，点击重试</Text>
      </View>
    )
  if (list.hasMore)
    return (
      <View className='list-footer list-footer--action' onClick={list.loadMore}>
        <Text>加载更多</Text>
      </View>
    )
  return <Text className='list-footer'>没有更多了（共 {list.total} 条）</Text>
}
