import { DRAFT_SCHEMA_VERSION } from '../../../shared/domain/draft';
import { KalmError } from '../../../shared/domain/errors';
import type { Reply, Review, ReviewStatus } from '../../../shared/domain/review';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { EventBus } from '../events';
import type { CallHandlers } from '../handler-map';
import { copyAndOpenOf, publishModeOf } from '../sources/manual-publish';
import { sourceRefOf } from '../../../shared/reply/limits';
import { capabilitiesOfSource } from '../../../shared/sources/capabilities';
import type { OpenedStore } from '../store/open-store';
import type { DraftStore } from '../store/drafts';
import type { Workspace } from '../workspace';
import { ReplyHistoryStore } from './history';
import type { OutboxConflict } from './meta';
import { OutboxQueue } from './queue';
import { summarize, view } from './views';
import type { OutboxScheduler, SchedulerTimers } from './scheduler';
import { createPublishRun } from './publish-run';
import type { SourcePublisher } from './source-publisher';

type OutboxCall = 'drafts.save' | 'drafts.list' | 'drafts.discard' | 'outbox.send' | 'outbox.list' | 'outbox.publish'
  | 'outbox.cancel' | 'outbox.retry' | 'outbox.resolve' | 'outbox.unreply' | 'outbox.edit' | 'outbox.history';
export type OutboxHandlers = CallHandlers<OutboxCall>;

export interface OutboxWiringDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  report: (problem: StoreProblem) => void;
  /** Timers for the background publisher (tests pass fake ones). */
  timers?: SchedulerTimers;
  /** The API sources' publishers (from the source registry: Google Business Profile, Google Play…). */
  publishers: readonly SourcePublisher[];
}

export interface OutboxWiring {
  handlers: OutboxHandlers;
  /** Publishes in the background (Electron and web host; never the CLI): when due, and after every change. */
  scheduler: OutboxScheduler;
  /** The drafts, outbox items (with their meta) and reply history of reviews being removed (removal/). */
  records: ReviewRecords;
}

export interface ReviewRecords {
  count(reviewIds: ReadonlySet<string>): { drafts: number; replies: number };
  /** Deletes them, files included; resolves once every file is gone. */
  forget(reviewIds: ReadonlySet<string>): Promise<void>;
}

/** How long a sent reply stays listed in the outbox. */
export const SENT_KEPT_MS = 30 * 24 * 3_600_000;

export { DEMO_NOTE } from './publish-run';


