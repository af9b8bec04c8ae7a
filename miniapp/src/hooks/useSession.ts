// The signed-in person as pages see it: the cached profile at once, refreshed from the server each
// time the page is shown (useDidShow), so a role granted or revoked elsewhere shows up on return.
import { useCallback, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Me } from '@hq/common'
import { fetchMe } from '../services/auth'
import { getCachedMe, isLoggedIn } from '../services/session'

export interface Session {
  me: Me | null
  /** A refresh is under way (the cached profile, if any, is still shown). */
  refreshing: boolean
  refresh: () => Promise<void>
  /** Forget the person on this page at once (after 退出登录). */
  clear: () => void
}

export function useSession(): Session {
  const [me, setMe] = useState<Me | null>(() => getCachedMe())
  const [refreshing, setRefreshing] = useState(() => isLoggedIn())
  // Only the latest refresh may set the profile: one started before a change (e.g. 实名认证
  // completed on return to the page) can answer after the one started after it.
  const latest = useRef(0)

  const refresh = useCallback(async () => {
    const call = ++latest.current
    if (!isLoggedIn()) {
      setMe(null)
      setRefreshing(false)
      return
    }
    setRefreshing(true)
    const reply = await fetchMe()
    if (call !== latest.current) return
    setRefreshing(false)
    if (reply.ok) {
      setMe(reply.data)
      return
    }
    // A rejected session has been cleared by the transport; otherwise keep what we had.
    setMe(getCachedMe())
    Taro.showToast({ title: reply.message, icon: 'none' })
  }, [])

  useDidShow(() => {
    void refresh()
  })

  const clear = useCallback(() => {
    latest.current++
    setRefreshing(false)
    setMe(null)
  }, [])

  return { me, refreshing, refresh, clear }
}
