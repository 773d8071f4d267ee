import { z } from 'zod';

/** Version of the stored review record; bump it and add a migration when the shape changes. */
export const REVIEW_SCHEMA_VERSION = 3;

export const Rating = z.literal([1, 2, 3, 4, 5]);
export type Rating = z.infer<typeof Rating>;

/** An ISO 8601 / RFC 3339 timestamp string, e.g. 2026-03-01T09:30:00.000Z. */
export const IsoTime = z.iso.datetime({ offset: true });

export const ReviewStatus = z.enum(['unanswered', 'drafted', 'queued', 'answered', 'conflict', 'deleted', 'done']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** State of a reply as the source reports it. */
export const ReplyState = z.enum(['published', 'pending', 'rejected']);
export type ReplyState = z.infer<typeof ReplyState>;

export const Reply = z.object({
  text: z.string(),
  updatedAt: IsoTime,
  state: ReplyState,
});
export type Reply = z.infer<typeof Reply>;

/** The scale a source rated on before Kalm mapped the rating to 1–5. */
export const RatingScale = z.enum(['stars-5', 'score-10', 'recommend']);
export type RatingScale = z.infer<typeof RatingScale>;

/**
 * What the source said that Kalm's own fields do not hold (added in schema version 2):
 * the rating as given (e.g. "8" on Kiyoh's 1–10, "positive" on Facebook), a title, and for
 * Google Play the device and the app version.
 */
export const ReviewOrigin = z.object({
  rating: z.string().nullable(),
  scale: RatingScale.nullable(),
  title: z.string().nullable(),
  device: z.string().nullable(),
  appVersion: z.string().nullable(),
  /** The source gave a day without a time (an import's "2025-03-14"): shown as that day, never as a moment. */
  dateOnly: z.boolean().optional(),
});
export type ReviewOrigin = z.infer<typeof ReviewOrigin>;

export const Review = z.object({
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  /** Stable Kalm id: `<source>:<locationId>:<externalId>`. */
  id: z.string().min(1),
  source: z.string().min(1),
  locationId: z.string().min(1),
  externalId: z.string().min(1),
  /** 1–5 stars, or null when the source gave no rating. */
  rating: Rating.nullable(),
  /** The reviewer's own words, in their language; null for rating-only reviews. */
  text: z.string().nullable(),
  /** A machine translation the source added (e.g. "(Translated by Google)"), kept apart from the original. */
  translatedText: z.string().nullable(),
  /** BCP 47 language of `text` where known (e.g. "nl", "en"). */
  language: z.string().nullable(),
  author: z.string(),
  anonymous: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  reply: Reply.nullable(),
  status: ReviewStatus,
  labels: z.array(z.string()),
  assignee: z.string().nullable(),
  note: z.string().nullable(),
  /** Link to the review on the source's site (http/https only when opened). */
  url: z.string().nullable(),
  /** Source details beyond the common fields; absent on most reviews. */
  origin: ReviewOrigin.nullable().optional(),
});
export type Review = z.infer<typeof Review>;

export const reviewId = (source: string, locationId: string, externalId: string): string =>
  `${source}:${locationId}:${externalId}`;
