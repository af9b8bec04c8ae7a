// Photos for a report or a step of the work: chosen (owners: camera or album; staff on site:
// camera only), uploaded at once one by one, each with its own state; a failed upload is retried
// from the same local file, and the API keeps one file per person and content, so a retry never
// makes a second copy. `refs()` gives what the API wants, each file once.
import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MAX_PHOTOS_PER_STEP, type TicketCreateInput } from '@hq/common'
import { currentLocation, uploadPhoto } from '../../services/property'
import type { LocalFile } from '../../services/transport'
import './index.css'

export type PhotoSource = 'camera' | 'any'

export interface DraftPhoto {
  key: string
  /** What <Image> shows: the temp path (WeChat) or a blob: URL (H5). */
  preview: string
  file: LocalFile
  fromCamera: boolean
  status: 'uploading' | 'done' | 'failed'
  fileId?: string
  error?: string
  lng?: number
  lat?: number
}

export type PhotoRefs = TicketCreateInput['photos']

export interface PhotoDraft {
  photos: DraftPhoto[]
  source: PhotoSource
  max: number
  /** Take or choose photos and upload them. */
  add: () => Promise<void>
  retry: (key: string) => Promise<void>
  remove: (key: string) => void
  /** Forget everything (after a successful submission). */
  reset: () => void
  uploading: boolean
  failed: number
  done: number
  refs: () => PhotoRefs
}

let seq = 0

async function choose(source: PhotoSource, count: number): Promise<{ files: LocalFile[]; previews: string[]; fromCamera: boolean } | null> {
  let sourceType: ('camera' | 'album')[] = ['camera']
  if (source === 'any') {
    // Ask first, so the photo is known to be from the camera or the album.
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: ['拍照', '从相册选择'] })
      sourceType = [tapIndex === 0 ? 'camera' : 'album']
    } catch {
      return null
    }
  }
  try {
    const r = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType, sizeType: ['compressed'], camera: 'back' })
    // H5 adds the File itself (originalFileObj); it is posted as is.
    const picked = r.tempFiles as (Taro.chooseMedia.ChooseMedia & { originalFileObj?: File })[]
    const files = picked.map((f, i) => ({
      path: f.tempFilePath,
      name: f.originalFileObj?.name ?? `photo-${Date.now()}-${i}.jpg`,
      blob: f.originalFileObj,
    }))
    return { files, previews: picked.map((f) => f.tempFilePath), fromCamera: sourceType[0] === 'camera' }
  } catch {
    return null // closing the camera or the album is not an error
  }
}

/**
 * The photos of one draft. `withLocation` asks the phone where it is once per batch (patrol
 * photos); a refusal or a phone without location just leaves it out.
 */
