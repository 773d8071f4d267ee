import type { Review } from '../domain/review';
import { isoMs } from '../reviews/iso-time';
import type { ReviewStatus } from '../domain/review';
import { isAnswered, isUnanswered } from '../reviews/figures';
import type { ExportFilter } from './export-schema';

/** "unanswered" and "answered" as the inbox and the stats count them (figures.ts); other statuses exactly. */
const statusMatches = (status: ReviewStatus, wanted: ReviewStatus | 'all'): boolean =>
  wanted === 'all' ? status !== 'deleted' : wanted === 'unanswered' ? isUnanswered(status) : wanted === 'answered' ? isAnswered(status) : status === wanted;

/** The reviews matching the filter, oldest first (then by id), so an export of the same data is the same file. */
export function selectForExport(reviews: Iterable<Review>, f: ExportFilter): Review[] {
  const ratings = f.ratings && f.ratings.length > 0 ? new Set<number>(f.ratings) : null;
  const status = f.status ?? 'all';
  const from = f.from === undefined ? -Infinity : isoMs(f.from);
  const to = f.to === undefined ? Infinity : isoMs(f.to);
  const picked: { r: Review; at: number }[] = [];
  for (const r of reviews) {
    if (!statusMatches(r.status, status)) continue;
    if (f.source !== undefined && r.source !== f.source) continue;
    if (f.locationId !== undefined && r.locationId !== f.locationId) continue;
    if (ratings && (r.rating === null || !ratings.has(r.rating))) continue;
    const at = isoMs(r.createdAt);
    if (at < from || at >= to) continue;
    picked.push({ r, at });
  }
  picked.sort((a, b) => a.at - b.at || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  return picked.map((p) => p.r);
}
