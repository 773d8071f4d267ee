import { randomUUID } from 'node:crypto';
import { KalmError } from '../../../shared/domain/errors';
import { OUTBOX_SCHEMA_VERSION, waitingForOf, type OutboxItem, type OutboxState } from '../../../shared/domain/outbox';
import type { Review } from '../../../shared/domain/review';
import { checkReplyLimits, type SourceRef } from '../../../shared/reply/limits';
import { OutboxStore } from '../store/outbox';
import type { RecordStoreOptions } from '../store/record-files';
import { OutboxMetaStore, OUTBOX_META_VERSION, type OutboxConflict, type OutboxMeta } from './meta';

/** States in which an item still has work to do; a review has at most one such item. */
export const ACTIVE_STATES: ReadonlySet<OutboxState> = new Set(['queued', 'sending', 'failed', 'conflict']);

export interface OutboxEntry {
  item: OutboxItem;
  meta: OutboxMeta | null;
}

export interface EnqueueReplyInput {
  review: Review;
  text: string;
  now: Date;
  /** The review's updatedAt when the draft began (Draft.reviewUpdatedAt); default: review.updatedAt. */
  reviewUpdatedAt?: string;
  /** The review's source as stored (its kind decides the reply limit); default: guessed from the review's source id. */
  source?: SourceRef;
}

export type ConflictChoice = 'send_anyway' | 'discard';

const MAX_ATTEMPTED = 5;

/**
 * The outbox as the owner uses it: queue, edit, cancel, retry, resolve conflicts. Every change is
 * durable when the returned promise resolves; the side record (meta) is written before the item.
 */
export class OutboxQueue {
  private constructor(readonly store: OutboxStore, readonly meta: OutboxMetaStore) {}

  static async open(dataDir: string, opts: RecordStoreOptions & { outbox?: OutboxStore } = {}): Promise<OutboxQueue> {
    const { outbox, ...rest } = opts;
    return new OutboxQueue(outbox ?? (await OutboxStore.open(dataDir, rest)), await OutboxMetaStore.open(dataDir, rest));
  }

  list(): OutboxEntry[] {
    return this.store.list()
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((item) => ({ item, meta: this.meta.get(item.id) ?? null }));
  }

  get(id: string): OutboxEntry | undefined {
    const item = this.store.get(id);
    return item ? { item, meta: this.meta.get(id) ?? null } : undefined;
  }

  /** The review's item that still has work to do, if any. */
  activeFor(reviewId: string): OutboxItem | undefined {
    return this.store.list().find((i) => i.reviewId === reviewId && ACTIVE_STATES.has(i.state));
  }

  /**
   * Queues a reply (no connection needed). Refused (KalmError 'invalid_input') when empty or over the
   * source's limit. A review's active item is reused: its text is replaced and it is queued again
   * (a conflict stays a conflict until the owner resolves it).
   */
  async enqueueReply({ review, text, now, reviewUpdatedAt, source }: EnqueueReplyInput): Promise<OutboxItem> {
    const problem = checkReplyLimits(text, source ?? review.source);
    if (problem) throw new KalmError('invalid_input', problem.message, [{ path: 'text', message: problem.message }]);
    return this.enqueue(review, 'reply', text, now, reviewUpdatedAt);
  }

  /** Queues the removal of the review's reply on Google. */
  enqueueDeleteReply({ review, now }: { review: Review; now: Date }): Promise<OutboxItem> {
    if (!review.reply && !this.activeFor(review.id)) throw new KalmError('invalid_input', 'This review has no reply to remove.');
    return this.enqueue(review, 'deleteReply', '', now, undefined);
  }

  /** Changes the text of an item that is not sent yet; it is queued again (editing a conflict accepts Google's current review). */
  async editItem(id: string, text: string, now: Date): Promise<OutboxItem> {
    const { item, meta } = this.mustActive(id, 'edit');
    if (item.action !== 'reply') throw new KalmError('invalid_input', 'A reply removal has no text to edit.');
    const source = meta?.source ?? 'google';
    const problem = checkReplyLimits(text, source);
    if (problem) throw new KalmError('invalid_input', problem.message, [{ path: 'text', message: problem.message }]);
    if (item.state === 'conflict' && meta?.conflict?.kind === 'deleted') {
      throw new KalmError('invalid_input', 'The review was deleted on Google; there is nothing to reply to. Discard this reply.');
    }
    if (meta && item.state === 'conflict') await this.meta.put(acceptConflict(meta));
    return this.save({ ...item, text, state: 'queued', lastError: null, nextAttemptAt: null, attempts: 0, updatedAt: now.toISOString() });
  }

  /** Removes an item that is not being sent right now and not sent yet. */
  async cancel(id: string): Promise<void> {
    const { item } = this.mustActive(id, 'cancel');
    if (item.state === 'sending') throw new KalmError('locked', 'This reply is being sent right now; try again in a moment.');
    await this.store.remove(id);
    await this.meta.remove(id);
  }

  /** Makes a failed item due now. */
  async retry(id: string, now: Date): Promise<OutboxItem> {
    const { item } = this.mustActive(id, 'retry');
    if (item.state !== 'failed' && item.state !== 'queued') {
      throw new KalmError('invalid_input', item.state === 'conflict' ? 'Resolve the conflict first: send anyway, edit or discard.' : 'This reply is being sent.');
    }
    return this.save({ ...item, state: 'queued', nextAttemptAt: null, updatedAt: now.toISOString() });
  }

