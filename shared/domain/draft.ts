import { z } from 'zod';
import { IsoTime } from './review';

export const DRAFT_SCHEMA_VERSION = 1;

/** A reply being written; autosaved, kept across crashes. */
export const Draft = z.object({
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  reviewId: z.string().min(1),
  text: z.string(),
  /** The review's updatedAt when the draft began, to detect an edited review before sending. */
  reviewUpdatedAt: IsoTime,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Draft = z.infer<typeof Draft>;
