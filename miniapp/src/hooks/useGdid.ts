// Real-name verification (实名认证) through 广东省统一身份认证, as pages use it.
//  - useGdidStart: the action behind an 实名认证 / 统一身份认证登录 button. On H5 the browser goes to
//    the provider's page; in WeChat that would need a <web-view> page and a registered business
//    domain, so the mini-program only says where to do it.
//  - useGdidReturn: on the page the provider returns to (我的), redeem the route's `gdid_ticket` once.
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { exchangeGdidTicket, startGdid, type GdidMode, type GdidOutcome } from '../services/auth'
import { dropRouteParam } from '../services/nav'

const TICKET_PARAM = 'gdid_ticket'

export function useGdidStart(mode: GdidMode): { starting: boolean; start: () => Promise<void> } {
  const [starting, setStarting] = useState(false)
  const busy = useRef(false)

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    // Back from the provider, the browser may restore this page as it was left: busy.
    const onPageShow = (e: PageTransitionEvent) => {
      if (!e.persisted) return
      busy.current = false
      setStarting(false)
    }
    window.addEventListener('pageshow', onPageShow)
    return () => window.removeEventListener('pageshow', onPageShow)
  }, [])

  const start = useCallback(async () => {
    if (process.env.TARO_ENV !== 'h5') {
      await Taro.showModal({
        title: '实名认证',
        content: '请在H5或政务服务网完成实名认证',
        showCancel: false,
        confirmText: '知道了',
      })
      return
    }
    if (busy.current) return
    busy.current = true
    setStarting(true)
    const reply = await startGdid(mode)
    if (!reply.ok) {
      busy.current = false
      setStarting(false)
      Taro.showToast({ title: reply.message, icon: 'none' })
      return
    }
    // The app is left here; the button stays busy until the provider's page replaces it.
    window.location.href = reply.data
  }, [mode])

  return { starting, start }
}

/** Tickets already sent in this app session: a page keeps its route params for as long as it lives. */
const redeemed = new Set<string>()

function ticketFrom(params: Partial<Record<string, string>>): string {
  const raw = params[TICKET_PARAM]
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/**
 * Redeem the provider's one-time ticket if the page was opened with one: tell the person the
 * outcome and hand it to `onDone` (e.g. refresh the profile). `redeeming` is true meanwhile.
 */
export function useGdidReturn(onDone: (outcome: GdidOutcome) => void): { redeeming: boolean } {
  const ticket = ticketFrom(useRouter().params)
  const [redeeming, setRedeeming] = useState(() => ticket !== '' && !redeemed.has(ticket))
  const onDoneRef = useRef(onDone)
  onDoneRef.current = onDone

  useEffect(() => {
    if (!ticket || redeemed.has(ticket)) return
    redeemed.add(ticket)
    dropRouteParam(TICKET_PARAM)
    setRedeeming(true)
    void exchangeGdidTicket(ticket).then((reply) => {
      setRedeeming(false)
      if (!reply.ok) {
        Taro.showToast({ title: reply.message, icon: 'none', duration: 3000 })
        return
      }
      Taro.showToast({ title: '实名认证成功', icon: 'success' })
      onDoneRef.current(reply.data)
    })
  }, [ticket])

  return { redeeming }
}
