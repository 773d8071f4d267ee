import type { Review } from '../domain/review';
import { SlotList } from './slot-list';
import { Vocabulary } from './vocabulary';
import { WordScanner } from './word-scanner';

/**
 * Word index for free-text search: for every distinct folded word, the slots
 * of the reviews whose searchable text contains it (ascending). A search word
 * made of letters and digits occurs in a review's folded text exactly when it
 * occurs inside one of its words, so "which reviews contain `cafe`" is the
 * union of the posting lists of the vocabulary words containing `cafe`.
 *
 * Tokenising 100,000 reviews takes a few hundred milliseconds, so the index
 * is built in steps (`step`), up to a frontier of slots; the owner runs the
 * steps in the background after loading, and a search completes it first.
 */
export class TextIndex {
  private readonly vocabulary = new Vocabulary();
  private readonly scanner = new WordScanner(this.vocabulary);
  private readonly postings: SlotList[] = [];
  /** Per word id: the number of the review being tokenised when it was last seen (skips repeats). */
  private seen = new Int32Array(1024);
  private pass = 0;
  /** The distinct word ids of the review being tokenised. */
  private found = new Int32Array(256);
  private count = 0;
  /** Slots below this are indexed; those at or above it are picked up by `step`. */
  private frontier = 0;

  constructor(
    private readonly reviewAt: (slot: number) => Review | undefined,
    private readonly slotCount: () => number,
  ) {}

  get ready(): boolean {
    return this.frontier >= this.slotCount();
  }

  get words(): number {
    return this.vocabulary.size;
  }

  /** Indexes up to `maxSlots` more slots; true when every slot is indexed. */
  step(maxSlots = Infinity): boolean {
    const end = Math.min(this.slotCount(), this.frontier + maxSlots);
    for (let slot = this.frontier; slot < end; slot++) {
      const review = this.reviewAt(slot);
      if (!review) continue;
      // Slots grow in order, so appending keeps each posting list sorted.
      const n = this.wordsOf(review);
      for (let i = 0; i < n; i++) this.postings[this.found[i] ?? 0]?.push(slot);
    }
    this.frontier = end;
    return this.ready;
  }

  /** Records the words of the review now at `slot` (no-op above the frontier: `step` will see it). */
  add(slot: number, review: Review): void {
    if (slot >= this.frontier) return;
    const n = this.wordsOf(review);
    for (let i = 0; i < n; i++) this.postings[this.found[i] ?? 0]?.addSorted(slot);
  }

  /** Forgets the words of `review`, which was at `slot`. */
  delete(slot: number, review: Review): void {
    if (slot >= this.frontier) return;
    const n = this.wordsOf(review);
    for (let i = 0; i < n; i++) this.postings[this.found[i] ?? 0]?.deleteSorted(slot);
  }

  /**
   * For each part in turn, raises `mark[slot]` from k to k+1 for the slots
   * whose text contains the part, starting at k = `from`. Afterwards the
   * slots containing every part have the returned value. Needs `ready`.
   */
  markContaining(parts: readonly string[], mark: Uint8Array, from: number): number {
    let k = from;
    for (const part of parts) {
      const next = k + 1;
      for (const id of this.vocabulary.containing(part)) {
        const list = this.postings[id];
        if (!list) continue;
        const data = list.data;
        for (let i = 0, n = list.length; i < n; i++) {
          const slot = data[i] ?? 0;
          if (mark[slot] === k) mark[slot] = next;
        }
      }
      k = next;
    }
    return k;
  }

  /** Puts the distinct word ids of a review in `found` (each with a posting list); returns how many. */
  private wordsOf(review: Review): number {
    this.pass++;
    this.count = 0;
    // The fields are searched as one text joined by line breaks; a line break separates words, so field by field is the same.
    if (review.text) this.scanner.scan(review.text, this.collect);
    if (review.translatedText) this.scanner.scan(review.translatedText, this.collect);
    if (review.author) this.scanner.scan(review.author, this.collect);
    if (review.reply?.text) this.scanner.scan(review.reply.text, this.collect);
    return this.count;
  }

  private readonly collect = (id: number): void => {
    if (id >= this.seen.length) {
      const seen = new Int32Array(Math.max(id + 1, this.seen.length * 2));
      seen.set(this.seen);
      this.seen = seen;
    }
    if (this.seen[id] === this.pass) return;
    this.seen[id] = this.pass;
    if (!this.postings[id]) this.postings[id] = new SlotList(4);
    if (this.count === this.found.length) {
      const found = new Int32Array(this.found.length * 2);
      found.set(this.found);
      this.found = found;
    }
    this.found[this.count++] = id;
  };
}
