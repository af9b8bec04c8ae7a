import { Text, View } from '@tarojs/components'
import { parseContentBody } from '@hq/common'
import './index.css'

/** A content body as text blocks (headings, paragraphs, lists, tables): never as HTML. */
export default function ContentBody({ body }: { body: string }) {
  const blocks = parseContentBody(body)
  return (
    <View className='content-body'>
      {blocks.map((b, i) => {
        if (b.type === 'heading')
          return (
            <Text key={i} className={`content-body__h content-body__h${b.level}`}>
              {b.text}
            </Text>
          )
        if (b.type === 'paragraph')
          return (
            <Text key={i} className='content-body__p' userSelect>
              {b.text}
            </Text>
          )
        if (b.type === 'list')
          return (
            <View key={i} className='content-body__list'>
              {b.items.map((item, j) => (
                <View key={j} className='content-body__li'>
                  <Text className='content-body__mark'>{b.ordered ? `${j + 1}.` : '•'}</Text>
                  <Text className='content-body__li-text'>{item}</Text>
                </View>
              ))}
            </View>
          )
        return (
          <View key={i} className='content-body__table'>
            {[b.header, ...b.rows].map((row, r) => (
              <View key={r} className={`content-body__tr${r === 0 ? ' content-body__tr--head' : ''}`}>
                {row.map((cell, c) => (
                  <Text key={c} className='content-body__td'>
                    {cell}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        )
      })}
    </View>
  )
}
