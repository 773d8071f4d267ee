import type { OutboxItem } from '../../../shared/domain/outbox';

/**
 * When an outbox item is tried (again): the retry rules every source's publisher shares (Google Business Profile,
 * Google Play, and any source added later), so a reply waits the same way whichever site it goes to.
 */

/** First wait after a failure; doubled per attempt up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 3_600_000;
/** The longest a site's Retry-After is honoured (a longer one is taken as this). */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** The wait before attempt `attempts + 1`, at least the site's Retry-After. */
export function backoffMs(attempts: number, retryAfterSeconds: number | null): number {
  const doubled = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  const after = retryAfterSeconds !== null && retryAfterSeconds > 0 ? Math.min(MAX_RETRY_AFTER_MS, retryAfterSeconds * 1000) : 0;
  return Math.max(doubled, after);
}

/** Longest wait between tries while there is no connection at all (it may come back any moment). */
export const MAX_OFFLINE_WAIT_MS = 300_000;

/** The wait after a failed attempt: short while offline, else doubling (at least Retry-After). */
export const retryWaitMs = (attempts: number, opts: { offline: boolean; retryAfterSeconds: number | null }): number =>
  opts.offline ? Math.min(MAX_OFFLINE_WAIT_MS, backoffMs(attempts, null)) : backoffMs(attempts, opts.retryAfterSeconds);

/** True when the item should be tried now (queued; failed whose time has come, or all failed with `force`; any left `sending` by a crash). */
export function isDue(item: OutboxItem, now: Date, force: boolean): boolean {
  if (item.state === 'sending') return true;
  const timeCome = item.nextAttemptAt === null || Date.parse(item.nextAttemptAt) <= now.getTime();
  if (item.state === 'queued') return force || timeCome;
  if (item.state === 'failed') return force || (item.nextAttemptAt !== null && timeCome);
  return false;
}
