// 申请材料: one row per document the business type asks for, each chosen on the phone (camera or
// album; in WeChat also a file from a chat) and uploaded at once. A failed upload keeps the chosen
// file so that document alone can be retried. Used by 经纪人备案 and 中介机构备案/变更.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ApplicationDetail, AttachmentRef } from '@hq/common'
import { uploadDocument } from '../../../services/applications'
import type { LocalFile } from '../../../services/transport'

export interface Chosen {
  fileId: string
  name: string
}

export interface DocumentSpec {
  key: string
  label: string
  required: boolean
}

export type ChosenFiles = Record<string, Chosen>

export function initialFiles(app: ApplicationDetail | null): ChosenFiles {
  const out: ChosenFiles = {}
  for (const a of app?.attachments ?? []) out[a.key] = { fileId: a.fileId, name: a.name ?? a.label }
  return out
}

export const attachmentRefs = (files: ChosenFiles): AttachmentRef[] => Object.entries(files).map(([key, f]) => ({ key, fileId: f.fileId }))

/** 请上传… for each required document not yet uploaded. */
export const lackingDocuments = (specs: readonly DocumentSpec[], files: ChosenFiles): string[] => specs.filter((a) => a.required && !files[a.key]).map((a) => `请上传${a.label}`)

/** A local file to upload: from the camera/album on every platform, or from a WeChat chat. */
async function pickFile(fromChat: boolean): Promise<LocalFile | null> {
  try {
    if (fromChat) {
      const r = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png'] })
      const f = r.tempFiles[0]
      return f ? { path: f.path, name: f.name } : null
    }
    const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    // H5 adds the File itself (originalFileObj).
    const f = r.tempFiles[0] as { path: string; originalFileObj?: File } | undefined
    return f ? { path: f.path, name: f.originalFileObj?.name, blob: f.originalFileObj } : null
  } catch {
    return null // closing the chooser is not an error
  }
}

interface Props {
  specs: readonly DocumentSpec[]
  files: ChosenFiles
  onChange: (next: (files: ChosenFiles) => ChosenFiles) => void
  /** The key being uploaded, or null; the form waits for it before saving. */
  uploading: string | null
  onUploading: (key: string | null) => void
}

export default function DocumentList({ specs, files, onChange, uploading, onUploading }: Props) {
  const [failed, setFailed] = useState<Record<string, { file: LocalFile; message: string }>>({})

  const upload = async (key: string, file: LocalFile) => {
    onUploading(key)
    const reply = await uploadDocument({ ...file, name: file.name ?? `${key}.jpg` })
    onUploading(null)
    if (!reply.ok) {
      setFailed((f) => ({ ...f, [key]: { file, message: reply.message } }))
      void Taro.showToast({ title: reply.message, icon: 'none' })
      return
    }
    setFailed(({ [key]: _gone, ...rest }) => rest)
    onChange((f) => ({ ...f, [key]: { fileId: reply.data.id, name: reply.data.name } }))
  }

  const choose = async (key: string, fromChat: boolean) => {
    if (uploading) return
    const picked = await pickFile(fromChat)
    if (picked) await upload(key, picked)
  }

  return (
    <View className='broker-docs'>
      {specs.map((a) => {
        const bad = failed[a.key]
        const status = uploading === a.key ? '正在上传…' : bad ? `上传失败：${bad.message}` : files[a.key] ? `已上传：${files[a.key].name}` : '未上传'
        return (
          <View key={a.key} className='broker-doc'>
            <View className='broker-doc__text'>
              <Text className='broker-doc__label'>
                {a.label}
                {a.required ? <Text className='broker-doc__required'> *</Text> : <Text className='broker-doc__optional'>（选填）</Text>}
              </Text>
              <Text className={`broker-doc__file${bad ? ' broker-doc__file--bad' : files[a.key] ? ' broker-doc__file--done' : ''}`}>{status}</Text>
            </View>
            <View className='broker-doc__actions'>
              {bad && (
                <View className='broker-doc__btn broker-doc__btn--retry' hoverClass='broker-doc__btn--pressed' onClick={() => void (uploading ? undefined : upload(a.key, bad.file))}>
                  <Text>重试</Text>
                </View>
              )}
              <View className='broker-doc__btn' hoverClass='broker-doc__btn--pressed' onClick={() => void choose(a.key, false)}>
                <Text>{files[a.key] ? '重新上传' : '拍照/相册'}</Text>
              </View>
              {process.env.TARO_ENV === 'weapp' && (
                <View className='broker-doc__btn' hoverClass='broker-doc__btn--pressed' onClick={() => void choose(a.key, true)}>
                  <Text>聊天文件</Text>
                </View>
              )}
            </View>
          </View>
        )
      })}
    </View>
  )
}
