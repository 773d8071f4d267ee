import { useCallback, useEffect, useRef, useState } from 'react';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';

/** Debounce between the last keystroke and the autosave. */
export const AUTOSAVE_MS = 400;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface DraftState {
  text: string;
  /** False until the stored draft (if any) has been read. */
  loaded: boolean;
  status: SaveStatus;
  saveError: KalmError | null;
  /** Update the text and schedule an autosave. */
  setText: (text: string) => void;
  /** Save now whatever is still waiting for the debounce (e.g. on blur). */
  flush: () => void;
  /** Forget the pending autosave without saving (before the draft is queued or discarded). */
  cancelPending: () => void;
  /** Set the text and save it right away (undo of a discard). */
  restore: (text: string) => void;
  /** Set the text without saving it (after the stored draft was discarded). */
  reset: (text: string) => void;
}

/**
 * One review's reply draft: loads it from `drafts.list`, and autosaves with
 * `drafts.save` a moment after typing stops. A save still pending when the
 * editor goes away is written then, so nothing typed is lost.
 */
export function useDraft(reviewId: string): DraftState {
  const api = useApi();
  const [text, setTextState] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [saveError, setSaveError] = useState<KalmError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const touched = useRef(false);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    api.call('drafts.list', {}).then(
      ({ drafts }) => {
        const found = drafts.find((d) => d.reviewId === reviewId);
        // Never overwrite what the owner already started typing.
        if (live.current && found && !touched.current) setTextState(found.text);
        if (live.current) setLoaded(true);
      },
      () => live.current && setLoaded(true),
    );
    return () => {
      live.current = false;
    };
  }, [api, reviewId]);

  const save = useCallback(
    (value: string) => {
      setStatus('saving');
      api.call('drafts.save', { reviewId, text: value }).then(
        () => {
          if (!live.current) return;
          setStatus('saved');
          setSaveError(null);
        },
        (err: unknown) => {
          if (!live.current) return;
          setStatus('error');
          setSaveError(toKalmError(err));
        },
      );
    },
    [api, reviewId],
  );

  const clearTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(() => {
    clearTimer();
    const value = pending.current;
    pending.current = null;
    if (value !== null) save(value);
  }, [save]);

  const setText = useCallback(
    (value: string) => {
      touched.current = true;
      setTextState(value);
      pending.current = value;
      clearTimer();
      timer.current = setTimeout(flush, AUTOSAVE_MS);
    },
    [flush],
  );

  const cancelPending = useCallback(() => {
    clearTimer();
    pending.current = null;
  }, []);

  const restore = useCallback(
    (value: string) => {
      cancelPending();
      touched.current = true;
      setTextState(value);
      save(value);
    },
    [cancelPending, save],
  );

  const reset = useCallback(
    (value: string) => {
      cancelPending();
      setTextState(value);
      setStatus('idle');
      setSaveError(null);
    },
    [cancelPending],
  );

  // Write a pending save when the editor closes.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(() => () => flushRef.current(), []);

  return { text, loaded, status, saveError, setText, flush, cancelPending, restore, reset };
}
