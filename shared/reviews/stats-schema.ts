import { z } from 'zod';
import { RatingCounts } from './query-schema';

export const StatsQuery = z
  .object({
    source: z.string().min(1).optional(),
    locationId: z.string().min(1).optional(),
  })
  .strict();
export type StatsQuery = z.output<typeof StatsQuery>;

export const StatsFigures = z.object({
  /** Mean of rated reviews, rounded to 2 decimals; null when nothing is rated. */
  average: z.number().nullable(),
  /** Reviews counted (deleted ones excluded), rating-only ones included. */
  count: z.number().int(),
  rated: z.number().int(),
  /** Reviews without a reply. */
  unanswered: z.number().int(),
  /** Share of reviews with a reply, 0–1 (2 decimals); null when there are no reviews. */
  responseRate: z.number().nullable(),
  /** Median of (reply.updatedAt − createdAt) over replied reviews, in hours (2 decimals); null when none is replied. */
  medianReplyHours: z.number().nullable(),
  distribution: RatingCounts,
});
export type StatsFigures = z.infer<typeof StatsFigures>;

export const LocationStats = StatsFigures.extend({
  locationId: z.string(),
  locationName: z.string(),
  source: z.string(),
});
export type LocationStats = z.infer<typeof LocationStats>;

export const SourceStats = StatsFigures.extend({
  source: z.string(),
  /** The source's display name (its id when the source is not known). */
  sourceName: z.string(),
});
export type SourceStats = z.infer<typeof SourceStats>;

/** One calendar month (UTC, by createdAt). */
export const TrendPoint = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Mean of the month's rated reviews (2 decimals); null when none is rated. */
  average: z.number().nullable(),
  /** The month's reviews, rating-only ones included. */
  count: z.number().int(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const StatsSummary = z.object({
  overall: StatsFigures,
  /** One row per known location with reviews in scope, in the order of the workspace's locations. */
  locations: z.array(LocationStats),
  /** One row per source with reviews in scope: known sources in workspace order, then others by id. */
  sources: z.array(SourceStats),
  /** Same as `overall.medianReplyHours`. */
  medianReplyHours: z.number().nullable(),
  /** Every month from the first to the last review in scope, in order; months without reviews have count 0. */
  trend: z.array(TrendPoint),
});
export type StatsSummary = z.infer<typeof StatsSummary>;
