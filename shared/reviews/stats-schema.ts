import { z } from 'zod';
import { IsoTime } from '../domain/review';
import { RatingCounts } from './query-schema';
import { isTimeZone } from '../time/zoned';

export const StatsQuery = z
  .object({
    source: z.string().min(1).optional(),
    locationId: z.string().min(1).optional(),
    /** The period: reviews created on or after `from`… */
    from: IsoTime.optional(),
    /** …and before `to` (exclusive; default now). Both absent = every review. */
    to: IsoTime.optional(),
    /** IANA zone the monthly trend follows (the owner's calendar); default UTC. */
    timeZone: z.string().max(64).refine(isTimeZone, 'Use a time zone name such as "Europe/Amsterdam" or "UTC".').optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
    message: '"from" must not be later than "to".',
    path: ['from'],
  });
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
  /** Share of replied reviews whose reply came within their source's target (in business hours when those are on), 0–1 (2 decimals); null when none is replied. */
  withinTarget: z.number().nullable(),
  /** Reviews still waiting for a reply past their source's target (reply-targets.ts, the owner's policy) at the time of the call. */
  overdue: z.number().int(),
  distribution: RatingCounts,
});
export type StatsFigures = z.infer<typeof StatsFigures>;

const Previous = {
  /** The average of the same rows over the previous period of the same length; null without a period or ratings then. */
  previousAverage: z.number().nullable(),
};

export const LocationStats = StatsFigures.extend({
  locationId: z.string(),
  locationName: z.string(),
  source: z.string(),
  ...Previous,
});
export type LocationStats = z.infer<typeof LocationStats>;

export const SourceStats = StatsFigures.extend({
  source: z.string(),
  /** The source's display name (its id when the source is not known). */
  sourceName: z.string(),
  /** Reply-time target of the source in hours. */
  targetHours: z.number(),
  ...Previous,
});
export type SourceStats = z.infer<typeof SourceStats>;

/** One calendar month (in the query's time zone, by createdAt). */
export const TrendPoint = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Mean of the month's rated reviews (2 decimals); null when none is rated. */
  average: z.number().nullable(),
  /** The month's reviews, rating-only ones included. */
  count: z.number().int(),
  /** Median reply time in hours of the month's replied reviews; null when none is replied. */
  medianReplyHours: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** A label and how the reviews carrying it are rated. */
export const TopicStats = z.object({
  /** The label's name (as the owner named it); its id is `labelId`. */
  label: z.string(),
  labelId: z.string(),
  count: z.number().int(),
  average: z.number().nullable(),
});
export type TopicStats = z.infer<typeof TopicStats>;

export const StatsPeriod = z.object({
  from: IsoTime.nullable(),
  to: IsoTime.nullable(),
  /** The period of the same length just before; null without a `from`. */
  previousFrom: IsoTime.nullable(),
  previousTo: IsoTime.nullable(),
});
export type StatsPeriod = z.infer<typeof StatsPeriod>;

export const StatsSummary = z.object({
  overall: StatsFigures,
  /** Overall figures of the previous period of the same length; null without a `from`. */
  previous: StatsFigures.nullable(),
  period: StatsPeriod,
  /** The reply-time target shared by every review in scope; null when sources with different targets mix. */
  targetHours: z.number().nullable(),
  /** Targets count business hours (Settings): "within target" and "overdue" judge time only while the business is open. */
  businessHours: z.boolean(),
  /** One row per known location with reviews in scope, in the order of the workspace's locations. */
  locations: z.array(LocationStats),
  /** One row per source with reviews in scope: known sources in workspace order, then others by id. */
  sources: z.array(SourceStats),
  /** Same as `overall.medianReplyHours`. */
  medianReplyHours: z.number().nullable(),
  /** Every month from the first to the last review in scope, in order; months without reviews have count 0. */
  trend: z.array(TrendPoint),
  /** Labels on reviews in scope, most used first (then by name). */
  topics: z.array(TopicStats),
});
export type StatsSummary = z.infer<typeof StatsSummary>;
