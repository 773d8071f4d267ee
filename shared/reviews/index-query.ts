import { ReviewStatus, type Review } from '../domain/review';
import { emptyRatingCounts, emptyStatusCounts, languageMatches } from './review-filter';
import type { ReviewPage, ReviewQuery } from './query-schema';
import type { ReplyPolicy } from './reply-targets';
import { groupQuery } from './index-group-query';
import type { IndexLayout } from './index-layout';
import type { SlotList } from './slot-list';
import { searchWords, tokensOf } from './text-match';
import { countViews, emptyViewCounts, isOpenStatus, overdueBefore, queryNow, VIEW_BIT, viewBits } from './views';

/** Status codes as stored per slot in the index. */
export const STATUSES = ReviewStatus.options;
const DELETED = STATUSES.indexOf('deleted');
const ALL_RATINGS = 0b111111;

/** The slot lists a sort walks, in order, and the direction. */
function walk(ix: IndexLayout, sort: ReviewQuery['sort']): { lists: SlotList[]; reverse: boolean } {
  const r = ix.byRating;
  const pick = (order: number[]) => order.map((i) => r[i]).filter((l): l is SlotList => l !== undefined);
  switch (sort) {
    case 'priority':
      return { lists: pick([1, 2, 3, 4, 5, 0]), reverse: false };
    case 'highest':
      return { lists: pick([5, 4, 3, 2, 1, 0]), reverse: false };
    case 'oldest':
      return { lists: [ix.byDate], reverse: false };
    case 'newest':
      return { lists: [ix.byDate], reverse: true };
  }
}

/** Per code: may a review with it match? null = no filter on this field. */
function codeMask(names: { mask(keep: (n: string) => boolean): Uint8Array }, one: string | undefined, many: readonly string[] | undefined): Uint8Array | null {
  const set = many && many.length > 0 ? new Set(many) : null;
  if (one === undefined && set === null) return null;
  return names.mask((n) => (one === undefined || n === one) && (set === null || set.has(n)));
}

interface TextPlan {
  /** Slots with mark[slot] === need pass the word and label filters (need 0 = no such filter). */
  mark: Uint8Array | null;
  need: number;
  /** Search words with other characters than letters and digits, checked against the folded text itself. */
  verify: string[];
}

function planText(ix: IndexLayout, q: ReviewQuery): TextPlan {
  const plan: TextPlan = { mark: null, need: 0, verify: [] };
  const words = q.text === undefined ? [] : searchWords(q.text);
  const parts = new Set<string>();
  for (const word of words) {
    const tokens = tokensOf(word);
    for (const t of tokens) parts.add(t);
    if (tokens.length !== 1 || tokens[0] !== word) plan.verify.push(word);
  }
  if (parts.size > 0) {
    ix.text.step();
    plan.mark = new Uint8Array(ix.slotCount);
    plan.need = ix.text.markContaining([...parts], plan.mark, 0);
  }
  const labels = q.labels && q.labels.length > 0 ? new Set(q.labels) : null;
  if (labels !== null) {
    const mark = (plan.mark ??= new Uint8Array(ix.slotCount));
    const k = plan.need, next = k + 1;
    for (const label of labels) {
      const list = ix.labels.get(label);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const slot = list.data[i] ?? 0;
        if (mark[slot] === k) mark[slot] = next;
      }
    }
    plan.need = next;
  }
  return plan;
}

/**
 * Answers a query from the index in one walk over the pre-sorted slot lists
 * of the requested order: each slot is checked against the filter with a few
 * typed-array reads, counted for the chips, and kept only when it falls in the
 * requested page. Gives the same answers as the tests' reference query (tests/oracle/query-reviews.ts). "Overdue" is one
 * comparison per review against a cutoff per source (`overdueCutoff`), with
 * the owner's targets and business hours when `policy` is given. The inbox's usual query (a status or view and
 * ratings only) is answered from the status groups instead (index-group-query.ts).
 */
