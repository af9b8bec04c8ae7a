// 证书核验 (RE-014, RE-199): the page the QR code on a printed 商品房预售许可证 / 现房销售备案证明
// opens (`…/h5/#/subpackages/public/pages/verify/index?no=<证号>`); enterprise certificates add
// `type=certificate` (components/CertificateCheck). It shows, large, whether the
// registry holds that number as valid now, then the certificate's public facts to compare with the
// paper; another number can be typed, pasted or (in WeChat) scanned. No login.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { formatArea } from '@hq/common'
import StateView from '../../../../components/StateView'
import { openPublic } from '../../../../services/nav'
import { fetchProject, verifyPermit, type PermitVerification } from '../../../../services/public'
import type { Failure } from '../../../../services/transport'
import CertificateCheck from '../../components/CertificateCheck'
import InfoList, { type InfoRow } from '../../components/InfoList'
import { text } from '../../format'
import { useParam } from '../../params'
import './index.css'

/** What people type or paste: spaces dropped, ASCII brackets made the registry's full-width ones. */
function normalisePermitNo(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
}

/** A scanned code: the certificate's QR (an address with ?no=…) or a bare permit number. */
function permitNoFromScan(result: string): string {
  const s = result.trim()
  const m = /[?&]no=([^&#]*)/.exec(s)
  if (m) {
    try {
      return normalisePermitNo(decodeURIComponent(m[1].replace(/\+/g, ' ')))
    } catch {
      return normalisePermitNo(m[1])
    }
  }
  // Some other address is not a certificate of ours.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return ''
  return normalisePermitNo(s)
}

const MIN_LENGTH = 4 // the API's own lower bound
const MAX_LENGTH = 64

interface Check {
  permitNo: string
  loading: boolean
  data: PermitVerification | null
  error: Pick<Failure, 'code' | 'message'> | null
  /** When the registry answered (YYYY-MM-DD HH:mm), shown with the verdict. */
  at: string
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

function Verdict({ r }: { r: PermitVerification }) {
  const f = r.facts
  const title = r.valid
    ? '证书有效'
    : f
      ? `证书${/^已/.test(f.statusLabel) ? f.statusLabel : '已失效'}`
      : '未查询到该证号'
  const sub = r.valid || f ? r.message : '请谨防伪造证件'
  return (
    <View className={`verify__verdict ${r.valid ? 'verify__verdict--ok' : 'verify__verdict--bad'}`}>
      <View className='verify__mark'>
        <Text>{r.valid ? '✓' : '✗'}</Text>
      </View>
      <Text className='verify__title'>{title}</Text>
      <Text className='verify__sub'>{sub}</Text>
      <Text className='verify__no'>{r.permitNo}</Text>
    </View>
  )
}

function Facts({ r, developerId }: { r: PermitVerification; developerId: number | null }) {
  const f = r.facts
  if (!f) return null
  const rows: InfoRow[] = [
    { label: '证号', value: r.permitNo },
    { label: '类别', value: f.kindLabel },
    { label: '状态', value: f.statusLabel },
    { label: '项目', value: f.projectName, onTap: () => openPublic('project', { id: f.projectId }) },
    {
      label: '开发企业',
      value: f.developerName,
      onTap: developerId ? () => openPublic('developer', { id: developerId }) : undefined,
    },
    { label: '统一社会信用代码', value: text(f.developerUscc) },
    { label: '坐落', value: text(f.address) },
    { label: '范围（楼栋）', value: f.buildingNos.join('、') || '—' },
    { label: '用途', value: f.uses.join('、') || '—' },
    { label: '套数', value: `${f.roomCount} 套` },
    { label: '面积', value: formatArea(f.area) },
    { label: '发证日期', value: f.issuedOn },
  ]
  if (f.licenceId) rows.push({ label: '电子证照编号', value: f.licenceId })
  return (
    <View className='card'>
      <Text className='section-title'>登记信息</Text>
      <Text className='verify__hint'>请与纸质证书逐项核对</Text>
      <InfoList rows={rows} />
    </View>
  )
}

/** `type=certificate` (资质证书、备案证明、经纪人备案证明) or, by default, a permit. */
export default function VerifyPage() {
  const type = useParam('type')
  const no = useParam('no')
  return type === 'certificate' ? <CertificateCheck initial={no.replace(/\s+/g, '')} /> : <PermitCheck initialNo={no} />
}

function PermitCheck({ initialNo }: { initialNo: string }) {
  const initial = normalisePermitNo(initialNo)
  const [draft, setDraft] = useState(initial)
  const [check, setCheck] = useState<Check | null>(null)
  const [developerId, setDeveloperId] = useState<number | null>(null)
  const latest = useRef(0)

  const run = async (permitNo: string) => {
    const seq = ++latest.current
    setCheck({ permitNo, loading: true, data: null, error: null, at: '' })
    setDeveloperId(null)
    const reply = await verifyPermit(permitNo)
    if (seq !== latest.current) return // a newer check has started
    setCheck({
      permitNo,
      loading: false,
      data: reply.ok ? reply.data : null,
      error: reply.ok ? null : { code: reply.code, message: reply.message },
      at: stamp(new Date()),
    })
    // The developer's page needs its id, which the certificate facts do not carry: the project knows it.
    const facts = reply.ok ? reply.data.facts : null
    if (facts) {
      const project = await fetchProject(facts.projectId)
      if (seq === latest.current && project.ok) setDeveloperId(project.data.developerId)
    }
  }

  useEffect(() => {
    if (initial) void run(initial)
  }, [])

  const submit = (raw: string) => {
    const permitNo = normalisePermitNo(raw)
    if (permitNo.length < MIN_LENGTH || permitNo.length > MAX_LENGTH) {
      void Taro.showToast({ title: '请输入完整的证号', icon: 'none' })
      return
    }
    setDraft(permitNo)
    void run(permitNo)
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] })
      const permitNo = permitNoFromScan(res.result ?? '')
      if (!permitNo) {
        void Taro.showToast({ title: '未识别到证号，请扫描证书上的二维码', icon: 'none' })
        return
      }
      submit(permitNo)
    } catch (err) {
      // Closing the scanner is not an error worth a message.
      const msg = (err as { errMsg?: string } | null)?.errMsg ?? ''
      if (!/cancel/i.test(msg)) void Taro.showToast({ title: '扫码失败，请手动输入证号', icon: 'none' })
    }
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
            <StateView
              kind='error'
              title='暂时无法核验'
              description={check.error?.message}
              actionText='重试'
              onAction={() => void run(check.permitNo)}
            />
          </View>
        ) : (
          <>
            <View className='card verify__result'>
              <Verdict r={check.data} />
              <Text className='verify__time'>核验时间 {check.at}</Text>
            </View>
            <Facts r={check.data} developerId={developerId} />
          </>
        )
      ) : (
        <View className='card verify__intro'>
          <Text className='verify__intro-title'>商品房预售许可证 / 现房销售备案证明核验</Text>
          <Text className='verify__intro-text'>
            扫描证书上的二维码，或在下方输入证号，即可查询该证在横琴粤澳深度合作区房地产登记系统中的状态与登记信息。
          </Text>
        </View>
      )}

      <View className='card verify__entry'>
        <Text className='section-title'>{check ? '核验其他证书' : '输入证号'}</Text>
        <View className='verify__box'>
          <Input
            className='verify__input'
            value={draft}
            maxlength={MAX_LENGTH}
            confirmType='search'
            placeholder='如 横琴房预许字（2026）第00001号'
            placeholderClass='verify__placeholder'
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={(e) => submit(e.detail.value)}
          />
        </View>
        <View className='verify__actions'>
          <View className='verify__go' hoverClass='verify__go--pressed' onClick={() => submit(draft)}>
            <Text>核验</Text>
          </View>
          {process.env.TARO_ENV === 'weapp' && (
            <View className='verify__scan' hoverClass='verify__scan--pressed' onClick={() => void scan()}>
              <Text>扫一扫</Text>
            </View>
          )}
        </View>
      </View>

      <Text className='verify__note'>
        本页显示的是登记系统中该证的当前状态，而非发证时的状态：证书一经注销或变更，即显示为无效。纸质证书与本页不一致的，以本页为准；如有疑问，请向横琴粤澳深度合作区城市规划和建设局核实。
      </Text>
    </View>
  )
}
