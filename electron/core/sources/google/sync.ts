import type { Review } from '../../../../shared/domain/review';
import { BATCH_LOCATIONS } from '../../../../shared/google/limits';
import { parseReviewName, reviewNameOf } from '../../../../shared/google/names';
import { LocationDelta, type LocationCounts } from '../../../../shared/google/reconcile';
import type { GbpReview } from '../../../../shared/google/schemas';
import { compareTimes, laterTime, shiftSeconds, timeKey } from '../../../../shared/google/time';
import type { BusinessApi } from './business-api';
import { GoogleApiError, invalidResponse } from '../../google-api/errors';

export interface SyncLocation {
  /** `accounts/{a}/locations/{l}`. */
  v4Parent: string;
  /** Kalm's Location.id (`{l}`). */
  locationId: string;
  /** The location's title, for messages. */
  name?: string;
}

export interface SyncProgress {
  locationIndex: number;
  locationCount: number;
  reviewsFetched: number;
}

export interface SyncOptions {
  api: BusinessApi;
  locations: readonly SyncLocation[];
  /** The local reviews of a location (any status, deleted ones included). */
  existing: (locationId: string) => readonly Review[];
  /** The mark `syncGoogle` returned for the location last time; null when it was never synced. */
  highWater: (locationId: string) => string | null;
  /** List every page of every location and mark reviews Google no longer has as deleted. */
  full: boolean;
  now?: () => Date;
  onProgress?: (p: SyncProgress) => void;
  /** Check locations for changes with batchGetReviews (default true; incremental passes only). */
  useBatch?: boolean;
}

export interface LocationSyncResult extends ReturnType<LocationDelta['finish']> {
  locationId: string;
  /** Every page was listed, so deletions were looked for. */
  complete: boolean;
  /** Google refused this location (no permission, not found); nothing of it changed. Other failures end the sync. */
  error: GoogleApiError | null;
}

export interface SyncResult {
  results: LocationSyncResult[];
  totals: { locations: number; reviews: number; new: number; updated: number; deleted: number; flagged: number };
  /** Requests sent (retries included). */
  requests: number;
  syncedAt: string;
}

interface Work {
  loc: SyncLocation;
  index: number;
  delta: LocationDelta;
  hw: string | null;
  complete: boolean;
  floor: string | null;
  error: GoogleApiError | null;
}

const LOCAL_FAILURES = new Set(['permission', 'not_found']);
/** Seconds a mark stays behind the newest time seen (see `observe`). */
const VISIBILITY_MARGIN_S = 300;

/**
 * Fetches Google's reviews into domain reviews (nothing is written here: the caller upserts
 * `results[].reviews` and stores `results[].highWater`; when it throws, nothing should be applied).
 *
 * Incremental: reviews come newest-updated first and paging stops at the first one at or before the
 * location's high-water mark. Locations that have a mark are first checked together with batchGetReviews
 * (one request per 50 locations of an account when nothing changed); a location without one is listed
 * in full. Full: every page of every location; a local review Google no longer lists is marked deleted once a
 * get of it answers 404 (an edit during the listing can move a review onto a page already read).
 */
