import type { Review } from '../domain/review';
import type { Interner } from './interner';
import type { SlotList } from './slot-list';
import type { StatusGroups } from './status-groups';
import type { TextIndex } from './text-index';

/**
 * What a query (index-query.ts) and the facets (index-facets.ts) read of the review index: per slot the
 * filter fields as small numbers, the sorted slot lists and the word index. `ReviewIndex` (review-index.ts)
 * builds and keeps it; the readers depend only on this shape, not on the class that imports them.
 */
export interface IndexLayout {
  /** Per slot; undefined for a free slot. */
  readonly reviews: readonly (Review | undefined)[];
  readonly status: Uint8Array;
  readonly rating: Uint8Array;
  readonly source: Int32Array;
  readonly location: Int32Array;
  readonly language: Int32Array;
  readonly created: Float64Array;
  readonly marks: Uint8Array;
  readonly sources: Interner;
  readonly locations: Interner;
  readonly languages: Interner;
  readonly byDate: SlotList;
  readonly byRating: readonly SlotList[];
  readonly labels: ReadonlyMap<string, SlotList>;
  /** Per (status, rating): counts per marks and the slots in date order. */
  readonly groups: StatusGroups;
  readonly text: TextIndex;
  /** Number of slots (the length of per-slot arrays a query may index). */
  readonly slotCount: number;
  /** The folded searchable text of the review at `slot`. */
  foldedText(slot: number): string;
}
