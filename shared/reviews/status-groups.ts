import { insertBy, SlotList, takeBy } from './slot-list';

/** Rating codes as the index stores them: 0 = rating-only, else 1–5. */
export const RATING_CODES = 6;
/** Mark bit combinations (views.ts MARK_DRAFT | MARK_OUTBOX). */
export const MARK_CODES = 4;

/**
 * The reviews grouped by (status, rating), kept up to date on every change of the store, so the inbox's usual
 * query (a status or view, maybe ratings, any sort) is answered without walking every review:
 * - `tally`: how many reviews have each (status, rating, marks): every chip count comes from it;
 * - `lists`: per (status, rating) the slots in the index's date order (createdAt, then id), so a page is a
 *   walk over a few lists that hold only matching reviews.
 * Pure TypeScript; `ReviewIndex` (review-index.ts) owns one and tells it about every change.
 */
export class StatusGroups {
  readonly tally: Int32Array;
  readonly lists: SlotList[];

  constructor(
    readonly statusCount: number,
    /** The index's date order: createdAt, then id. */
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.tally = new Int32Array(statusCount * RATING_CODES * MARK_CODES);
    this.lists = Array.from({ length: statusCount * RATING_CODES }, () => new SlotList());
  }

  /** The list of one (status, rating). */
  list(status: number, rating: number): SlotList | undefined {
    return this.lists[status * RATING_CODES + rating];
  }

  /** How many reviews have this status, rating and marks. */
  count(status: number, rating: number, marks: number): number {
    return this.tally[(status * RATING_CODES + rating) * MARK_CODES + marks] ?? 0;
  }

  /** Adds `delta` reviews to the tally of (status, rating, marks). */
  tallyAdd(status: number, rating: number, marks: number, delta: number): void {
    const at = (status * RATING_CODES + rating) * MARK_CODES + marks;
    this.tally[at] = (this.tally[at] ?? 0) + delta;
  }

  /** Puts `slot` into its (status, rating) list, at its place in the date order. */
  insert(slot: number, status: number, rating: number): void {
    const list = this.list(status, rating);
    if (list) insertBy(list, slot, this.before);
  }

  /** Takes `slot` out of its (status, rating) list; its date keys must still be the ones it was put in with. */
  take(slot: number, status: number, rating: number): void {
    const list = this.list(status, rating);
    if (list) takeBy(list, slot, this.before);
  }

  /** Rebuilds every list from the whole date order (after a large batch; the tally is kept per change). */
  rebuild(byDate: SlotList, status: Uint8Array, rating: Uint8Array): void {
    const sizes = new Int32Array(this.lists.length);
    for (let i = 0; i < byDate.length; i++) {
      const slot = byDate.data[i] ?? 0;
      const g = (status[slot] ?? 0) * RATING_CODES + (rating[slot] ?? 0);
      sizes[g] = (sizes[g] ?? 0) + 1;
    }
    this.lists.forEach((_, g) => (this.lists[g] = new SlotList(sizes[g] ?? 0)));
    for (let i = 0; i < byDate.length; i++) {
      const slot = byDate.data[i] ?? 0;
      this.lists[(status[slot] ?? 0) * RATING_CODES + (rating[slot] ?? 0)]?.push(slot);
    }
  }
}
