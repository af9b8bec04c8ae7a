import { Text, View } from '@tarojs/components'
import { STATUS_COLOURS, type PublicProjectSummary } from '@hq/common'
import { openPublic } from '../../../../services/nav'
import { priceRange, PROJECT_STATUS_TONES, projectStatusLabel, text } from '../../format'
import './index.css'

/** One project in a list: marketing name, district, developer, 可售/总套数, price range and status. */
export default function ProjectCard({ project }: { project: PublicProjectSummary }) {
  const tone = PROJECT_STATUS_TONES[project.status]
  return (
    <View className='project-card' hoverClass='project-card--pressed' onClick={() => openPublic('project', { id: project.id })}>
      <View className='project-card__head'>
        <Text className='project-card__name'>{project.marketingName || project.name}</Text>
        <Text className='project-card__status' style={{ color: tone, borderColor: tone }}>
          {projectStatusLabel(project.status)}
        </Text>
      </View>
      <Text className='project-card__line'>
        {project.district} · {text(project.developerName)}
      </Text>
      <View className='project-card__foot'>
        <Text className='project-card__price'>{priceRange(project.minUnitPrice, project.maxUnitPrice)}</Text>
        <Text className='project-card__count'>
          可售 <Text className='project-card__available' style={{ color: STATUS_COLOURS.available.colour }}>{project.availableCount}</Text> / 总 {project.roomCount} 套
        </Text>
      </View>
    </View>
  )
}
