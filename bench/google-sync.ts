// Google sync at 200 locations × 500 reviews, against the project's emulator on loopback.
import type { Review } from '../shared/domain/review';
import { createBusinessApi } from '../electron/core/sources/google/business-api';
import { discoverLocations } from '../electron/core/sources/google/discovery';
import { syncGoogle } from '../electron/core/sources/google/sync';
import { fetchHttp, seedLarge, startGoogleEmulator } from '../tests/emulator';

const LOCATIONS = 200;
const PER_LOCATION = 500;

export interface GoogleSyncBench {
  google_locations: number;
  google_reviews: number;
  full_sync_requests: number;
  full_sync_ms: number;
  incremental_requests: number;
  incremental_goal_requests: number;
  incremental_ms: number;
}

/**
 * A full first sync and an incremental sync with nothing changed. The client-side rate limit
 * (290 requests a minute, for Google) is switched off: against Google the full pass is paced by it.
 */
export async function benchGoogleSync(): Promise<GoogleSyncBench> {
  const emu = await startGoogleEmulator({ seed: seedLarge({ locations: LOCATIONS, reviewsPerLocation: PER_LOCATION }) });
  try {
    const api = createBusinessApi({ http: fetchHttp(emu.tokens.issueFor().access_token), roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, limiter: null });
    const { locations } = await discoverLocations(api);
    const targets = locations.map((d) => ({ v4Parent: d.v4Parent, locationId: d.location.id }));
    const local = new Map<string, Review[]>();
    const marks = new Map<string, string | null>();

    const run = async (full: boolean) => {
      const before = api.requestCount;
      const start = performance.now();
      const result = await syncGoogle({ api, locations: targets, existing: (id) => local.get(id) ?? [], highWater: (id) => marks.get(id) ?? null, full });
      const ms = performance.now() - start;
      for (const r of result.results) {
        const byId = new Map((local.get(r.locationId) ?? []).map((x) => [x.id, x]));
        for (const review of r.reviews) byId.set(review.id, review);
        local.set(r.locationId, [...byId.values()]);
        marks.set(r.locationId, r.highWater);
      }
      return { requests: api.requestCount - before, ms, reviews: result.totals.reviews };
    };

    const full = await run(true);
    const incremental = await run(false);
    return {
      google_locations: targets.length,
      google_reviews: full.reviews,
      full_sync_requests: full.requests,
      full_sync_ms: Math.round(full.ms),
      incremental_requests: incremental.requests,
      incremental_goal_requests: Math.ceil(targets.length / 50) + 2,
      incremental_ms: Math.round(incremental.ms),
    };
  } finally {
    await emu.close();
  }
}
