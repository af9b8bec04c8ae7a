// A server-paged list: filters, paging, the current page and a reload. Pages pass the fetcher;
// changing the filters goes back to page 1.
import { useCallback, useEffect, useState } from 'react';
import type { Page } from '@hq/common';
import type { ApiError } from '../providers/transport';
import { asApiError } from './useSubmit';

export function usePagedList<F extends object, T>(
  fetchPage: (query: F & { page: number; pageSize: number }, signal: AbortSignal) => Promise<Page<T>>,
  initialFilters: F,
  pageSize = 20,
) {
  const [filters, setFilters] = useState<F>(initialFilters);
  const [paging, setPaging] = useState({ page: 1, pageSize });
  const [version, setVersion] = useState(0);
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    fetchPage({ ...filters, ...paging }, ctrl.signal)
      .then((page) => {
        setData(page);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(asApiError(e));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
    // fetchPage is a service function (or a closure over the page's fixed id): not a dependency.
  }, [filters, paging, version]);

  const search = useCallback((next: F) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  }, []);
  const changePage = useCallback((page: number, size: number) => setPaging({ page, pageSize: size }), []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total: number) => `共 ${total} 条`,
    onChange: changePage,
  };
  return { data, loading, error, filters, paging, search, changePage, reload, pagination };
}

/** One resource loaded by key (a project, a room…), with a reload. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    load(ctrl.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(asApiError(e));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, error, reload, setData };
}
