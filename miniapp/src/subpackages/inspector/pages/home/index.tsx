import RoleHome from '../../../../components/RoleHome'

export default function InspectorHome() {
  return <RoleHome areaKey='inspector' />
}