/** Connects drafts and the outbox to the workspace, the store, the sources' publishers and the event bus of one core. */
export async function wireOutbox(deps: OutboxWiringDeps): Promise<OutboxWiring> {
  const { workspace, store, bus, now } = deps;
  const queue = store.outbox ? await OutboxQueue.open(deps.dataDir, { outbox: store.outbox, onProblem: deps.report, now }) : null;
  // Read-only cores (the CLI while the app runs) never touch the folder, so they do not open it.
  const history = store.outbox === null ? null : await ReplyHistoryStore.open(deps.dataDir, { onProblem: deps.report, now });

  const writable = (): { drafts: DraftStore; queue: OutboxQueue } => {
    store.assertWritable();
    if (!store.drafts || !queue) throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save changes.');
    return { drafts: store.drafts, queue };
  };
  const reviewOrThrow = (id: string): Review => {
    const review = workspace.get(id);
    if (!review) throw new KalmError('not_found', `There is no review with id "${id.slice(0, 200)}".`);
    return review;
  };
  const isDemoReview = (review: Review) => workspace.sources.find((s) => s.id === review.source)?.state === 'demo';

  /** Saves a changed review durably and tells clients. */
  async function updateReview(id: string, change: (r: Review) => Partial<Review> | null): Promise<void> {
    const review = workspace.get(id);
    const patch = review ? change(review) : null;
    if (!review || !patch) return;
    for (const key of workspace.upsert({ ...review, ...patch })) {
      const shard = workspace.shard(key);
      store.scheduleShard(shard.source, shard.locationId);
    }
    await store.flush();
    bus.emit('reviews.changed', { reason: 'update', count: 1 });
  }
  const setStatus = (id: string, status: ReviewStatus, onlyFrom?: readonly ReviewStatus[]) =>
    updateReview(id, (r) => (r.status === status || (onlyFrom && !onlyFrom.includes(r.status)) ? null : { status }));
  /** The status a review falls back to once its outbox item is gone. */
  const settle = (id: string) =>
    updateReview(id, (r) => {
      if (r.status !== 'queued' && r.status !== 'conflict') return null;
      return { status: r.reply ? 'answered' : 'unanswered' };
    });
  const changed = () => bus.emit('outbox.changed', {});
  /** The Drafts view and the inbox's draft marks follow every save and discard, also one that failed half-way. */
  const draftsChanged = (reviewId: string) => bus.emit('drafts.changed', { reviewId });

  const onSent = async (reviewId: string, reply: Reply | null) => {
    const before = workspace.get(reviewId)?.reply ?? null;
    try {
      if (history) await history.record(reviewId, before, reply, now().toISOString());
      await updateReview(reviewId, () => ({ reply, status: reply ? 'answered' : 'unanswered' }));
    } finally {
      changed();
    }
  };
  /** The review as the source has it now is what the owner decides on (and what a new reply answers). */
  const onConflict = (reviewId: string, c: OutboxConflict) =>
    updateReview(reviewId, (r) => {
      if (c.kind === 'deleted' || c.remoteUpdatedAt === null) return r.status === 'conflict' ? null : { status: 'conflict' };
      const rating = c.newRating !== null && c.newRating >= 1 && c.newRating <= 5 ? (c.newRating as Review['rating']) : null;
      const reply: Reply | null = c.otherReply !== null ? { text: c.otherReply, updatedAt: c.remoteUpdatedAt, state: 'published' } : r.reply;
      return { status: 'conflict', text: c.newText, rating, reply, updatedAt: c.remoteUpdatedAt };
    }).finally(changed);

  /** Replies to copy-and-open sources wait for the owner's "I posted it" (outbox.markPosted); nothing sends them. */
  const manual = (reviewId: string) => {
    const review = workspace.get(reviewId);
    return review !== undefined && publishModeOf(workspace, review) === 'copyAndOpen';
  };
  const { publish, scheduler } = createPublishRun({
    workspace, queue, now, publishers: deps.publishers, manual, isDemoReview, onSent, onConflict, changed,
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
  bus.on('outbox.changed', () => scheduler.kick());

  /** A reply the source rejected answers nobody: its review goes back to the inbox (the reply stays, shown as rejected). */
  async function reopenRejected(): Promise<void> {
    if (!store.drafts) return;
    const ids: string[] = [];
    for (const shard of workspace.shards().values()) {
      for (const r of shard.reviews) if (r.reply?.state === 'rejected' && r.status === 'answered') ids.push(r.id);
    }
    for (const id of ids) await setStatus(id, 'unanswered', ['answered']);
  }
  bus.on('reviews.changed', ({ reason }) => {
    if (reason !== 'sync') return;
    reopenRejected().catch((err: unknown) => deps.report({
      file: 'reviews/', kind: 'write-failed', movedTo: null, at: now().toISOString(),
      reason: `Kalm could not put reviews with a rejected reply back in the inbox: ${err instanceof Error ? err.message : String(err)}`,
    }));
  });
  await reopenRejected();
  if (queue && store.drafts) await queue.pruneSent(new Date(now().getTime() - SENT_KEPT_MS));

  const handlers: OutboxHandlers = {
    'drafts.save': async ({ reviewId, text }) => {
      const { drafts } = writable();
      const review = reviewOrThrow(reviewId);
      const at = now().toISOString();
      const first = drafts.get(reviewId);
      const draft = {
        schemaVersion: DRAFT_SCHEMA_VERSION, reviewId, text,
        reviewUpdatedAt: first?.reviewUpdatedAt ?? review.updatedAt, createdAt: first?.createdAt ?? at, updatedAt: at,
      } as const;
      // The review stays "unanswered" while a reply is being written (it is, on Google), so it keeps its
      // place in the inbox and the list does not reload under the owner's typing; drafts.list says which have one.
      try {
        await drafts.save(draft);
      } finally {
        draftsChanged(reviewId);
      }
      return draft;
    },
    'drafts.list': async () => ({ drafts: store.drafts?.list() ?? [] }),
    'drafts.discard': async ({ reviewId }) => {
      const { drafts } = writable();
      try {
        await drafts.discard(reviewId);
        // Reviews marked "drafted" by an earlier Kalm go back to the inbox.
        await setStatus(reviewId, 'unanswered', ['drafted']);
      } finally {
        draftsChanged(reviewId);
      }
      return {};
    },
    'outbox.send': async ({ reviewId, text }) => {
      const { drafts, queue: q } = writable();
      const review = reviewOrThrow(reviewId);
      const draft = drafts.get(reviewId);
      const item = await q.enqueueReply({ review, text, now: now(), source: sourceRefOf(workspace.sources, review.source), ...(draft ? { reviewUpdatedAt: draft.reviewUpdatedAt } : {}) });
      await drafts.discard(reviewId);
      await setStatus(reviewId, item.state === 'conflict' ? 'conflict' : 'queued');
      changed();
      return { id: item.id };
    },
    'outbox.list': async () => ({
      items: queue?.list().map((e) => {
        const review = workspace.get(e.item.reviewId);
        return view(e, summarize(review, workspace.locations, workspace.sources), review ? copyAndOpenOf(workspace, review) : null);
      }) ?? [],
    }),
    'outbox.publish': async () => publish(writable().queue, true).then((results) => ({ results })),
    'outbox.cancel': async ({ id }) => {
      const { queue: q } = writable();
      const entry = q.get(id);
      await q.cancel(id);
      if (entry) await settle(entry.item.reviewId);
      changed();
      return {};
    },
    'outbox.retry': async ({ id }) => {
      await writable().queue.retry(id, now());
      changed();
      return {};
    },
    'outbox.resolve': async ({ id, choice }) => {
      const { queue: q } = writable();
      const entry = q.get(id);
      const item = await q.resolveConflict(id, choice, now());
      if (entry && item) await setStatus(entry.item.reviewId, 'queued');
      // A review deleted on the source keeps its local copy, marked deleted.
      else if (entry?.meta?.conflict?.kind === 'deleted') await setStatus(entry.item.reviewId, 'deleted');
      else if (entry) await settle(entry.item.reviewId);
      changed();
      return {};
    },
    'outbox.unreply': async ({ reviewId }) => {
      const { queue: q } = writable();
      const review = reviewOrThrow(reviewId);
      // A source whose API cannot remove a reply (Google Play) says so instead of queueing what can never be sent.
      const source = workspace.sources.find((s) => s.id === review.source);
      if (source && capabilitiesOfSource(source).publish === 'api' && !capabilitiesOfSource(source).canDeleteReply) {
        throw new KalmError('invalid_input', `${source.name} has no way to remove a reply; edit it to change what it says.`);
      }
      const item = await q.enqueueDeleteReply({ review, now: now() });
      await setStatus(reviewId, item.state === 'conflict' ? 'conflict' : 'queued');
      changed();
      return { id: item.id };
    },
    'outbox.edit': async ({ id }) => {
      const { drafts, queue: q } = writable();
      const entry = q.get(id);
      if (!entry) throw new KalmError('not_found', 'This reply is no longer in the outbox.');
      const { item } = entry;
      const review = reviewOrThrow(item.reviewId);
      const text = item.action === 'reply' ? item.text : (review.reply?.text ?? '');
      const existing = drafts.get(item.reviewId);
      const at = now().toISOString();
      const draft = {
        schemaVersion: DRAFT_SCHEMA_VERSION, reviewId: item.reviewId,
        // Never lose words: a draft begun meanwhile is kept under the reply taken back.
        text: existing && existing.text.trim() !== '' && existing.text !== text ? `${text}\n\n${existing.text}` : text,
        // After a conflict the owner answers the review as the source has it now.
        reviewUpdatedAt: item.state === 'conflict' ? review.updatedAt : item.reviewUpdatedAt,
        createdAt: existing?.createdAt ?? item.createdAt, updatedAt: at,
      } as const;
      // The draft is durable before the item goes: a crash in between leaves both, never neither.
      await drafts.save(draft);
      await q.cancel(id);
      await settle(item.reviewId);
      changed();
      return draft;
    },
    'outbox.history': async ({ reviewId }) => ({ versions: history?.versions(reviewId) ?? [] }),
  };
  const records: ReviewRecords = {
    count: (ids) => ({
      drafts: store.drafts?.list().filter((d) => ids.has(d.reviewId)).length ?? 0,
      replies: queue?.list().filter((e) => ids.has(e.item.reviewId)).length ?? 0,
    }),
    async forget(ids) {
      const { drafts, queue: q } = writable();
      for (const d of drafts.list()) if (ids.has(d.reviewId)) await drafts.discard(d.reviewId);
      for (const { item } of q.list()) {
        if (!ids.has(item.reviewId)) continue;
        await q.meta.remove(item.id);
        await q.store.remove(item.id);
      }
      await history?.forget(ids);
      changed();
    },
  };
  return { handlers, scheduler, records };
}
