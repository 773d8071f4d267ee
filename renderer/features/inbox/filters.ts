import type { ReviewQueryInput } from '../../../shared/reviews/query-schema';
import { URL_SORTS, type InboxFilters } from '../../lib/route';

/** Local midnight of a YYYY-MM-DD day, `plusDays` later, as an ISO instant. */
function localDay(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays).toISOString();
}

/**
 * The core query for the inbox filters (dates are whole days in the owner's time zone, both ends included).
 * `me` is the team member set in Settings; "assigned to me" without one narrows nothing (the chip says where to set it).
 */
export function toReviewQuery(f: InboxFilters, offset: number, limit: number, me: string | null = null): ReviewQueryInput {
  const q: ReviewQueryInput = { view: f.view, sort: URL_SORTS[f.sort], offset, limit };
  if (f.ratings.length > 0) q.ratings = f.ratings;
  if (f.sources.length > 0) q.sources = f.sources;
  if (f.locations.length > 0) q.locationIds = f.locations;
  if (f.labels.length > 0) q.labels = f.labels;
  if (f.lang !== null) q.language = f.lang;
  if (f.from !== null) q.from = localDay(f.from);
  if (f.to !== null) q.to = localDay(f.to, 1);
  if (f.overdue) q.overdue = true;
  if (f.mine && me !== null) q.assignee = me;
  const text = f.q.trim();
  if (text !== '') q.text = text;
  return q;
}

/** A stable key for "the same list" (offset and limit aside). */
export const filtersKey = (f: InboxFilters, me: string | null = null): string => JSON.stringify(toReviewQuery(f, 0, 1, me));
