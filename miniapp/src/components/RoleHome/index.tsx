import { Text, View } from '@tarojs/components'
import { areaByKey, areaRoleLabels, type AreaKey } from '../../areas'
import { useSession } from '../../hooks/useSession'
import { goLogin, goMine } from '../../services/nav'
import ServiceGrid from '../ServiceGrid'
import StateView from '../StateView'
import './index.css'

/** The home page of one role area (each lives in its own subpackage). */
export default function RoleHome({ areaKey }: { areaKey: AreaKey }) {
  const area = areaByKey(areaKey)
  const { me, refreshing } = useSession()

  if (!me) {
    return refreshing ? (
      <StateView kind='loading' />
    ) : (
      <StateView kind='empty' title='请先登录' description={`登录后可使用${area.title}`} actionText='去登录' onAction={goLogin} />
    )
  }

  if (!area.roles.some((r) => me.roles.includes(r))) {
    return (
      <StateView
        kind='empty'
        title={`您暂无「${area.title}」身份`}
        description={`该服务面向：${areaRoleLabels(area)}。如需开通，请联系所在单位或主管部门。`}
        actionText='返回我的'
        onAction={goMine}
      />
    )
  }

  const ready = area.services.filter((s) => s.path).length
  return (
    <View className='role-home'>
      <View className='role-home__banner'>
        <Text className='role-home__title'>{area.title}</Text>
        <Text className='role-home__summary'>{area.summary}</Text>
        <Text className='role-home__who'>
          {me.displayName}
          {me.org ? ` · ${me.org.name}` : ''}
        </Text>
      </View>
      <View className='role-home__card'>
        <View className='role-home__card-head'>
          <Text className='role-home__card-title'>服务事项</Text>
          <Text className='role-home__card-note'>
            {ready === 0 ? '各项服务陆续开放中' : `已开放 ${ready} 项`}
          </Text>
        </View>
        <ServiceGrid tiles={area.services} />
      </View>
    </View>
  )
}
