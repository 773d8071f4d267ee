import type { OutboxItem } from '../../../shared/domain/outbox';
import type { OutboxConflict, OutboxMeta } from './meta';
import type { OutboxQueue } from './queue';

/**
 * The steps every API source's publisher takes with one item, in this order: mark it `sending` (durable before any
 * request, so a crash leaves `sending` for the next run to re-check), re-read the review on the source, check for a
 * conflict with what Kalm knows (`ourTexts`), send, and on an error mark it failed (or queued when offline). Each
 * source supplies its own re-read, conflict rules and send (sources/google/send-replies.ts, sources/play/publisher.ts);
 * the saving is the same for all and lives here.
 */

/** Marks the item `sending` (one more attempt). */
export const markSending = (q: OutboxQueue, item: OutboxItem, now: () => Date): Promise<OutboxItem> =>
  q.save({ ...item, state: 'sending', attempts: item.attempts + 1, updatedAt: now().toISOString() });

/** The source's copy of the review, or null when the source says it is gone (`isGone`); other errors are thrown. */
export async function rereadRemote<T>(read: () => Promise<T>, isGone: (err: unknown) => boolean): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (!isGone(err)) throw err;
    return null;
  }
}

/** Every reply text Kalm wrote for this review (a remote reply among them is ours, not an answer from elsewhere). */
export const ourTexts = (q: OutboxQueue, item: OutboxItem, meta: OutboxMeta): string[] =>
  [...q.ownTexts(item.reviewId), ...meta.attempted, ...(meta.knownReply !== null ? [meta.knownReply] : [])];

/** Records the conflict on the item (never sent over it) and tells the caller. */
export async function markConflict(
  q: OutboxQueue,
  item: OutboxItem,
  meta: OutboxMeta,
  conflict: OutboxConflict,
  onConflict?: (reviewId: string, conflict: OutboxConflict, item: OutboxItem) => void | Promise<void>,
): Promise<OutboxItem> {
  await q.saveMeta({ ...meta, conflict });
  const saved = await q.save({ ...item, state: 'conflict', lastError: conflict.message, nextAttemptAt: null });
  await onConflict?.(saved.reviewId, conflict, saved);
  return saved;
}

/** Why a send failed and when to try again (the source classifies its own errors: google-api/publish-failure.ts). */
export interface PublishFailure {
  reason: string;
  /** No connection: not a failure of this reply; it stays queued with the reason. */
  offline: boolean;
  /** null: waiting will not help (the owner retries or edits). */
  nextAttemptAt: string | null;
  /** The problem hits every other item of the source alike: the run stops and leaves them for later. */
  stopsRun: boolean;
}

/** Saves the item failed (queued when offline) with the reason and the next attempt time. */
export const markFailed = (q: OutboxQueue, item: OutboxItem, failure: PublishFailure, at: Date): Promise<OutboxItem> =>
  q.save({ ...item, state: failure.offline ? 'queued' : 'failed', lastError: failure.reason, nextAttemptAt: failure.nextAttemptAt, updatedAt: at.toISOString() });
