import { KalmError } from '../../../shared/domain/errors';
import type { Reply, Review } from '../../../shared/domain/review';
import type { PublishResultView } from '../../../shared/outbox/outbox-view';
import type { Workspace } from '../workspace';
import type { OutboxConflict } from './meta';
import type { SourcePublisher } from './source-publisher';
import type { OutboxQueue } from './queue';
import { OutboxScheduler, type SchedulerTimers } from './scheduler';
import { nextDueAt, SENDABLE } from './views';

export const DEMO_NOTE = 'Replies to demo reviews are not sent anywhere: Kalm marked the review answered on this computer only.';

export interface PublishRunDepsOfCore {
  workspace: Workspace;
  queue: OutboxQueue | null;
  now: () => Date;
  timers?: SchedulerTimers;
  /** The API sources' publishers (from the source registry). */
  publishers: readonly SourcePublisher[];
  /** Replies to copy-and-open sources wait for the owner's "I posted it": nothing sends them. */
  manual(reviewId: string): boolean;
  isDemoReview(review: Review): boolean;
  onSent(reviewId: string, reply: Reply | null): Promise<void>;
  onConflict(reviewId: string, conflict: OutboxConflict): Promise<void>;
  changed(): void;
}

export interface PublishRun {
  /** One publish at a time per core (the background publisher and "Publish now" take turns). */
  publish(q: OutboxQueue, force: boolean): Promise<PublishResultView[]>;
  scheduler: OutboxScheduler;
}

/** Publishing the outbox: demo items locally, then each source's publisher; in the background or on demand. */
export function createPublishRun(deps: PublishRunDepsOfCore): PublishRun {
  const { workspace, now } = deps;

  /** Demo reviews belong to nobody: their items are marked sent and the review answered here, without any request. */
  async function publishDemo(q: OutboxQueue): Promise<PublishResultView[]> {
    const results: PublishResultView[] = [];
    for (const { item, meta } of q.list()) {
      const review = workspace.get(item.reviewId);
      if (!SENDABLE.has(item.state) || !review || !deps.isDemoReview(review)) continue;
      const at = now().toISOString();
      const reply: Reply | null = item.action === 'reply' ? { text: item.text, updatedAt: at, state: 'published' } : null;
      if (meta) await q.saveMeta({ ...meta, sent: { text: reply?.text ?? '', updatedAt: at } });
      const done = await q.save({ ...item, state: 'sent', lastError: null, nextAttemptAt: null, attempts: item.attempts + 1, updatedAt: at });
      await deps.onSent(done.reviewId, reply);
      results.push({ id: done.id, reviewId: done.reviewId, ok: true, state: 'sent', note: DEMO_NOTE });
    }
    return results;
  }

  /** The publishers that could not work at all in the last run (their items wait with the reason). */
  let blocked: SourcePublisher[] = [];

  /** Every publisher gets its turn; one that cannot work at all (no Google client) does not hold up the others. */
  async function publishOnce(q: OutboxQueue, force: boolean): Promise<PublishResultView[]> {
    const results = await publishDemo(q);
    let failure: unknown = null;
    blocked = [];
    for (const publisher of deps.publishers) {
      try {
        const sent = await publisher.publish(q, { reviewOf: (id) => workspace.get(id), now, force, onSent: deps.onSent, onConflict: deps.onConflict });
        if (sent.length > 0) deps.changed();
        results.push(...sent);
      } catch (err) {
        blocked.push(publisher);
        failure ??= err;
      }
    }
    if (failure !== null) throw failure;
    return results;
  }

  let publishing: Promise<unknown> = Promise.resolve();
  function publish(q: OutboxQueue, force: boolean): Promise<PublishResultView[]> {
    const run = publishing.catch(() => undefined).then(() => publishOnce(q, force));
    publishing = run;
    return run;
  }

  /** Due items of a source that could not even be tried (e.g. Google is not set up): they wait with the reason. */
  async function noteWaiting(q: OutboxQueue, reason: string): Promise<void> {
    let noted = false;
    const stuck = (reviewId: string) => {
      const review = workspace.get(reviewId);
      return review !== undefined && blocked.some((p) => p.owns(review));
    };
    for (const { item } of q.list()) {
      if (item.state !== 'queued' || item.lastError === reason || deps.manual(item.reviewId) || !stuck(item.reviewId)) continue;
      await q.save({ ...item, lastError: reason, updatedAt: now().toISOString() });
      noted = true;
    }
    if (noted) deps.changed();
  }

  const { queue } = deps;
  const scheduler = new OutboxScheduler({
    now: () => now().getTime(),
    ...(deps.timers ? { timers: deps.timers } : {}),
    nextDueAt: () => (queue ? nextDueAt(queue, deps.manual) : null),
    run: async () => {
      if (!queue) return;
      try {
        await publish(queue, false);
      } catch (err) {
        if (err instanceof KalmError) await noteWaiting(queue, err.message);
        throw err;
      }
    },
  });
  return { publish, scheduler };
}
