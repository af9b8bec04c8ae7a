import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { shanghaiDate } from '@hq/common'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { fetchContent, fetchContents } from '../../../../services/public'
import ContentArticle from '../../components/ContentArticle'
import './index.css'

function VideoItem({ id }: { id: number }) {
  const item = useRequest(() => fetchContent(id))
  if (item.loading) return <StateView kind='loading' />
  if (item.error || !item.data)
    return <StateView kind='error' title='视频加载失败' description={item.error?.message} actionText='重试' onAction={() => void item.run()} />
  return <ContentArticle c={item.data} />
}

/** 《购房陷阱知多少》: the published 购房须知 videos, the newest playing first. */
export default function VideoPage() {
  const videos = useRequest(() => fetchContents({ channel: 'guide', category: 'video' }, 1, 50))
  const [chosen, setChosen] = useState<number | null>(null)

  if (videos.loading) return <StateView kind='loading' />
  if (videos.error || !videos.data)
    return <StateView kind='error' title='加载失败' description={videos.error?.message} actionText='重试' onAction={() => void videos.run()} />
  const items = videos.data.items
  if (items.length === 0) return <StateView kind='empty' title='视频即将上线' description='《购房陷阱知多少》正在制作中，敬请期待' />
  const current = chosen ?? items[0].id
  return (
    <View className='videos'>
      <VideoItem key={current} id={current} />
      {items.length > 1 && (
        <View className='videos__more'>
          <Text className='videos__more-title'>更多视频</Text>
          {items.map((v) => (
            <View key={v.id} className={`videos__item${v.id === current ? ' videos__item--on' : ''}`} onClick={() => setChosen(v.id)}>
              <Text className='videos__item-title'>▶ {v.title}</Text>
              <Text className='videos__item-date'>{shanghaiDate(v.publishedAt)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
