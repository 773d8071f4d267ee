import { waitingForOf, type OutboxItem } from '../../../shared/domain/outbox';
import type { Location } from '../../../shared/domain/location';
import type { Review } from '../../../shared/domain/review';
import type { Source } from '../../../shared/domain/source';
import type { OutboxCopyAndOpen, OutboxItemView, OutboxReviewSummary } from '../../../shared/outbox/outbox-view';
import type { OutboxEntry, OutboxQueue } from './queue';

/** Items the publisher would still try to send. */
export const SENDABLE: ReadonlySet<OutboxItem['state']> = new Set<OutboxItem['state']>(['queued', 'failed', 'sending']);

const EXCERPT_CHARS = 120;

/** The review in a few words: who, how many stars, where, how it starts. */
export function summarize(review: Review | undefined, locations: readonly Location[], sources: readonly Source[]): OutboxReviewSummary | null {
  if (!review) return null;
  const text = review.text?.replace(/\s+/g, ' ').trim() ?? null;
  return {
    author: review.anonymous ? '' : review.author,
    rating: review.rating,
    excerpt: text === null || text === '' ? null : text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text,
    locationName: locations.find((l) => l.id === review.locationId && l.source === review.source)?.name ?? null,
    sourceName: sources.find((s) => s.id === review.source)?.name ?? review.source,
  };
}

/** One item as clients see it (`outbox.list`). */
export function view({ item, meta }: OutboxEntry, review: OutboxReviewSummary | null, copyAndOpen: OutboxCopyAndOpen | null = null): OutboxItemView {
  const c = meta?.conflict ?? null;
  const waitingFor = waitingForOf(item);
  return {
    id: item.id, reviewId: item.reviewId, action: item.action, state: item.state, text: item.text, attempts: item.attempts,
    lastError: item.lastError, ...(waitingFor ? { waitingFor } : {}), nextAttemptAt: item.nextAttemptAt, createdAt: item.createdAt, updatedAt: item.updatedAt,
    conflict: c && item.state === 'conflict'
      ? { kind: c.kind, message: c.message, oldText: c.oldText, newText: c.newText, oldRating: c.oldRating, newRating: c.newRating, otherReply: c.otherReply, detectedAt: c.detectedAt }
      : null,
    review,
    copyAndOpen,
  };
}

/**
 * When the earliest item that will be tried by itself is due (ms; 0 = now), or null when none will be.
 * Items `manual` says nobody sends (copy-and-open replies wait for the owner) never make the publisher wake up.
 */
export function nextDueAt(queue: OutboxQueue, manual: (reviewId: string) => boolean = () => false): number | null {
  let next: number | null = null;
  for (const { item } of queue.list()) {
    if (!SENDABLE.has(item.state) || (item.state === 'failed' && item.nextAttemptAt === null) || manual(item.reviewId)) continue;
    const at = item.state === 'sending' || item.nextAttemptAt === null ? 0 : Date.parse(item.nextAttemptAt);
    next = next === null ? at : Math.min(next, at);
  }
  return next;
}
