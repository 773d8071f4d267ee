import type { Review } from '../domain/review';
import { isoMs } from './iso-time';
import type { RatingCounts, ReviewQuery, StatusCounts } from './query-schema';
import { foldText, matchesAllWords } from './text-match';

/**
 * The per-review tests of a query and its empty count tables, shared by the index (index-query.ts), the
 * CLI's read view (which drops the reviews a command cannot need while reading) and the tests' reference query.
 */

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

/** Date.parse, faster for the UTC form the store writes. */
const ms = isoMs;

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
