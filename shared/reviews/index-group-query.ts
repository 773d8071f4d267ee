import { ReviewStatus, type Review } from '../domain/review';
import type { IndexLayout } from './index-layout';
import type { ReviewPage, ReviewQuery } from './query-schema';
import type { ReplyPolicy } from './reply-targets';
import { emptyRatingCounts, emptyStatusCounts } from './review-filter';
import type { SlotList } from './slot-list';
import { MARK_CODES, RATING_CODES } from './status-groups';
import { searchWords } from './text-match';
import { countViews, emptyViewCounts, isOpenStatus, overdueBefore, queryNow, VIEW_BIT, viewBits } from './views';

const STATUSES = ReviewStatus.options;
const DELETED = STATUSES.indexOf('deleted');
const OPEN = STATUSES.map(isOpenStatus);
const PRIORITY = [1, 2, 3, 4, 5, 0];
const HIGHEST = [5, 4, 3, 2, 1, 0];
const none = (list: readonly unknown[] | undefined): boolean => list === undefined || list.length === 0;

/** Does the query filter on nothing but its status or view, its ratings and its "now"? */
function onlyStatusAndRatings(q: ReviewQuery): boolean {
  return (
    q.overdue !== true && q.source === undefined && none(q.sources) && q.locationId === undefined && none(q.locationIds) && none(q.labels) &&
    q.assignee === undefined && q.language === undefined && q.from === undefined && q.to === undefined && (q.text === undefined || searchWords(q.text).length === 0)
  );
}

/** Per status code: does a review with it fall in the query's view (or status)? null when the draft/outbox marks decide too. */
function statusMembers(q: ReviewQuery): Uint8Array | null {
  const wantView = q.view === undefined ? 0 : VIEW_BIT[q.view];
  const wantStatus = q.status === 'all' ? -1 : STATUSES.indexOf(q.status);
  const member = new Uint8Array(STATUSES.length);
  for (let st = 0; st < STATUSES.length; st++) {
    for (let mk = 0; mk < MARK_CODES; mk++) {
      const bits = viewBits(STATUSES[st] ?? 'unanswered', mk);
      const inView = wantView !== 0 ? (bits & wantView) !== 0 : wantStatus < 0 ? st !== DELETED : st === wantStatus;
      if (mk === 0) member[st] = inView ? 1 : 0;
      else if (inView !== (member[st] === 1)) return null;
    }
  }
  return member;
}

/**
 * Answers the inbox's usual query (a status or view, maybe ratings, any sort and page) from the index's status
 * groups (status-groups.ts) without walking every review: every count from their tally, "overdue" by walking
 * back only over the reviews too recent to be overdue, and the page from the few lists that hold only matching
 * reviews. Returns null for any other query (index-query.ts walks the index then). Same answers as the walk
 * and the tests' reference query (tests/oracle/query-reviews.ts).
 */
export function groupQuery(ix: IndexLayout, q: ReviewQuery, clock: number, policy?: ReplyPolicy): ReviewPage | null {
  if (!onlyStatusAndRatings(q)) return null;
  const member = statusMembers(q);
  if (member === null) return null;
  const now = queryNow(q, clock);
  const dueBefore = Float64Array.from(ix.sources.names, (name) => overdueBefore(name, now, policy));
  if (dueBefore.some(Number.isNaN)) return null;
  let ratingMask = 0b111111;
  if (q.ratings && q.ratings.length > 0) ratingMask = q.ratings.reduce((m, r) => m | (1 << r), 0);
  const ratingOk = (rt: number): boolean => ((ratingMask >> rt) & 1) === 1;

  const { groups } = ix;
  const countsByRating = emptyRatingCounts();
  const countsByStatus = emptyStatusCounts();
  const countsByView = emptyViewCounts();
  const byRating = new Int32Array(RATING_CODES);
  let total = 0, open = 0;
  for (let st = 0; st < STATUSES.length; st++) {
    const status = STATUSES[st] ?? 'unanswered';
    for (let rt = 0; rt < RATING_CODES; rt++) {
      for (let mk = 0; mk < MARK_CODES; mk++) {
        const n = groups.count(st, rt, mk);
        if (n === 0) continue;
        if (ratingOk(rt)) {
          countsByStatus[status] += n;
          if (st !== DELETED) countsByStatus.all += n;
          countViews(countsByView, viewBits(status, mk), n);
        }
        if (member[st] !== 1) continue;
        byRating[rt] = (byRating[rt] ?? 0) + n;
        if (!ratingOk(rt)) continue;
        total += n;
        if (OPEN[st] === true) open += n;
      }
    }
  }
  countsByRating.none = byRating[0] ?? 0;
  for (const r of [1, 2, 3, 4, 5] as const) countsByRating[r] = byRating[r] ?? 0;

  // Overdue: every open matching review, less those created on or after their source's cutoff (the newest few).
  const cutMin = dueBefore.reduce((m, d) => Math.min(m, d), Infinity);
  const { byDate, created, status, rating, source } = ix;
  let recent = 0;
  for (let k = byDate.length - 1; k >= 0; k--) {
    const slot = byDate.data[k] ?? 0;
    const at = created[slot] ?? 0;
    if (at < cutMin) break;
    const st = status[slot] ?? 0;
    if (OPEN[st] === true && member[st] === 1 && ratingOk(rating[slot] ?? 0) && !(at < (dueBefore[source[slot] ?? 0] ?? -Infinity))) recent++;
  }
  countsByView.overdue = open - recent;

  const slots = pageSlots(ix, q, member, ratingOk);
  const items = slots.map((slot) => ix.reviews[slot] as Review);
  return { items, total, countsByRating, countsByStatus, countsByView };
}

