import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Search } from '@nutui/icons-react-taro'
import { PUBLIC_SERVICES } from '../../areas'
import ServiceGrid from '../../components/ServiceGrid'
import { goMine, openPublic } from '../../services/nav'
import './index.css'

export default function Index() {
  const [keyword, setKeyword] = useState('')
  // An empty search opens the whole project list: it is still the way into 楼盘查询.
  const search = () => openPublic('projects', { keyword: keyword.trim() || undefined })
  return (
    <View className='home'>
      <View className='home__hero'>
        <Text className='home__title'>横琴房产与物业服务</Text>
        <Text className='home__subtitle'>横琴粤澳深度合作区 · 房地产信息与智慧物业</Text>
        <View className='home__search'>
          <Search className='home__search-icon' color='#86909c' size={16} />
          <Input
            className='home__search-input'
            value={keyword}
            confirmType='search'
            placeholder='搜索楼盘名称、开发企业、预售证号'
            placeholderClass='home__search-placeholder'
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={search}
          />
          <View className='home__search-go' hoverClass='home__search-go--pressed' onClick={search}>
            <Text>搜索</Text>
          </View>
        </View>
      </View>

      <View className='card home__services'>
        <Text className='section-title'>公共服务</Text>
        <ServiceGrid tiles={PUBLIC_SERVICES} />
      </View>

      <View className='card home__notice' onClick={goMine}>
        <Text className='home__notice-title'>办事提示</Text>
        <Text className='home__notice-text'>
          业主、业委会成员、经纪人、物业工作人员及企业经办人，请在「我的」中登录后办理相关业务。
        </Text>
        <Text className='home__notice-link'>前往登录 ›</Text>
      </View>

      <Text className='home__footer'>横琴粤澳深度合作区 房地产与物业服务平台</Text>
    </View>
  )
}
