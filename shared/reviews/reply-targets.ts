import type { Review } from '../domain/review';
import type { Settings } from '../domain/settings';
import { businessCalendar, type BusinessCalendar, type BusinessHours } from '../time/business-hours';
import { isOpenStatus } from './figures';

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

/** Still waiting for a reply (not answered, done or deleted) past its target at `now`. */
export function isOverdue(review: Pick<Review, 'source' | 'createdAt' | 'status'>, now: number, targets?: ReplyTargets, hours?: HoursLike): boolean {
  if (!isOpenStatus(review.status)) return false;
  return now > dueAt(review, targets, hours);
}

/** What the inbox and the dashboard need from Settings to call `dueAt`/`isOverdue`. */
export interface ReplyPolicy {
  targets: ReplyTargets;
  hours: BusinessCalendar;
}

type PolicySettings = Pick<Settings, 'replyTargetHours' | 'businessHours'>;
const policies = new WeakMap<PolicySettings, ReplyPolicy>();

/** The owner's targets and business hours from Settings (`settings.get`); the same object while the settings object stays the same. */
export function replyPolicy(settings: PolicySettings): ReplyPolicy {
  let policy = policies.get(settings);
  if (!policy) {
    policy = { targets: { ...DEFAULT_TARGET_HOURS, ...settings.replyTargetHours }, hours: businessCalendar(settings.businessHours) };
    policies.set(settings, policy);
  }
  return policy;
}

/** Do two policies judge "overdue" the same (same targets, same business hours)? */
export const samePolicy = (a: ReplyPolicy, b: ReplyPolicy): boolean =>
  JSON.stringify([a.targets, a.hours.hours]) === JSON.stringify([b.targets, b.hours.hours]);

/** How far back the cutoff search looks before it gives up (no review that old is overdue: the target never ends). */
const SEARCH_LIMIT_MS = 40 * 366 * 86_400_000;

/**
 * The cutoff for a source at `now`: an open review of the source is overdue
 * exactly when it was created before this moment (ms). `dueAt` never
 * decreases as `createdAt` grows, so the overdue creation times are all those
 * below one point; this finds it to the millisecond by binary search over
 * `dueAt` itself, so the index's one comparison per review agrees with
 * `isOverdue`. Plain hours: `now - target`.
 */
export function overdueCutoff(source: string, now: number, policy?: ReplyPolicy): number {
  const target = targetHours(source, policy?.targets);
  const plain = now - target * HOUR_MS;
  if (!Number.isFinite(now)) return now;
  if (policy === undefined || !policy.hours.active) return plain;
  const overdue = (created: number): boolean => now > policy.hours.addHours(created, target);
  // Business time never runs faster than the clock: a review created after `plain` is not due yet.
  let hi = Math.floor(plain) + 1;
  let step = HOUR_MS;
  let lo = hi - step;
  while (!overdue(lo)) {
    hi = lo;
    step *= 2;
    if (step > SEARCH_LIMIT_MS) return -Infinity;
    lo = hi - step;
  }
  // overdue(lo) and !overdue(hi): narrow to the first creation time that is not overdue.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (overdue(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A fast "is this review overdue at `now`" for many reviews (list rows): one cutoff per source, then one comparison. */
export function overdueJudge(now: number, policy?: ReplyPolicy): (review: Pick<Review, 'source' | 'createdAt' | 'status'>) => boolean {
  const cutoffs = new Map<string, number>();
  return (review) => {
    if (!isOpenStatus(review.status)) return false;
    let cutoff = cutoffs.get(review.source);
    if (cutoff === undefined) cutoffs.set(review.source, (cutoff = overdueCutoff(review.source, now, policy)));
    return Date.parse(review.createdAt) < cutoff;
  };
}
