// 证书核验 for enterprise certificates (资质证书、备案证明、经纪人备案证明): the QR code printed on them
// opens `verify/index?type=certificate&no=<证书编号>`. Shows, large, whether the registry holds the
// number as valid now (已注销 / 已失效 / 已变更换发 otherwise, with the reason), then the public facts
// to compare with the paper. Broker names arrive masked.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { CertificateVerifyResponse } from '@hq/common'
import StateView from '../../../../components/StateView'
import { verifyCertificate } from '../../../../services/public'
import type { Failure } from '../../../../services/transport'
import InfoList, { type InfoRow } from '../InfoList'
import { text } from '../../format'

const MIN_LENGTH = 4 // the API's own bounds
const MAX_LENGTH = 64

/** The headline: a revoked certificate whose reason is a cancellation says 已注销 in so many words. */
export function certificateVerdict(r: CertificateVerifyResponse): string {
  if (r.valid) return '证书有效'
  if (!r.kind) return '未查询到该证书编号'
  if (r.status === 'revoked') return /注销/.test(r.message) ? '证书已注销' : '证书已失效'
  if (r.status === 'superseded') return '证书已变更换发'
  return `证书${r.statusLabel ?? '已失效'}`
}

interface Check {
  certNo: string
  loading: boolean
  data: CertificateVerifyResponse | null
  error: Pick<Failure, 'code' | 'message'> | null
}

function Facts({ r }: { r: CertificateVerifyResponse }) {
  if (!r.kind) return null
  const broker = r.kind === 'broker_filing'
  const rows: InfoRow[] = [
    { label: '证书', value: text(r.title) },
    { label: '证书编号', value: r.certNo },
    { label: '状态', value: text(r.statusLabel) },
    { label: broker ? '经纪人' : '持证单位', value: text(r.holderName) },
  ]
  if (!broker) rows.push({ label: '统一社会信用代码', value: text(r.holderUscc) })
  if (r.agencyName && (broker || r.agencyName !== r.holderName)) rows.push({ label: '所属中介机构', value: r.agencyName })
  if (r.grade) rows.push({ label: '资质等级', value: r.grade })
  rows.push({ label: '发证日期', value: text(r.issuedOn) }, { label: '有效期至', value: r.validUntil ?? '长期' })
  return (
    <View className='card'>
      <Text className='section-title'>登记信息</Text>
      <Text className='verify__hint'>请与纸质证书逐项核对</Text>
      <InfoList rows={rows} />
    </View>
  )
}

export default function CertificateCheck({ initial }: { initial: string }) {
  const [draft, setDraft] = useState(initial)
  const [check, setCheck] = useState<Check | null>(null)
  const latest = useRef(0)

  const run = async (certNo: string) => {
    const seq = ++latest.current
    setCheck({ certNo, loading: true, data: null, error: null })
    const reply = await verifyCertificate(certNo)
    if (seq !== latest.current) return // a newer check has started
    setCheck({ certNo, loading: false, data: reply.ok ? reply.data : null, error: reply.ok ? null : { code: reply.code, message: reply.message } })
  }

  useEffect(() => {
    if (initial) void run(initial)
  }, [])

  const submit = (raw: string) => {
    const certNo = raw.replace(/\s+/g, '')
    if (certNo.length < MIN_LENGTH || certNo.length > MAX_LENGTH) {
      void Taro.showToast({ title: '请输入完整的证书编号', icon: 'none' })
      return
    }
    setDraft(certNo)
    void run(certNo)
  }

  return (
    <View className='verify'>
      {check ? (
        check.loading ? (
          <View className='card verify__pending'>
            <StateView kind='loading' title='正在核验…' />
          </View>
        ) : check.error || !check.data ? (
          <View className='card'>
            <StateView kind='error' title='暂时无法核验' description={check.error?.message} actionText='重试' onAction={() => void run(check.certNo)} />
          </View>
        ) : (
          <>
            <View className='card verify__result'>
              <View className={`verify__verdict ${check.data.valid ? 'verify__verdict--ok' : 'verify__verdict--bad'}`}>
                <View className='verify__mark'>
                  <Text>{check.data.valid ? '✓' : '✗'}</Text>
                </View>
                <Text className='verify__title'>{certificateVerdict(check.data)}</Text>
                <Text className='verify__sub'>{check.data.message}</Text>
                <Text className='verify__no'>{check.data.certNo}</Text>
              </View>
            </View>
            <Facts r={check.data} />
          </>
        )
      ) : (
        <View className='card verify__intro'>
          <Text className='verify__intro-title'>资质证书 / 备案证明 / 经纪人备案证明核验</Text>
          <Text className='verify__intro-text'>扫描证书上的二维码，或在下方输入证书编号，即可查询该证书的当前状态与登记信息。</Text>
        </View>
      )}

      <View className='card verify__entry'>
        <Text className='section-title'>{check ? '核验其他证书' : '输入证书编号'}</Text>
        <View className='verify__box'>
          <Input
            className='verify__input'
            value={draft}
            maxlength={MAX_LENGTH}
            confirmType='search'
            placeholder='如 横琴中介备字（2026）第00001号'
            placeholderClass='verify__placeholder'
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={(e) => submit(e.detail.value)}
          />
        </View>
        <View className='verify__actions'>
          <View className='verify__go' hoverClass='verify__go--pressed' onClick={() => submit(draft)}>
            <Text>核验</Text>
          </View>
        </View>
      </View>

      <Text className='verify__note'>
        本页显示的是登记系统中该证书的当前状态：证书一经注销、解除执业或变更换发，即显示为无效。如有疑问，请向横琴房地产行业协会或主管部门核实。
      </Text>
    </View>
  )
}
