import type { OutboxItem, OutboxState } from '../../../../shared/domain/outbox';
import type { Reply, Review } from '../../../../shared/domain/review';
import { mapGoogleReview } from '../../../../shared/google/map-review';
import type { GbpReview } from '../../../../shared/google/schemas';
import { toIso } from '../../../../shared/google/time';
import { splitTranslation } from '../../../../shared/google/translation';
import type { BusinessApi } from './business-api';
import { isReconnectNeeded } from './auth-client';
import { googlePublishFailure, isNotFound } from '../../google-api/publish-failure';
import { isDue } from '../../outbox/backoff';
import { fallbackMeta, type OutboxConflict, type OutboxMeta } from '../../outbox/meta';
import { markConflict as saveConflict, markFailed as saveFailed, markSending, ourTexts, rereadRemote } from '../../outbox/publish-steps';
import type { OutboxQueue } from '../../outbox/queue';

/** The local review an item answers, and its v4 name (`reviewNameOf(v4Parent, externalId)`). */
export interface PublishTarget {
  review: Review;
  reviewName: string;
}

export interface PublishOptions {
  outbox: OutboxQueue;
  api: Pick<BusinessApi, 'getReview' | 'putReply' | 'deleteReply'>;
  /** null/undefined when Kalm no longer holds the review (the item fails without a request). */
  reviewOf(reviewId: string): PublishTarget | null | undefined;
  /** Called once the item is durably `sent`: the review is answered (reply) or has no reply any more (null). */
  onSent?(reviewId: string, reply: Reply | null, item: OutboxItem): void | Promise<void>;
  /** Called when an item becomes a conflict (e.g. to set the review's status to 'conflict'). */
  onConflict?(reviewId: string, conflict: OutboxConflict, item: OutboxItem): void | Promise<void>;
  now?: () => Date;
  signal?: AbortSignal;
  /** On demand ("Publish now"): queued and failed items are due whatever their next attempt time. */
  force?: boolean;
  /** Items published another way (copy-and-open sources: the owner posts them): never sent, left as they are. */
  skip?(item: OutboxItem): boolean;
}

export interface PublishResult {
  id: string;
  reviewId: string;
  ok: boolean;
  state: OutboxState;
  error?: string;
}

/** Why a run stopped early, and when to try again: given to the items that did not get their turn. */
interface Stop { reason: string; nextAttemptAt: string }
type Outcome = PublishResult & { stop?: Stop; again?: boolean };

/** Items a stopped run did not reach stay queued, with the reason and the time of the next try. */
async function holdBack(opts: PublishOptions, skipped: OutboxItem[], stop: Stop, now: () => Date): Promise<void> {
  for (const { id } of skipped) {
    const item = opts.outbox.store.get(id);
    if (!item || item.state !== 'queued') continue;
    await opts.outbox.save({ ...item, lastError: stop.reason, nextAttemptAt: stop.nextAttemptAt, updatedAt: now().toISOString() });
  }
}

const runs = new WeakMap<OutboxQueue, Promise<unknown>>();

/**
 * Publishes every due item (queued; failed whose time has come, or all failed with `force`; and any
 * left `sending` by a crash). One run per outbox at a time; a second call waits for the first.
 */
export function publishAll(opts: PublishOptions): Promise<PublishResult[]> {
  const before = runs.get(opts.outbox) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => publishRun(opts));
  runs.set(opts.outbox, run);
  return run.finally(() => {
    if (runs.get(opts.outbox) === run) runs.delete(opts.outbox);
  });
}

async function publishRun(opts: PublishOptions): Promise<PublishResult[]> {
  const now = opts.now ?? (() => new Date());
  const results = new Map<string, PublishResult>();
  const tries = new Map<string, number>();
  for (let round = 0; round < 3; round++) {
    const due = opts.outbox.list().map((e) => e.item)
      .filter((i) => isDue(i, now(), opts.force === true) && !opts.skip?.(i) && (tries.get(i.id) ?? 0) <= round && (round === 0 || i.state === 'queued'));
    if (due.length === 0) break;
    for (const item of due) {
      if (opts.signal?.aborted) return [...results.values()];
      tries.set(item.id, (tries.get(item.id) ?? 0) + 1);
      const { stop, again, ...result } = await publishOne(opts, item.id, now);
      results.set(item.id, result);
      if (again) tries.set(item.id, round + 1);
      if (stop) {
        await holdBack(opts, due.filter((d) => !results.has(d.id)), stop, now);
        return [...results.values()];
      }
    }
  }
  return [...results.values()];
}

const outcome = (item: OutboxItem, error?: string): Outcome =>
  ({ id: item.id, reviewId: item.reviewId, ok: item.state === 'sent', state: item.state, ...(error ? { error } : {}) });

