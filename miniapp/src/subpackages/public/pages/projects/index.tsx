import { useState } from 'react'
import { useReachBottom } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { DISTRICTS, PROJECT_STATUSES, ROOM_USE_LABELS, ROOM_USES, type ProjectStatus, type RoomUse } from '@hq/common'
import StateView from '../../../../components/StateView'
import { usePagedList } from '../../../../hooks/usePagedList'
import { searchProjects, type ProjectFilter, type ProjectSort } from '../../../../services/public'
import ListFooter from '../../components/ListFooter'
import ProjectCard from '../../components/ProjectCard'
import SearchBar from '../../components/SearchBar'
import { useParam } from '../../params'
import './index.css'

interface Option<V> {
  value: V | undefined
  label: string
}

const DISTRICT_OPTIONS: Option<string>[] = [{ value: undefined, label: '全部片区' }, ...DISTRICTS.map((d) => ({ value: d, label: d }))]
const USE_OPTIONS: Option<RoomUse>[] = [{ value: undefined, label: '全部用途' }, ...ROOM_USES.map((u) => ({ value: u, label: ROOM_USE_LABELS[u] }))]
const STATUS_OPTIONS: Option<ProjectStatus>[] = [
  { value: undefined, label: '全部状态' },
  ...(Object.keys(PROJECT_STATUSES) as ProjectStatus[]).map((s) => ({ value: s, label: PROJECT_STATUSES[s] })),
]
const SORT_OPTIONS: Option<ProjectSort>[] = [
  { value: undefined, label: '默认排序' },
  { value: 'available_desc', label: '可售最多' },
  { value: 'price_asc', label: '单价从低到高' },
  { value: 'price_desc', label: '单价从高到低' },
]

/** One filter as a native picker; the chosen option's label is what the bar shows. */
function FilterPicker<V>({ options, value, onChange }: { options: Option<V>[]; value: V | undefined; onChange: (v: V | undefined) => void }) {
  const index = Math.max(0, options.findIndex((o) => o.value === value))
  return (
    <Picker
      mode='selector'
      range={options.map((o) => o.label)}
      value={index}
      onChange={(e) => onChange(options[Number(e.detail.value)]?.value)}
      className='projects__filter'
    >
      <View className={`projects__filter-label${value !== undefined ? ' projects__filter-label--on' : ''}`}>
        <Text className='projects__filter-text'>{options[index].label}</Text>
        <Text className='projects__filter-caret'>▾</Text>
      </View>
    </Picker>
  )
}

export default function Projects() {
  const [filter, setFilter] = useState<ProjectFilter>({ keyword: useParam('keyword') || undefined })
  const list = usePagedList(JSON.stringify(filter), (page) => searchProjects(filter, page))
  useReachBottom(list.loadMore)
  const set = (patch: Partial<ProjectFilter>) => setFilter((f) => ({ ...f, ...patch }))

  let body
  if (list.loading) body = <StateView kind='loading' title='正在查询楼盘…' />
  else if (list.error) body = <StateView kind='error' title='查询失败' description={list.error.message} actionText='重试' onAction={list.reload} />
  else if (list.items.length === 0)
    body = <StateView kind='empty' title='没有符合条件的楼盘' description='换个关键字或放宽筛选条件试试' />
  else
    body = (
      <>
        <Text className='projects__total'>共 {list.total} 个楼盘</Text>
        {list.items.map((p) => (
          <ProjectCard key={p.id} project={p} />
        ))}
        <ListFooter list={list} />
      </>
    )

  return (
    <View className='projects'>
      <View className='projects__top'>
        <SearchBar value={filter.keyword ?? ''} placeholder='楼盘名称、开发企业、预售证号' onSearch={(keyword) => set({ keyword: keyword || undefined })} />
        <View className='projects__filters'>
          <FilterPicker options={DISTRICT_OPTIONS} value={filter.district} onChange={(district) => set({ district })} />
          <FilterPicker options={USE_OPTIONS} value={filter.use} onChange={(use) => set({ use })} />
          <FilterPicker options={STATUS_OPTIONS} value={filter.status} onChange={(status) => set({ status })} />
          <FilterPicker options={SORT_OPTIONS} value={filter.sort} onChange={(sort) => set({ sort })} />
        </View>
      </View>
      {body}
    </View>
  )
}
