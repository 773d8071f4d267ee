import { z } from 'zod';
import { OutboxState, OutboxWaitingFor } from '../domain/outbox';
import { IsoTime } from '../domain/review';

export const ConflictKind = z.enum(['deleted', 'changed', 'answered_elsewhere']);
export type ConflictKind = z.infer<typeof ConflictKind>;

/** What the publisher found on the source instead of what the reply was written for. */
export const OutboxConflict = z.object({
  kind: ConflictKind,
  message: z.string(),
  /** The review's text and stars when the reply was written, and as the source has them now. */
  oldText: z.string().nullable(),
  newText: z.string().nullable(),
  oldRating: z.number().int().nullable(),
  newRating: z.number().int().nullable(),
  /** The reply Kalm did not write (answered elsewhere), or the reply on the source otherwise. */
  otherReply: z.string().nullable(),
  /** The source's updateTime of the review when the conflict was found (null: deleted). */
  remoteUpdatedAt: IsoTime.nullable(),
  detectedAt: IsoTime,
});
export type OutboxConflict = z.infer<typeof OutboxConflict>;

/** The conflict as clients see it (a summary for the owner). */
export const OutboxConflictView = OutboxConflict.omit({ remoteUpdatedAt: true });
export type OutboxConflictView = z.infer<typeof OutboxConflictView>;

/** Which review an item answers, in words the owner recognises (null: Kalm no longer holds it). */
export const OutboxReviewSummary = z.object({
  author: z.string(),
  rating: z.number().int().nullable(),
  /** The start of the review's text (plain text; untrusted). */
  excerpt: z.string().nullable(),
  locationName: z.string().nullable(),
  /** The site the review is on, as the owner knows it ("Google", "Google Play", "Trustpilot"). */
  sourceName: z.string(),
});
export type OutboxReviewSummary = z.infer<typeof OutboxReviewSummary>;

/**
 * For a reply to a site without a reply API (publish mode copyAndOpen): Kalm never sends it; the owner copies it,
 * opens the review's page (`url`: http(s) only, null when the import had no usable link) and says "I posted it".
 */
export const OutboxCopyAndOpen = z.object({ sourceName: z.string(), url: z.string().nullable() });
export type OutboxCopyAndOpen = z.infer<typeof OutboxCopyAndOpen>;

/** One outbox item as clients see it (`outbox.list`). */
export const OutboxItemView = z.object({
  id: z.string(),
  reviewId: z.string(),
  action: z.enum(['reply', 'deleteReply']),
  state: OutboxState,
  text: z.string(),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  /** Why a queued item waits, for the UI to say in the owner's language (absent: `lastError` is all there is). */
  waitingFor: OutboxWaitingFor.optional(),
  nextAttemptAt: IsoTime.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  conflict: OutboxConflictView.nullable(),
  review: OutboxReviewSummary.nullable(),
  /** Set when the owner posts this reply by hand (copy-and-open); null when Kalm sends it. */
  copyAndOpen: OutboxCopyAndOpen.nullable(),
});
export type OutboxItemView = z.infer<typeof OutboxItemView>;

export const OutboxList = z.object({ items: z.array(OutboxItemView) });
export type OutboxList = z.infer<typeof OutboxList>;

/** The outcome of one item in `outbox.publish`. `note` says what happened when nothing was sent anywhere (the demo). */
export const PublishResultView = z.object({
  id: z.string(),
  reviewId: z.string(),
  ok: z.boolean(),
  state: OutboxState,
  error: z.string().optional(),
  note: z.string().optional(),
});
export type PublishResultView = z.infer<typeof PublishResultView>;

export const PublishResults = z.object({ results: z.array(PublishResultView) });
export type PublishResults = z.infer<typeof PublishResults>;
