import type { Location } from '../domain/location';
import type { Review } from '../domain/review';
import type { Source } from '../domain/source';
import { isoMs } from './iso-time';
import { defaultReplyTargets, overdueCutoff, targetHours, type ReplyPolicy } from './reply-targets';
import type { LocationStats, SourceStats, StatsFigures, StatsPeriod, StatsQuery, StatsSummary, TopicStats, TrendPoint } from './stats-schema';
import { entryOf, median, RatingSum, replyHours, Tally } from './stats-tally';
import { monthBucketer, monthLabel } from '../time/zoned';
import { isOverdueAt } from './figures';

const HOUR_MS = 3_600_000;
const newTally = (): Tally => new Tally();
const newRatingSum = (): RatingSum => new RatingSum();
const newMap = <V>(): Map<string, V> => new Map<string, V>();
const newMonth = (): Month => ({ count: 0, rating: new RatingSum(), hours: [] });

export interface StatsOptions {
  /** The moment "overdue" is judged at, and the end of an open period (ms); default the current time. */
  now?: number;
  /** The owner's targets and business hours (`replyPolicy(settings)`); default targets in plain hours without it. */
  policy?: ReplyPolicy;
  /** A label's name by its id (topics show names); default the id itself. */
  labelName?: (id: string) => string;
}

/** Per source: its target, the overdue cutoff at `now`, and whether a reply came in time (in business hours when those are on). */
function judge(now: number, policy: ReplyPolicy | undefined) {
  const targets = policy?.targets ?? defaultReplyTargets;
  const calendar = policy?.hours.active === true ? policy.hours : null;
  const perSource = new Map<string, { target: number; cutoff: number }>();
  return {
    targets,
    businessHours: calendar !== null,
    source(source: string) {
      let s = perSource.get(source);
      if (s === undefined) perSource.set(source, (s = { target: targetHours(source, targets), cutoff: overdueCutoff(source, now, policy) }));
      return s;
    },
    /** `hours`: the reply time in plain hours; with business hours, only the open hours between review and reply count. */
    inTime(created: number, hours: number | null, target: number): boolean {
      if (hours === null) return false;
      if (calendar === null) return hours <= target;
      return calendar.between(created, created + hours * HOUR_MS) <= target * HOUR_MS;
    },
  };
}

/** Average, counts, response rate, reply time and distribution over reviews (deleted ones excluded). */
export function computeFigures(reviews: Iterable<Review>, opts: StatsOptions = {}): StatsFigures {
  const tally = new Tally();
  const judged = judge(opts.now ?? Date.now(), opts.policy);
  for (const r of reviews) {
    if (r.status === 'deleted') continue;
    const created = isoMs(r.createdAt);
    const { target, cutoff } = judged.source(r.source);
    const hours = replyHours(r, created);
    tally.add(r, hours, judged.inTime(created, hours, target), isOverdueAt(r.status, created, cutoff));
  }
  return tally.figures();
}

interface Month {
  count: number;
  rating: RatingSum;
  hours: number[];
}

/** Months (as year * 12 + month index) → a gapless trend from the first to the last. */
function trendOf(months: Map<number, Month>): TrendPoint[] {
  if (months.size === 0) return [];
  let first = Infinity, last = -Infinity;
  for (const k of months.keys()) {
    if (k < first) first = k;
    if (k > last) last = k;
  }
  const out: TrendPoint[] = [];
  for (let m = first; m <= last; m++) {
    const t = months.get(m);
    out.push({ month: monthLabel(m), average: t?.rating.average ?? null, count: t?.count ?? 0, medianReplyHours: t ? median(t.hours) : null });
  }
  return out;
}

