import RoleHome from '../../../../components/RoleHome'

export default function CommitteeHome() {
  return <RoleHome areaKey='committee' />
}
