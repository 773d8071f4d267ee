import { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import { checkReplyLimits, sourceRefOf } from '../../../shared/reply/limits';
import type { OutboxCopyAndOpen } from '../../../shared/outbox/outbox-view';
import { capabilitiesOfSource, safeHttpUrl, type PublishMode } from '../../../shared/sources/capabilities';
import type { EventBus } from '../events';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';

/** How replies to this review go out: by API, copy-and-open, or locally (demo). Unknown sources count as API. */
export function publishModeOf(workspace: Workspace, review: Pick<Review, 'source'>): PublishMode {
  const source = workspace.sources.find((s) => s.id === review.source);
  return source ? capabilitiesOfSource(source).publish : 'api';
}

/** For the Outbox: where the owner posts a copy-and-open reply by hand (null: Kalm sends replies to this review itself). */
export function copyAndOpenOf(workspace: Workspace, review: Pick<Review, 'source' | 'url'>): OutboxCopyAndOpen | null {
  const source = workspace.sources.find((s) => s.id === review.source);
  if (!source || capabilitiesOfSource(source).publish !== 'copyAndOpen') return null;
  return { sourceName: source.name, url: safeHttpUrl(review.url) };
}

export interface ManualPublishDeps {
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  /** The outbox's own calls, used to take a queued copy-and-open reply off the queue once it is posted. */
  outbox: {
    list(): Promise<{ items: { id: string; reviewId: string; state: string }[] }>;
    cancel(id: string): Promise<unknown>;
  };
  discardDraft(reviewId: string): Promise<unknown>;
}

/**
 * `outbox.markPosted`: the owner pasted the reply on a site without a reply API and says so.
 * The review becomes answered with that text; its queued item (if any) leaves the outbox.
 */
export async function markPosted(deps: ManualPublishDeps, reviewId: string, text: string): Promise<Review> {
  deps.store.assertWritable();
  const review = deps.workspace.get(reviewId);
  if (!review) throw new KalmError('not_found', `There is no review with id "${reviewId.slice(0, 200)}".`);
  if (publishModeOf(deps.workspace, review) !== 'copyAndOpen') {
    throw new KalmError('invalid_input', 'Kalm sends replies to this review itself; queue the reply and publish it from the Outbox.');
  }
  const problem = checkReplyLimits(text, sourceRefOf(deps.workspace.sources, review.source));
  if (problem) throw new KalmError('invalid_input', problem.message, [{ path: 'text', message: problem.message }]);
  const { items } = await deps.outbox.list();
  for (const item of items) {
    if (item.reviewId === reviewId && ['queued', 'failed', 'conflict'].includes(item.state)) await deps.outbox.cancel(item.id);
  }
  await deps.discardDraft(reviewId);
  const current = deps.workspace.get(reviewId) ?? review;
  const answered: Review = { ...current, reply: { text, updatedAt: deps.now().toISOString(), state: 'published' }, status: 'answered' };
  for (const key of deps.workspace.upsert(answered)) {
    const shard = deps.workspace.shard(key);
    deps.store.scheduleShard(shard.source, shard.locationId);
  }
  await deps.store.flush();
  deps.bus.emit('reviews.changed', { reason: 'update', count: 1 });
  return answered;
}
