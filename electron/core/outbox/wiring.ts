import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/contract';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/domain/draft';
import { KalmError } from '../../../shared/domain/errors';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { Reply, Review, ReviewStatus } from '../../../shared/domain/review';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { reviewNameOf } from '../../../shared/google/names';
import type { OutboxItemView, PublishResultView } from '../../../shared/outbox/outbox-view';
import type { EventBus } from '../events';
import type { GoogleService } from '../sources/google-service';
import { publishModeOf } from '../sources/manual-publish';
import type { ExtraPublisher } from '../play/play-publish';
import type { OpenedStore } from '../store/open-store';
import type { DraftStore } from '../store/drafts';
import type { Workspace } from '../workspace';
import { publishAll } from './publisher';
import { OutboxQueue, type OutboxEntry } from './queue';

type OutboxCall = 'drafts.save' | 'drafts.list' | 'drafts.discard' | 'outbox.send' | 'outbox.list' | 'outbox.publish'
  | 'outbox.cancel' | 'outbox.retry' | 'outbox.resolve' | 'outbox.unreply';
export type OutboxHandlers = { [N in OutboxCall]: (input: z.output<Contract[N]['input']>) => Promise<CallOutput<N>> };

export interface OutboxWiringDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  google: GoogleService;
  now: () => Date;
  report: (problem: StoreProblem) => void;
  /** Publishers for other API sources (Google Play); their items are left out of the Google run. */
  extraPublishers?: readonly ExtraPublisher[];
}

export const DEMO_NOTE = 'Replies to demo reviews are not sent anywhere: Kalm marked the review answered on this computer only.';
/** Items the publisher would still try to send. */
const SENDABLE = new Set<OutboxItem['state']>(['queued', 'failed', 'sending']);

function view({ item, meta }: OutboxEntry): OutboxItemView {
  const c = meta?.conflict ?? null;
  return {
    id: item.id, reviewId: item.reviewId, action: item.action, state: item.state, text: item.text, attempts: item.attempts,
    lastError: item.lastError, nextAttemptAt: item.nextAttemptAt, createdAt: item.createdAt, updatedAt: item.updatedAt,
    conflict: c && item.state === 'conflict'
      ? { kind: c.kind, message: c.message, oldText: c.oldText, newText: c.newText, oldRating: c.oldRating, newRating: c.newRating, otherReply: c.otherReply, detectedAt: c.detectedAt }
      : null,
  };
}

/** Connects drafts and the outbox to the workspace, the store, Google and the event bus of one core. */
export async function wireOutbox(deps: OutboxWiringDeps): Promise<OutboxHandlers> {
  const { workspace, store, bus, now } = deps;
  const queue = store.outbox ? await OutboxQueue.open(deps.dataDir, { outbox: store.outbox, onProblem: deps.report, now }) : null;

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

  const onSent = (reviewId: string, reply: Reply | null) =>
    updateReview(reviewId, () => ({ reply, status: reply ? 'answered' : 'unanswered' })).finally(changed);
  const onConflict = (reviewId: string) => setStatus(reviewId, 'conflict').finally(changed);

  /** Demo reviews belong to nobody: their items are marked sent and the review answered here, without any request. */
  async function publishDemo(q: OutboxQueue): Promise<PublishResultView[]> {
    const results: PublishResultView[] = [];
    for (const { item, meta } of q.list()) {
      const review = workspace.get(item.reviewId);
      if (!SENDABLE.has(item.state) || !review || !isDemoReview(review)) continue;
      const at = now().toISOString();
      const reply: Reply | null = item.action === 'reply' ? { text: item.text, updatedAt: at, state: 'published' } : null;
      if (meta) await q.saveMeta({ ...meta, sent: { text: reply?.text ?? '', updatedAt: at } });
      const done = await q.save({ ...item, state: 'sent', lastError: null, nextAttemptAt: null, attempts: item.attempts + 1, updatedAt: at });
      await onSent(done.reviewId, reply);
      results.push({ id: done.id, reviewId: done.reviewId, ok: true, state: 'sent', note: DEMO_NOTE });
    }
    return results;
  }

  /** Replies to copy-and-open sources wait for the owner's "I posted it" (replies.markPosted); nothing sends them. */
  const manual = (reviewId: string) => {
    const review = workspace.get(reviewId);
    return review !== undefined && publishModeOf(workspace, review) === 'copyAndOpen';
  };

  const extras = deps.extraPublishers ?? [];
  const extra = (reviewId: string) => {
    const review = workspace.get(reviewId);
    return review !== undefined && extras.some((p) => p.owns(review));
  };

  async function publish(q: OutboxQueue): Promise<PublishResultView[]> {
    const results = await publishDemo(q);
    for (const p of extras) results.push(...(await p.publish(q, { reviewOf: (id) => workspace.get(id), now, onSent: (id, reply) => onSent(id, reply) })));
    const waiting = q.list().some(({ item }) => SENDABLE.has(item.state) && !manual(item.reviewId) && !extra(item.reviewId));
    if (!waiting) return results;
    // Only real reviews are left: they need Google (throws a clear KalmError when no client is configured).
    const { api, v4ParentOf } = deps.google.publishContext();
    const sent = await publishAll({
      outbox: q,
      api,
      now,
      force: true,
      skip: (item) => manual(item.reviewId) || extra(item.reviewId),
      reviewOf: (reviewId) => {
        const review = workspace.get(reviewId);
        const parent = review ? v4ParentOf(review.locationId) : null;
        return review && parent ? { review, reviewName: reviewNameOf(parent, review.externalId) } : null;
      },
      onSent,
      onConflict,
    });
    changed();
    return [...results, ...sent.map((r) => ({ id: r.id, reviewId: r.reviewId, ok: r.ok, state: r.state, ...(r.error ? { error: r.error } : {}) }))];
  }

  return {
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
      await drafts.save(draft);
      return draft;
    },
    'drafts.list': async () => ({ drafts: store.drafts?.list() ?? [] }),
    'drafts.discard': async ({ reviewId }) => {
      const { drafts } = writable();
      await drafts.discard(reviewId);
      // Reviews marked "drafted" by an earlier Kalm go back to the inbox.
      await setStatus(reviewId, 'unanswered', ['drafted']);
      return {};
    },
    'outbox.send': async ({ reviewId, text }) => {
      const { drafts, queue: q } = writable();
      const review = reviewOrThrow(reviewId);
      const draft = drafts.get(reviewId);
      const item = await q.enqueueReply({ review, text, now: now(), ...(draft ? { reviewUpdatedAt: draft.reviewUpdatedAt } : {}) });
      await drafts.discard(reviewId);
      await setStatus(reviewId, item.state === 'conflict' ? 'conflict' : 'queued');
      changed();
      return { id: item.id };
    },
    'outbox.list': async () => ({ items: queue?.list().map(view) ?? [] }),
    'outbox.publish': async () => publish(writable().queue).then((results) => ({ results })),
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
      else if (entry) await settle(entry.item.reviewId);
      changed();
      return {};
    },
    'outbox.unreply': async ({ reviewId }) => {
      const { queue: q } = writable();
      const item = await q.enqueueDeleteReply({ review: reviewOrThrow(reviewId), now: now() });
      await setStatus(reviewId, item.state === 'conflict' ? 'conflict' : 'queued');
      changed();
      return { id: item.id };
    },
  };
}

