import type { Review } from '../domain/review';
import { isoMs } from './iso-time';
import type { RatingCounts, ReviewFacets, ReviewPage, ReviewQuery, ReviewSort, StatusCounts } from './query-schema';
import { dueAt, type ReplyPolicy } from './reply-targets';
import { foldText, matchesAllWords } from './text-match';
import { countViews, emptyViewCounts, inQueryView, isOpenStatus, marksOf, NO_MARKS, queryNow, viewBits, type ReviewMarks } from './views';

export const emptyRatingCounts = (): RatingCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, none: 0 });
export const emptyStatusCounts = (): StatusCounts => ({ all: 0, unanswered: 0, drafted: 0, queued: 0, answered: 0, conflict: 0, deleted: 0, done: 0 });

/** The searchable text of a review (text, translation, author, reply), folded. */
export const searchableText = (r: Review): string =>
  foldText([r.text, r.translatedText, r.author, r.reply?.text].filter((s): s is string => !!s).join('\n'));

/** "nl" matches "nl" and "nl-BE"; "nl-BE" matches only "nl-BE"; case-insensitive; unknown languages match nothing. */
export const languageMatches = (language: string | null, wanted: string): boolean => {
  if (language === null) return false;
  const have = language.toLowerCase();
  const want = wanted.toLowerCase();
  return have === want || have.startsWith(`${want}-`);
};

/** Date.parse, faster for the UTC form the store writes (sorting calls it twice per comparison). */
const ms = isoMs;

/** Rating-less reviews sort after 5★ in "priority" (there is nothing to put right) and last in "highest". */
const ratingKey = (r: Review, ifNull: number): number => r.rating ?? ifNull;

export const compareReviews = (sort: ReviewSort) => (a: Review, b: Review): number => {
  const byAge = ms(a.createdAt) - ms(b.createdAt);
  const tie = byAge !== 0 ? byAge : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  switch (sort) {
    case 'priority':
      return ratingKey(a, 6) - ratingKey(b, 6) || tie;
    case 'highest':
      return ratingKey(b, 0) - ratingKey(a, 0) || tie;
    case 'oldest':
      return tie;
    case 'newest':
      return -tie;
  }
};

const anyOf = (list: readonly string[] | undefined): Set<string> | null => (list && list.length > 0 ? new Set(list) : null);

/** Everything of the query except status, ratings, paging and sort. */
export function matchesRest(q: ReviewQuery, folded: (r: Review) => string): (r: Review) => boolean {
  const sources = anyOf(q.sources);
  const locations = anyOf(q.locationIds);
  const labels = anyOf(q.labels);
  const from = q.from === undefined ? -Infinity : ms(q.from);
  const to = q.to === undefined ? Infinity : ms(q.to);
  const text = q.text !== undefined && q.text.trim() !== '' ? q.text : null;
  return (r) => {
    if (q.source !== undefined && r.source !== q.source) return false;
    if (sources && !sources.has(r.source)) return false;
    if (q.locationId !== undefined && r.locationId !== q.locationId) return false;
    if (locations && !locations.has(r.locationId)) return false;
    if (labels && !r.labels.some((l) => labels.has(l))) return false;
    if (q.assignee !== undefined && r.assignee !== q.assignee) return false;
    if (q.language !== undefined && !languageMatches(r.language, q.language)) return false;
    const created = ms(r.createdAt);
    if (created < from || created >= to) return false;
    if (text !== null && !matchesAllWords(folded(r), text)) return false;
    return true;
  };
}

export interface QueryContext {
  /** Draft and outbox marks (for the drafts and outbox views). */
  marks?: ReviewMarks;
  /** The clock for "overdue" when the query gives no `now` (ms). */
  now?: number;
  /** The owner's targets and business hours (default targets, plain hours without it). */
  policy?: ReplyPolicy;
}

/**
 * Runs a query over a list of reviews: the simple reference implementation
 * (filter, count, full sort). The core uses `ReviewIndex`, which must give the
 * same answers; this one stays for tests and small in-memory lists.
 */
export function queryReviews(all: readonly Review[], q: ReviewQuery, folded: (r: Review) => string = searchableText, ctx: QueryContext = {}): ReviewPage {
  const rest = matchesRest(q, folded);
  const marks = ctx.marks ?? NO_MARKS;
  const now = queryNow(q, ctx.now ?? Date.now());
  const ratings = q.ratings && q.ratings.length > 0 ? new Set<number>(q.ratings) : null;
  const countsByRating = emptyRatingCounts();
  const countsByStatus = emptyStatusCounts();
  const countsByView = emptyViewCounts();
  const matched: Review[] = [];
  for (const r of all) {
    if (!rest(r)) continue;
    const overdue = isOpenStatus(r.status) && now > dueAt(r, ctx.policy?.targets, ctx.policy?.hours);
    if (q.overdue === true && !overdue) continue;
    const bits = viewBits(r.status, marksOf(r.id, marks));
    const ratingOk = ratings === null || (r.rating !== null && ratings.has(r.rating));
    if (ratingOk) {
      countsByStatus[r.status]++;
      if (r.status !== 'deleted') countsByStatus.all++;
      countViews(countsByView, bits);
    }
    if (!inQueryView(q, r.status, bits)) continue;
    if (r.rating === null) countsByRating.none++;
    else countsByRating[r.rating]++;
    if (!ratingOk) continue;
    if (overdue) countsByView.overdue++;
    matched.push(r);
  }
  matched.sort(compareReviews(q.sort));
  return { items: matched.slice(q.offset, q.offset + q.limit), total: matched.length, countsByRating, countsByStatus, countsByView };
}

/** Labels and languages in use, most used first (the reference for `ReviewIndex.facets`). */
export function reviewFacets(all: readonly Review[]): ReviewFacets {
  const labels = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const r of all) {
    for (const l of new Set(r.labels)) labels.set(l, (labels.get(l) ?? 0) + 1);
    if (r.language) languages.set(r.language, (languages.get(r.language) ?? 0) + 1);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    labels: sorted(labels).map(([name, count]) => ({ name, count })),
    languages: sorted(languages).map(([tag, count]) => ({ tag, count })),
  };
}
