import type { Reply, Review } from '../../../shared/domain/review';
import type { PublishResultView } from '../../../shared/outbox/outbox-view';
import type { OutboxConflict } from './meta';
import type { OutboxQueue } from './queue';

/** What the outbox gives a source's publisher for one run. */
export interface PublishRunDeps {
  reviewOf(id: string): Review | undefined;
  now: () => Date;
  /** The item is durably `sent`: the review is answered (reply) or has no reply any more (null). */
  onSent(reviewId: string, reply: Reply | null): Promise<void>;
  /** The review changed on the source since the reply was written (sources that re-read before sending). */
  onConflict(reviewId: string, conflict: OutboxConflict): Promise<void>;
  /** "Publish now": queued and failed items are due whatever their next attempt time. */
  force: boolean;
}

/**
 * How an API source (publish mode `api`) sends the outbox items of its own reviews. The outbox asks every
 * source in the registry for one; copy-and-open sources have none (the owner posts those replies).
 * A publisher that cannot work at all (e.g. no Google client set up) throws a KalmError saying why.
 */
export interface OutboxPublisher {
  owns(review: Review): boolean;
  publish(q: OutboxQueue, deps: PublishRunDeps): Promise<PublishResultView[]>;
}
