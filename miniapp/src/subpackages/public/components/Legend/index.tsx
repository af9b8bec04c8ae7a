import { Text, View } from '@tarojs/components'
import { LEGEND } from '@hq/common'
import './index.css'

/** The building-table legend: the one colour list from @hq/common, with counts when given. */
export default function Legend({ counts }: { counts?: Record<string, number> }) {
  return (
    <View className='legend'>
      {LEGEND.map((entry) => (
        <View key={entry.key} className='legend__item'>
          <View className='legend__swatch' style={{ backgroundColor: entry.colour }} />
          <Text className='legend__label'>
            {entry.label}
            {counts ? ` ${counts[entry.key] ?? 0}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
