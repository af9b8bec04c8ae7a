import { useEffect, useState } from 'react'
import Taro, { useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  CONTENT_CHANNEL_LABELS, CONTENT_CHANNELS, CONTENT_SECTION_LABELS, CONTENT_SECTIONS, GUIDE_CATEGORIES, GUIDE_CATEGORY_LABELS, shanghaiDate,
  type ContentChannel, type ContentSection, type GuideCategory,
} from '@hq/common'
import StateView from '../../../../components/StateView'
import { usePagedList } from '../../../../hooks/usePagedList'
import { openPublic } from '../../../../services/nav'
import { fetchContents } from '../../../../services/public'
import ListFooter from '../../components/ListFooter'
import SearchBar from '../../components/SearchBar'
import Tabs from '../../components/Tabs'
import { useParam } from '../../params'
import './index.css'

const ALL = 'all'
type SectionTab = ContentSection | typeof ALL
type CategoryTab = GuideCategory | typeof ALL

function channelOf(v: string): ContentChannel {
  return (CONTENT_CHANNELS as readonly string[]).includes(v) ? (v as ContentChannel) : 'policy'
}

/** 政策法规 / 通知公告 / 购房须知: tabs for 新建商品房 / 存量房 / 物业管理, and for 购房须知 its topics. */
export default function Contents() {
  const channel = channelOf(useParam('channel'))
  const initialSection = useParam('section')
  const [section, setSection] = useState<SectionTab>((CONTENT_SECTIONS as readonly string[]).includes(initialSection) ? (initialSection as ContentSection) : ALL)
  const [category, setCategory] = useState<CategoryTab>(ALL)
  const [keyword, setKeyword] = useState('')
  useEffect(() => void Taro.setNavigationBarTitle({ title: CONTENT_CHANNEL_LABELS[channel] }), [channel])

  // 购房须知 covers buying homes only: 新建商品房 and 存量房.
  const sections = CONTENT_SECTIONS.filter((s) => channel !== 'guide' || s !== 'property')
  const sectionTabs = [{ key: ALL as SectionTab, title: '全部' }, ...sections.map((s) => ({ key: s as SectionTab, title: CONTENT_SECTION_LABELS[s] }))]
  const categoryTabs = [{ key: ALL as CategoryTab, title: '全部' }, ...GUIDE_CATEGORIES.map((c) => ({ key: c as CategoryTab, title: GUIDE_CATEGORY_LABELS[c] }))]

  const filter = {
    channel,
    section: section === ALL ? undefined : section,
    category: channel === 'guide' && category !== ALL ? category : undefined,
    keyword: keyword || undefined,
  }
  const list = usePagedList(JSON.stringify(filter), (page) => fetchContents(filter, page))
  useReachBottom(list.loadMore)

  let body
  if (list.loading) body = <StateView kind='loading' />
  else if (list.error) body = <StateView kind='error' title='加载失败' description={list.error.message} actionText='重试' onAction={list.reload} />
  else if (list.items.length === 0) body = <StateView kind='empty' title={`暂无${CONTENT_CHANNEL_LABELS[channel]}`} />
  else
    body = (
      <>
        {list.items.map((c) => (
          <View key={c.id} className='contents__item' hoverClass='contents__item--pressed' onClick={() => openPublic('content', { id: c.id })}>
            <Text className='contents__title'>
              {c.hasVideo ? '▶ ' : ''}
              {c.title}
            </Text>
            {c.summary && <Text className='contents__summary'>{c.summary}</Text>}
            <Text className='contents__meta'>
              {[c.category ? GUIDE_CATEGORY_LABELS[c.category] : CONTENT_SECTION_LABELS[c.section], c.issuer, c.docNo, shanghaiDate(c.publishedAt)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </View>
        ))}
        <ListFooter list={list} />
      </>
    )

  return (
    <View className='contents'>
      <View className='contents__top'>
        <Tabs items={sectionTabs} active={section} onChange={setSection} />
        {channel === 'guide' && <Tabs small items={categoryTabs} active={category} onChange={setCategory} />}
      </View>
      <SearchBar value={keyword} placeholder={`搜索${CONTENT_CHANNEL_LABELS[channel]}标题`} onSearch={setKeyword} />
      {body}
    </View>
  )
}
