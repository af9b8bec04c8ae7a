import { ScrollView, Text, View } from '@tarojs/components'
import './index.css'

export interface TabItem<K extends string> {
  key: K
  title: string
}

/** A row of tabs (scrolls sideways when there are many), e.g. 新建商品房 / 存量房 / 物业管理. */
export default function Tabs<K extends string>({ items, active, onChange, small }: {
  items: readonly TabItem<K>[]
  active: K
  onChange: (key: K) => void
  small?: boolean
}) {
  return (
    <ScrollView scrollX className={`tabs${small ? ' tabs--small' : ''}`} enhanced showScrollbar={false}>
      <View className='tabs__row'>
        {items.map((t) => (
          <View key={t.key} className={`tabs__tab${t.key === active ? ' tabs__tab--active' : ''}`} onClick={() => onChange(t.key)}>
            <Text>{t.title}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
