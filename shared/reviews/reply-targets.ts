import type { Review } from '../domain/review';
import type { Settings } from '../domain/settings';
import { businessCalendar, type BusinessCalendar, type BusinessHours } from '../time/business-hours';

/**
 * How soon a review should have a reply, per source (WEBCARE.md, "Speed").
 * Defaults: Google 24 h, Play 48 h, imported sources 72 h; the owner sets
 * their own in Settings. With business hours on, a target counts only the
 * hours the business is open (a 1★ on Friday evening is due Monday).
 */
export type ReplyTargets = Readonly<Record<string, number>>;

export const DEFAULT_TARGET_HOURS = { google: 24, play: 48, import: 72 } as const;

export const defaultReplyTargets: ReplyTargets = { google: DEFAULT_TARGET_HOURS.google, play: DEFAULT_TARGET_HOURS.play };

/** The target in hours for a source id; any source without its own target uses the `import` target (default 72 h). */
export const targetHours = (source: string, targets: ReplyTargets = defaultReplyTargets): number =>
  targets[source] ?? targets.import ?? DEFAULT_TARGET_HOURS.import;

const HOUR_MS = 3_600_000;

/** Business hours as settings hold them, or a calendar already built from them. */
export type HoursLike = BusinessHours | BusinessCalendar;
const calendarOf = (hours: HoursLike | undefined): BusinessCalendar | null =>
  hours === undefined ? null : 'addHours' in hours ? hours : businessCalendar(hours);

/** When the review is due for a reply (ms since epoch); counted in business hours when `hours` is given and enabled. */
export function dueAt(review: Pick<Review, 'source' | 'createdAt'>, targets?: ReplyTargets, hours?: HoursLike): number {
  const created = Date.parse(review.createdAt);
  const target = targetHours(review.source, targets);
  const calendar = calendarOf(hours);
  return calendar ? calendar.addHours(created, target) : created + target * HOUR_MS;
}

/** Still waiting for a reply (not answered, not deleted) past its target at `now`. */
export function isOverdue(review: Pick<Review, 'source' | 'createdAt' | 'status'>, now: number, targets?: ReplyTargets, hours?: HoursLike): boolean {
  if (review.status === 'answered' || review.status === 'deleted') return false;
  return now > dueAt(review, targets, hours);
}

/** What the inbox and the dashboard need from Settings to call `dueAt`/`isOverdue`. */
export interface ReplyPolicy {
  targets: ReplyTargets;
  hours: BusinessCalendar;
}

/** The owner's targets and business hours from Settings (`settings.get`). */
export const replyPolicy = (settings: Pick<Settings, 'replyTargetHours' | 'businessHours'>): ReplyPolicy => ({
  targets: { ...DEFAULT_TARGET_HOURS, ...settings.replyTargetHours },
  hours: businessCalendar(settings.businessHours),
});
