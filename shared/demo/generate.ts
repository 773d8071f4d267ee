import type { Location } from '../domain/location';
import type { Review } from '../domain/review';
import type { Source } from '../domain/source';
import { buildSites, SOURCE_ID, toLocation } from './locations';
import { createRng, type Rng } from './random';
import { DAY, makeReview, type ForcedContent } from './review-factory';
import type { DemoSite } from './types';

export interface DemoWorkspace {
  sources: Source[];
  locations: Location[];
  reviews: Review[];
}

export interface DemoOptions {
  /** Default 20261124. The same seed and `now` give the same workspace. */
  seed?: number;
  /** Every date is placed in the 18 months before this moment. */
  now: Date;
  /** Default 3 (Utrecht, Gent, Amsterdam). */
  locationCount?: number;
  /** Total over all locations; default 260. */
  reviewCount?: number;
}

export const DEFAULT_DEMO_SEED = 20261124;
export const DEFAULT_LOCATION_COUNT = 3;
export const DEFAULT_REVIEW_COUNT = 260;

/** The untrusted-markup review the e2e tests look for; it always stays unanswered. */
export const HOSTILE_MARKUP = '<img src=x onerror=alert(1)>';

/** Reviews are spread over the last 540 days (within 18 months). */
const SPAN_MS = 540 * DAY;
const MIN_AGE_MS = 20 * 60_000;

const HOSTILE: ForcedContent = { rating: 1, text: HOSTILE_MARKUP, language: null, praise: null, complaint: null, answer: false };
const emoji = (city: string): ForcedContent => ({
  rating: 5,
  text: `Beste kaneelbroodjes van ${city}! 😍🥐 En wat een lieve mensen achter de toonbank ☀️`,
  language: 'nl',
  praise: 'pastry',
  complaint: null,
  answer: true,
});

/** Splits `total` over the sites by weight (largest remainder), at least one each when possible. */
function allocate(total: number, sites: readonly DemoSite[]): number[] {
  const base = total >= sites.length ? 1 : 0;
  const rest = total - base * sites.length;
  const weightSum = sites.reduce((sum, s) => sum + s.weight, 0);
  const exact = sites.map((s) => (rest * s.weight) / weightSum);
  const counts = exact.map((x) => base + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** Ages in ms, newest first; recent months are a bit denser than older ones. */
function ages(rng: Rng, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(MIN_AGE_MS + (SPAN_MS - MIN_AGE_MS) * rng.next() ** 1.35);
  return out.sort();
}

/**
 * A complete, deterministic demo workspace for "Bakkerij Zonnig", a bakery-café chain:
 * one Google source in demo state, its locations, and their reviews with replies.
 */
export function generateDemoWorkspace(opts: DemoOptions): DemoWorkspace {
  const nowMs = opts.now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('generateDemoWorkspace: `now` is not a valid date');
  const rng = createRng(opts.seed ?? DEFAULT_DEMO_SEED);
  const locationCount = Math.max(1, Math.floor(opts.locationCount ?? DEFAULT_LOCATION_COUNT));
  const reviewCount = Math.max(0, Math.floor(opts.reviewCount ?? DEFAULT_REVIEW_COUNT));

  const sites = buildSites(rng, locationCount);
  const counts = allocate(reviewCount, sites);
  const firstSite = sites[0];
  const emojiSite = sites[1 % sites.length];

  const reviews: Review[] = [];
  let serial = 0;
  sites.forEach((site, s) => {
    const siteAges = ages(rng, counts[s] ?? 0);
    siteAges.forEach((age, i) => {
      // Planted reviews: the hostile markup at the first location, the emoji one at the second.
      let forced: ForcedContent | undefined;
      if (site === firstSite && i === Math.min(1, siteAges.length - 1)) forced = HOSTILE;
      else if (site === emojiSite && i === Math.min(4, siteAges.length - 1)) forced = emoji(site.city);
      reviews.push(makeReview(rng, site, nowMs, age, serial++, forced));
    });
  });

  const sources: Source[] = [
    { id: SOURCE_ID, kind: 'google-business', name: 'Google', state: 'demo', lastSyncAt: new Date(nowMs).toISOString() },
  ];
  return { sources, locations: sites.map(toLocation), reviews };
}
