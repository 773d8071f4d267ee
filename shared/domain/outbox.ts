import { z } from 'zod';
import { IsoTime } from './review';

export const OUTBOX_SCHEMA_VERSION = 1;

export const OutboxState = z.enum(['queued', 'sending', 'sent', 'failed', 'conflict']);
export type OutboxState = z.infer<typeof OutboxState>;

/** A reply (or a reply deletion) waiting to be published to its source. */
export const OutboxItem = z.object({
  schemaVersion: z.literal(OUTBOX_SCHEMA_VERSION),
  /** Unique per queued action. */
  id: z.string().min(1),
  reviewId: z.string().min(1),
  action: z.enum(['reply', 'deleteReply']),
  text: z.string(),
  reviewUpdatedAt: IsoTime,
  state: OutboxState,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  nextAttemptAt: IsoTime.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type OutboxItem = z.infer<typeof OutboxItem>;
