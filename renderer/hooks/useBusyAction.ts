import { useState } from 'react';
import type { KalmError } from '../../shared/domain/errors';
import { toKalmError } from '../transport/errors';

/**
 * One action at a time on a card (connect, sync, …): which one runs, the
 * error of the last one, and `after` once it ends either way (e.g. reload the
 * status the action changed).
 */
export function useBusyAction<K extends string>(after: () => void) {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<KalmError | null>(null);
  const run = async (what: K, fn: () => Promise<unknown>): Promise<void> => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      setBusy(null);
      after();
    }
  };
  return { busy, error, clearError: () => setError(null), run };
}
