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
 * The port between the outbox and a source: how an API source (publish mode `api`) sends the outbox items of its
 * own reviews. Each source's descriptor may give one (sources/google/publisher.ts, sources/play/publisher.ts); the
 * registry collects them and the publish run (publish-run.ts) gives each its turn. Copy-and-open sources have none
 * (the owner posts those replies). A publisher that cannot work at all (e.g. no Google client set up) throws a
 * KalmError saying why; one that fails per item saves the item `failed` with the reason and the next attempt time
 * (backoff.ts has the shared retry rules).
 */
export interface SourcePublisher {
  /** True for the reviews whose items this publisher sends. */
  owns(review: Review): boolean;
  /** Sends its due items (backoff.ts `isDue`), saving each item's new state durably; returns what happened to each. */
  publish(q: OutboxQueue, deps: PublishRunDeps): Promise<PublishResultView[]>;
}
