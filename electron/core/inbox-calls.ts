import type { CallOutput } from '../../shared/contract';
import type { Review, ReviewStatus } from '../../shared/domain/review';
import type { EventBus } from './events';
import { ACTIVE_STATES } from './outbox/queue';
import type { OpenedStore } from './store/open-store';
import type { Workspace } from './workspace';

/** Statuses "mark done" applies to: the review waits for the owner and nothing is queued for it. */
const WAITING: ReadonlySet<ReviewStatus> = new Set(['unanswered', 'drafted']);

export interface InboxWiring {
  /** Re-reads which reviews have a draft or an active outbox item into the workspace's index. */
  refreshMarks(): void;
  markDone(input: { ids: string[]; done: boolean }): Promise<CallOutput<'reviews.markDone'>>;
}

/** The inbox's part of the core: draft/outbox marks for the views, and "mark done". */
export function wireInbox({ workspace, store, bus }: { workspace: Workspace; store: OpenedStore; bus: EventBus }): InboxWiring {
  const refreshMarks = (): void => {
    const drafts = new Set((store.drafts?.list() ?? []).map((d) => d.reviewId));
    const outbox = new Set((store.outbox?.list() ?? []).filter((i) => ACTIVE_STATES.has(i.state)).map((i) => i.reviewId));
    workspace.setMarks({ drafts, outbox });
  };
  refreshMarks();
  bus.on('outbox.changed', refreshMarks);
  bus.on('drafts.changed', refreshMarks);

  async function markDone({ ids, done }: { ids: string[]; done: boolean }): Promise<{ changed: number }> {
    store.assertWritable();
    const next: Review[] = [];
    const before: Review[] = [];
    for (const id of new Set(ids)) {
      const review = workspace.get(id);
      if (!review) continue;
      if (done && WAITING.has(review.status)) next.push({ ...review, status: 'done' });
      else if (!done && review.status === 'done') next.push({ ...review, status: review.reply ? 'answered' : 'unanswered' });
      else continue;
      before.push(review);
    }
    if (next.length === 0) return { changed: 0 };
    const schedule = (keys: Iterable<string>) => {
      for (const key of keys) {
        const shard = workspace.shard(key);
        store.scheduleShard(shard.source, shard.locationId);
      }
    };
    schedule(workspace.upsertMany(next));
    try {
      await store.flush();
    } catch (err) {
      // Not saved: undo in memory too, so what the owner sees is what is on disk (never "failed" yet applied).
      const current = before.filter((r) => next.some((n) => n.id === r.id && workspace.get(r.id)?.status === n.status));
      schedule(workspace.upsertMany(current));
      throw err;
    }
    bus.emit('reviews.changed', { reason: 'update', count: next.length });
    return { changed: next.length };
  }

  return { refreshMarks, markDone };
}
