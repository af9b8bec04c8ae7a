import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ServiceTile } from '../../areas'
import './index.css'

function open(tile: ServiceTile) {
  if (!tile.path) {
    Taro.showToast({ title: `${tile.title}即将开放`, icon: 'none' })
    return
  }
  if (tile.tab) void Taro.switchTab({ url: tile.path })
  else void Taro.navigateTo({ url: tile.path })
}

/** A grid of service tiles; services not yet built are greyed and marked 即将开放. */
export default function ServiceGrid({ tiles }: { tiles: readonly ServiceTile[] }) {
  return (
    <View className='service-grid'>
      {tiles.map((tile) => {
        const soon = !tile.path
        return (
          <View
            key={tile.key}
            className={`service-grid__tile${soon ? ' service-grid__tile--soon' : ''}`}
            hoverClass='service-grid__tile--pressed'
            onClick={() => open(tile)}
          >
            <View className='service-grid__glyph' style={{ backgroundColor: tile.tint }}>
              <Text>{tile.glyph}</Text>
            </View>
            <Text className='service-grid__title'>{tile.title}</Text>
            {soon && <Text className='service-grid__soon'>即将开放</Text>}
          </View>
        )
      })}
    </View>
  )
}
