import { useCallback, useEffect, useRef, useState } from 'react';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';

/** Debounce between the last keystroke and the autosave. */
export const AUTOSAVE_MS = 400;
/** During continuous typing a save starts at least this often, so with the save itself a crash loses at most about a second. */
export const AUTOSAVE_MAX_WAIT_MS = 700;
/** After a failed save (disk full, read-only folder) the latest text is tried again this often. */
export const AUTOSAVE_RETRY_MS = 2_000;

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
 * `drafts.save` a moment after typing stops, and at least every second while
 * typing goes on. A save still pending when the editor goes away (blur,
 * another review, the window closing or hidden) is written then; a failed save
 * is tried again until it lands, so nothing typed is lost.
 */
export function useDraft(reviewId: string): DraftState {
  const api = useApi();
  const [text, setTextState] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [saveError, setSaveError] = useState<KalmError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  /** When the oldest unsaved keystroke was typed (for the max-wait), or null. */
  const pendingSince = useRef<number | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retrySave = useRef<(value: string) => void>(() => undefined);
  const touched = useRef(false);
  const live = useRef(true);
  /** The text on screen, and the text the store has as far as this editor knows (null until loaded). */
  const shown = useRef('');
  const stored = useRef<string | null>(null);
  /** Saves started and not yet answered. */
  const saving = useRef(0);

  useEffect(() => {
    live.current = true;
    api.call('drafts.list', {}).then(
      ({ drafts }) => {
        const found = drafts.find((d) => d.reviewId === reviewId);
        // Never overwrite what the owner already started typing.
        if (live.current && found && !touched.current) setTextState((shown.current = found.text));
        if (live.current && !touched.current) stored.current = found?.text ?? '';
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
      saving.current++;
      api.call('drafts.save', { reviewId, text: value }).then(
        () => {
          saving.current--;
          stored.current = value;
          if (!live.current) return;
          setStatus('saved');
          setSaveError(null);
        },
        (err: unknown) => {
          saving.current--;
          if (!live.current) return;
          setStatus('error');
          setSaveError(toKalmError(err));
          retrySave.current(value);
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
    pendingSince.current = null;
    if (value !== null) save(value);
  }, [save]);

  const setText = useCallback(
    (value: string) => {
      touched.current = true;
      setTextState((shown.current = value));
      pending.current = value;
      const now = Date.now();
      pendingSince.current ??= now;
      clearTimer();
      // A pause of AUTOSAVE_MS saves; so does typing on for AUTOSAVE_MAX_WAIT_MS.
      const left = AUTOSAVE_MAX_WAIT_MS - (now - pendingSince.current);
      timer.current = setTimeout(flush, Math.max(0, Math.min(AUTOSAVE_MS, left)));
    },
    [flush],
  );

  // A failed save: unless newer text is already waiting, try the failed text again a little later.
  useEffect(() => {
    retrySave.current = (value: string) => {
      if (retry.current !== null || pending.current !== null) return;
      retry.current = setTimeout(() => {
        retry.current = null;
        if (live.current && pending.current === null) save(value);
      }, AUTOSAVE_RETRY_MS);
    };
    return () => {
      if (retry.current !== null) clearTimeout(retry.current);
      retry.current = null;
    };
  }, [save]);

  const cancelPending = useCallback(() => {
    clearTimer();
    pending.current = null;
    pendingSince.current = null;
    if (retry.current !== null) clearTimeout(retry.current);
    retry.current = null;
  }, []);

  const restore = useCallback(
    (value: string) => {
      cancelPending();
      touched.current = true;
      setTextState((shown.current = value));
      save(value);
    },
    [cancelPending, save],
  );

  const reset = useCallback(
    (value: string) => {
      cancelPending();
      setTextState((shown.current = value));
      stored.current = null;
      setStatus('idle');
      setSaveError(null);
    },
    [cancelPending],
  );

  // A team workspace: the stored draft changed on another desktop (a teammate's draft taken over, or versions settled
  // for the team). The editor follows it, but only while everything on screen is saved: typing is never replaced,
  // and a teammate's different draft beside this one shows as "… also drafted a reply" instead.
  useEffect(
    () =>
      api.on('drafts.changed', (e) => {
        if (e.reviewId !== reviewId) return;
        api.call('drafts.list', {}).then(({ drafts }) => {
          const found = drafts.find((d) => d.reviewId === reviewId);
          const quiet = pending.current === null && saving.current === 0 && stored.current !== null && shown.current === stored.current;
          if (!live.current || !found || !quiet || found.text === shown.current) return;
          stored.current = found.text;
          setTextState((shown.current = found.text));
        }, () => undefined);
      }),
    [api, reviewId],
  );

  // Write a pending save when the editor closes.
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(() => () => flushRef.current(), []);
  // The window closing, reloading or going to the background: save now.
  useEffect(() => {
    const now = () => flushRef.current();
    const hidden = () => {
      if (document.visibilityState === 'hidden') flushRef.current();
    };
    window.addEventListener('pagehide', now);
    window.addEventListener('beforeunload', now);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', now);
      window.removeEventListener('beforeunload', now);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  return { text, loaded, status, saveError, setText, flush, cancelPending, restore, reset };
}
