import type { Review } from '../../../../shared/domain/review';
import { reviewNameOf } from '../../../../shared/google/names';
import type { PublishResultView } from '../../../../shared/outbox/outbox-view';
import { publishAll } from './send-replies';
import { isDue } from '../../outbox/backoff';
import type { SourcePublisher } from '../../outbox/source-publisher';
import { SENDABLE } from '../../outbox/views';
import type { GoogleService } from './service';

/**
 * Sends Google Business Profile replies and removals (re-reading each review first: conflicts). Only when one of
 * its items is due does it ask for the Google client, so a workspace without Google never needs one.
 */
export function googlePublisher(google: GoogleService, owns: (review: Review) => boolean): SourcePublisher {
  return {
    owns,
    async publish(q, deps): Promise<PublishResultView[]> {
      const mine = (reviewId: string) => {
        const review = deps.reviewOf(reviewId);
        return review !== undefined && owns(review);
      };
      const waiting = q.list().some(({ item }) => SENDABLE.has(item.state) && isDue(item, deps.now(), deps.force) && mine(item.reviewId));
      if (!waiting) return [];
      // Throws a clear KalmError when no client is configured; the outbox notes it on the waiting items.
      const { api, v4ParentOf } = google.publishContext();
      const sent = await publishAll({
        outbox: q,
        api,
        now: deps.now,
        force: deps.force,
        skip: (item) => !mine(item.reviewId),
        reviewOf: (reviewId) => {
          const review = deps.reviewOf(reviewId);
          const parent = review ? v4ParentOf(review.locationId) : null;
          return review && parent ? { review, reviewName: reviewNameOf(parent, review.externalId) } : null;
        },
        onSent: (reviewId, reply) => deps.onSent(reviewId, reply),
        onConflict: (reviewId, conflict) => deps.onConflict(reviewId, conflict),
      });
      return sent.map((r) => ({ id: r.id, reviewId: r.reviewId, ok: r.ok, state: r.state, ...(r.error ? { error: r.error } : {}) }));
    },
  };
}
