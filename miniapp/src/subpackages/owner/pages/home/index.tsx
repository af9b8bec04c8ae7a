import RoleHome from '../../../../components/RoleHome'

export default function OwnerHome() {
  return <RoleHome areaKey='owner' />
}
