import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Search } from '@nutui/icons-react-taro'
import { PUBLIC_SERVICES } from '../../areas'
import ServiceGrid from '../../components/ServiceGrid'
import { goMine } from '../../services/nav'
import './index.css'

const SEARCH_SOON = '楼盘查询即将开放'

export default function Index() {
  return (
    <View className='home'>
      <View className='home__hero'>
        <Text className='home__title'>横琴房产与物业服务</Text>
        <Text className='home__subtitle'>横琴粤澳深度合作区 · 房地产信息与智慧物业</Text>
        {/* Search has nowhere to go until 楼盘查询 exists: shown disabled, with the reason. */}
        <View className='home__search' onClick={() => Taro.showToast({ title: SEARCH_SOON, icon: 'none' })}>
          <Search className='home__search-icon' color='#86909c' size={16} />
          <Input className='home__search-input' disabled placeholder='搜索楼盘、开发企业、中介机构' placeholderClass='home__search-placeholder' />
          <Text className='home__search-soon'>即将开放</Text>
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
