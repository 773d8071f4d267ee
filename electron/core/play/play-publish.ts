import type { Reply, Review } from '../../../shared/domain/review';
import type { PublishResultView } from '../../../shared/outbox/outbox-view';
import { PLAY_SOURCE, playTimeToIso } from '../../../shared/play/map-review';
import type { OutboxQueue } from '../outbox/queue';
import type { PlayApi } from './play-api';

/** What the outbox asks of a publisher for reviews that are not Google Business Profile's. */
export interface ExtraPublisher {
  owns(review: Review): boolean;
  publish(q: OutboxQueue, deps: { reviewOf(id: string): Review | undefined; now: () => Date; onSent(reviewId: string, reply: Reply | null): Promise<void> }): Promise<PublishResultView[]>;
}

const SENDABLE = new Set(['queued', 'failed', 'sending']);

/**
 * Sends queued Google Play replies (Play's reply call creates or replaces the one reply, so a repeat after
 * a crash is harmless). Play has no call to remove a reply: such an item fails with that reason.
 */
export function playPublisher(api: () => PlayApi): ExtraPublisher {
  return {
    owns: (review) => review.source === PLAY_SOURCE,
    async publish(q, deps) {
      const results: PublishResultView[] = [];
      for (const { item } of q.list()) {
        const review = deps.reviewOf(item.reviewId);
        if (!SENDABLE.has(item.state) || !review || review.source !== PLAY_SOURCE) continue;
        const at = () => deps.now().toISOString();
        if (item.action === 'deleteReply') {
          const failed = await q.save({ ...item, state: 'failed', lastError: 'Google Play has no way to remove a reply; change it in the Play Console.', nextAttemptAt: null, updatedAt: at() });
          results.push({ id: failed.id, reviewId: failed.reviewId, ok: false, state: failed.state, error: failed.lastError ?? '' });
          continue;
        }
        const sending = await q.save({ ...item, state: 'sending', attempts: item.attempts + 1, updatedAt: at() });
        try {
          const result = await api().reply(review.locationId, review.externalId, sending.text);
          const reply: Reply = { text: result.replyText, updatedAt: playTimeToIso(result.lastEdited), state: 'published' };
          const done = await q.save({ ...sending, state: 'sent', lastError: null, nextAttemptAt: null, updatedAt: at() });
          await deps.onSent(done.reviewId, reply);
          results.push({ id: done.id, reviewId: done.reviewId, ok: true, state: 'sent' });
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const failed = await q.save({ ...sending, state: 'failed', lastError: message, nextAttemptAt: null, updatedAt: at() });
          results.push({ id: failed.id, reviewId: failed.reviewId, ok: false, state: 'failed', error: message });
        }
      }
      return results;
    },
  };
}
