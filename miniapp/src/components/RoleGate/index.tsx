import type { PropsWithChildren } from 'react'
import { areaByKey, areaRoleLabels, type AreaKey } from '../../areas'
import { useSession } from '../../hooks/useSession'
import { goLogin, goMine } from '../../services/nav'
import StateView from '../StateView'

/** A page of a role area: asks to sign in, or says the person lacks the role, before showing anything. */
export default function RoleGate({ areaKey, children }: PropsWithChildren<{ areaKey: AreaKey }>) {
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
  return <>{children}</>
}
