import { afterEach, describe, expect, it } from 'vitest';
import { Review, type Review as ReviewT } from '../../shared/domain/review';
import { createBusinessApi, type BusinessApi, type RetryOptions } from '../../electron/core/sources/google/business-api';
import { discoverLocations } from '../../electron/core/sources/google/discovery';
import { GoogleApiError } from '../../electron/core/google-api/errors';
import { RateLimiter, type LimiterClock } from '../../electron/core/sources/google/rate-limit';
import { syncGoogle, type SyncLocation, type SyncResult } from '../../electron/core/sources/google/sync';
import { fetchHttp, FIXTURE_UTRECHT, seedCustom, startGoogleEmulator, type EmulatorSeed, type GoogleEmulator } from '../emulator';


interface Setup {
  emu: GoogleEmulator;
  api: BusinessApi;
  locations: SyncLocation[];
  waits: number[];
  /** The local store: reviews by id, high-water marks by location. */
  local: Map<string, ReviewT>;
  marks: Map<string, string | null>;
  sync(full: boolean, extra?: { api?: BusinessApi; useBatch?: boolean }): Promise<SyncResult>;
  /** Requests to the v4 API since `from`. */
  v4Requests(from: number): number;
}

let emulator: GoogleEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

async function setup(seed?: EmulatorSeed, retry: RetryOptions = {}): Promise<Setup> {
  const emu = await startGoogleEmulator(seed ? { seed } : {});
  emulator = emu;
  const waits: number[] = [];
  const api = createBusinessApi({
    http: fetchHttp(emu.tokens.issueFor().access_token),
    roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl },
    limiter: null,
    retry: { attempts: 3, sleep: async (ms) => void waits.push(ms), ...retry },
  });
  const { locations: found } = await discoverLocations(api);
  const locations = found.map((d) => ({ v4Parent: d.v4Parent, locationId: d.location.id, name: d.location.name }));
  const local = new Map<string, ReviewT>();
  const marks = new Map<string, string | null>();
  const s: Setup = {
    emu, api, locations, waits, local, marks,
    async sync(full, extra = {}) {
      const result = await syncGoogle({
        api: extra.api ?? api,
        locations,
        full,
        existing: (id) => [...local.values()].filter((r) => r.locationId === id),
        highWater: (id) => marks.get(id) ?? null,
        ...(extra.useBatch === undefined ? {} : { useBatch: extra.useBatch }),
      });
      for (const r of result.results) {
        for (const review of r.reviews) local.set(review.id, review);
        marks.set(r.locationId, r.highWater);
      }
      return result;
    },
    v4Requests: (from) => emu.requests.slice(from).filter((q) => q.path.startsWith('/v4/')).length,
  };
  return s;
}

const byExternal = (s: Setup, externalId: string): ReviewT | undefined => [...s.local.values()].find((r) => r.externalId === externalId);

describe('discovery', () => {
  it('lists every account and location as Kalm locations with their v4 parents', async () => {
    const s = await setup();
    const { locations, skippedAccounts } = await discoverLocations(s.api);
    expect(skippedAccounts).toEqual([]);
    expect(locations.map((l) => l.v4Parent)).toContain(FIXTURE_UTRECHT);
    const utrecht = locations.find((l) => l.v4Parent === FIXTURE_UTRECHT)!;
    expect(utrecht.accountDisplayName).toBe('Bakkerij De Zonnebloem');
    expect(utrecht.location).toMatchObject({ id: '4452901837465529101', source: 'google', address: 'Oudegracht 112, 3511 AZ Utrecht' });
    const calls = s.emu.requests.filter((r) => r.path.startsWith('/v1/'));
    expect(calls.find((r) => r.path === '/v1/accounts')?.query).toMatchObject({ pageSize: '20' });
    expect(calls.find((r) => r.path.endsWith('/locations'))?.query).toMatchObject({ pageSize: '100', readMask: 'name,title,storeCode,storefrontAddress,metadata' });
  });

  it('pages through accounts and locations', async () => {
    const s = await setup(seedCustom({ accounts: 21, locationsPerAccount: 2, reviewsPerLocation: 0 }));
    expect(s.locations).toHaveLength(42);
    expect(new Set(s.locations.map((l) => l.locationId)).size).toBe(42);
  });
});

