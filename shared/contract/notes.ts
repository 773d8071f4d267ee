import { z } from 'zod';
import { call, ReviewIdField } from './fields';

/** The owner's private notes on reviews (never sent anywhere). */
export const noteCalls = {
  /** Sets the private note of a review; empty = none. */
  'notes.set': call(z.object({ reviewId: ReviewIdField, note: z.string().max(10_000) }).strict(), z.object({})),
} as const;
