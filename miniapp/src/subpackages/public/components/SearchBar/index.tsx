import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Search } from '@nutui/icons-react-taro'
import './index.css'

interface Props {
  value: string
  placeholder: string
  onSearch: (keyword: string) => void
}

/** A search box with a 搜索 button; searching with the keyboard's search key does the same. */
export default function SearchBar({ value, placeholder, onSearch }: Props) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const go = () => onSearch(draft.trim())
  return (
    <View className='search-bar'>
      <View className='search-bar__box'>
        <Search color='#86909c' size={14} />
        <Input
          className='search-bar__input'
          value={draft}
          confirmType='search'
          placeholder={placeholder}
          placeholderClass='search-bar__placeholder'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={go}
        />
      </View>
      <View className='search-bar__go' hoverClass='search-bar__go--pressed' onClick={go}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
