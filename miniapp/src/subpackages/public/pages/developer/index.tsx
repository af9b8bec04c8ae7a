import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { fetchDeveloper } from '../../../../services/public'
import { failure } from '../../../../services/transport'
import InfoList from '../../components/InfoList'
import ProjectCard from '../../components/ProjectCard'
import { creditText, text } from '../../format'
import { useIdParam } from '../../params'
import './index.css'

const ORG_STATUSES: Record<string, string> = { active: '正常', suspended: '暂停', revoked: '注销', disabled: '停用' }

/** 开发企业: its registered facts and the projects it sells. */
export default function DeveloperPage() {
  const id = useIdParam()
  const dev = useRequest(async () => {
    if (!id) return failure('BAD_LINK', '链接缺少企业编号')
    const reply = await fetchDeveloper(id)
    if (reply.ok) void Taro.setNavigationBarTitle({ title: reply.data.name })
    return reply
  })
  if (dev.loading) return <StateView kind='loading' />
  if (dev.error || !dev.data)
    return <StateView kind='error' title='无法获取企业信息' description={dev.error?.message} actionText='重试' onAction={() => void dev.run()} />
  const d = dev.data
  return (
    <View className='org-page'>
      <View className='card'>
        <Text className='org-page__name'>{d.name}</Text>
        <InfoList
          rows={[
            { label: '统一社会信用代码', value: text(d.uscc) },
            { label: '法定代表人', value: text(d.legalRep) },
            { label: '地址', value: text(d.address) },
            { label: '状态', value: d.statusLabel || (ORG_STATUSES[d.status] ?? d.status) },
            ...(d.qualification ? [{ label: '资质', value: `${d.qualification.gradeLabel ?? ''}${d.qualification.title} ${d.qualification.certNo}（${d.qualification.statusLabel}）` }] : []),
            { label: '信用等级', value: creditText(d.credit) },
            { label: '房屋', value: `可售 ${d.availableCount} / 总 ${d.roomCount} 套` },
          ]}
        />
      </View>
      <Text className='org-page__section'>开发项目（{d.projects.length}）</Text>
      {d.projects.length === 0 ? (
        <StateView kind='empty' title='暂无公开项目' />
      ) : (
        d.projects.map((p) => <ProjectCard key={p.id} project={p} />)
      )}
    </View>
  )
}
