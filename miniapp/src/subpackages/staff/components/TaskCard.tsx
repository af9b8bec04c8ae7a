import { Text, View } from '@tarojs/components'
import type { PatrolTaskView } from '@hq/common'

/** One patrol task: title, community, due date (late in red), checklist size and issues found. */
export default function TaskCard({ task: t, onOpen }: { task: PatrolTaskView; onOpen?: () => void }) {
  const tone = t.status === 'done' ? ' staff-tag--done' : t.overdue ? ' staff-tag--late' : ''
  return (
    <View className='card staff-task' hoverClass={onOpen ? 'staff-task--pressed' : 'none'} onClick={onOpen}>
      <View className='staff-task__head'>
        <Text className='staff-task__title'>{t.title}</Text>
        <Text className={`staff-tag${tone}`}>{t.status === 'done' ? '已完成' : t.overdue ? '已超期' : '待完成'}</Text>
      </View>
      <Text className='staff-task__line'>{[t.communityName, t.orgName].filter(Boolean).join(' · ')}</Text>
      <Text className={`staff-task__line${t.overdue && t.status !== 'done' ? ' staff-task__late' : ''}`}>
        完成期限 {t.dueDate}
        {t.assigneeName ? ` · 巡查人员：${t.assigneeName}` : ''}
      </Text>
      <Text className='staff-task__line'>
        检查项 {t.checklist.length} 项 · 发现问题 {t.issues} 个{t.openIssues ? `（未办结 ${t.openIssues}）` : ''}
      </Text>
    </View>
  )
}
