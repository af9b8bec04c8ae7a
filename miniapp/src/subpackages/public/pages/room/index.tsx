import { View } from '@tarojs/components'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { fetchRoom } from '../../../../services/public'
import { failure } from '../../../../services/transport'
import RoomDetail from '../../components/RoomDetail'
import { useIdParam } from '../../params'

/** A room on its own page (a shared link); from the building table the same detail opens as a sheet. */
export default function RoomPage() {
  const id = useIdParam()
  const room = useRequest(() => (id ? fetchRoom(id) : Promise.resolve(failure('BAD_LINK', '链接缺少房屋编号'))))
  if (room.loading) return <StateView kind='loading' />
  if (room.error || !room.data)
    return <StateView kind='error' title='无法获取房屋信息' description={room.error?.message} actionText='重试' onAction={() => void room.run()} />
  return (
    <View className='card'>
      <RoomDetail room={room.data} />
    </View>
  )
}
