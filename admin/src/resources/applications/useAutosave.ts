// Autosave of a draft (草稿箱) or of an application returned for supplements: changes are sent
// after a short pause, one save at a time, each against the lockVersion the last one returned.
// A 409 means someone else (another tab, a colleague) saved in between: saving stops and the
// page offers to reload, rather than overwrite their work.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationDetail } from '@hq/common';
import type { ApiError } from '../../providers/transport';
import { asApiError } from '../../components/useSubmit';
import { applicationsApi, type DraftPayload } from './api';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error';

export interface SaveState {
  status: SaveStatus;
  /** When the last save reached the server (ISO). */
  savedAt: string | null;
  error: ApiError | null;
}

export interface Autosave {
  state: SaveState;
  /** A change was made: save it after the pause. */
  schedule(): void;
  /** Save what is pending now; resolves true when everything the person typed is on the server. */
  flush(): Promise<boolean>;
}

export function useAutosave({
  id, lockVersion, collect, onSaved, enabled, delay = 800,
}: {
  id: number;
  lockVersion: number;
  /** The form and attachments as they are at the moment of sending. */
  collect: () => DraftPayload;
  onSaved: (detail: ApplicationDetail) => void;
  enabled: boolean;
  delay?: number;
}): Autosave {
  const [state, setState] = useState<SaveState>({ status: 'idle', savedAt: null, error: null });
  const lock = useRef(lockVersion);
  const dirty = useRef(false);
  const stopped = useRef(false);
  const failed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef({ collect, onSaved });
  latest.current = { collect, onSaved };

  // An action (submit, a reviewer's decision) moves the lockVersion on outside this hook.
  useEffect(() => {
    lock.current = lockVersion;
  }, [lockVersion]);

  const run = useCallback(async () => {
    while (dirty.current && !stopped.current) {
      dirty.current = false;
      failed.current = false;
      setState((s) => ({ ...s, status: 'saving', error: null }));
      try {
        const saved = await applicationsApi.save(id, latest.current.collect(), lock.current);
        lock.current = saved.lockVersion;
        latest.current.onSaved(saved);
        setState({ status: dirty.current ? 'pending' : 'saved', savedAt: new Date().toISOString(), error: null });
      } catch (e) {
        const error = asApiError(e);
        failed.current = true;
        if (error.status === 409) stopped.current = true;
        // Anything else (the network, a refused attachment) is retried with the next change or save.
        else dirty.current = true;
        setState((s) => ({ ...s, status: error.status === 409 ? 'conflict' : 'error', error }));
        return;
      }
    }
  }, [id]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(run);
    return chain.current.then(() => !dirty.current && !failed.current && !stopped.current);
  }, [run]);

  const schedule = useCallback(() => {
    if (!enabled || stopped.current) return;
    dirty.current = true;
    setState((s) => (s.status === 'saving' ? s : { ...s, status: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  }, [enabled, flush, delay]);

  // Leaving the page sends what is pending; closing the tab with unsaved changes asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current && !stopped.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (dirty.current && !stopped.current) void flush();
    };
  }, [flush]);

  return { state, schedule, flush };
}
