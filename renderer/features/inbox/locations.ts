import type { Location } from '../../../shared/domain/location';
import type { Review } from '../../../shared/domain/review';

const key = (source: string, id: string): string => `${source}\u0000${id}`;

/** Finds a review's location in the workspace's locations; null when unknown. */
export function locationFinder(locations: readonly Location[] | undefined): (review: Review) => Location | null {
  const byKey = new Map<string, Location>();
  for (const l of locations ?? []) byKey.set(key(l.source, l.id), l);
  return (review) => byKey.get(key(review.source, review.locationId)) ?? null;
}

/** Finds a review's location name; null when unknown. */
export function locationNamer(locations: readonly Location[] | undefined): (review: Review) => string | null {
  const find = locationFinder(locations);
  return (review) => find(review)?.name ?? null;
}
