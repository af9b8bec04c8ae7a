import Taro from '@tarojs/taro'
import { Text, Video, View } from '@tarojs/components'
import { CONTENT_CHANNEL_LABELS, CONTENT_SECTION_LABELS, GUIDE_CATEGORY_LABELS, shanghaiDate, type PublicContentDetail } from '@hq/common'
import { apiUrl } from '../../../../services/public'
import ContentBody from '../ContentBody'
import './index.css'

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** Attachments: images are previewed; documents open in the browser (H5) or WeChat's document viewer. */
async function openAttachment(a: PublicContentDetail['attachments'][number]) {
  const url = apiUrl(a.url)
  if (a.mime.startsWith('image/')) {
    void Taro.previewImage({ urls: [url] })
    return
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  Taro.showLoading({ title: '正在打开…' })
  try {
    const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
    if (statusCode !== 200) throw new Error(String(statusCode))
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true })
  } catch {
    Taro.showToast({ title: '附件打开失败，请稍后再试', icon: 'none' })
  } finally {
    Taro.hideLoading()
  }
}

/** A published item: title, source, the video if any, the text body and attachments. */
export default function ContentArticle({ c }: { c: PublicContentDetail }) {
  const tag = c.category ? GUIDE_CATEGORY_LABELS[c.category] : CONTENT_SECTION_LABELS[c.section]
  return (
    <View className='article'>
      <Text className='article__title'>{c.title}</Text>
      <Text className='article__meta'>{[CONTENT_CHANNEL_LABELS[c.channel], tag, c.issuer, shanghaiDate(c.publishedAt)].filter(Boolean).join(' · ')}</Text>
      {c.docNo && <Text className='article__meta'>文号：{c.docNo}</Text>}
      {c.videoUrl && <Video className='article__video' src={apiUrl(c.videoUrl)} controls showFullscreenBtn showCenterPlayBtn objectFit='contain' />}
      <ContentBody body={c.body} />
      {c.attachments.length > 0 && (
        <View className='article__attachments'>
          <Text className='article__attachments-title'>附件</Text>
          {c.attachments.map((a) => (
            <View key={a.id} className='article__attachment' onClick={() => void openAttachment(a)}>
              <Text className='article__attachment-name'>{a.name}</Text>
              <Text className='article__attachment-size'>{sizeText(a.size)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
