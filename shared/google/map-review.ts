import { REVIEW_SCHEMA_VERSION, reviewId, type Rating, type Reply, type Review, type ReviewStatus } from '../domain/review';
import { detectReviewLanguage } from '../reply/language';
import { GOOGLE_SOURCE_ID, parseReviewName } from './names';
import type { GbpReview, GbpReviewReply } from './schemas';
import { compareTimes, toIso } from './time';
import { splitTranslation } from './translation';

const STARS: Readonly<Record<string, Rating>> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

/** `starRating` → 1–5; STAR_RATING_UNSPECIFIED, absent or unknown → null. */
export const mapStarRating = (star: string | undefined): Rating | null => (star !== undefined ? (STARS[star] ?? null) : null);

/** Statuses that record the owner's work in Kalm; a sync keeps them unless Google shows a current reply. */
const LOCAL_WORK: ReadonlySet<ReviewStatus> = new Set(['drafted', 'queued', 'conflict', 'done']);

export interface MappedReview {
  review: Review;
  /**
   * The review was edited after its reply was written (updateTime later than the reply's): the reply answers
   * an older version, so the review is back in the inbox (status 'unanswered', reply kept).
   */
  staleReply: boolean;
}

/** The reply as Kalm keeps it: the original part only (a reply read back can carry Google's translation). */
export function mapReply(reply: GbpReviewReply, reviewUpdateTime: string): Reply {
  return {
    text: splitTranslation(reply.comment).original,
    updatedAt: toIso(reply.updateTime ?? reviewUpdateTime),
    state: 'published',
  };
}

function statusOf(reply: Reply | null, staleReply: boolean, existing: Review | undefined): ReviewStatus {
  if (reply && !staleReply) return 'answered';
  if (existing && LOCAL_WORK.has(existing.status)) return existing.status;
  return 'unanswered';
}

/**
 * A v4 Review as Kalm's domain review (source `google`, location id `{l}` of its name). Google's data
 * (text, rating, times, reply) replaces the local copy; Kalm's own fields (labels, assignee, note) come from
 * `existing`, and so does a local status of drafted/queued/conflict unless Google shows a current reply.
 * Text is kept byte for byte (no trimming, no markup handling: it is untrusted and rendered as text).
 */
export function mapGoogleReview(g: GbpReview, existing?: Review): MappedReview {
  const parts = parseReviewName(g.name);
  if (!parts) throw new Error(`Not a Google review name: ${g.name.slice(0, 200)}`);
  const externalId = g.reviewId ?? parts.reviewId;
  const split = g.comment === undefined ? null : splitTranslation(g.comment);
  const reply = g.reviewReply ? mapReply(g.reviewReply, g.updateTime) : null;
  const replyTime = g.reviewReply?.updateTime;
  const staleReply = replyTime !== undefined && compareTimes(g.updateTime, replyTime) > 0;
  const anonymous = g.reviewer?.isAnonymous === true;
  const review: Review = {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: reviewId(GOOGLE_SOURCE_ID, parts.locationId, externalId),
    source: GOOGLE_SOURCE_ID,
    locationId: parts.locationId,
    externalId,
    rating: mapStarRating(g.starRating),
    text: split ? split.original : null,
    translatedText: split ? split.translated : null,
    // Google gives no language: detected from the original text with the composer's detector (one already
    // stored is kept while the text stays the same; a rating without text has none).
    language: existing && split && existing.text === split.original && existing.language !== null ? existing.language : detectReviewLanguage(split ? split.original : null),
    author: g.reviewer?.displayName ?? '',
    anonymous,
    createdAt: toIso(g.createTime),
    updatedAt: toIso(g.updateTime),
    reply,
    status: statusOf(reply, staleReply, existing),
    labels: existing ? [...existing.labels] : [],
    assignee: existing?.assignee ?? null,
    note: existing?.note ?? null,
    url: existing?.url ?? null,
  };
  return { review, staleReply };
}

/** The local copy of a review Google no longer lists: kept, marked deleted. */
export const markDeleted = (review: Review): Review => (review.status === 'deleted' ? review : { ...review, status: 'deleted' });

/** True when two reviews hold the same data (what decides "changed" in a sync). */
export function sameReview(a: Review, b: Review): boolean {
  const keys = Object.keys(a) as (keyof Review)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => k in b && JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
