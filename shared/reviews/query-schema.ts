import { z } from 'zod';
import { IsoTime, Rating, Review, ReviewStatus } from '../domain/review';

export const ReviewSort = z.enum(['priority', 'newest', 'oldest', 'highest']);
export type ReviewSort = z.infer<typeof ReviewSort>;

/**
 * The inbox's views. unanswered: waiting for a reply (drafts included: they are unanswered on the
 * source); drafts: a reply draft exists; outbox: a reply is queued, failing or in conflict;
 * answered: answered or marked done; all: everything except deleted reviews.
 */
export const InboxView = z.enum(['unanswered', 'drafts', 'outbox', 'answered', 'all']);
export type InboxView = z.infer<typeof InboxView>;
export const INBOX_VIEWS = InboxView.options;

/** A BCP 47 language tag or its primary subtag ("nl", "en-GB"). */
const LanguageTag = z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'Use a language tag such as "nl" or "en-GB".');

/**
 * Which reviews the inbox asks for. All parts combine with AND; a list matches
 * when the review has any of its values; an empty or absent list filters nothing.
 * `priority` = rating ascending (rating-only reviews after 5★), then oldest first.
 */
export const ReviewQuery = z
  .object({
    /** One status, or "all" for every review except deleted ones. */
    status: z.union([ReviewStatus, z.literal('all')]).default('unanswered'),
    /** An inbox view; when given it replaces `status`. */
    view: InboxView.optional(),
    /** Only reviews past the reply-time target of their source (shared/reviews/reply-targets.ts) at `now`. */
    overdue: z.boolean().optional(),
    /** The moment "overdue" is judged at; default: the core's clock. */
    now: IsoTime.optional(),
    /** Star ratings to include; empty or absent = all. Null-rated (rating-only) reviews match no rating chip. */
    ratings: z.array(Rating).max(5).optional(),
    /** One source id (kept for older callers; combines with `sources`). */
    source: z.string().min(1).optional(),
    /** Source ids, any of. */
    sources: z.array(z.string().min(1)).max(100).optional(),
    /** One location id (kept for older callers; combines with `locationIds`). */
    locationId: z.string().min(1).optional(),
    /** Location ids, any of. */
    locationIds: z.array(z.string().min(1)).max(5000).optional(),
    /** Labels, any of (exact, case-sensitive). */
    labels: z.array(z.string().min(1)).max(100).optional(),
    /** Only reviews assigned to this team member id ("assigned to me"). */
    assignee: z.string().min(1).max(100).optional(),
    /** The review's language: "nl" matches "nl" and "nl-BE" (case-insensitive); "nl-BE" only "nl-BE". */
    language: LanguageTag.optional(),
    /** createdAt on or after this moment. */
    from: IsoTime.optional(),
    /** createdAt before this moment (exclusive). */
    to: IsoTime.optional(),
    /**
     * Free text; case- and diacritics-insensitive ("cafe" finds "Café"). Every
     * whitespace-separated word must occur somewhere in the review's text,
     * translation, author name or reply — anywhere, also inside a word.
     */
    text: z.string().max(200).optional(),
    sort: ReviewSort.default('priority'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
    message: '"from" must not be later than "to".',
    path: ['from'],
  });
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

/** Counts per status; `all` is every status except deleted (as the "all" filter). */
export const StatusCounts = z.object({
  all: z.number().int(),
  unanswered: z.number().int(),
  drafted: z.number().int(),
  queued: z.number().int(),
  answered: z.number().int(),
  conflict: z.number().int(),
  deleted: z.number().int(),
  done: z.number().int(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

/** Counts per inbox view for the filter without its view/status part; `overdue`: of the shown view, past their target. */
export const ViewCounts = z.object({
  unanswered: z.number().int(),
  drafts: z.number().int(),
  outbox: z.number().int(),
  answered: z.number().int(),
  all: z.number().int(),
  overdue: z.number().int(),
});
export type ViewCounts = z.infer<typeof ViewCounts>;

export const ReviewPage = z.object({
  items: z.array(Review),
  /** Number of reviews matching the whole filter (before offset/limit). */
  total: z.number().int(),
  /** Counts per rating for the filter without its rating part, for the star chips. */
  countsByRating: RatingCounts,
  /** Counts per status for the filter without its status part, for the status chips. */
  countsByStatus: StatusCounts,
  /** Counts per inbox view (see ViewCounts). */
  countsByView: ViewCounts,
});
export type ReviewPage = z.infer<typeof ReviewPage>;

/** The labels and languages the reviews have (for the inbox's filter lists), most used first. */
export const ReviewFacets = z.object({
  labels: z.array(z.object({ name: z.string(), count: z.number().int() })),
  languages: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type ReviewFacets = z.infer<typeof ReviewFacets>;
