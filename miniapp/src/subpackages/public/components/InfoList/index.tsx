import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.css'

export interface InfoRow {
  label: string
  value: ReactNode
  /** Tapping the row (e.g. the developer's name opens its profile). */
  onTap?: () => void
}

/** Label/value rows of facts. */
export default function InfoList({ rows }: { rows: InfoRow[] }) {
  return (
    <View className='info-list'>
      {rows.map((row) => (
        <View key={row.label} className='info-list__row' onClick={row.onTap}>
          <Text className='info-list__label'>{row.label}</Text>
          <View className={`info-list__value${row.onTap ? ' info-list__value--link' : ''}`}>
            {typeof row.value === 'string' || typeof row.value === 'number' ? <Text>{row.value}</Text> : row.value}
            {row.onTap && <Text className='info-list__arrow'> ›</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
