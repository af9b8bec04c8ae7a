import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { PHOTO_STAGES, PHOTO_STAGE_LABELS, formatShanghai, type TicketDetail } from '@hq/common'
import { photoSource } from '../../services/property'
import './index.css'

type Photo = TicketDetail['photos'][number]

/** Loads each photo with the person's token (see photoSource) and shows it once it is here. */
function useSources(photos: readonly Photo[], pick: (p: Photo) => string): Record<number, string | null> {
  const [src, setSrc] = useState<Record<number, string | null>>({})
  useEffect(() => {
    let live = true
    for (const p of photos) {
      void photoSource(pick(p)).then((s) => {
        if (live) setSrc((m) => ({ ...m, [p.id]: s }))
      })
    }
    return () => {
      live = false
    }
  }, [photos.map((p) => p.id).join(',')])
  return src
}

/** The ticket's photos by stage (上报照片 / 处理前 / 处理后), with the server's time; a tap opens them large. */
export default function TicketPhotos({ photos }: { photos: TicketDetail['photos'] }) {
  const thumbs = useSources(photos, (p) => p.thumbnailUrl ?? p.url)
  if (!photos.length) return null
  const preview = async (p: Photo, group: Photo[]) => {
    const urls = await Promise.all(group.map((x) => photoSource(x.url)))
    const ok = urls.filter((u): u is string => !!u)
    const current = await photoSource(p.url)
    if (current) void Taro.previewImage({ urls: ok, current })
    else void Taro.showToast({ title: '照片加载失败', icon: 'none' })
  }
  return (
    <View className='ticket-photos'>
      {PHOTO_STAGES.map((stage) => {
        const group = photos.filter((p) => p.stage === stage)
        if (!group.length) return null
        return (
          <View key={stage} className={`ticket-photos__group ticket-photos__group--${stage}`}>
            <Text className='ticket-photos__stage'>
              {PHOTO_STAGE_LABELS[stage]}（{group.length}张）
            </Text>
            <View className='ticket-photos__grid'>
              {group.map((p) => (
                <View key={p.id} className='ticket-photos__tile' onClick={() => void preview(p, group)}>
                  {thumbs[p.id] ? (
                    <Image className='ticket-photos__img' src={thumbs[p.id]!} mode='aspectFill' />
                  ) : (
                    <Text className='ticket-photos__wait'>{thumbs[p.id] === null ? '加载失败' : '加载中'}</Text>
                  )}
                  <Text className='ticket-photos__time'>
                    {formatShanghai(p.takenAt, false).slice(5)}
                    {p.fromCamera ? ' 现场拍摄' : ''}
                  </Text>
                </View>
              ))}
            </View>
          </View>
        )
      })}
    </View>
  )
}
