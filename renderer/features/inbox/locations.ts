import type { Location } from '../../../shared/domain/location';
import type { Review } from '../../../shared/domain/review';

/** Finds a review's location name in the workspace's locations; null when unknown. */
export function locationNamer(locations: readonly Location[] | undefined): (review: Review) => string | null {
  const byKey = new Map<string, string>();
  for (const l of locations ?? []) byKey.set(`${l.source}\u0000${l.id}`, l.name);
  return (review) => byKey.get(`${review.source}\u0000${review.locationId}`) ?? null;
}
