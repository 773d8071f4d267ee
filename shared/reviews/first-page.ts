import type { ReviewStatus } from '../domain/review';
import { isOpenStatus } from './figures';
import type { ReviewPage, ReviewQueryInput } from './query-schema';
import { overdueCutoff, type ReplyPolicy } from './reply-targets';
import { marksOf, VIEW_BIT, viewBits, type ReviewMarks } from './views';

/**
 * The inbox's first request when the app starts: the default filters (Unanswered, lowest rating first) and
 * the first page of rows, exactly as the renderer sends it (`toReviewQuery(DEFAULT_FILTERS, 0, PAGE)`; a test
 * keeps the two the same). Kalm saves its answer so a start can show it before every shard is parsed.
 */
export const FIRST_PAGE_QUERY = { view: 'unanswered', sort: 'priority', offset: 0, limit: 50 } as const satisfies ReviewQueryInput;

/** A JSON value with its object keys sorted, so two values compare by their text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
  return out;
}

/** Is this call input exactly the first-page query (key order aside)? Anything else is answered by the full core. */
export const isFirstPageQuery = (input: unknown): boolean => JSON.stringify(canonical(input)) === JSON.stringify(canonical(FIRST_PAGE_QUERY));

/**
 * When the open reviews of the first page's view become overdue, per source: how many were overdue at `at`
 * (ms), and the creation times (ms, ascending) of the others. An overdue review stays overdue as time passes
 * (the cutoff of `overdueCutoff` never decreases), so this gives the view's overdue count at any later moment.
 */
export interface OverdueClock {
  at: number;
  sources: Record<string, { overdue: number; pending: number[] }>;
}

/** One review as the overdue count sees it. */
export interface ClockEntry {
  id: string;
  source: string;
  status: ReviewStatus;
  /** createdAt in ms (as the index keeps it). */
  created: number;
}

/** The clock of the first page's view (Unanswered, no other filter) at `at`, with these draft/outbox marks. */
export function overdueClock(reviews: Iterable<ClockEntry>, marks: ReviewMarks, at: number, policy: ReplyPolicy): OverdueClock {
  const cutoffs = new Map<string, number>();
  const sources: OverdueClock['sources'] = {};
  for (const r of reviews) {
    if (!isOpenStatus(r.status) || (viewBits(r.status, marksOf(r.id, marks)) & VIEW_BIT[FIRST_PAGE_QUERY.view]) === 0) continue;
    let cutoff = cutoffs.get(r.source);
    if (cutoff === undefined) cutoffs.set(r.source, (cutoff = overdueCutoff(r.source, at, policy)));
    const entry = (sources[r.source] ??= { overdue: 0, pending: [] });
    if (r.created < cutoff) entry.overdue++;
    else entry.pending.push(r.created);
  }
  for (const entry of Object.values(sources)) entry.pending.sort((a, b) => a - b);
  return { at, sources };
}

/** How many values of an ascending list are below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The view's overdue count at `now`; null before the clock's moment (the clock was set back): the core answers then. */
export function overdueAt(clock: OverdueClock, now: number, policy: ReplyPolicy): number | null {
  if (!(now >= clock.at)) return null;
  let n = 0;
  for (const [source, { overdue, pending }] of Object.entries(clock.sources)) n += overdue + countBelow(pending, overdueCutoff(source, now, policy));
  return n;
}

/** The saved first page as the core would answer it at `now`: only the overdue count moves with the clock. */
export function firstPageAt(saved: { page: ReviewPage; clock: OverdueClock }, now: number, policy: ReplyPolicy): ReviewPage | null {
  const overdue = overdueAt(saved.clock, now, policy);
  return overdue === null ? null : { ...saved.page, countsByView: { ...saved.page.countsByView, overdue } };
}
