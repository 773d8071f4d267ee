import type { Review } from '../domain/review';

/**
 * How soon a review should have a reply, per source (WEBCARE.md, "Speed").
 * Defaults: Google 24 h, Play 48 h, imported sources 72 h. Counted in plain
 * hours here; business hours and user-set targets come with Settings.
 */
export type ReplyTargets = Readonly<Record<string, number>>;

export const DEFAULT_TARGET_HOURS = { google: 24, play: 48, import: 72 } as const;

export const defaultReplyTargets: ReplyTargets = { google: DEFAULT_TARGET_HOURS.google, play: DEFAULT_TARGET_HOURS.play };

/** The target in hours for a source id; any source without its own target is treated as an import. */
export const targetHours = (source: string, targets: ReplyTargets = defaultReplyTargets): number =>
  targets[source] ?? DEFAULT_TARGET_HOURS.import;

const HOUR_MS = 3_600_000;

/** When the review is due for a reply (ms since epoch). */
export const dueAt = (review: Pick<Review, 'source' | 'createdAt'>, targets?: ReplyTargets): number =>
  Date.parse(review.createdAt) + targetHours(review.source, targets) * HOUR_MS;

/** Still waiting for a reply (not answered, not deleted) past its target at `now`. */
export function isOverdue(review: Pick<Review, 'source' | 'createdAt' | 'status'>, now: number, targets?: ReplyTargets): boolean {
  if (review.status === 'answered' || review.status === 'deleted') return false;
  return now > dueAt(review, targets);
}