export function runQuery(ix: IndexLayout, q: ReviewQuery, clock: number, policy?: ReplyPolicy): ReviewPage {
  const quick = groupQuery(ix, q, clock, policy);
  if (quick !== null) return quick;
  const wantStatus = q.status === 'all' ? -1 : STATUSES.indexOf(q.status);
  const wantView = q.view === undefined ? 0 : VIEW_BIT[q.view];
  const open = STATUSES.map(isOpenStatus);
  const now = queryNow(q, clock);
  const dueBefore = Float64Array.from(ix.sources.names, (name) => overdueBefore(name, now, policy));
  const onlyOverdue = q.overdue === true;
  let ratingMask = ALL_RATINGS;
  if (q.ratings && q.ratings.length > 0) ratingMask = q.ratings.reduce((m, r) => m | (1 << r), 0);
  const sourceMask = codeMask(ix.sources, q.source, q.sources);
  const locationMask = codeMask(ix.locations, q.locationId, q.locationIds);
  const wanted = q.language;
  const languageMask = wanted === undefined ? null : ix.languages.mask((n) => languageMatches(n, wanted));
  const from = q.from === undefined ? -Infinity : Date.parse(q.from);
  const to = q.to === undefined ? Infinity : Date.parse(q.to);
  const { mark, need, verify } = planText(ix, q);
  const { status, rating, source, location, language, created, reviews, marks } = ix;
  // View bits per status and mark bits (4 combinations), so the walk only looks them up.
  const bitsOf = STATUSES.map((s) => [0, 1, 2, 3].map((m) => viewBits(s, m)));
  const countsByView = emptyViewCounts();
  const byBits = new Int32Array(32);

  const byRating = new Int32Array(6);
  const byStatus = new Int32Array(STATUSES.length);
  const items: Review[] = [];
  const first = q.offset, end = q.offset + q.limit;
  let total = 0;
  const { lists, reverse } = walk(ix, q.sort);
  for (const { data, length } of lists) {
    for (let k = 0; k < length; k++) {
      const slot = data[reverse ? length - 1 - k : k] ?? 0;
      if (sourceMask !== null && sourceMask[source[slot] ?? 0] !== 1) continue;
      if (locationMask !== null && locationMask[location[slot] ?? 0] !== 1) continue;
      if (languageMask !== null && languageMask[language[slot] ?? 0] !== 1) continue;
      const at = created[slot] ?? 0;
      if (at < from || at >= to) continue;
      if (need > 0 && mark !== null && mark[slot] !== need) continue;
      if (q.assignee !== undefined && (reviews[slot] as Review).assignee !== q.assignee) continue;
      if (verify.length > 0) {
        const folded = ix.foldedText(slot);
        if (!verify.every((w) => folded.includes(w))) continue;
      }
      const st = status[slot] ?? 0, rt = rating[slot] ?? 0;
      const overdue = open[st] === true && at < (dueBefore[source[slot] ?? 0] ?? -Infinity);
      if (onlyOverdue && !overdue) continue;
      const bits = bitsOf[st]?.[marks[slot] ?? 0] ?? 0;
      const ratingOk = (ratingMask >> rt) & 1;
      if (ratingOk === 1) {
        byStatus[st] = (byStatus[st] ?? 0) + 1;
        byBits[bits] = (byBits[bits] ?? 0) + 1;
      }
      if (wantView !== 0 ? (bits & wantView) === 0 : wantStatus < 0 ? st === DELETED : st !== wantStatus) continue;
      byRating[rt] = (byRating[rt] ?? 0) + 1;
      if (ratingOk !== 1) continue;
      if (overdue) countsByView.overdue++;
      if (total >= first && total < end) items.push(reviews[slot] as Review);
      total++;
    }
  }
  const countsByRating = emptyRatingCounts();
  countsByRating.none = byRating[0] ?? 0;
  for (const r of [1, 2, 3, 4, 5] as const) countsByRating[r] = byRating[r] ?? 0;
  const countsByStatus = emptyStatusCounts();
  STATUSES.forEach((s, i) => {
    countsByStatus[s] = byStatus[i] ?? 0;
    if (i !== DELETED) countsByStatus.all += byStatus[i] ?? 0;
  });
  byBits.forEach((n, bits) => countViews(countsByView, bits, n));
  return { items, total, countsByRating, countsByStatus, countsByView };
}
