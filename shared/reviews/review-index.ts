import type { Review } from '../domain/review';
import { indexFacets } from './index-facets';
import type { IndexLayout } from './index-layout';
import { runQuery, STATUSES } from './index-query';
import { Interner } from './interner';
import { isoMs } from './iso-time';
import { distinct, sameLabels, sameText } from './review-changes';
import { searchableText } from './review-filter';
import type { ReviewFacets, ReviewPage, ReviewQuery } from './query-schema';
import type { ReplyPolicy } from './reply-targets';
import { grownTo, insertBy, mergeSlots, SlotList, takeBy } from './slot-list';
import { StatusGroups } from './status-groups';
import { TextIndex } from './text-index';
import { marksOf, NO_MARKS, type ReviewMarks } from './views';

/** From this many reviews on, `upsertMany` merges them into the orders in one pass. */
const BATCH = 64;
const statusCode = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

/**
 * All reviews in memory, laid out for fast queries. Each review has a slot;
 * per slot the filter fields are small numbers in typed arrays (status,
 * rating, source, location, language, createdAt in ms); the slots are kept in
 * createdAt order, overall and per rating, so every sort is a walk over one or
 * a few pre-sorted lists and no query sorts; labels, words and source
 * locations have slot lists. `upsert` and `remove` move one review without a
 * rebuild. Pure TypeScript (no Node, no DOM).
 */
export class ReviewIndex implements IndexLayout {
  /** Per slot; undefined for a free slot. */
  readonly reviews: (Review | undefined)[] = [];
  status = new Uint8Array(0);
  /** 0 for rating-only reviews, else 1–5. */
  rating = new Uint8Array(0);
  source = new Int32Array(0);
  location = new Int32Array(0);
  language = new Int32Array(0);
  created = new Float64Array(0);
  /** Draft / outbox mark bits (views.ts MARK_*). */
  marks = new Uint8Array(0);
  private markSets: ReviewMarks = NO_MARKS;
  readonly sources = new Interner();
  readonly locations = new Interner();
  /** Languages as stored ("" when unknown). */
  readonly languages = new Interner();
  /** Slots by createdAt, then id (ascending). */
  readonly byDate = new SlotList();
  /** Index = rating (0 = none): the slots with that rating, in the order of `byDate`. */
  readonly byRating: readonly SlotList[] = [0, 1, 2, 3, 4, 5].map(() => new SlotList());
  readonly labels = new Map<string, SlotList>();
  /** Per (status, rating): the count per marks and the slots in date order (the usual inbox query answers from these). */
  readonly groups: StatusGroups;
  readonly text = new TextIndex((slot) => this.reviews[slot], () => this.reviews.length);
  /** [source code][location code] → slots, ascending. */
  private readonly placeSlots: SlotList[][] = [];
  private readonly slots = new Map<string, number>();
  private readonly free: number[] = [];
  /** Folded searchable text per slot, kept once a search word with punctuation needed it. */
  private readonly folded: (string | undefined)[] = [];

  /** Builds the index from a list of reviews (a later review with the same id replaces an earlier one). */
  constructor(all: Iterable<Review> = []) {
    this.groups = new StatusGroups(STATUSES.length, this.before);
    for (const r of all) {
      const known = this.slots.get(r.id);
      if (known !== undefined) this.reviews[known] = r;
      else {
        this.slots.set(r.id, this.reviews.length);
        this.reviews.push(r);
      }
    }
    const n = this.reviews.length;
    this.reserve(n);
    const order = new Array<number>(n);
    for (let slot = 0; slot < n; slot++) {
      const r = this.reviews[slot] as Review;
      this.fill(slot, r);
      order[slot] = slot;
      this.place(slot).push(slot);
      for (const label of distinct(r.labels)) this.labelList(label).push(slot);
    }
    const { created, reviews } = this;
    order.sort((a, b) => (created[a] ?? 0) - (created[b] ?? 0) || ((reviews[a]?.id ?? '') < (reviews[b]?.id ?? '') ? -1 : 1));
    for (const slot of order) {
      this.byDate.push(slot);
      this.byRating[this.rating[slot] ?? 0]?.push(slot);
    }
    this.groups.rebuild(this.byDate, this.status, this.rating);
  }

  get size(): number {
    return this.slots.size;
  }

  /** Number of slots (the length of per-slot arrays a query may index). */
  get slotCount(): number {
    return this.reviews.length;
  }