/** The slots of the requested page, in the requested order. */
function pageSlots(ix: IndexLayout, q: ReviewQuery, member: Uint8Array, ratingOk: (rt: number) => boolean): number[] {
  const stages = q.sort === 'priority' ? PRIORITY.map((r) => [r]) : q.sort === 'highest' ? HIGHEST.map((r) => [r]) : [[0, 1, 2, 3, 4, 5]];
  const reverse = q.sort === 'newest';
  const out: number[] = [];
  let skip = q.offset;
  for (const stage of stages) {
    const ratings = stage.filter(ratingOk);
    const lists: SlotList[] = [];
    for (let st = 0; st < member.length; st++) {
      if (member[st] !== 1) continue;
      for (const rt of ratings) {
        const list = ix.groups.list(st, rt);
        if (list && list.length > 0) lists.push(list);
      }
    }
    const matches = lists.reduce((n, l) => n + l.length, 0);
    if (matches <= skip) {
      skip -= matches;
      continue;
    }
    // Walking the index's own order costs about need ÷ (the share of it that matches); merging the lists, need × their number.
    const walked = stage.length === 1 ? ix.byRating[stage[0] ?? 0] : ix.byDate;
    if (walked && lists.length > 1 && walked.length < matches * lists.length) {
      skip = walkOrder(ix, walked, reverse, member, ratingOk, skip, q.limit, out);
    } else skip = mergeLists(ix, lists, reverse, skip, q.limit, out);
    if (out.length >= q.limit) break;
  }
  return out;
}

/** Walks one of the index's orders, keeping matching slots past `skip` until `out` holds `limit`; returns what is left to skip. */
function walkOrder(ix: IndexLayout, list: SlotList, reverse: boolean, member: Uint8Array, ratingOk: (rt: number) => boolean, skip: number, limit: number, out: number[]): number {
  const { data, length } = list;
  for (let k = 0; k < length && out.length < limit; k++) {
    const slot = data[reverse ? length - 1 - k : k] ?? 0;
    if (member[ix.status[slot] ?? 0] !== 1 || !ratingOk(ix.rating[slot] ?? 0)) continue;
    if (skip > 0) skip--;
    else out.push(slot);
  }
  return skip;
}

/** Merges lists that are each in date order (reversed for "newest"), skipping `skip` slots, until `out` holds `limit`. */
function mergeLists(ix: IndexLayout, lists: SlotList[], reverse: boolean, skip: number, limit: number, out: number[]): number {
  const { created, reviews } = ix;
  const earlier = (a: number, b: number): boolean => {
    const ca = created[a] ?? 0, cb = created[b] ?? 0;
    if (ca !== cb) return ca < cb;
    return (reviews[a]?.id ?? '') < (reviews[b]?.id ?? '');
  };
  const first = (l: SlotList): number => (reverse ? l.length - 1 : 0);
  if (lists.length === 1) {
    const l = lists[0] as SlotList;
    for (let k = skip; k < l.length && out.length < limit; k++) out.push(l.data[reverse ? l.length - 1 - k : k] ?? 0);
    return Math.max(0, skip - l.length);
  }
  const pos = lists.map(first);
  const step = reverse ? -1 : 1;
  while (out.length < limit) {
    let best = -1, bestSlot = 0;
    for (let i = 0; i < lists.length; i++) {
      const p = pos[i] ?? -1, l = lists[i] as SlotList;
      if (p < 0 || p >= l.length) continue;
      const slot = l.data[p] ?? 0;
      if (best < 0 || (reverse ? earlier(bestSlot, slot) : earlier(slot, bestSlot))) {
        best = i;
        bestSlot = slot;
      }
    }
    if (best < 0) break;
    pos[best] = (pos[best] ?? 0) + step;
    if (skip > 0) skip--;
    else out.push(bestSlot);
  }
  return skip;
}