function topicsOf(labels: Map<string, { count: number; rating: RatingSum }>, nameOf: (id: string) => string): TopicStats[] {
  return [...labels.entries()]
    .map(([id, t]) => ({ label: nameOf(id), labelId: id, count: t.count, average: t.rating.average }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The period's bounds in ms and as ISO text; the previous period has the same length and ends where this one starts. */
function periodOf(q: StatsQuery, now: number) {
  const from = q.from === undefined ? -Infinity : isoMs(q.from);
  const to = q.to === undefined ? Infinity : isoMs(q.to);
  const end = q.to === undefined ? now : to;
  const hasPrevious = q.from !== undefined && end > from;
  const prevFrom = hasPrevious ? from - (end - from) : 0;
  const period: StatsPeriod = {
    from: q.from ?? null,
    to: q.to ?? null,
    previousFrom: hasPrevious ? new Date(prevFrom).toISOString() : null,
    previousTo: hasPrevious ? new Date(from).toISOString() : null,
  };
  return { from, to, hasPrevious, prevFrom, period };
}

/**
 * Overall figures, one row per location and per source, the monthly trend
 * and the labels, for the reviews in scope of the query (deleted ones
 * excluded), with the previous period of the same length to compare against.
 */
export function summarize(reviews: Iterable<Review>, locations: readonly Location[], q: StatsQuery, sources: readonly Source[] = [], opts: StatsOptions = {}): StatsSummary {
  const now = opts.now ?? Date.now();
  const judged = judge(now, opts.policy);
  const targets = judged.targets;
  const { from, to, hasPrevious, prevFrom, period } = periodOf(q, now);
  const bucket = monthBucketer(q.timeZone ?? 'UTC');
  const overall = new Tally();
  const previous = new Tally();
  const bySource = new Map<string, Tally>();
  const byLocation = new Map<string, Map<string, Tally>>();
  const prevBySource = new Map<string, RatingSum>();
  const prevByLocation = new Map<string, Map<string, RatingSum>>();
  const months = new Map<number, Month>();
  const labels = new Map<string, { count: number; rating: RatingSum }>();

  for (const r of reviews) {
    if (r.status === 'deleted') continue;
    if ((q.source !== undefined && r.source !== q.source) || (q.locationId !== undefined && r.locationId !== q.locationId)) continue;
    const created = isoMs(r.createdAt);
    const inPeriod = created >= from && created < to;
    if (!inPeriod && !(hasPrevious && created >= prevFrom && created < from)) continue;
    const { target, cutoff } = judged.source(r.source);
    // isOverdue (reply-targets.ts) as one comparison: open and created before the source's cutoff.
    const overdue = isOverdueAt(r.status, created, cutoff);
    const hours = replyHours(r, created);
    const inTime = judged.inTime(created, hours, target);
    if (!inPeriod) {
      previous.add(r, hours, inTime, overdue);
      entryOf(prevBySource, r.source, newRatingSum).add(r);
      entryOf(entryOf(prevByLocation, r.source, newMap<RatingSum>), r.locationId, newRatingSum).add(r);
      continue;
    }
    overall.add(r, hours, inTime, overdue);
    entryOf(bySource, r.source, newTally).add(r, hours, inTime, overdue);
    entryOf(entryOf(byLocation, r.source, newMap<Tally>), r.locationId, newTally).add(r, hours, inTime, overdue);
    const month = entryOf(months, bucket(created, r.createdAt), newMonth);
    month.count++;
    month.rating.add(r);
    if (hours !== null) month.hours.push(hours);
    for (const label of r.labels) {
      const t = entryOf(labels, label, () => ({ count: 0, rating: new RatingSum() }));
      t.count++;
      t.rating.add(r);
    }
  }

  const prevAverage = (sum: RatingSum | undefined): number | null => (hasPrevious ? (sum?.average ?? null) : null);
  const locationRows: LocationStats[] = [];
  // Every location in scope, also one without reviews (a new branch): count 0, average null.
  for (const l of locations) {
    if ((q.source !== undefined && l.source !== q.source) || (q.locationId !== undefined && l.id !== q.locationId)) continue;
    const t = byLocation.get(l.source)?.get(l.id) ?? new Tally();
    locationRows.push({ locationId: l.id, locationName: l.name, source: l.source, ...t.figures(), previousAverage: prevAverage(prevByLocation.get(l.source)?.get(l.id)) });
  }
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const order = (id: string): number => {
    const i = sources.findIndex((s) => s.id === id);
    return i < 0 ? sources.length : i;
  };
  const sourceRows: SourceStats[] = [...bySource.entries()]
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, t]) => ({
      source: id,
      sourceName: names.get(id) ?? id,
      ...t.figures(),
      targetHours: targetHours(id, targets),
      previousAverage: prevAverage(prevBySource.get(id)),
    }));
  const figures = overall.figures();
  const inScopeTargets = new Set(sourceRows.map((s) => s.targetHours));
  const [onlyTarget] = inScopeTargets;
  const sharedTarget = inScopeTargets.size === 1 && onlyTarget !== undefined ? onlyTarget : inScopeTargets.size === 0 && q.source !== undefined ? targetHours(q.source, targets) : null;
  return {
    overall: figures,
    previous: hasPrevious ? previous.figures() : null,
    period,
    targetHours: sharedTarget,
    businessHours: judged.businessHours,
    locations: locationRows,
    sources: sourceRows,
    medianReplyHours: figures.medianReplyHours,
    trend: trendOf(months),
    topics: topicsOf(labels, opts.labelName ?? ((id) => id)),
  };
}