  get(id: string): Review | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.reviews[slot];
  }

  *values(): IterableIterator<Review> {
    for (const r of this.reviews) if (r) yield r;
  }

  /** The reviews of one source location (in the order they were added). */
  reviewsAt(source: string, locationId: string): Review[] {
    const list = this.placeSlots[this.sources.find(source)]?.[this.locations.find(locationId)];
    return list ? Array.from(list.data.subarray(0, list.length), (slot) => this.reviews[slot] as Review) : [];
  }

  /** The source locations that hold reviews, in the order they first came (per source). */
  places(): { source: string; locationId: string }[] {
    const out: { source: string; locationId: string }[] = [];
    this.placeSlots.forEach((bySource, s) =>
      bySource.forEach((list, l) => {
        if (list.length > 0) out.push({ source: this.sources.names[s] ?? '', locationId: this.locations.names[l] ?? '' });
      }),
    );
    return out;
  }

  /** Answers a query; `now` (ms) judges "overdue" when the query gives no `now`, with the owner's targets and business hours (`policy`). */
  query(q: ReviewQuery, now: number = Date.now(), policy?: ReplyPolicy): ReviewPage {
    return runQuery(this, q, now, policy);
  }

  /** The folded searchable text of the review at `slot` (cached; the word index answers most searches without it). */
  foldedText(slot: number): string {
    let text = this.folded[slot];
    if (text === undefined) this.folded[slot] = text = searchableText(this.reviews[slot] as Review);
    return text;
  }

  /** Labels and languages in use (deleted reviews included), most used first, then by name. */
  facets(): ReviewFacets {
    return indexFacets(this);
  }

  /** Replaces which reviews have a draft and an active outbox item; cost: the size of the old and new sets. */
  setMarks(next: ReviewMarks): void {
    const before = this.markSets;
    this.markSets = { drafts: new Set(next.drafts), outbox: new Set(next.outbox) };
    for (const set of [before.drafts, before.outbox, this.markSets.drafts, this.markSets.outbox]) {
      for (const id of set) {
        const slot = this.slots.get(id);
        if (slot === undefined) continue;
        this.tally(slot, -1);
        this.marks[slot] = marksOf(id, this.markSets);
        this.tally(slot, 1);
      }
    }
  }

  /** Builds up to `maxReviews` more of the search index; true when it is complete. A text query completes it first. */
  prepareSearch(maxReviews = Infinity): boolean {
    return this.text.step(maxReviews);
  }

  /** Adds or replaces a review (by id); returns the one it replaced. */
  upsert(review: Review): Review | undefined {
    return this.apply(review, null);
  }

  /** Adds or replaces reviews; returns what each replaced. Large batches re-sort once instead of per review. */
  upsertMany(reviews: readonly Review[]): (Review | undefined)[] {
    if (reviews.length < BATCH) return reviews.map((r) => this.apply(r, null));
    const moved = new Uint8Array(this.reviews.length + reviews.length);
    const olds = reviews.map((r) => this.apply(r, moved));
    const slots: number[] = [];
    moved.forEach((flag, slot) => {
      if (flag === 1) slots.push(slot);
    });
    slots.sort((a, b) => (this.before(a, b) ? -1 : 1));
    mergeSlots(this.byDate, moved, slots, this.before);
    this.byRating.forEach((list, rating) => mergeSlots(list, moved, slots.filter((s) => this.rating[s] === rating), this.before));
    this.groups.rebuild(this.byDate, this.status, this.rating);
    return olds;
  }

  /** Upserts one review; with `moved`, flags slots whose place in the orders changes instead of moving them. */
  private apply(review: Review, moved: Uint8Array | null): Review | undefined {
    const slot = this.slots.get(review.id);
    if (slot === undefined) {
      const fresh = this.free.pop() ?? this.reviews.length;
      this.reserve(fresh + 1);
      this.reviews[fresh] = review;
      this.folded[fresh] = undefined;
      this.slots.set(review.id, fresh);
      this.fill(fresh, review);
      if (moved) moved[fresh] = 1;
      else {
        this.placeInOrders(fresh);
        this.groups.insert(fresh, this.status[fresh] ?? 0, this.rating[fresh] ?? 0);
      }
      this.place(fresh).addSorted(fresh);
      for (const label of distinct(review.labels)) this.labelList(label).addSorted(fresh);
      this.text.add(fresh, review);
      return undefined;
    }
    const old = this.reviews[slot] as Review;
    const moves = isoMs(review.createdAt) !== this.created[slot] || (review.rating ?? 0) !== this.rating[slot];
    const relocates = old.source !== review.source || old.locationId !== review.locationId;
    // A new status moves the review between the status groups only; a batch rebuilds them at its end.
    const regroups = !moved && (moves || (statusCode.get(review.status) ?? 0) !== this.status[slot]);
    if (moves && moved) moved[slot] = 1;
    else if (moves) this.takeFromOrders(slot);
    if (regroups) this.groups.take(slot, this.status[slot] ?? 0, this.rating[slot] ?? 0);
    this.tally(slot, -1);
    if (relocates) this.place(slot).deleteSorted(slot);
    if (!sameLabels(old.labels, review.labels)) {
      for (const label of distinct(old.labels)) this.labels.get(label)?.deleteSorted(slot);
      for (const label of distinct(review.labels)) this.labelList(label).addSorted(slot);
    }
    const textChanged = !sameText(old, review);
    if (textChanged) {
      this.text.delete(slot, old);
      this.folded[slot] = undefined;
    }
    this.reviews[slot] = review;
    this.fill(slot, review);
    if (moves && !moved) this.placeInOrders(slot);
    if (regroups) this.groups.insert(slot, this.status[slot] ?? 0, this.rating[slot] ?? 0);
    if (relocates) this.place(slot).addSorted(slot);
    if (textChanged) this.text.add(slot, review);
    return old;
  }

  /** Removes a review; returns it, or undefined when there was none with that id. */
  remove(id: string): Review | undefined {
    const slot = this.slots.get(id);
    const old = slot === undefined ? undefined : this.reviews[slot];
    if (slot === undefined || !old) return undefined;
    this.takeFromOrders(slot);
    this.groups.take(slot, this.status[slot] ?? 0, this.rating[slot] ?? 0);
    this.tally(slot, -1);
    this.place(slot).deleteSorted(slot);
    for (const label of distinct(old.labels)) this.labels.get(label)?.deleteSorted(slot);
    this.text.delete(slot, old);
    this.reviews[slot] = undefined;
    this.folded[slot] = undefined;
    this.slots.delete(id);
    this.free.push(slot);
    return old;
  }

  /** Order of the date lists: createdAt, then id. */
  private readonly before = (a: number, b: number): boolean => {
    const ca = this.created[a] ?? 0, cb = this.created[b] ?? 0;
    if (ca !== cb) return ca < cb;
    return (this.reviews[a]?.id ?? '') < (this.reviews[b]?.id ?? '');
  };

  /** The date orders the review at `slot` is in (by its filled codes). */
  private ordersOf(slot: number): SlotList[] {
    const byRating = this.byRating[this.rating[slot] ?? 0];
    return byRating ? [this.byDate, byRating] : [this.byDate];
  }

  private placeInOrders(slot: number): void {
    for (const list of this.ordersOf(slot)) insertBy(list, slot, this.before);
  }

  private takeFromOrders(slot: number): void {
    for (const list of this.ordersOf(slot)) takeBy(list, slot, this.before);
  }

  private fill(slot: number, r: Review): void {
    this.status[slot] = statusCode.get(r.status) ?? 0;
    this.rating[slot] = r.rating ?? 0;
    this.source[slot] = this.sources.code(r.source);
    this.location[slot] = this.locations.code(r.locationId);
    this.language[slot] = this.languages.code(r.language ?? '');
    this.created[slot] = isoMs(r.createdAt);
    this.marks[slot] = marksOf(r.id, this.markSets);
    this.tally(slot, 1);
  }

  /** Counts the review at `slot` in (delta 1) or out of (delta -1) the status groups' tally, by its filled codes. */
  private tally(slot: number, delta: number): void {
    this.groups.tallyAdd(this.status[slot] ?? 0, this.rating[slot] ?? 0, this.marks[slot] ?? 0, delta);
  }

  /** The slot list of the source location the review at `slot` belongs to (by its filled codes). */
  private place(slot: number): SlotList {
    const bySource = (this.placeSlots[this.source[slot] ?? 0] ??= []);
    return (bySource[this.location[slot] ?? 0] ??= new SlotList());
  }

  private labelList(label: string): SlotList {
    let list = this.labels.get(label);
    if (!list) this.labels.set(label, (list = new SlotList()));
    return list;
  }

  /** Grows the per-slot arrays to hold at least `n` slots. */
  private reserve(n: number): void {
    if (n <= this.status.length) return;
    const cap = Math.max(n, Math.ceil(this.status.length * 1.5), 64);
    [this.status, this.rating, this.marks] = [grownTo(this.status, cap), grownTo(this.rating, cap), grownTo(this.marks, cap)];
    [this.source, this.location, this.language] = [grownTo(this.source, cap), grownTo(this.location, cap), grownTo(this.language, cap)];
    this.created = grownTo(this.created, cap);
  }
}
