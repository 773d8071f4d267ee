import type { Location } from '../domain/location';
import type { Review } from '../domain/review';
import type { Source } from '../domain/source';
import { isoMs } from './iso-time';
import { emptyRatingCounts } from './query';
import type { LocationStats, SourceStats, StatsFigures, StatsQuery, StatsSummary, TrendPoint } from './stats-schema';

const HOUR_MS = 3_600_000;
const round2 = (n: number): number => Math.round(n * 100) / 100;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return round2(value);
}

/** Running figures over reviews that are not deleted. */
class Tally {
  count = 0;
  rated = 0;
  sum = 0;
  replied = 0;
  readonly distribution = emptyRatingCounts();
  readonly replyHours: number[] = [];

  add(r: Review, createdMs: number): void {
    this.count++;
    if (r.rating === null) this.distribution.none++;
    else {
      this.distribution[r.rating]++;
      this.rated++;
      this.sum += r.rating;
    }
    if (r.reply !== null) {
      this.replied++;
      // A reply stamped before the review (clock skew, imports) counts as immediate.
      this.replyHours.push(Math.max(0, isoMs(r.reply.updatedAt) - createdMs) / HOUR_MS);
    }
  }

  figures(): StatsFigures {
    return {
      average: this.rated > 0 ? round2(this.sum / this.rated) : null,
      count: this.count,
      rated: this.rated,
      unanswered: this.count - this.replied,
      responseRate: this.count > 0 ? round2(this.replied / this.count) : null,
      medianReplyHours: median(this.replyHours),
      distribution: this.distribution,
    };
  }
}

const tallyOf = <K>(map: Map<K, Tally>, key: K): Tally => {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Tally()));
  return t;
};

/** Average, counts, response rate, reply time and distribution over reviews (deleted ones excluded). */
export function computeFigures(reviews: Iterable<Review>): StatsFigures {
  const tally = new Tally();
  for (const r of reviews) if (r.status !== 'deleted') tally.add(r, isoMs(r.createdAt));
  return tally.figures();
}

/** Year * 12 + month index (0–11) in UTC; read off the text when it is already in UTC. */
function monthKey(iso: string, ms: number): number {
  if (iso.length >= 20 && iso.charCodeAt(iso.length - 1) === 90 /* Z */ && iso.charCodeAt(4) === 45) {
    const year = Number(iso.slice(0, 4)), month = Number(iso.slice(5, 7));
    if (Number.isInteger(year) && month >= 1 && month <= 12) return year * 12 + month - 1;
  }
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Months (as year * 12 + month index, UTC) → count and rating sum, to a gapless trend. */
function trendOf(months: Map<number, { count: number; rated: number; sum: number }>): TrendPoint[] {
  if (months.size === 0) return [];
  const keys = [...months.keys()];
  const first = Math.min(...keys), last = Math.max(...keys);
  const out: TrendPoint[] = [];
  for (let m = first; m <= last; m++) {
    const t = months.get(m);
    const month = `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
    out.push({ month, average: t && t.rated > 0 ? round2(t.sum / t.rated) : null, count: t?.count ?? 0 });
  }
  return out;
}

/**
 * Overall figures, one row per location and per source, and the monthly
 * trend, for the reviews in scope of the query (deleted ones excluded).
 */
export function summarize(reviews: Iterable<Review>, locations: readonly Location[], q: StatsQuery, sources: readonly Source[] = []): StatsSummary {
  const overall = new Tally();
  const bySource = new Map<string, Tally>();
  const byLocation = new Map<string, Map<string, Tally>>();
  const months = new Map<number, { count: number; rated: number; sum: number }>();
  for (const r of reviews) {
    if (r.status === 'deleted') continue;
    if ((q.source !== undefined && r.source !== q.source) || (q.locationId !== undefined && r.locationId !== q.locationId)) continue;
    const created = isoMs(r.createdAt);
    overall.add(r, created);
    tallyOf(bySource, r.source).add(r, created);
    let locs = byLocation.get(r.source);
    if (!locs) byLocation.set(r.source, (locs = new Map()));
    tallyOf(locs, r.locationId).add(r, created);
    const key = monthKey(r.createdAt, created);
    let m = months.get(key);
    if (!m) months.set(key, (m = { count: 0, rated: 0, sum: 0 }));
    m.count++;
    if (r.rating !== null) {
      m.rated++;
      m.sum += r.rating;
    }
  }
  const locationRows: LocationStats[] = [];
  for (const l of locations) {
    const t = byLocation.get(l.source)?.get(l.id);
    if (t) locationRows.push({ locationId: l.id, locationName: l.name, source: l.source, ...t.figures() });
  }
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const order = (id: string): number => {
    const i = sources.findIndex((s) => s.id === id);
    return i < 0 ? sources.length : i;
  };
  const sourceRows: SourceStats[] = [...bySource.entries()]
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, t]) => ({ source: id, sourceName: names.get(id) ?? id, ...t.figures() }));
  const figures = overall.figures();
  return { overall: figures, locations: locationRows, sources: sourceRows, medianReplyHours: figures.medianReplyHours, trend: trendOf(months) };
}
