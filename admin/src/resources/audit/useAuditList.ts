// The audit list's state: filters, paging, the server's page, and a way to reload it.
import { useCallback, useEffect, useState } from 'react';
import type { AuditRecordDto, Page } from '@hq/common';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { auditApi, type AuditFilters } from './api';

export function useAuditList() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [version, setVersion] = useState(0);
  const [data, setData] = useState<Page<AuditRecordDto> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    auditApi
      .list({ ...filters, ...paging }, ctrl.signal)
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
  }, [filters, paging, version]);

  const search = useCallback((next: AuditFilters) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  }, []);
  const changePage = useCallback((page: number, pageSize: number) => setPaging({ page, pageSize }), []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return { data, loading, error, filters, paging, search, changePage, reload };
}
