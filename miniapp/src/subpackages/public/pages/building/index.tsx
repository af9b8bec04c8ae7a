import { useState } from 'react'
import Taro from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css'
import { ROOM_FLAG_LABELS, ROOM_USE_LABELS, type RoomFlag, type TableRoom } from '@hq/common'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { fetchBuildingTable, fetchRoom } from '../../../../services/public'
import { failure } from '../../../../services/transport'
import Legend from '../../components/Legend'
import RoomDetail from '../../components/RoomDetail'
import { useIdParam } from '../../params'
import './index.css'

/** One character per restriction mark drawn on a cell (锁/封 style); the full names are in the legend note and the room detail. */
const FLAG_GLYPHS: Partial<Record<RoomFlag, string>> = {
  seized: '封',
  mortgaged: '押',
  objection: '异',
  advance_registered: '预',
  signing_locked: '锁',
  restricted_buyer: '限',
  allocated_drawn: '抽',
}
const GLYPH_NOTE = (Object.keys(FLAG_GLYPHS) as RoomFlag[]).map((f) => `${FLAG_GLYPHS[f]}=${ROOM_FLAG_LABELS[f]}`).join('  ')

/** White text on dark colours, dark text on light ones (e.g. 已备案's yellow). */
function textOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16)
  const lum = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)
  return lum > 170 ? '#1d2129' : '#ffffff'
}

function RoomCell({ room, onTap }: { room: TableRoom; onTap: (room: TableRoom) => void }) {
  const glyphs = room.flags.map((f) => FLAG_GLYPHS[f]).filter(Boolean)
  return (
    <View
      className='btable__room'
      style={{ backgroundColor: room.colour, color: textOn(room.colour) }}
      onClick={() => onTap(room)}
      data-room-no={room.roomNo}
    >
      <Text className='btable__room-no'>{room.roomNo}</Text>
      {glyphs.length > 0 && (
        <View className='btable__badges'>
          {glyphs.map((g) => (
            <Text key={g} className='btable__badge'>
              {g}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

function RoomSheet({ roomId, onClose }: { roomId: number | null; onClose: () => void }) {
  return (
    <Popup visible={roomId != null} position='bottom' round closeable onClose={onClose} title='房屋详情' destroyOnClose>
      <ScrollView scrollY className='btable__sheet'>
        {roomId != null && <RoomLoader key={roomId} roomId={roomId} />}
      </ScrollView>
    </Popup>
  )
}

function RoomLoader({ roomId }: { roomId: number }) {
  const room = useRequest(() => fetchRoom(roomId))
  if (room.loading) return <StateView kind='loading' />
  if (room.error || !room.data)
    return <StateView kind='error' title='无法获取房屋信息' description={room.error?.message} actionText='重试' onAction={() => void room.run()} />
  return <RoomDetail room={room.data} />
}

export default function BuildingPage() {
  const id = useIdParam()
  const [roomId, setRoomId] = useState<number | null>(null)
  const table = useRequest(async () => {
    if (!id) return failure('BAD_LINK', '链接缺少楼栋编号')
    const reply = await fetchBuildingTable(id)
    if (reply.ok) void Taro.setNavigationBarTitle({ title: `${reply.data.building.buildingNo} 楼盘表` })
    return reply
  })

  if (table.loading) return <StateView kind='loading' title='正在加载楼盘表…' />
  if (table.error || !table.data)
    return <StateView kind='error' title='无法打开楼盘表' description={table.error?.message} actionText='重试' onAction={() => void table.run()} />
  const { project, building, floors, counts } = table.data
  return (
    <View className='btable'>
      <View className='btable__head'>
        <Text className='btable__title'>
          {project.name} · {building.buildingNo}
        </Text>
        <Text className='btable__sub'>
          {ROOM_USE_LABELS[building.use]} · 地上 {building.floorsTotal} 层 · 可售 {building.availableCount} / 总 {building.roomCount} 套
        </Text>
      </View>
      <View className='btable__legend'>
        <Legend counts={counts} />
        <Text className='btable__note'>{GLYPH_NOTE}</Text>
      </View>

      {floors.length === 0 ? (
        <StateView kind='empty' title='该楼栋暂无公开房屋' />
      ) : (
        <View className='btable__grid'>
          <View className='btable__floors'>
            {floors.map((f) => (
              <View key={f.floor} className='btable__floor'>
                <Text>{f.floor < 0 ? `B${-f.floor}` : `${f.floor}F`}</Text>
              </View>
            ))}
          </View>
          <ScrollView scrollX className='btable__scroll'>
            <View className='btable__rows'>
              {floors.map((f) => (
                <View key={f.floor} className='btable__row'>
                  {f.rooms.map((r) => (
                    <RoomCell key={r.id} room={r} onTap={(room) => setRoomId(room.id)} />
                  ))}
                </View>
              ))}
            </View>
          </ScrollView>
        </View>
      )}
      <Text className='btable__hint'>点击房号查看面积、备案价与状态记录；房屋较多时可左右滑动</Text>
      <RoomSheet roomId={roomId} onClose={() => setRoomId(null)} />
    </View>
  )
}