async function publishOne(opts: PublishOptions, id: string, now: () => Date): Promise<Outcome> {
  const { outbox, api } = opts;
  const start = outbox.store.get(id);
  if (!start) return { id, reviewId: '', ok: false, state: 'queued', error: 'gone' };
  const target = opts.reviewOf(start.reviewId);
  if (!target) {
    const failed = await outbox.save({ ...start, state: 'failed', lastError: 'Kalm no longer holds this review, so the reply cannot be sent.', nextAttemptAt: null, updatedAt: now().toISOString() });
    return outcome(failed, failed.lastError ?? undefined);
  }
  let meta = outbox.meta.get(id) ?? fallbackMeta(start, target.review);
  // Durable before any request: a crash from here on leaves `sending`, which the next run re-checks.
  let item = await markSending(outbox, start, now);
  try {
    const remote = await rereadRemote(() => api.getReview(target.reviewName), isNotFound);
    const conflict = detectConflict(item, meta, new Set(ourTexts(outbox, item, meta)), remote, now());
    if (conflict === 'confirmed') return await confirm(opts, item, remote, now);
    if (conflict) return await markConflict(opts, item, meta, conflict);
    if (opts.signal?.aborted) return outcome(await outbox.save({ ...item, state: 'queued', updatedAt: now().toISOString() }));
    if (item.action === 'reply') {
      meta = await outbox.noteAttempt(meta, item.text);
      const put = await api.putReply(target.reviewName, item.text);
      return await confirm(opts, item, { ...(remote as GbpReview), reviewReply: put }, now);
    }
    await api.deleteReply(target.reviewName);
    return await confirm(opts, item, null, now);
  } catch (err) {
    item = outbox.store.get(id) ?? item;
    return await markFailed(opts, item, err, now);
  }
}

/** The reply's own words (Google may add a translation to a reply it shows back). */
const replyTexts = (remote: GbpReview | null): string[] => {
  const c = remote?.reviewReply?.comment;
  return c === undefined ? [] : [c, splitTranslation(c).original];
};

/** What stands between the item and Google, 'confirmed' when Google already has the result, or null. */
function detectConflict(item: OutboxItem, meta: OutboxMeta, ours: ReadonlySet<string>, remote: GbpReview | null, at: Date): OutboxConflict | 'confirmed' | null {
  const detectedAt = at.toISOString();
  const base = { oldText: meta.snapshot.text, oldRating: meta.snapshot.rating, detectedAt };
  if (!remote) {
    return { ...base, kind: 'deleted', message: 'The review was deleted on Google; the reply was not sent.', newText: null, newRating: null, otherReply: null, remoteUpdatedAt: null };
  }
  const now = mapGoogleReview(remote).review;
  const theirs = replyTexts(remote);
  const current = { ...base, newText: now.text, newRating: now.rating, otherReply: now.reply?.text ?? null, remoteUpdatedAt: now.updatedAt };
  if (item.action === 'deleteReply') {
    if (theirs.length === 0) return 'confirmed';
    if (!theirs.some((t) => ours.has(t))) {
      return { ...current, kind: 'answered_elsewhere', message: 'The reply on Google changed and was not written by Kalm; it was not removed.' };
    }
    return null;
  }
  if (theirs.includes(item.text)) return 'confirmed';
  if (now.text !== meta.snapshot.text || now.rating !== meta.snapshot.rating) {
    return { ...current, kind: 'changed', message: 'The review was changed on Google after you wrote this reply; the reply was not sent.' };
  }
  if (theirs.length > 0 && !theirs.some((t) => ours.has(t))) {
    return { ...current, kind: 'answered_elsewhere', message: 'This review was answered elsewhere (not by Kalm); your reply was not sent.' };
  }
  return null;
}

async function markConflict(opts: PublishOptions, item: OutboxItem, meta: OutboxMeta, conflict: OutboxConflict): Promise<Outcome> {
  const saved = await saveConflict(opts.outbox, item, meta, conflict, opts.onConflict);
  return outcome(saved, conflict.message);
}

/** Google holds the item's result: record it as sent (unless the owner changed the item meanwhile). */
async function confirm(opts: PublishOptions, sent: OutboxItem, remote: GbpReview | null, now: () => Date): Promise<Outcome> {
  const { outbox } = opts;
  const current = outbox.store.get(sent.id);
  if (!current || current.state !== 'sending' || current.text !== sent.text || current.action !== sent.action) {
    // Edited while it was being sent: the new text goes out next.
    return current ? { ...outcome(current), again: current.state === 'queued' } : outcome(sent);
  }
  const at = now().toISOString();
  const reply: Reply | null = sent.action === 'reply'
    ? { text: sent.text, updatedAt: toIso(remote?.reviewReply?.updateTime ?? at), state: 'published' }
    : null;
  const meta = outbox.meta.get(sent.id);
  if (meta) await outbox.saveMeta({ ...meta, conflict: null, sent: reply ? { text: reply.text, updatedAt: reply.updatedAt } : { text: '', updatedAt: at } });
  const done = await outbox.save({ ...current, state: 'sent', lastError: null, nextAttemptAt: null, updatedAt: at });
  try {
    await opts.onSent?.(done.reviewId, reply, done);
  } catch (err) {
    return { ...outcome(done), error: `Sent, but Kalm could not update the review: ${err instanceof Error ? err.message : String(err)}` };
  }
  return outcome(done);
}

async function markFailed(opts: PublishOptions, item: OutboxItem, err: unknown, now: () => Date): Promise<Outcome> {
  // Changed by the owner while it was being sent: the new version is due as it is.
  if (item.state !== 'sending') return outcome(item);
  const at = now();
  const failure = googlePublishFailure(err, item.attempts, at, {
    offlineMessage: 'No connection to Google; Kalm will send this reply when the connection is back.',
    // A lost grant (reconnect needed) fails every other item alike too.
    alsoStopsRun: isReconnectNeeded,
  });
  const failed = await saveFailed(opts.outbox, item, failure, at);
  const { reason, nextAttemptAt } = failure;
  return { ...outcome(failed, reason), ...(failure.stopsRun && nextAttemptAt !== null ? { stop: { reason, nextAttemptAt } } : {}) };
}
