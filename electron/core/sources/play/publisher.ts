import type { OutboxItem } from '../../../../shared/domain/outbox';
import type { Reply, Review } from '../../../../shared/domain/review';
import type { PublishResultView } from '../../../../shared/outbox/outbox-view';
import { detectPlayConflict } from '../../../../shared/play/conflict';
import { PLAY_SOURCE, playTimeToIso } from '../../../../shared/play/map-review';
import type { PlayReview } from '../../../../shared/play/schemas';
import { googlePublishFailure, isNotFound } from '../../google-api/publish-failure';
import { isDue } from '../../outbox/backoff';
import { fallbackMeta, type OutboxMeta } from '../../outbox/meta';
import { markConflict, markFailed, markSending, ourTexts, rereadRemote } from '../../outbox/publish-steps';
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
      for (const { item: listed } of q.list()) {
        // Looked up again at its turn: an item withdrawn meanwhile (a team claim lost during a long run) is not sent.
        const item = q.get(listed.id)?.item;
        if (!item) continue;
        const review = deps.reviewOf(item.reviewId);
        if (!review || review.source !== PLAY_SOURCE || !isDue(item, deps.now(), deps.force === true)) continue;
        if (item.action === 'deleteReply') {
          const failed = await q.save({ ...item, state: 'failed', lastError: PLAY_CANNOT_DELETE, nextAttemptAt: null, updatedAt: at() });
          results.push(view(failed, PLAY_CANNOT_DELETE));
          continue;
        }
        const sending = await markSending(q, item, deps.now);
        try {
          const play = await api();
          const remote: PlayReview | null = await rereadRemote(() => play.getReview(review.locationId, review.externalId), isNotFound);
          let meta = metaFor(q, sending, review);
          const found = detectPlayConflict({
            packageName: review.locationId, text: sending.text, snapshot: meta.snapshot, remote, at: deps.now(), ours: ourTexts(q, sending, meta),
          });
          if (found !== null && found !== 'confirmed') {
            const conflicted = await markConflict(q, sending, meta, found, (reviewId, conflict) => deps.onConflict(reviewId, conflict));
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
          const failure = googlePublishFailure(err, sending.attempts, deps.now(), {
            offlineMessage: 'No connection to Google Play; Kalm will send this reply when the connection is back.',
          });
          const failed = await markFailed(q, sending, failure, deps.now());
          results.push(view(failed, failure.reason));
          // Play cannot be reached or does not accept Kalm now: the other Play replies wait for the next run.
          if (failure.stopsRun) break;
        }
      }
      return results;
    },
  };
}
