import { z } from 'zod';
import { Draft } from '../domain/draft';
import { Review } from '../domain/review';
import { OutboxList, PublishResults } from '../outbox/outbox-view';
import { ReplyHistoryView } from '../outbox/reply-history';
import { call, Empty, NoInput, ReplyText, ReviewIdField, Signal } from './fields';

const OutboxId = z.string().min(1).max(600);

/** The outbox: replies queued for sending, their conflicts and history, and replies the owner posted by hand. */
export const outboxCalls = {
  /** Queues a reply (offline; nothing is sent). Refused when empty or over the source's limit. Removes the draft. */
  'outbox.send': call(z.object({ reviewId: ReviewIdField, text: ReplyText }).strict(), z.object({ id: z.string() })),
  'outbox.list': call(NoInput, OutboxList),
  /** Sends every queued reply now (demo reviews are answered locally, nothing goes out). */
  'outbox.publish': call(NoInput, PublishResults),
  'outbox.cancel': call(z.object({ id: OutboxId }).strict(), Empty),
  'outbox.retry': call(z.object({ id: OutboxId }).strict(), Empty),
  'outbox.resolve': call(z.object({ id: OutboxId, choice: z.enum(['send_anyway', 'discard']) }).strict(), Empty),
  /** Queues the removal of the review's posted reply. */
  'outbox.unreply': call(z.object({ reviewId: ReviewIdField }).strict(), z.object({ id: z.string() })),
  /** Takes a reply back out of the outbox into the review's draft (the draft is written before the item goes). */
  'outbox.edit': call(z.object({ id: OutboxId }).strict(), Draft),
  /** The local history of a review's reply versions, oldest first. */
  'outbox.history': call(z.object({ reviewId: ReviewIdField }).strict(), ReplyHistoryView),
  /** The owner posted the reply by hand (copy-and-open sources): the review is answered with this text. */
  'outbox.markPosted': call(z.object({ reviewId: ReviewIdField, text: ReplyText }).strict(), Review),
} as const;

export const outboxEvents = {
  /** The outbox changed (queued, sent, failed, conflict, cancelled); clients re-list. */
  'outbox.changed': Signal,
} as const;
