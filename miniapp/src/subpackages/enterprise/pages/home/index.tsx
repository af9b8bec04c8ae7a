import RoleHome from '../../../../components/RoleHome'

export default function EnterpriseHome() {
  return <RoleHome areaKey='enterprise' />
}