describe('syncing reviews', () => {
  it('pages through 185 reviews at one location, each once, all valid', async () => {
    const s = await setup(seedCustom({ locationsPerAccount: 1, reviewsPerLocation: 185 }));
    const progress: number[] = [];
    const first = await syncGoogle({
      api: s.api, locations: s.locations, full: false, existing: () => [], highWater: () => null,
      onProgress: (p) => progress.push(p.reviewsFetched),
    });
    const [loc] = first.results;
    expect(loc!.reviews).toHaveLength(185);
    expect(new Set(loc!.reviews.map((r) => r.id)).size).toBe(185);
    for (const r of loc!.reviews) expect(Review.safeParse(r).success).toBe(true);
    expect(first.totals).toMatchObject({ locations: 1, reviews: 185, new: 185, updated: 0, deleted: 0 });
    expect(first.totals.flagged).toBeGreaterThan(0); // the seed has edited reviews with stale replies
    expect(first.requests).toBe(4); // 50 + 50 + 50 + 35
    expect(s.emu.requests.filter((r) => r.path.endsWith('/reviews')).every((r) => r.query.pageSize === '50' && r.query.orderBy === 'updateTime desc')).toBe(true);
    expect(progress.at(-1)).toBe(185);
    expect(loc!.highWater).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
  });

  it('a second sync without changes makes one batch request per 50 locations', async () => {
    const s = await setup(seedCustom({ accounts: 1, locationsPerAccount: 60, reviewsPerLocation: 3 }));
    await s.sync(false);
    expect(s.local.size).toBe(180);
    const from = s.emu.requests.length;
    const again = await s.sync(false);
    expect(again.totals).toMatchObject({ reviews: 0, new: 0, updated: 0, deleted: 0 });
    expect(s.v4Requests(from)).toBe(2); // ⌈60 / 50⌉
    expect(s.emu.requests.slice(from).every((r) => r.path.endsWith('locations:batchGetReviews'))).toBe(true);
    const third = s.emu.requests.length;
    await s.sync(false);
    expect(s.v4Requests(third)).toBe(2);
  });

  it('marks converge: an empty location and one with only old reviews do not make the next check page far', async () => {
    const seed = seedCustom({ locationsPerAccount: 3, reviewsPerLocation: 60 });
    const [, old, empty] = seed.accounts[1]!.locations;
    const yearBack = (t: string) => t.replace(/^2026-/, '2025-');
    for (const r of old!.reviews) {
      r.createTime = yearBack(r.createTime);
      r.updateTime = yearBack(r.updateTime);
      if (r.reviewReply) r.reviewReply.updateTime = yearBack(r.reviewReply.updateTime);
    }
    empty!.reviews = [];
    const s = await setup(seed);
    await s.sync(false);
    const from = s.emu.requests.length;
    expect((await s.sync(false)).totals.reviews).toBe(0);
    expect(s.v4Requests(from)).toBe(1);
    const added = s.emu.data.addReview(s.locations[2]!.v4Parent, { comment: null, starRating: 'ONE' });
    const next = await s.sync(false);
    expect(next.totals.new).toBe(1);
    expect(byExternal(s, added.reviewId)).toMatchObject({ text: null, rating: 1 });
  });

  it('without batch calls, a second sync reads one page per location and stops', async () => {
    const s = await setup(seedCustom({ locationsPerAccount: 2, reviewsPerLocation: 120 }));
    await s.sync(false, { useBatch: false });
    const from = s.emu.requests.length;
    const again = await s.sync(false, { useBatch: false });
    expect(again.totals.reviews).toBe(0);
    expect(s.v4Requests(from)).toBe(2);
    s.marks.set(s.locations[0]!.locationId, 'damaged'); // counts as never synced: listed in full, nothing changes
    const from2 = s.emu.requests.length;
    expect((await s.sync(false, { useBatch: false })).totals.reviews).toBe(0);
    expect(s.v4Requests(from2)).toBe(4);
  });

  it('picks up added and edited reviews incrementally; a full pass marks deleted ones', async () => {
    const s = await setup(seedCustom({ locationsPerAccount: 2, reviewsPerLocation: 70 }));
    await s.sync(false);
    const [a, b] = s.locations;
    // An answered review whose reply is current, then edited by its author.
    const answered = s.emu.data.reviews(b!.v4Parent).find((r) => r.reviewReply && r.updateTime < r.reviewReply.updateTime)!;
    const added = s.emu.data.addReview(a!.v4Parent, { comment: 'Nieuw <b>hier</b>', starRating: 'TWO' });
    s.emu.data.editReview(answered.name, { comment: 'Toch minder goed dan gedacht.', starRating: 'THREE' });
    const gone = s.emu.data.reviews(a!.v4Parent).at(-1)!;
    expect(s.emu.data.deleteReview(gone.name)).toBe(true);
    expect(byExternal(s, answered.reviewId)?.status).toBe('answered');

    const from = s.emu.requests.length;
    const inc = await s.sync(false);
    expect(s.v4Requests(from)).toBe(1);
    expect(inc.totals).toMatchObject({ new: 1, updated: 1, deleted: 0, flagged: 1 });
    expect(byExternal(s, added.reviewId)).toMatchObject({ text: 'Nieuw <b>hier</b>', rating: 2, status: 'unanswered' });
    const edited = byExternal(s, answered.reviewId)!;
    expect(edited).toMatchObject({ text: 'Toch minder goed dan gedacht.', rating: 3, status: 'unanswered' });
    expect(edited.reply?.text).toBe(answered.reviewReply!.comment);
    expect(inc.results.find((r) => r.locationId === b!.locationId)?.flagged).toEqual([edited.id]);
    expect(byExternal(s, gone.reviewId)?.status).not.toBe('deleted'); // incremental cannot see deletions

    const full = await s.sync(true);
    expect(full.totals).toMatchObject({ new: 0, updated: 0, deleted: 1 });
    expect(byExternal(s, gone.reviewId)).toMatchObject({ status: 'deleted', text: byExternal(s, gone.reviewId)?.text });
    expect(s.local.size).toBe(141); // kept, never removed
    expect(full.results.every((r) => r.complete)).toBe(true);
    expect((await s.sync(true)).totals).toMatchObject({ reviews: 0, deleted: 0 });
  });

  it('a full pass sees replies written elsewhere (they do not change updateTime)', async () => {
    const s = await setup();
    await s.sync(true);
    const target = s.emu.data.reviews(FIXTURE_UTRECHT).find((r) => !r.reviewReply && r.comment)!;
    s.emu.data.setReply(target.name, 'Bedankt!\n\n(Translated by Google)\nThanks!');
    expect((await s.sync(false)).totals.updated).toBe(0);
    const full = await s.sync(true);
    expect(full.totals.updated).toBe(1);
    expect(byExternal(s, target.reviewId)).toMatchObject({ status: 'answered', reply: { text: 'Bedankt!', state: 'published' } });
  });

  it('a review moved between pages by an edit during the sync is kept once, not marked deleted', async () => {
    const s = await setup(seedCustom({ locationsPerAccount: 1, reviewsPerLocation: 120 }));
    await s.sync(true);
    const parent = s.locations[0]!.v4Parent;
    const victim = s.emu.data.reviews(parent)[110]!; // on page 3
    let pages = 0;
    const editing: BusinessApi = Object.assign(Object.create(s.api) as BusinessApi, {
      listReviewsPage: async (p: string, token?: string) => {
        const page = await s.api.listReviewsPage(p, token);
        if (++pages === 1) s.emu.data.editReview(victim.name, { comment: 'Bijgewerkt tijdens de sync' });
        return page;
      },
    });
    const full = await s.sync(true, { api: editing });
    expect(full.totals.deleted).toBe(0);
    expect(byExternal(s, victim.reviewId)).toMatchObject({ text: 'Bijgewerkt tijdens de sync' });
    expect(new Set([...s.local.values()].map((r) => r.externalId)).size).toBe(120);
  });

  it('falls back to listing each location when a batch answer is not in time order', async () => {
    const s = await setup(seedCustom({ locationsPerAccount: 3, reviewsPerLocation: 10 }));
    await s.sync(false);
    const added = s.emu.data.addReview(s.locations[1]!.v4Parent);
    const shuffled: BusinessApi = Object.assign(Object.create(s.api) as BusinessApi, {
      batchGetReviews: async (names: readonly string[], token?: string) => {
        const page = await s.api.batchGetReviews(names, token);
        return { ...page, locationReviews: [...(page.locationReviews ?? [])].reverse() };
      },
    });
    const res = await s.sync(false, { api: shuffled });
    expect(res.totals.new).toBe(1);
    expect(byExternal(s, added.reviewId)).toBeDefined();
  });
});