  /** The owner's answer to a conflict: send anyway (over what Google has now) or discard the reply. */
  async resolveConflict(id: string, choice: ConflictChoice, now: Date): Promise<OutboxItem | null> {
    const { item, meta } = this.mustActive(id, 'resolve');
    if (item.state !== 'conflict') throw new KalmError('invalid_input', 'This reply has no conflict to resolve.');
    if (choice === 'discard') {
      await this.cancel(id);
      return null;
    }
    if (meta?.conflict?.kind === 'deleted') {
      throw new KalmError('invalid_input', 'The review was deleted on Google, so the reply cannot be sent. Discard it.');
    }
    if (meta) await this.meta.put(acceptConflict(meta));
    return this.save({ ...item, state: 'queued', lastError: null, nextAttemptAt: null, attempts: 0, updatedAt: now.toISOString() });
  }

  /**
   * Forgets sent items last changed before `before` (their files go), so the outbox folder does not
   * grow for ever; the review keeps its reply and the reply history keeps the versions.
   */
  async pruneSent(before: Date): Promise<number> {
    let removed = 0;
    for (const item of this.store.list()) {
      if (item.state !== 'sent' || Date.parse(item.updatedAt) >= before.getTime()) continue;
      await this.store.remove(item.id);
      await this.meta.remove(item.id);
      removed++;
    }
    return removed;
  }

  // ----- used by the publisher -----

  /** Every reply text Kalm has tried to publish or confirmed for a review (any of its items): never a foreign reply. */
  ownTexts(reviewId: string): Set<string> {
    const texts = new Set<string>();
    for (const item of this.store.list()) {
      if (item.reviewId !== reviewId) continue;
      const meta = this.meta.get(item.id);
      for (const t of meta?.attempted ?? []) texts.add(t);
      if (meta?.sent && item.action === 'reply') texts.add(meta.sent.text);
    }
    return texts;
  }

  save(item: OutboxItem): Promise<OutboxItem> {
    // A waiting reason is kept only while it still explains lastError: every other writer that sets or clears
    // lastError (with `{ ...item, lastError }`) drops it here.
    const { waitingFor: _stale, ...rest } = item;
    const saved: OutboxItem = waitingForOf(item) === undefined ? rest : item;
    return this.store.put(saved).then(() => saved);
  }

  async saveMeta(meta: OutboxMeta): Promise<void> {
    await this.meta.put(meta);
  }

  /** Records that `text` is about to be published for this item (before the request goes out). */
  async noteAttempt(meta: OutboxMeta, text: string): Promise<OutboxMeta> {
    if (meta.attempted.at(-1) === text) return meta;
    const next = { ...meta, attempted: [...meta.attempted.filter((t) => t !== text), text].slice(-MAX_ATTEMPTED) };
    await this.meta.put(next);
    return next;
  }

  private mustActive(id: string, what: string): OutboxEntry {
    const entry = this.get(id);
    if (!entry) throw new KalmError('not_found', 'This reply is no longer in the outbox.');
    if (!ACTIVE_STATES.has(entry.item.state)) throw new KalmError('invalid_input', `This reply was already published; it cannot ${what === 'resolve' ? 'be changed' : `be ${what}ed`} here.`);
    return entry;
  }

  private async enqueue(review: Review, action: OutboxItem['action'], text: string, now: Date, basedOn: string | undefined): Promise<OutboxItem> {
    const at = now.toISOString();
    const existing = this.activeFor(review.id);
    if (existing) {
      const meta = this.meta.get(existing.id) ?? newMeta(existing.id, review, basedOn);
      await this.meta.put(action === 'reply' ? meta : { ...meta, knownReply: review.reply?.text ?? meta.knownReply });
      const state: OutboxState = existing.state === 'conflict' ? 'conflict' : 'queued';
      return this.save({ ...existing, action, text, state, lastError: state === 'conflict' ? existing.lastError : null, nextAttemptAt: null, attempts: 0, updatedAt: at });
    }
    const id = `${review.id}#${randomUUID()}`;
    await this.meta.put(newMeta(id, review, basedOn));
    return this.save({
      schemaVersion: OUTBOX_SCHEMA_VERSION, id, reviewId: review.id, action, text,
      reviewUpdatedAt: basedOn ?? review.updatedAt, state: 'queued', attempts: 0, lastError: null, nextAttemptAt: null,
      createdAt: at, updatedAt: at,
    });
  }
}

function newMeta(id: string, review: Review, basedOn: string | undefined): OutboxMeta {
  return {
    schemaVersion: OUTBOX_META_VERSION, id, source: review.source,
    snapshot: { text: review.text, rating: review.rating, updatedAt: basedOn ?? review.updatedAt },
    knownReply: review.reply?.text ?? null, attempted: [], conflict: null, sent: null,
  };
}

/** The owner has seen what Google holds now: it becomes the snapshot, and its reply is no longer foreign. */
function acceptConflict(meta: OutboxMeta): OutboxMeta {
  const c: OutboxConflict | null = meta.conflict;
  if (!c) return meta;
  return {
    ...meta,
    snapshot: { text: c.newText, rating: c.newRating, updatedAt: c.remoteUpdatedAt ?? meta.snapshot.updatedAt },
    knownReply: c.otherReply ?? meta.knownReply,
    conflict: null,
  };
}
