// An infinite list over a paged service: the first page with loading/error, then more pages on
// reach-bottom or 加载更多. A new `key` (filters changed) starts again from page 1; replies to a
// superseded key are dropped so a slow old page never lands in a new list.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Failure, Reply } from '../services/transport'
import type { Page } from '../services/public'

export interface PagedList<T> {
  items: T[]
  total: number
  /** Loading the first page (the list is replaced). */
  loading: boolean
  /** Loading a further page (the list grows). */
  loadingMore: boolean
  error: Pick<Failure, 'code' | 'message'> | null
  /** A further page failed: the list stays, 加载更多 retries. */
  moreError: string | null
  hasMore: boolean
  loadMore: () => void
  reload: () => void
}

export function usePagedList<T>(key: string, fetchPage: (page: number) => Promise<Reply<Page<T>>>): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<PagedList<T>['error']>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const generation = useRef(0)
  const busy = useRef(false)

  const load = useCallback(async (next: number) => {
    const gen = next === 1 ? ++generation.current : generation.current
    busy.current = true
    if (next === 1) {
      setLoading(true)
      setError(null)
    } else {
      setLoadingMore(true)
      setMoreError(null)
    }
    const reply = await fetchRef.current(next)
    if (gen !== generation.current) return
    busy.current = false
    if (reply.ok) {
      setItems((prev) => (next === 1 ? reply.data.items : [...prev, ...reply.data.items]))
      setTotal(reply.data.total)
      setPage(next)
    } else if (next === 1) {
      setItems([])
      setTotal(0)
      setError({ code: reply.code, message: reply.message })
    } else {
      setMoreError(reply.message)
    }
    setLoading(false)
    setLoadingMore(false)
  }, [])

  useEffect(() => {
    void load(1)
  }, [key])

  const hasMore = !error && page > 0 && items.length < total
  const loadMore = useCallback(() => {
    if (!busy.current && hasMore) void load(page + 1)
  }, [hasMore, page])
  const reload = useCallback(() => void load(1), [])

  return { items, total, loading, loadingMore, error, moreError, hasMore, loadMore, reload }
}