describe('failures', () => {
  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const s = await setup();
    s.emu.faults.add({ match: '/reviews', status: 429, retryAfterSeconds: 2 });
    const res = await s.sync(true);
    expect(res.totals.new).toBeGreaterThan(0);
    expect(s.waits).toEqual([2000]);
  });

  it('caps a long Retry-After', async () => {
    const s = await setup(undefined, { maxDelayMs: 5000 });
    s.emu.faults.add({ match: '/reviews', status: 503, retryAfterSeconds: 3600 });
    await s.sync(true);
    expect(s.waits).toEqual([5000]);
  });

  it('retries 503s with doubling backoff', async () => {
    const s = await setup(undefined, { baseDelayMs: 10 });
    s.emu.faults.add({ match: '/reviews', status: 503, times: 2 });
    const res = await s.sync(true);
    expect(res.totals.new).toBeGreaterThan(0);
    expect(s.waits).toEqual([10, 20]);
  });

  it('gives up after the last attempt with a clear message', async () => {
    const s = await setup(undefined, { baseDelayMs: 1 });
    s.emu.faults.add({ match: '/reviews', status: 503, times: Infinity });
    const from = s.emu.requests.length;
    const err = await s.sync(true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GoogleApiError);
    expect(err).toMatchObject({ problem: 'unavailable', retryable: true, message: expect.stringMatching(/Google is not answering right now; Kalm will try again/) });
    expect(s.v4Requests(from)).toBe(3);
    expect(s.local.size).toBe(0);
  });

  it('network down: retried, then unavailable', async () => {
    const s = await setup(undefined, { baseDelayMs: 1 });
    s.emu.faults.down(true);
    const err = await s.api.listAccounts().catch((e: unknown) => e);
    s.emu.faults.down(false);
    expect(err).toMatchObject({ problem: 'unavailable', status: 0 });
    expect(s.waits).toHaveLength(2);
  });

  it('quota 0: no retries, and the message says API access is not approved', async () => {
    const s = await setup();
    s.emu.faults.add({ match: '/reviews', body: 'quota-zero', times: Infinity });
    const from = s.emu.requests.length;
    const err = await s.sync(true).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'forbidden', problem: 'quota_zero' });
    expect((err as Error).message).toMatch(/Google has not approved Business Profile API access for your Google Cloud project yet \(quota 0\)\. Apply for Basic API Access/);
    expect(s.v4Requests(from)).toBe(1);
    expect(s.waits).toEqual([]);
  });

  it('a disabled API is named', async () => {
    const s = await setup();
    s.emu.faults.add({ match: '/v1/accounts', body: 'service-disabled' });
    const err = await s.api.listAccounts().catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: 'service_disabled', message: expect.stringMatching(/Enable the My Business Account Management API in Google Cloud/) });
  });

  it('a malformed answer fails the sync with a clear message and nothing to apply', async () => {
    const s = await setup(seedCustom({ locationsPerAccount: 1, reviewsPerLocation: 120 }));
    let page = 0;
    // the second page of the listing is broken: the first page's reviews must not be applied either
    const api: BusinessApi = Object.assign(Object.create(s.api) as BusinessApi, {
      listReviewsPage: async (p: string, token?: string) => {
        if (++page === 2) s.emu.faults.add({ match: '/reviews', malformed: true });
        return s.api.listReviewsPage(p, token);
      },
    });
    const err = await s.sync(true, { api }).catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: 'invalid_response', message: expect.stringMatching(/could not read .*nothing was changed/) });
    expect(s.local.size).toBe(0);
    expect(s.marks.size).toBe(0);
  });

  it('a location without permission is reported; the others sync', async () => {
    const s = await setup(seedCustom({ locationsPerAccount: 2, reviewsPerLocation: 5 }));
    const [a, b] = s.locations;
    s.emu.faults.add({ match: `${a!.v4Parent}/reviews`, status: 403, times: Infinity });
    const res = await s.sync(true);
    expect(res.results[0]).toMatchObject({ locationId: a!.locationId, reviews: [], highWater: null, error: { problem: 'permission' } });
    expect(res.results[0]!.error?.message).toContain(`no permission for the reviews of "${a!.name}"`);
    expect(res.results[1]).toMatchObject({ locationId: b!.locationId, error: null });
    expect(res.results[1]!.reviews).toHaveLength(5);
  });

  it('the sign-in refused (401) asks to reconnect', async () => {
    const s = await setup();
    s.emu.tokens.revokeAll();
    const err = await s.api.listAccounts().catch((e: unknown) => e);
    expect(err).toMatchObject({ problem: 'auth', code: 'forbidden', message: expect.stringMatching(/Reconnect Google/) });
    expect((err as Error).message).not.toMatch(/ya29/);
  });
});

