import { z } from 'zod';
import { Rating, Review, ReviewStatus } from '../domain/review';

export const ReviewSort = z.enum(['priority', 'newest', 'oldest', 'highest']);
export type ReviewSort = z.infer<typeof ReviewSort>;

/** Which reviews the inbox asks for. `priority` = rating ascending, then oldest first. */
export const ReviewQuery = z
  .object({
    /** One status, or "all" for every review except deleted ones. */
    status: z.union([ReviewStatus, z.literal('all')]).default('unanswered'),
    /** Star ratings to include; empty or absent = all. Rating-only filters use `ratings`, null-rated reviews match no rating chip. */
    ratings: z.array(Rating).max(5).optional(),
    source: z.string().min(1).optional(),
    locationId: z.string().min(1).optional(),
    /** Free text; case- and diacritics-insensitive. */
    text: z.string().max(200).optional(),
    sort: ReviewSort.default('priority'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ReviewQueryInput = z.input<typeof ReviewQuery>;
export type ReviewQuery = z.output<typeof ReviewQuery>;

export const RatingCounts = z.object({
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
  5: z.number().int(),
  none: z.number().int(),
});
export type RatingCounts = z.infer<typeof RatingCounts>;

export const ReviewPage = z.object({
  items: z.array(Review),
  /** Number of reviews matching the whole filter (before offset/limit). */
  total: z.number().int(),
  /** Counts per rating for the filter without its rating part, for the star chips. */
  countsByRating: RatingCounts,
});
export type ReviewPage = z.infer<typeof ReviewPage>;
