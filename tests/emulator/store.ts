/** The emulator's state: accounts, the locations each owns, and their reviews, plus the sorted views the API serves. */
import { EmulatorClock, timeKey } from './clock';
import { STAR_VALUES, type Account, type EmulatorSeed, type Location, type Review, type ReviewReply } from './types';

export type ReviewOrder = 'updateTime desc' | 'rating' | 'rating desc';

export interface LocationEntry {
  /** Owning account, `accounts/{a}`. */
  account: string;
  /** `accounts/{a}/locations/{l}` (the v4 parent). */
  fullName: string;
  location: Location;
  reviews: Map<string, Review>;
}

const REVIEW_NAME = /^(accounts\/[^/]+\/locations\/[^/]+)\/reviews\/([^/]+)$/;

export function splitReviewName(name: string): { location: string; reviewId: string } | null {
  const m = REVIEW_NAME.exec(name);
  return m ? { location: m[1]!, reviewId: m[2]! } : null;
}

function compare(order: ReviewOrder): (a: Review, b: Review) => number {
  const byTime = (a: Review, b: Review): number => {
    const ka = timeKey(a.updateTime);
    const kb = timeKey(b.updateTime);
    if (ka !== kb) return ka < kb ? 1 : -1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  };
  if (order === 'updateTime desc') return byTime;
  const sign = order === 'rating' ? 1 : -1;
  return (a, b) => sign * (STAR_VALUES[a.starRating] - STAR_VALUES[b.starRating]) || byTime(a, b);
}

export class EmulatorStore {
  readonly clock = new EmulatorClock();
  private readonly accountList: Account[] = [];
  private readonly locs = new Map<string, LocationEntry>();
  private version = 0;
  private cacheVersion = 0;
  private readonly cache = new Map<string, Review[]>();

  constructor(seed: EmulatorSeed) {
    for (const { locations, ...account } of structuredClone(seed).accounts) {
      this.accountList.push(account);
      for (const { reviews, ...location } of locations) {
        const fullName = `${account.name}/${location.name}`;
        const entry: LocationEntry = { account: account.name, fullName, location, reviews: new Map() };
        for (const review of reviews) {
          const parts = splitReviewName(review.name);
          if (!parts || parts.location !== fullName) throw new Error(`Seed review ${review.name} is not under ${fullName}`);
          entry.reviews.set(parts.reviewId, review);
          this.clock.observe(review.updateTime);
          if (review.reviewReply) this.clock.observe(review.reviewReply.updateTime);
        }
        this.locs.set(fullName, entry);
      }
    }
  }

  /** Call after every change so cached sorted views are rebuilt. */
  touch(): void {
    this.version += 1;
  }

  accounts(): Account[] {
    return this.accountList;
  }

  account(name: string): Account | undefined {
    return this.accountList.find((a) => a.name === name);
  }

  /** Locations owned by `account` (all of them for `accounts/-` or no argument), in seed order. */
  locationsOf(account?: string): LocationEntry[] {
    const all = [...this.locs.values()];
    return account === undefined || account === 'accounts/-' ? all : all.filter((l) => l.account === account);
  }

  location(fullName: string): LocationEntry | undefined {
    return this.locs.get(fullName);
  }

  /** Adds a location entry (used by the data API). */
  addLocation(entry: LocationEntry): void {
    this.locs.set(entry.fullName, entry);
    this.touch();
  }

  review(name: string): Review | undefined {
    const parts = splitReviewName(name);
    return parts ? this.locs.get(parts.location)?.reviews.get(parts.reviewId) : undefined;
  }

  /** The reviews of these locations merged in one order (cached until the next change). */
  sorted(fullNames: readonly string[], order: ReviewOrder, ignoreRatingOnly = false): Review[] {
    if (this.cacheVersion !== this.version) {
      this.cache.clear();
      this.cacheVersion = this.version;
    }
    const key = `${order}|${ignoreRatingOnly}|${fullNames.join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const list: Review[] = [];
    for (const name of new Set(fullNames)) {
      for (const r of this.locs.get(name)?.reviews.values() ?? []) {
        if (!ignoreRatingOnly || r.comment !== undefined) list.push(r);
      }
    }
    list.sort(compare(order));
    if (this.cache.size > 64) this.cache.clear();
    this.cache.set(key, list);
    return list;
  }

  /** averageRating (one decimal, as Google shows it) and totalReviewCount over all of a location's reviews. */
  stats(fullName: string): { averageRating: number; totalReviewCount: number } {
    const rated = [...(this.locs.get(fullName)?.reviews.values() ?? [])].map((r) => STAR_VALUES[r.starRating]);
    const count = rated.length;
    const sum = rated.reduce((a, b) => a + b, 0);
    return { averageRating: count ? Math.round((sum / count) * 10) / 10 : 0, totalReviewCount: count };
  }

  setReply(name: string, comment: string | null): ReviewReply | undefined | null {
    const review = this.review(name);
    if (!review) return undefined;
    if (comment === null) {
      delete review.reviewReply;
      this.touch();
      return null;
    }
    review.reviewReply = { comment, updateTime: this.clock.now() };
    this.touch();
    return review.reviewReply;
  }

  deleteReview(name: string): boolean {
    const parts = splitReviewName(name);
    const ok = parts ? (this.locs.get(parts.location)?.reviews.delete(parts.reviewId) ?? false) : false;
    if (ok) this.touch();
    return ok;
  }
}
