import RoleHome from '../../../../components/RoleHome'

export default function BrokerHome() {
  return <RoleHome areaKey='broker' />
}
