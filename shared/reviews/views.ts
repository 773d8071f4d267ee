import type { ReviewStatus } from '../domain/review';
import { isAnswered, isOpenStatus, isUnanswered } from './figures';
import type { InboxView, ReviewQuery, ViewCounts } from './query-schema';
import { overdueCutoff, type ReplyPolicy } from './reply-targets';

/** Which reviews have local work that their status does not show: a draft, an active outbox item. */
export interface ReviewMarks {
  drafts: ReadonlySet<string>;
  outbox: ReadonlySet<string>;
}
export const NO_MARKS: ReviewMarks = { drafts: new Set(), outbox: new Set() };

/** Per-review mark bits as the index stores them. */
export const MARK_DRAFT = 1;
export const MARK_OUTBOX = 2;

export const VIEW_BIT: Readonly<Record<InboxView, number>> = { unanswered: 1, drafts: 2, outbox: 4, answered: 8, all: 16 };
const VIEWS = Object.entries(VIEW_BIT) as [InboxView, number][];

export const marksOf = (id: string, marks: ReviewMarks): number =>
  (marks.drafts.has(id) ? MARK_DRAFT : 0) | (marks.outbox.has(id) ? MARK_OUTBOX : 0);

/** The views (VIEW_BIT) a review with this status and these mark bits shows in. */
export function viewBits(status: ReviewStatus, marks: number): number {
  if (status === 'deleted') return 0;
  let bits = VIEW_BIT.all;
  if (isUnanswered(status)) bits |= VIEW_BIT.unanswered;
  if (isAnswered(status)) bits |= VIEW_BIT.answered;
  if (status === 'drafted' || (marks & MARK_DRAFT) !== 0) bits |= VIEW_BIT.drafts;
  if (status === 'queued' || status === 'conflict' || (marks & MARK_OUTBOX) !== 0) bits |= VIEW_BIT.outbox;
  return bits;
}

/** Still waiting for the owner: can be overdue (the definition lives in figures.ts). */
export { isOpenStatus };

/** Per source id: open reviews created before this moment (ms) are overdue at `now` (the owner's targets and business hours when `policy` is given). */
export const overdueBefore = (source: string, now: number, policy?: ReplyPolicy): number => overdueCutoff(source, now, policy);

/** The moment a query judges "overdue" at. */
export const queryNow = (q: ReviewQuery, fallback: number): number => (q.now === undefined ? fallback : Date.parse(q.now));

/** Does a review with these view bits match the query's view (or, without one, its status)? */
export const inQueryView = (q: ReviewQuery, status: ReviewStatus, bits: number): boolean =>
  q.view !== undefined ? (bits & VIEW_BIT[q.view]) !== 0 : q.status === 'all' ? status !== 'deleted' : status === q.status;

export const emptyViewCounts = (): ViewCounts => ({ unanswered: 0, drafts: 0, outbox: 0, answered: 0, all: 0, overdue: 0 });

/** Adds `n` reviews with these view bits to the counts. */
export function countViews(counts: ViewCounts, bits: number, n = 1): void {
  for (const [view, bit] of VIEWS) if ((bits & bit) !== 0) counts[view] += n;
}
