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
  /** Reviews counted (deleted ones excluded). */
  count: z.number().int(),
  rated: z.number().int(),
  unanswered: z.number().int(),
  /** Share of reviews with a reply, 0–1 (2 decimals); null when there are no reviews. */
  responseRate: z.number().nullable(),
  distribution: RatingCounts,
});
export type StatsFigures = z.infer<typeof StatsFigures>;

export const LocationStats = StatsFigures.extend({
  locationId: z.string(),
  locationName: z.string(),
  source: z.string(),
});
export type LocationStats = z.infer<typeof LocationStats>;

export const StatsSummary = z.object({
  overall: StatsFigures,
  locations: z.array(LocationStats),
});
export type StatsSummary = z.infer<typeof StatsSummary>;
