// Follows one import until it is done or failed, re-reading it once a second.
import { useEffect, useRef, useState } from 'react';
import type { SurveyImportDetail } from '@hq/common';
import { asApiError } from '../../components/useSubmit';
import type { ApiError } from '../../providers/transport';
import { surveyApi } from './api';

const POLL_MS = 1000;

export function useImportPoll(first: SurveyImportDetail | null, errorsPage: number, onFinished: (imp: SurveyImportDetail) => void) {
  const [imp, setImp] = useState<SurveyImportDetail | null>(first);
  const [error, setError] = useState<ApiError | null>(null);
  const id = first?.id ?? null;
  // Each import is announced as finished once, however often its error pages are re-read.
  const announced = useRef(new Set<number>());

  useEffect(() => setImp(first), [first]);

  useEffect(() => {
    if (id === null) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await surveyApi.get(id, errorsPage, ctrl.signal);
        setImp(next);
        setError(null);
        if (next.status === 'running') timer = setTimeout(tick, POLL_MS);
        else if (!announced.current.has(next.id)) {
          announced.current.add(next.id);
          onFinished(next);
        }
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setError(asApiError(e));
        timer = setTimeout(tick, POLL_MS * 3); // a network blip should not stop the progress bar for good
      }
    };
    void tick();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [id, errorsPage]);

  return { imp, error };
}
