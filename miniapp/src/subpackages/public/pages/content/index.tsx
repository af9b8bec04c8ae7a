import Taro from '@tarojs/taro'
import { CONTENT_CHANNEL_LABELS } from '@hq/common'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { fetchContent } from '../../../../services/public'
import { failure } from '../../../../services/transport'
import ContentArticle from '../../components/ContentArticle'
import { useIdParam } from '../../params'

export default function ContentPage() {
  const id = useIdParam()
  const content = useRequest(async () => {
    if (!id) return failure('BAD_LINK', '链接缺少内容编号')
    const reply = await fetchContent(id)
    if (reply.ok) void Taro.setNavigationBarTitle({ title: CONTENT_CHANNEL_LABELS[reply.data.channel] })
    return reply
  })
  if (content.loading) return <StateView kind='loading' />
  if (content.error || !content.data)
    return <StateView kind='error' title='无法打开该内容' description={content.error?.message} actionText='重试' onAction={() => void content.run()} />
  return <ContentArticle c={content.data} />
}