export async function syncGoogle(opts: SyncOptions): Promise<SyncResult> {
  const { api, locations, full } = opts;
  const now = opts.now ?? (() => new Date());
  const startRequests = api.requestCount;
  let fetched = 0;
  const progress = (locationIndex: number): void =>
    opts.onProgress?.({ locationIndex, locationCount: locations.length, reviewsFetched: fetched });

  const work: Work[] = locations.map((loc, index) => {
    const hw = validMark(opts.highWater(loc.locationId));
    return { loc, index, hw, delta: new LocationDelta(loc.locationId, opts.existing(loc.locationId), hw), complete: false, floor: null, error: null };
  });

  /**
   * The newest Google time seen so far in this sync, after taking in `times`, less a safety margin
   * (a change may show in lists a little after its updateTime): the floor for the marks of what is read next.
   */
  let observed: string | null = null;
  const observe = (times: readonly string[]): string | null => {
    for (const t of times) observed = laterTime(observed, timeKey(t));
    return observed === null ? null : shiftSeconds(observed, -VISIBILITY_MARGIN_S);
  };

  const add = (w: Work, g: GbpReview): void => {
    if (parseReviewName(g.name)?.v4Parent !== w.loc.v4Parent) {
      throw invalidResponse(`the reviews of ${w.loc.name ?? w.loc.v4Parent}`);
    }
    w.delta.add(g);
    fetched += 1;
  };

  /**
   * Lists one location newest first; stops at its mark unless `all`. Its new mark may go up to the newest
   * time seen by the end of its first page: those reviews existed when the listing began, so any later
   * change gets a later updateTime, and every earlier one was above the old mark and listed.
   */
  async function list(w: Work, all: boolean): Promise<void> {
    const seen = new Set<string>();
    let token: string | undefined;
    try {
      for (;;) {
        const page = await api.listReviewsPage(w.loc.v4Parent, token);
        const items = page.reviews ?? [];
        if (token === undefined) w.floor = observe(items.map((g) => g.updateTime));
        for (const g of items) {
          if (!all && w.hw !== null && compareTimes(g.updateTime, w.hw) <= 0) return progress(w.index);
          add(w, g);
        }
        progress(w.index);
        if (!page.nextPageToken || seen.has(page.nextPageToken)) break;
        seen.add(page.nextPageToken);
        token = page.nextPageToken;
      }
      await confirmMissing(w);
      w.complete = true;
    } catch (err) {
      if (!(err instanceof GoogleApiError && LOCAL_FAILURES.has(err.problem))) throw err;
      const named = w.loc.name ? err.message.replace(w.loc.v4Parent, `"${w.loc.name}"`) : err.message;
      w.error = new GoogleApiError(err.code, named, err.problem, err.status, err.retryable);
    }
  }

  /**
   * After a complete listing, asks for each local review Google did not list: an edit during the listing
   * can move a review onto a page already read, so only a 404 proves it was deleted.
   */
  async function confirmMissing(w: Work): Promise<void> {
    for (const r of w.delta.missing()) {
      try {
        add(w, await api.getReview(reviewNameOf(w.loc.v4Parent, r.externalId)));
      } catch (err) {
        if (!(err instanceof GoogleApiError && err.problem === 'not_found')) throw err;
      }
    }
  }

  /**
   * Checks a group of locations (one account) in one paged batch call, newest first across all of them,
   * until a review at or before the oldest mark of the group. Returns false when Google's answer cannot
   * be trusted for that (not in time order, or refused): the caller then lists them one by one.
   */
  async function batch(group: Work[]): Promise<boolean> {
    const byParent = new Map(group.map((w) => [w.loc.v4Parent, w]));
    const oldest = group.map((w) => timeKey(w.hw ?? '')).reduce((a, b) => (a < b ? a : b));
    let floor: string | null = null;
    let previous: string | null = null;
    const seen = new Set<string>();
    let token: string | undefined;
    try {
      for (;;) {
        const page = await api.batchGetReviews([...byParent.keys()], token);
        const items = page.locationReviews ?? [];
        if (token === undefined) floor = observe(items.map((lr) => lr.review.updateTime));
        // The whole page is read (it is paid for) so its time order is checked before the stop is trusted.
        let reachedOldest = false;
        for (const { name, review } of items) {
          const w = byParent.get(name);
          if (!w) throw invalidResponse('the newest reviews of your locations');
          const key = timeKey(review.updateTime);
          if (previous !== null && key > previous) return false;
          previous = key;
          if (key <= oldest) reachedOldest = true;
          else if (w.hw === null || key > timeKey(w.hw)) add(w, review);
        }
        progress(group[0]?.index ?? 0);
        if (reachedOldest || !page.nextPageToken || seen.has(page.nextPageToken)) break;
        seen.add(page.nextPageToken);
        token = page.nextPageToken;
      }
    } catch (err) {
      if (err instanceof GoogleApiError && LOCAL_FAILURES.has(err.problem)) return false;
      throw err;
    }
    // As in `list`: everything of these locations up to the newest time of the first page is now known.
    for (const w of group) w.floor = floor;
    return true;
  }

  if (full || opts.useBatch === false) {
    for (const w of work) await list(w, full);
  } else {
    const marked = work.filter((w) => w.hw !== null);
    for (const group of groups(marked)) {
      if (!(await batch(group))) for (const w of group) await list(w, false);
    }
    for (const w of work) if (w.hw === null) await list(w, false);
  }
  progress(locations.length);

  const results = work.map((w): LocationSyncResult => {
    if (w.error) {
      const empty: LocationCounts = { fetched: 0, new: 0, updated: 0, deleted: 0, flagged: 0 };
      return { locationId: w.loc.locationId, reviews: [], flagged: [], counts: empty, highWater: w.hw, complete: false, error: w.error };
    }
    return { locationId: w.loc.locationId, ...w.delta.finish(w.complete, w.floor), complete: w.complete, error: null };
  });
  const sum = (k: keyof LocationCounts): number => results.reduce((n, r) => n + r.counts[k], 0);
  return {
    results,
    totals: {
      locations: results.length,
      reviews: results.reduce((n, r) => n + r.reviews.length, 0),
      new: sum('new'), updated: sum('updated'), deleted: sum('deleted'), flagged: sum('flagged'),
    },
    requests: api.requestCount - startRequests,
    syncedAt: now().toISOString(),
  };
}

/** A stored mark that is not a time (a damaged file) counts as none: that location is listed in full. */
function validMark(mark: string | null): string | null {
  if (mark === null) return null;
  try {
    return timeKey(mark);
  } catch {
    return null;
  }
}

/** Locations with a mark, grouped by account (a batch call names one account), at most BATCH_LOCATIONS each. */
function groups(list: Work[]): Work[][] {
  const byAccount = new Map<string, Work[]>();
  for (const w of list) {
    const account = w.loc.v4Parent.split('/').slice(0, 2).join('/');
    const ws = byAccount.get(account);
    if (ws) ws.push(w);
    else byAccount.set(account, [w]);
  }
  const out: Work[][] = [];
  for (const ws of byAccount.values()) for (let i = 0; i < ws.length; i += BATCH_LOCATIONS) out.push(ws.slice(i, i + BATCH_LOCATIONS));
  return out;
}
