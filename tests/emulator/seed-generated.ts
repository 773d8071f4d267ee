/**
 * Deterministic generated seeds (same input → byte-identical data): `seedCustom` for any shape, `seedLarge` for the bench.
 * Each location mixes what the fixtures show: replied and unreplied, edited reviews with a stale reply, layouts A and B,
 * anonymous and rating-only reviews, emoji, and 0/3/6 fractional digits in times.
 */
import type { Account, EmulatorSeed, Review, SeedAccount, SeedLocation, StarRating } from './types';
import { mulberry32 } from '../../shared/demo/random';

export interface CustomSeedOptions {
  /** Business (LOCATION_GROUP) accounts; a PERSONAL account owning nothing is always listed first. Default 1. */
  accounts?: number;
  locationsPerAccount?: number;
  reviewsPerLocation?: number;
  /** Time of the newest review (default 2026-11-20T12:00:00Z); older ones go back about 3 hours each. */
  newest?: string;
}

const prng = mulberry32;

const STARS: StarRating[] = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'];
const NAMES = ['Sanne', 'Pieter', 'Fatima', 'Daan', 'Emily', 'Oliver', 'Lotte', 'Joost', 'Noor', 'Sem', 'Yara', 'Bram'];
const SURNAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'El Amrani', 'Hart', 'Bennett', 'de Graaf'];
const NL = ['Heerlijk brood en vriendelijke bediening.', 'De appeltaart was droog.', 'Te lang moeten wachten bij de toonbank.',
  'Beste croissants van de stad!', 'Prima, maar aan de prijzige kant.', 'Op zaterdag veel te druk.'];
const EN = ['Lovely sourdough and kind staff.', 'Coffee was cold, sadly.', 'Great cinnamon buns.', 'Friendly, but slow service.'];
const EMOJI = ['👍', '🎉', '🥐', '😞', '🚲'];

/** RFC 3339 with 0, 3 or 6 fractional digits, as Google sends. */
function stamp(ms: number, digits: 0 | 3 | 6, micro: number): string {
  const iso = new Date(ms).toISOString();
  if (digits === 0) return `${iso.slice(0, 19)}Z`;
  if (digits === 3) return iso;
  return `${iso.slice(0, 23)}${String(micro).padStart(3, '0')}Z`;
}

function makeReview(parent: string, id: string, k: number, newestMs: number, rnd: () => number): Review {
  const updateMs = newestMs - k * 3 * 3600_000 - Math.floor(rnd() * 3600_000);
  const digits = ([0, 3, 6] as const)[k % 3]!;
  const micro = Math.floor(rnd() * 1000);
  const edited = k % 10 === 7;
  const createMs = edited ? updateMs - (20 + Math.floor(rnd() * 60)) * 86_400_000 : updateMs;
  const anonymous = rnd() < 0.08;
  const ratingOnly = rnd() < 0.1;
  const star = STARS[Math.min(4, Math.floor(rnd() * rnd() * 5 + (rnd() < 0.6 ? 3 : 0)))]!;
  const first = NAMES[Math.floor(rnd() * NAMES.length)]!;
  const last = SURNAMES[Math.floor(rnd() * SURNAMES.length)]!;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const layout = rnd();
  let comment: string | undefined;
  if (!ratingOnly) {
    const nl = pick(NL);
    if (layout < 0.05) comment = `(Translated by Google) ${pick(EN)}\n\n(Original)\n${nl}`;
    else if (layout < 0.1) comment = `${pick(EN)}\n\n(Translated by Google)\n${nl}`;
    else comment = layout < 0.15 ? `${nl} ${pick(EMOJI)}` : nl;
  }
  const review: Review = {
    name: `${parent}/reviews/${id}`,
    reviewId: id,
    reviewer: anonymous ? { isAnonymous: true } : {
      profilePhotoUrl: `https://lh3.googleusercontent.com/a-/ALV-UjGEN-${first.toLowerCase()}-${k}=s120-c-rp-mo-br100`,
      displayName: `${first} ${last}`,
      isAnonymous: false,
    },
    starRating: star,
    ...(comment === undefined ? {} : { comment }),
    createTime: stamp(createMs, digits, micro),
    updateTime: stamp(updateMs, digits, micro),
  };
  // Edited reviews keep the reply to their first version (stale); about a third of the others are answered.
  if (edited) review.reviewReply = { comment: `Dank je wel, ${first}!`, updateTime: stamp(createMs + 86_400_000, 3, 0) };
  else if (rnd() < 0.35) review.reviewReply = { comment: `Bedankt voor je review, ${first}.`, updateTime: stamp(updateMs + 7_200_000, 3, 0) };
  return review;
}

export function seedCustom(opts: CustomSeedOptions = {}): EmulatorSeed {
  const { accounts = 1, locationsPerAccount = 2, reviewsPerLocation = 20 } = opts;
  const newestMs = Date.parse(opts.newest ?? '2026-11-20T12:00:00Z');
  const personal: SeedAccount = {
    name: 'accounts/100000000000000000001', accountName: 'Marieke Jansen', type: 'PERSONAL',
    verificationState: 'UNVERIFIED', vettedState: 'NOT_VETTED', locations: [],
  };
  const list: SeedAccount[] = [personal];
  for (let a = 1; a <= accounts; a++) {
    const account: Account = {
      name: `accounts/2${String(a).padStart(20, '0')}`, accountName: `Bakkerij Test ${a}`, type: 'LOCATION_GROUP',
      role: 'PRIMARY_OWNER', verificationState: 'VERIFIED', vettedState: 'NOT_VETTED', permissionLevel: 'OWNER_LEVEL',
    };
    const locations: SeedLocation[] = [];
    for (let l = 1; l <= locationsPerAccount; l++) {
      const id = `3${String(a).padStart(4, '0')}${String(l).padStart(14, '0')}`;
      const rnd = prng(a * 100_003 + l);
      const parent = `${account.name}/locations/${id}`;
      locations.push({
        name: `locations/${id}`,
        title: `Bakkerij Test ${a} – Vestiging ${l}`,
        storeCode: `BT-${a}-${String(l).padStart(3, '0')}`,
        storefrontAddress: { regionCode: 'NL', languageCode: 'nl', postalCode: '3511 AZ', locality: 'Utrecht', addressLines: [`Teststraat ${l}`] },
        metadata: {
          placeId: `ChIJGEN_${a}_${l}`,
          mapsUri: `https://maps.google.com/maps?cid=${id}`,
          newReviewUri: `https://search.google.com/local/writereview?placeid=ChIJGEN_${a}_${l}`,
        },
        reviews: Array.from({ length: reviewsPerLocation }, (_, k) => makeReview(parent, `AbFvOqkGEN${a}x${l}x${k}`, k, newestMs, rnd)),
      });
    }
    list.push({ ...account, locations });
  }
  return { accounts: list };
}

/** One business account with many locations (default 200 × 500 reviews = 100,000): the bench's Google. */
export function seedLarge(opts: { locations?: number; reviewsPerLocation?: number } = {}): EmulatorSeed {
  return seedCustom({ accounts: 1, locationsPerAccount: opts.locations ?? 200, reviewsPerLocation: opts.reviewsPerLocation ?? 500 });
}
