import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import type { Source } from '../../shared/domain/source';
import type { LabelRule } from '../../shared/labels/label-schema';
import { previewRuleOnIndex } from '../../shared/labels/rule-preview';
import type { ReviewFacets, ReviewPage, ReviewQuery } from '../../shared/reviews/query-schema';
import type { ReplyPolicy } from '../../shared/reviews/reply-targets';
import { ReviewIndex } from '../../shared/reviews/review-index';
import { summarize } from '../../shared/reviews/stats';
import { NO_MARKS, type ReviewMarks } from '../../shared/reviews/views';
import type { StatsQuery, StatsSummary } from '../../shared/reviews/stats-schema';

/** The key of the shard (one file per source location) a review belongs to. */
export const shardKey = (source: string, locationId: string): string => `${source}\u0000${locationId}`;

/** The shards an upsert changes: the review's, and the one it left if it moved (its id says it cannot, but the data decides). */
const touched = (review: Review, old: Review | undefined): string[] => {
  const key = shardKey(review.source, review.locationId);
  return old && (old.source !== review.source || old.locationId !== review.locationId) ? [shardKey(old.source, old.locationId), key] : [key];
};

export interface Shard {
  source: string;
  locationId: string;
  reviews: Review[];
}

/** Reviews tokenised per background step of the search index (a few milliseconds each). */
const SEARCH_STEP = 2000;
/**
 * The background steps start this long after `replace`: at start-up the first page of the inbox and the calls
 * around it come first; a search before then builds what is missing at once, as before.
 */
const SEARCH_START_DELAY_MS = 2000;

/**
 * The reviews, sources and locations held in memory. Reviews live in a
 * `ReviewIndex`, so queries walk pre-sorted lists and updates move single
 * reviews; its word index for free-text search is built in small background
 * steps after `replace` (a search before it is done completes it first).
 */
export class Workspace {
  private index = new ReviewIndex();
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private marks: ReviewMarks = NO_MARKS;
  /** Shards written straight to disk by an import and not held here (see `keepOnDiskOnly`). */
  private readonly diskOnly = new Set<string>();
  sources: Source[] = [];
  locations: Location[] = [];

  replace(sources: Source[], locations: Location[], reviews: Review[]): void {
    this.sources = sources;
    this.locations = locations;
    this.index = new ReviewIndex(reviews);
    this.index.setMarks(this.marks);
    this.prepareSearchInBackground();
  }

  get size(): number {
    return this.index.size;
  }

  get isDemo(): boolean {
    return this.sources.some((s) => s.state === 'demo');
  }

  get(id: string): Review | undefined {
    return this.index.get(id);
  }

  /** `now` (ms) judges "overdue" when the query gives no moment, with the owner's targets and business hours (`policy`). */
  query(q: ReviewQuery, now: number = Date.now(), policy?: ReplyPolicy): ReviewPage {
    return this.index.query(q, now, policy);
  }

  facets(): ReviewFacets {
    return this.index.facets();
  }

  /** How many reviews an auto-label rule hits, from the index (labels). */
  previewRule(rule: LabelRule): { matches: number; wouldAdd: number } {
    return previewRuleOnIndex(this.index, rule);
  }

  /** Which reviews have a draft or an active outbox item, as last set. */
  get reviewMarks(): ReviewMarks {
    return this.marks;
  }

  /** Which reviews have a draft or an active outbox item (the Drafts and Outbox views). */
  setMarks(marks: ReviewMarks): void {
    this.marks = marks;
    this.index.setMarks(marks);
  }

  /** `now` (ms): when "overdue" is judged and an open period ends; `policy`: the owner's targets and business hours. */
  stats(q: StatsQuery, now: number = Date.now(), policy?: ReplyPolicy, labelName?: (id: string) => string): StatsSummary {
    return summarize(this.index.values(), this.locations, q, this.sources, { now, ...(policy ? { policy } : {}), ...(labelName ? { labelName } : {}) });
  }

  /** Every review (deleted ones included), in no particular order. */
  all(): IterableIterator<Review> {
    return this.index.values();
  }

  /** Adds or replaces one review (by id); returns the keys of the shards to write (see `shardKey`). */
  upsert(review: Review): string[] {
    return touched(review, this.index.upsert(review));
  }

  /** Adds or replaces reviews (a large batch is merged into the index in one pass); returns the keys of the shards to write, each once. */
  upsertMany(reviews: Iterable<Review>): string[] {
    const list = [...reviews];
    const olds = this.index.upsertMany(list);
    return [...new Set(list.flatMap((r, i) => touched(r, olds[i])))];
  }

  /** Removes a review; returns the keys of the shards to write (none when there was no such review). */
  remove(id: string): string[] {
    const old = this.index.remove(id);
    return old ? [shardKey(old.source, old.locationId)] : [];
  }

  /** The reviews of one shard, by key (`shardKey`); an empty list when it holds none (any more). */
  shard(key: string): Shard {
    const cut = key.indexOf('\u0000');
    const source = key.slice(0, cut), locationId = key.slice(cut + 1);
    return { source, locationId, reviews: this.index.reviewsAt(source, locationId) };
  }

  /**
   * A shard an import wrote to disk without loading it here (the CLI, which ends after the import): what this
   * workspace holds of it is stale, so the store must never write it from here (`isDiskOnly`).
   */
  keepOnDiskOnly(key: string): void {
    this.diskOnly.add(key);
  }

  isDiskOnly(key: string): boolean {
    return this.diskOnly.has(key);
  }

  /** Reviews grouped per shard (source + location), shards with reviews only. */
  shards(): Map<string, Shard> {
    const out = new Map<string, Shard>();
    for (const { source, locationId } of this.index.places()) {
      out.set(shardKey(source, locationId), { source, locationId, reviews: this.index.reviewsAt(source, locationId) });
    }
    return out;
  }

  /** Builds the search index a step at a time, letting queries and I/O run in between. */
  private prepareSearchInBackground(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    const index = this.index;
    const step = (): void => {
      this.searchTimer = null;
      if (index !== this.index || index.prepareSearch(SEARCH_STEP)) return;
      this.searchTimer = setTimeout(step, 0);
      this.searchTimer.unref();
    };
    this.searchTimer = setTimeout(step, SEARCH_START_DELAY_MS);
    this.searchTimer.unref();
  }
}
