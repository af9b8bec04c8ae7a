import { Text, View } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css'
import './index.css'

interface Props {
  kind: 'loading' | 'empty' | 'error'
  title?: string
  description?: string
  actionText?: string
  onAction?: () => void
}

const DEFAULT_TITLES: Record<Props['kind'], string> = {
  loading: '加载中…',
  empty: '暂无内容',
  error: '加载失败',
}

/** The loading, empty and error states every list and detail page shows the same way. */
export default function StateView({ kind, title, description, actionText, onAction }: Props) {
  return (
    <View className={`state-view state-view--${kind}`}>
      {kind === 'loading' ? (
        <Loading direction='vertical'>{title ?? DEFAULT_TITLES.loading}</Loading>
      ) : (
        <>
          <View className='state-view__mark'>
            <Text>{kind === 'error' ? '!' : '∅'}</Text>
          </View>
          <Text className='state-view__title'>{title ?? DEFAULT_TITLES[kind]}</Text>
        </>
      )}
      {description && <Text className='state-view__desc'>{description}</Text>}
      {actionText && onAction && (
        <Button className='state-view__action' type='primary' fill='outline' size='small' onClick={onAction}>
          {actionText}
        </Button>
      )}
    </View>
  )
}
