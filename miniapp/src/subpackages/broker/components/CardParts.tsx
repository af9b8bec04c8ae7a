// The pieces the broker area's cards share: the head (title and status tag), label/value rows,
// titled notes (opinions, explanations), and the 加载更多 footer of a paged list.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import type { PagedList } from '../../../hooks/usePagedList'

/** Title on the left, a status tag (class `broker-tag--…`) on the right. */
export function CardHead({ title, tag, tagClass }: { title: string; tag: string; tagClass: string }) {
  return (
    <View className='broker-card__head'>
      <Text className='broker-card__title'>{title}</Text>
      <Text className={`broker-tag broker-tag--${tagClass}`}>{tag}</Text>
    </View>
  )
}

export function FactRows({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <>
      {rows.map(([label, value]) => (
        <View key={label} className='broker-row'>
          <Text className='broker-row__label'>{label}</Text>
          <Text className='broker-row__value'>{value}</Text>
        </View>
      ))}
    </>
  )
}

/** Titled blocks of text, those without text left out. */
export function Notes({ notes }: { notes: readonly (readonly [string, string | null | undefined])[] }) {
  return (
    <>
      {notes.map(([title, text]) =>
        text ? (
          <View key={title} className='broker-opinion'>
            <Text className='broker-opinion__title'>{title}</Text>
            <Text className='broker-opinion__text'>{text}</Text>
          </View>
        ) : null,
      )}
    </>
  )
}

/** 加载更多 (with its error to retry) while pages remain, else the end of the list. */
export function MoreFooter<T>({ list, end }: { list: PagedList<T>; end: string }) {
  return list.hasMore ? (
    <View className='agency-more' onClick={list.loadMore}>
      <Text>{list.loadingMore ? '加载中…' : list.moreError ? `${list.moreError}，点击重试` : '加载更多'}</Text>
    </View>
  ) : (
    <Text className='agency-more'>{end}</Text>
  )
}

/** 返回列表 under a form or a detail opened from a list. */
export function BackToList({ onBack }: { onBack: () => void }) {
  return (
    <Button className='broker-form__submit' type='default' block onClick={onBack}>
      返回列表
    </Button>
  )
}
