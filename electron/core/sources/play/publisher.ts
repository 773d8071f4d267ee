import type { OutboxItem } from '../../../../shared/domain/outbox';
import type { Reply, Review } from '../../../../shared/domain/review';
import type { PublishResultView } from '../../../../shared/outbox/outbox-view';
import { detectPlayConflict } from '../../../../shared/play/conflict';
import { PLAY_SOURCE, playTimeToIso } from '../../../../shared/play/map-review';
import type { PlayReview } from '../../../../shared/play/schemas';
import { KalmError } from '../../../../shared/domain/errors';
import { GoogleApiError, STOPS_PUBLISH_RUN, WONT_PASS_BY_WAITING } from '../../google-api/errors';
import { isDue, retryWaitMs } from '../../outbox/backoff';
import { fallbackMeta, type OutboxMeta } from '../../outbox/meta';
import type { OutboxQueue } from '../../outbox/queue';
import type { SourcePublisher } from '../../outbox/source-publisher';
import type { PlayApi } from './api';

/** Google Play has no call that removes a developer reply (androidpublisher v3 reviews: list, get, reply). */
export const PLAY_CANNOT_DELETE = 'Google Play has no way to remove a reply; edit it to change what it says.';

const view = (item: OutboxItem, error?: string): PublishResultView =>
  ({ id: item.id, reviewId: item.reviewId, ok: item.state === 'sent', state: item.state, ...(error ? { error } : {}) });

const metaFor = (q: OutboxQueue, item: OutboxItem, review: Review): OutboxMeta => q.meta.get(item.id) ?? fallbackMeta(item, review);

/**
 * Sends queued Google Play replies. Before each, it re-reads the review (reviews.get) and stops at a conflict
 * like Google's: deleted (404), changed since Kalm stored it (text, stars, lastModified) or answered elsewhere
 * (a developer reply Kalm did not write): never overwritten silently. Play's reply call creates or replaces the
 * one reply, so a repeat after a crash is harmless (and is recognised as already sent).
 */
export function playPublisher(api: () => Promise<PlayApi> | PlayApi): SourcePublisher {
  return {
    owns: (review) => review.source === PLAY_SOURCE,
    async publish(q, deps) {
      const results: PublishResultView[] = [];
      const at = () => deps.now().toISOString();
      for (const { item } of q.list()) {
        const review = deps.reviewOf(item.reviewId);
        if (!review || review.source !== PLAY_SOURCE || !isDue(item, deps.now(), deps.force === true)) continue;
        if (item.action === 'deleteReply') {
          const failed = await q.save({ ...item, state: 'failed', lastError: PLAY_CANNOT_DELETE, nextAttemptAt: null, updatedAt: at() });
          results.push(view(failed, PLAY_CANNOT_DELETE));
          continue;
        }
        const sending = await q.save({ ...item, state: 'sending', attempts: item.attempts + 1, updatedAt: at() });
        try {
          const play = await api();
          let remote: PlayReview | null;
          try {
            remote = await play.getReview(review.locationId, review.externalId);
          } catch (err) {
            if (!(err instanceof GoogleApiError && err.problem === 'not_found')) throw err;
            remote = null;
          }
          let meta = metaFor(q, sending, review);
          const found = detectPlayConflict({
            packageName: review.locationId, text: sending.text, snapshot: meta.snapshot, remote, at: deps.now(),
            ours: [...q.ownTexts(sending.reviewId), ...meta.attempted, ...(meta.knownReply !== null ? [meta.knownReply] : [])],
          });
          if (found !== null && found !== 'confirmed') {
            await q.saveMeta({ ...meta, conflict: found });
            const conflicted = await q.save({ ...sending, state: 'conflict', lastError: found.message, nextAttemptAt: null });
            await deps.onConflict?.(conflicted.reviewId, found);
            results.push(view(conflicted, found.message));
            continue;
          }
          let reply: Reply;
          if (found === 'confirmed') {
            const dev = remote?.comments.find((c) => c.developerComment)?.developerComment;
            reply = { text: dev?.text ?? sending.text, updatedAt: dev ? playTimeToIso(dev.lastModified) : at(), state: 'published' };
          } else {
            meta = await q.noteAttempt(meta, sending.text);
            const result = await play.reply(review.locationId, review.externalId, sending.text);
            reply = { text: result.replyText, updatedAt: playTimeToIso(result.lastEdited), state: 'published' };
          }
          await q.saveMeta({ ...meta, conflict: null, sent: { text: reply.text, updatedAt: reply.updatedAt } });
          const done = await q.save({ ...sending, state: 'sent', lastError: null, nextAttemptAt: null, updatedAt: at() });
          await deps.onSent(done.reviewId, reply);
          results.push(view(done));
        } catch (err) {
          const google = err instanceof GoogleApiError ? err : null;
          const offline = google?.problem === 'unavailable' && google.status === 0;
          const message = offline
            ? 'No connection to Google Play; Kalm will send this reply when the connection is back.'
            : err instanceof KalmError ? err.message : 'Something went wrong while sending; Kalm will try again.';
          const wait = retryWaitMs(sending.attempts, { offline, retryAfterSeconds: google?.retryAfterSeconds ?? null });
          const permanent = google !== null && WONT_PASS_BY_WAITING.has(google.problem);
          const failed = await q.save({
            ...sending, state: offline ? 'queued' : 'failed', lastError: message,
            nextAttemptAt: permanent ? null : new Date(deps.now().getTime() + wait).toISOString(), updatedAt: at(),
          });
          results.push(view(failed, message));
          // Play cannot be reached or does not accept Kalm now: the other Play replies wait for the next run.
          if (google !== null && STOPS_PUBLISH_RUN.has(google.problem)) break;
        }
      }
      return results;
    },
  };
}
