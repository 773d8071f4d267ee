import type { Review } from '../../../shared/domain/review';
import type { EventBus } from '../events';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';

export interface ReviewWriterDeps {
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
}

/** Every review in the workspace, shard by shard. */
export function* allReviews(workspace: Workspace): Generator<Review> {
  for (const shard of workspace.shards().values()) yield* shard.reviews;
}

/**
 * Saves changed reviews into their shards (one write per touched shard, as
 * sync does), resolves once durable, and tells clients. Returns how many.
 */
export async function saveReviews({ workspace, store, bus }: ReviewWriterDeps, reviews: readonly Review[]): Promise<number> {
  if (reviews.length === 0) return 0;
  store.assertWritable();
  for (const key of workspace.upsertMany(reviews)) {
    const shard = workspace.shard(key);
    store.scheduleShard(shard.source, shard.locationId);
  }
  await store.flush();
  bus.emit('reviews.changed', { reason: 'update', count: reviews.length });
  return reviews.length;
}
