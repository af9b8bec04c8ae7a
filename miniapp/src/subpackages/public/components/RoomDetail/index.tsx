import { Text, View } from '@tarojs/components'
import {
  formatArea, formatShanghai, formatUnitPrice, formatWanYuan, OFFICE_SUBTYPES, ROOM_EVENT_SOURCES, ROOM_USE_LABELS,
  type PublicRoomDetail, type RoomEventSource,
} from '@hq/common'
import InfoList from '../InfoList'
import { metresFromCm } from '../../format'
import './index.css'

function roomUseText(room: PublicRoomDetail): string {
  const use = ROOM_USE_LABELS[room.use]
  return room.officeSubtype ? `${use}（${OFFICE_SUBTYPES[room.officeSubtype]}）` : use
}

/** Everything the public may know about one room: areas, filed prices, status with its marks, history. */
export default function RoomDetail({ room }: { room: PublicRoomDetail }) {
  const rows = [
    { label: '房号', value: `${room.building.buildingNo}${room.unit ? ` ${room.unit}` : ''} ${room.roomNo}` },
    { label: '所在楼层', value: `${room.floor} 层` },
    { label: '用途', value: roomUseText(room) },
    { label: '建筑面积', value: formatArea(room.buildArea) },
    { label: '套内面积', value: formatArea(room.innerArea) },
    { label: '分摊面积', value: formatArea(room.sharedArea) },
    { label: '层高', value: metresFromCm(room.floorHeight) },
    { label: '备案单价', value: formatUnitPrice(room.unitPrice) },
    { label: '备案总价', value: room.totalPrice == null ? '—' : formatWanYuan(room.totalPrice) },
    { label: '装修交付', value: room.fitout ? '装修交付' : '毛坯交付' },
  ]
  return (
    <View className='room-detail'>
      <View className='room-detail__status'>
        <Text className='room-detail__chip' style={{ backgroundColor: room.colour }}>
          {room.label}
        </Text>
        {room.badges.map((b) => (
          <Text key={b} className='room-detail__badge'>
            {b}
          </Text>
        ))}
      </View>
      <Text className='room-detail__where'>
        {room.project.name} · {room.project.district}
      </Text>
      <InfoList rows={rows} />
      <Text className='room-detail__title'>状态变化记录</Text>
      {room.history.length === 0 ? (
        <Text className='room-detail__none'>暂无公开记录</Text>
      ) : (
        <View className='room-detail__history'>
          {[...room.history].reverse().map((h, i) => (
            <View key={`${h.at}-${i}`} className='room-detail__event'>
              <View className='room-detail__dot' />
              <View className='room-detail__event-body'>
                <Text className='room-detail__event-text'>{h.text}</Text>
                <Text className='room-detail__event-meta'>
                  {formatShanghai(h.at, false)} · {ROOM_EVENT_SOURCES[h.source as RoomEventSource] ?? h.source}
                </Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