describe('replies', () => {
  it('puts, reads back and deletes a reply; refuses more than 4096 bytes before sending', async () => {
    const s = await setup();
    const review = s.emu.data.reviews(FIXTURE_UTRECHT).find((r) => !r.reviewReply)!;
    const from = s.emu.requests.length;
    await expect(s.api.putReply(review.name, 'é'.repeat(2049))).rejects.toMatchObject({ problem: 'too_long', code: 'invalid_input', message: expect.stringMatching(/4098 bytes.*at most 4096/) });
    expect(s.emu.requests.length).toBe(from);
    const max = 'é'.repeat(2048);
    const reply = await s.api.putReply(review.name, max);
    expect(reply.comment).toBe(max);
    expect((await s.api.getReview(review.name)).reviewReply?.comment).toBe(max);
    await s.api.deleteReply(review.name);
    expect((await s.api.getReview(review.name)).reviewReply).toBeUndefined();
    s.emu.data.deleteReview(review.name);
    await expect(s.api.getReview(review.name)).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/did not find this review/) });
  });
});

describe('rate limit', () => {
  const fakeClock = (): LimiterClock & { t: number } => {
    const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) };
    return c;
  };

  it('keeps every 60-second window under the budget', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 300, burst: 10, clock });
    const at: number[] = [];
    for (let i = 0; i < 1000; i++) {
      await limiter.acquire();
      at.push(clock.t);
    }
    for (let i = 0; i < at.length; i++) {
      const inWindow = at.filter((t) => t >= at[i]! && t < at[i]! + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(300);
    }
    expect(at[9]).toBe(0); // the burst goes at once
    expect(at.at(-1)! / 1000).toBeLessThan(220); // and the rate stays close to the budget
  });

  it('serves concurrent callers in order', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, clock });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.t).toBeGreaterThanOrEqual(3 * 1017);
  });
});