export function usePhotoDraft(source: PhotoSource, opts: { max?: number; withLocation?: boolean } = {}): PhotoDraft {
  const max = opts.max ?? MAX_PHOTOS_PER_STEP
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  const list = useRef<DraftPhoto[]>([])
  list.current = photos

  const patch = useCallback((key: string, change: Partial<DraftPhoto>) => {
    setPhotos((all) => all.map((p) => (p.key === key ? { ...p, ...change } : p)))
  }, [])

  const upload = useCallback(async (p: Pick<DraftPhoto, 'key' | 'file'>) => {
    patch(p.key, { status: 'uploading', error: undefined })
    const reply = await uploadPhoto(p.file)
    if (!reply.ok) {
      patch(p.key, { status: 'failed', error: reply.message })
      return
    }
    if (reply.data.kind !== 'image') {
      patch(p.key, { status: 'failed', error: '只能上传照片' })
      return
    }
    patch(p.key, { status: 'done', fileId: reply.data.id })
  }, [patch])

  const add = useCallback(async () => {
    const room = max - list.current.length
    if (room <= 0) {
      void Taro.showToast({ title: `最多${max}张照片`, icon: 'none' })
      return
    }
    const picked = await choose(source, room)
    if (!picked || picked.files.length === 0) return
    const fresh: DraftPhoto[] = picked.files.slice(0, room).map((file, i) => ({
      key: `p${++seq}`, preview: picked.previews[i], file, fromCamera: picked.fromCamera, status: 'uploading',
    }))
    setPhotos((all) => [...all, ...fresh])
    // Where the phone is, asked alongside the upload (a permission prompt must not hold it up).
    if (opts.withLocation) {
      void currentLocation().then((where) => {
        if (where) for (const p of fresh) patch(p.key, { lng: where.lng, lat: where.lat })
      })
    }
    // One at a time: a phone on a weak network does better, and the states read in order.
    for (const p of fresh) await upload(p)
  }, [max, source, opts.withLocation, upload, patch])

  const retry = useCallback(async (key: string) => {
    const p = list.current.find((x) => x.key === key)
    if (p && p.status === 'failed') await upload(p)
  }, [upload])

  const remove = useCallback((key: string) => setPhotos((all) => all.filter((p) => p.key !== key)), [])
  const reset = useCallback(() => setPhotos([]), [])

  const refs = useCallback((): PhotoRefs => {
    const seen = new Set<string>()
    const out: PhotoRefs = []
    for (const p of list.current) {
      if (p.status !== 'done' || !p.fileId || seen.has(p.fileId)) continue
      seen.add(p.fileId)
      out.push({ fileId: p.fileId, fromCamera: p.fromCamera, ...(p.lng !== undefined && p.lat !== undefined ? { lng: p.lng, lat: p.lat } : {}) })
    }
    return out
  }, [])

  return {
    photos, source, max, add, retry, remove, reset, refs,
    uploading: photos.some((p) => p.status === 'uploading'),
    failed: photos.filter((p) => p.status === 'failed').length,
    done: photos.filter((p) => p.status === 'done').length,
  }
}

interface Props {
  draft: PhotoDraft
  label: string
  required?: boolean
  hint?: string
}

/** The tiles of a draft's photos with their upload state, and the button that adds more. */
export default function PhotoPicker({ draft, label, required, hint }: Props) {
  const { photos } = draft
  const total = photos.length
  let progress = ''
  if (total > 0) progress = draft.uploading ? `正在上传 ${draft.done}/${total}` : draft.failed ? `${draft.failed} 张上传失败，点击重试` : `已上传 ${draft.done}/${total}`
  return (
    <View className='photo-picker'>
      <View className='photo-picker__head'>
        <Text className='photo-picker__label'>
          {label}
          {required ? <Text className='photo-picker__required'> *</Text> : <Text className='photo-picker__optional'>（选填）</Text>}
        </Text>
        <Text className={`photo-picker__progress${draft.failed ? ' photo-picker__progress--bad' : ''}`}>{progress}</Text>
      </View>
      {hint && <Text className='photo-picker__hint'>{hint}</Text>}
      <View className='photo-picker__grid'>
        {photos.map((p) => (
          <View key={p.key} className={`photo-picker__tile photo-picker__tile--${p.status}`}>
            <Image className='photo-picker__img' src={p.preview} mode='aspectFill' />
            {p.status === 'uploading' && <Text className='photo-picker__state'>上传中…</Text>}
            {p.status === 'failed' && (
              <View className='photo-picker__state photo-picker__retry' onClick={() => void draft.retry(p.key)}>
                <Text>上传失败</Text>
                <Text>点击重试</Text>
              </View>
            )}
            {p.status !== 'uploading' && (
              <View className='photo-picker__remove' onClick={() => draft.remove(p.key)}>
                <Text>×</Text>
              </View>
            )}
          </View>
        ))}
        {total < draft.max && (
          <View className='photo-picker__tile photo-picker__add' hoverClass='photo-picker__add--pressed' onClick={() => void draft.add()}>
            <Text className='photo-picker__plus'>+</Text>
            <Text className='photo-picker__add-text'>{draft.source === 'camera' ? '拍照' : '拍照/相册'}</Text>
          </View>
        )}
      </View>
    </View>
  )
}
