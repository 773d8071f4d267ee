import type { Location } from '../domain/location';
import type { Review } from '../domain/review';
import { emptyRatingCounts } from './query';
import type { LocationStats, StatsFigures, StatsQuery, StatsSummary } from './stats-schema';

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Average, counts, response rate and distribution over reviews (deleted ones excluded). */
export function computeFigures(reviews: Iterable<Review>): StatsFigures {
  const distribution = emptyRatingCounts();
  let count = 0, rated = 0, sum = 0, unanswered = 0, replied = 0;
  for (const r of reviews) {
    if (r.status === 'deleted') continue;
    count++;
    if (r.rating === null) distribution.none++;
    else {
      distribution[r.rating]++;
      rated++;
      sum += r.rating;
    }
    if (r.reply !== null) replied++;
    else unanswered++;
  }
  return {
    average: rated > 0 ? round2(sum / rated) : null,
    count,
    rated,
    unanswered,
    responseRate: count > 0 ? round2(replied / count) : null,
    distribution,
  };
}

/** Overall figures plus one row per location, for the given filter. */
export function summarize(reviews: readonly Review[], locations: readonly Location[], q: StatsQuery): StatsSummary {
  const inScope = reviews.filter(
    (r) => (q.source === undefined || r.source === q.source) && (q.locationId === undefined || r.locationId === q.locationId),
  );
  const byLocation = new Map<string, Review[]>();
  for (const r of inScope) {
    const key = `${r.source}\u0000${r.locationId}`;
    const list = byLocation.get(key);
    if (list) list.push(r);
    else byLocation.set(key, [r]);
  }
  const rows: LocationStats[] = locations
    .filter((l) => byLocation.has(`${l.source}\u0000${l.id}`))
    .map((l) => ({
      locationId: l.id,
      locationName: l.name,
      source: l.source,
      ...computeFigures(byLocation.get(`${l.source}\u0000${l.id}`) ?? []),
    }));
  return { overall: computeFigures(inScope), locations: rows };
}
