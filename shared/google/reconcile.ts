import type { Review } from '../domain/review';
import { mapGoogleReview, markDeleted, sameReview } from './map-review';
import { GOOGLE_SOURCE_ID, parseReviewName } from './names';
import type { GbpReview } from './schemas';
import { EMPTY_HIGH_WATER, laterTime, timeKey } from './time';

export interface LocationCounts {
  /** Reviews Google sent for this location in this sync (after removing duplicates). */
  fetched: number;
  new: number;
  /** Changed by Google (text, stars, times, reply) or back from deleted; includes the flagged ones. */
  updated: number;
  /** Known locally, no longer listed by Google: marked deleted (never removed). */
  deleted: number;
  /** New or changed reviews whose reply answers an older version (edited after the reply). */
  flagged: number;
}

export interface LocationDeltaResult {
  /** New, changed and newly deleted reviews to upsert; unchanged ones are left out. */
  reviews: Review[];
  /** Ids of the flagged reviews (see `LocationCounts.flagged`). */
  flagged: string[];
  counts: LocationCounts;
  /** Full-precision time (see `timeKey`): everything of this location updated up to it is known. */
  highWater: string | null;
}

/** The review's id at Google (Kalm's externalId), as `mapGoogleReview` reads it. */
const externalIdOf = (g: GbpReview): string => g.reviewId ?? parseReviewName(g.name)?.reviewId ?? g.name;

/**
 * What one sync learned about one location, compared with the local reviews: collects Google's reviews
 * (a review seen twice, e.g. moved between pages by an edit during the sync, is kept in its latest
 * version) and turns them into the reviews to upsert.
 */
export class LocationDelta {
  private readonly fetched = new Map<string, GbpReview>();
  private readonly local = new Map<string, Review>();
  private newest: string | null = null;

  constructor(
    readonly locationId: string,
    existing: readonly Review[],
    private readonly previousHighWater: string | null,
  ) {
    for (const r of existing) if (r.source === GOOGLE_SOURCE_ID && r.locationId === locationId) this.local.set(r.externalId, r);
  }

  get size(): number {
    return this.fetched.size;
  }

  /** Adds one review Google listed for this location. */
  add(g: GbpReview): void {
    const id = externalIdOf(g);
    const seen = this.fetched.get(id);
    if (!seen || timeKey(g.updateTime) >= timeKey(seen.updateTime)) this.fetched.set(id, g);
    this.newest = laterTime(this.newest, timeKey(g.updateTime));
  }

  /** Local reviews (not yet marked deleted) that Google has not sent in this sync. */
  missing(): Review[] {
    return [...this.local].filter(([id, r]) => !this.fetched.has(id) && r.status !== 'deleted').map(([, r]) => r);
  }

  /**
   * The reviews to upsert. `complete`: every page of the location was listed, so a local review Google
   * did not send has been deleted there and is marked so. `highWaterFloor`: a mark the caller proved
   * safe for this location (see syncGoogle); without one, the newest review added is the mark.
   */
  finish(complete: boolean, highWaterFloor: string | null = null): LocationDeltaResult {
    const reviews: Review[] = [];
    const flagged: string[] = [];
    const counts: LocationCounts = { fetched: this.fetched.size, new: 0, updated: 0, deleted: 0, flagged: 0 };
    for (const [externalId, g] of this.fetched) {
      const old = this.local.get(externalId);
      const { review, staleReply } = mapGoogleReview(g, old);
      if (old && sameReview(old, review)) continue;
      if (old) counts.updated += 1;
      else counts.new += 1;
      if (staleReply) flagged.push(review.id);
      reviews.push(review);
    }
    if (complete) {
      for (const [externalId, old] of this.local) {
        if (this.fetched.has(externalId) || old.status === 'deleted') continue;
        reviews.push(markDeleted(old));
        counts.deleted += 1;
      }
    }
    counts.flagged = flagged.length;
    const previous = this.previousHighWater === null ? null : timeKey(this.previousHighWater);
    let highWater = laterTime(previous, highWaterFloor === null ? this.newest : timeKey(highWaterFloor));
    if (highWater === null && complete) highWater = EMPTY_HIGH_WATER;
    return { reviews, flagged, counts, highWater };
  }
}
