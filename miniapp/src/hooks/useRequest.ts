// Loading / error / data for one service call. Pages call services through this and render the
// three states; the transport has already turned every failure into {code, message}.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Failure, Reply } from '../services/transport'

export interface RequestState<T> {
  data: T | null
  loading: boolean
  error: Pick<Failure, 'code' | 'message'> | null
  /** Run the call again (e.g. a 重试 button, or on page show). */
  run: () => Promise<Reply<T>>
}

export function useRequest<T>(service: () => Promise<Reply<T>>, options: { manual?: boolean } = {}): RequestState<T> {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(!options.manual)
  const [error, setError] = useState<RequestState<T>['error']>(null)
  const serviceRef = useRef(service)
  serviceRef.current = service
  const mounted = useRef(true)

  const run = useCallback(async () => {
    setLoading(true)
    setError(null)
    const reply = await serviceRef.current()
    if (mounted.current) {
      if (reply.ok) setData(reply.data)
      else setError({ code: reply.code, message: reply.message })
      setLoading(false)
    }
    return reply
  }, [])

  useEffect(() => {
    mounted.current = true
    if (!options.manual) void run()
    return () => {
      mounted.current = false
    }
  }, [])

  return { data, loading, error, run }
}
