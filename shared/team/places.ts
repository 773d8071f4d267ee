import type { Location } from '../domain/location';
import type { Source } from '../domain/source';
import type { PlaceRemoval, PlacesDoc } from './team-docs';

/**
 * Sources and locations removed for the whole team (issue 20). A removal is kept in the places document as a
 * record (`PlaceRemoval`), so a desktop that still had the place — offline at the time, or closed — drops it
 * instead of adding it back, whatever order the versions merge in. A member who adds the place again later
 * (connects the source, imports the location) drops the record.
 */

/** One key per removal target: a whole source, or one location of it. */
export const placeKey = (source: string, locationId: string | null): string => (locationId === null ? source : `${source}\u0000${locationId}`);

/** The keys of the places a workspace holds: each source, and each location. */
export function heldPlaceKeys(sources: readonly Source[], locations: readonly Location[]): Set<string> {
  return new Set([...sources.map((s) => placeKey(s.id, null)), ...locations.map((l) => placeKey(l.source, l.id))]);
}

/** True when the location (or its whole source) was removed for the team. */
export function isRemovedPlace(removed: readonly PlaceRemoval[], source: string, locationId: string | null): boolean {
  return removed.some((r) => r.source === source && (r.locationId === null || r.locationId === locationId));
}

/** The removals of several versions: one per place, the latest (ties by member), sorted so every desktop writes the same. */
export function unionRemovals(all: readonly (readonly PlaceRemoval[])[]): PlaceRemoval[] {
  const out = new Map<string, PlaceRemoval>();
  for (const list of all) {
    for (const r of list) {
      const key = placeKey(r.source, r.locationId);
      const had = out.get(key);
      if (!had || r.at > had.at || (r.at === had.at && r.by > had.by)) out.set(key, r);
    }
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
}

/** The doc without the places its removals name. */
export function withoutRemovedPlaces(doc: PlacesDoc): PlacesDoc {
  const removed = doc.removed ?? [];
  if (removed.length === 0) return doc;
  return {
    ...doc,
    sources: doc.sources.filter((s) => !removed.some((r) => r.source === s.id && r.locationId === null)),
    locations: doc.locations.filter((l) => !isRemovedPlace(removed, l.source, l.id)),
  };
}

/** The doc with one more removal (the place itself dropped). */
export function withPlaceRemoval(doc: PlacesDoc, removal: PlaceRemoval): PlacesDoc {
  return withoutRemovedPlaces({ ...doc, removed: unionRemovals([doc.removed ?? [], [removal]]) });
}

/**
 * The removals that still stand once this desktop's places are counted in: a removal of a place this desktop
 * holds again, and did not hold when it last took the team's places (`before`), was undone by a member here.
 * A place it held all along is one it has not dropped yet (the removal arrived while it was apart): that stands.
 */
export function removalsStanding(removed: readonly PlaceRemoval[], held: ReadonlySet<string>, before: ReadonlySet<string>): PlaceRemoval[] {
  const readded = (key: string) => held.has(key) && !before.has(key);
  return removed.filter((r) => !readded(placeKey(r.source, r.locationId)));
}
