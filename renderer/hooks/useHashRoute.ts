import { useCallback, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, type Route } from '../lib/route';

const listeners = new Set<() => void>();
const notify = (): void => {
  for (const l of [...listeners]) l();
};
const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('hashchange', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
};
const getHash = (): string => window.location.hash;

export interface Navigate {
  /** Goes to the route; `replace` rewrites the current history entry (typing in search) instead of adding one. */
  (route: Route, opts?: { replace?: boolean }): void;
}

/** The route in the address bar, following back/forward and links that set `location.hash`. */
export function useHashRoute(): { route: Route; navigate: Navigate } {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  const navigate = useCallback<Navigate>((next, opts) => {
    const target = formatRoute(next);
    if (target === window.location.hash) return;
    // History API instead of `location.hash =`: the address changes at once (no async hashchange), so a second click sees the first.
    if (opts?.replace) window.history.replaceState(window.history.state, '', target);
    else window.history.pushState(null, '', target);
    notify();
  }, []);
  // Parsing is cheap; memoising on the hash string keeps the object stable between renders.
  return { route: useParsed(hash), navigate };
}

let lastHash: string | null = null;
let lastRoute: Route = parseRoute('');
function useParsed(hash: string): Route {
  if (hash !== lastHash) {
    lastHash = hash;
    lastRoute = parseRoute(hash);
  }
  return lastRoute;
}
