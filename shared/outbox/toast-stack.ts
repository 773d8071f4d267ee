/**
 * Which notifications stay on screen: at most `max`, problems (sticky) before
 * news (a failure is never pushed out by a later "sent"), newest kept within
 * each kind; news leaves by itself `ttlMs` after it arrived.
 */
export interface StackedToast {
  key: number;
  sticky: boolean;
  /** When it arrived (ms). */
  at: number;
}

export const TOAST_LIMIT = 3;
export const TOAST_TTL_MS = 5000;

/** The toasts to show, oldest first, after adding `added` (both in arrival order). */
export function stackToasts<T extends StackedToast>(current: readonly T[], added: readonly T[], max = TOAST_LIMIT): T[] {
  const all = [...current, ...added];
  if (all.length <= max) return all;
  const sticky = all.filter((x) => x.sticky).slice(-max);
  const room = max - sticky.length;
  const news = room > 0 ? all.filter((x) => !x.sticky).slice(-room) : [];
  const keep = new Set([...sticky, ...news]);
  return all.filter((x) => keep.has(x));
}

/** The toasts still showing at `now`: news older than `ttlMs` is gone. */
export const unexpired = <T extends StackedToast>(toasts: readonly T[], now: number, ttlMs = TOAST_TTL_MS): T[] =>
  toasts.filter((x) => x.sticky || now - x.at < ttlMs);

/** When the next news toast expires (ms from `now`), or null when only problems (or nothing) show. */
export function nextExpiry(toasts: readonly StackedToast[], now: number, ttlMs = TOAST_TTL_MS): number | null {
  const news = toasts.filter((x) => !x.sticky).map((x) => x.at + ttlMs - now);
  return news.length === 0 ? null : Math.max(0, Math.min(...news));
}
