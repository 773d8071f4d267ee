import { useCallback, useContext, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput, EventName } from '../../shared/contract';
import type { KalmError } from '../../shared/domain/errors';
import { useApi } from '../api-context';
import { toKalmError } from '../transport/errors';
import { CallCacheContext } from './call-cache';

export type CallState<N extends CallName> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'error'; data: null; error: KalmError }
  | { status: 'ready'; data: CallOutput<N>; error: null };

interface Settled<N extends CallName> {
  key: string;
  version: number;
  state: CallState<N>;
}

/**
 * Runs one read-only call and keeps its result; re-runs when the input changes,
 * on `reload()`, and on the given event. While a reload runs the previous
 * data stays on screen (no flicker); after an error the retry shows as loading.
 */
export function useCall<N extends CallName>(
  name: N,
  input: CallInput<N>,
  refreshOn?: EventName,
): CallState<N> & { reload: () => void } {
  const api = useApi();
  const key = `${name} ${JSON.stringify(input)}`;
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<N> | null>(null);
  // Below a CallCacheContext provider, a call that refreshes on an event is answered from the cache until that event.
  const cache = useContext(CallCacheContext);
  // The entry for `key` holds the result of this very call (the key names the call and its input).
  const cached = cache !== null && refreshOn !== undefined && version === 0 ? (cache.read(key) as { data: CallOutput<N> } | undefined) : undefined;
  const fromCache = cached !== undefined;
  // Kept as this component's own result, so a later refresh keeps it on screen while it runs.
  if (cached !== undefined && (settled === null || settled.key !== key)) setSettled({ key, version, state: { status: 'ready', data: cached.data, error: null } });

  useEffect(() => {
    if (fromCache) return undefined;
    let live = true;
    const parsedInput = JSON.parse(key.slice(name.length + 1)) as CallInput<N>;
    const token = cache !== null && refreshOn !== undefined ? cache.begin(refreshOn) : 0;
    api.call(name, parsedInput).then(
      (data) => {
        if (cache !== null && refreshOn !== undefined) cache.write(key, refreshOn, token, data);
        if (live) setSettled({ key, version, state: { status: 'ready', data, error: null } });
      },
      (err: unknown) => live && setSettled({ key, version, state: { status: 'error', data: null, error: toKalmError(err) } }),
    );
    return () => {
      live = false;
    };
  }, [api, name, key, version, cache, refreshOn, fromCache]);

  useEffect(() => {
    if (!refreshOn) return undefined;
    return api.on(refreshOn, () => setVersion((v) => v + 1));
  }, [api, refreshOn]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // A retry after an error shows "loading" again; a refresh of good data keeps it on screen.
  const current = settled !== null && settled.key === key && (settled.version === version || settled.state.status === 'ready');
  const state: CallState<N> = current
    ? settled.state
    : cached !== undefined
      ? { status: 'ready', data: cached.data, error: null }
      : { status: 'loading', data: null, error: null };
  return { ...state, reload };
}
