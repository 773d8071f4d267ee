import { z } from 'zod';
import { OutboxState } from '../domain/outbox';
import { IsoTime } from '../domain/review';

/** What the publisher found on the source instead of what the reply was written for (a summary for the owner). */
export const OutboxConflictView = z.object({
  kind: z.enum(['deleted', 'changed', 'answered_elsewhere']),
  message: z.string(),
  oldText: z.string().nullable(),
  newText: z.string().nullable(),
  oldRating: z.number().int().nullable(),
  newRating: z.number().int().nullable(),
  otherReply: z.string().nullable(),
  detectedAt: IsoTime,
});
export type OutboxConflictView = z.infer<typeof OutboxConflictView>;

/** One outbox item as clients see it (`outbox.list`). */
export const OutboxItemView = z.object({
  id: z.string(),
  reviewId: z.string(),
  action: z.enum(['reply', 'deleteReply']),
  state: OutboxState,
  text: z.string(),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  nextAttemptAt: IsoTime.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  conflict: OutboxConflictView.nullable(),
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
