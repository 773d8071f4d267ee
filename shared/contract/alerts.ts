import { z } from 'zod';

export const NewReviewAlert = z.object({
  reviewId: z.string(),
  rating: z.number().int().min(1).max(5),
  author: z.string(),
  locationName: z.string().nullable(),
  /** The start of the review's text (may be empty). */
  excerpt: z.string(),
});
export type NewReviewAlert = z.infer<typeof NewReviewAlert>;

/** Alerts about new low-rated reviews (the threshold is a setting); events only. */
export const alertEvents = {
  /** A new review at or below the alert threshold arrived (once per review). */
  'alerts.newReview': NewReviewAlert,
  /** The desktop shell asks the page to show this review (its notification was clicked). */
  'alerts.open': z.object({ reviewId: z.string() }),
} as const;
