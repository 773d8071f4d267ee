/**
 * A growable list of small non-negative integers (review slots) in an
 * Int32Array: half the memory of a JS number array and no boxing. Used for
 * the sorted orders of the review index and for posting lists.
 */
export class SlotList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  static from(values: ArrayLike<number>): SlotList {
    const list = new SlotList(values.length);
    list.data.set(values);
    list.length = values.length;
    return list;
  }

  private reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = new Int32Array(Math.max(n, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(value: number): void {
    this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  insertAt(index: number, value: number): void {
    this.reserve(this.length + 1);
    this.data.copyWithin(index + 1, index, this.length);
    this.data[index] = value;
    this.length++;
  }

  removeAt(index: number): void {
    this.data.copyWithin(index, index + 1, this.length);
    this.length--;
  }

  /** First index whose value is not below `value` (the list is sorted by value). */
  lowerBound(value: number): number {
    let lo = 0, hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.data[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds `value` to a list sorted by value, unless present. */
  addSorted(value: number): void {
    const i = this.lowerBound(value);
    if (i < this.length && this.data[i] === value) return;
    if (i === this.length) this.push(value);
    else this.insertAt(i, value);
  }

  /** Removes `value` from a list sorted by value, if present. */
  deleteSorted(value: number): void {
    const i = this.lowerBound(value);
    if (i < this.length && this.data[i] === value) this.removeAt(i);
  }

  /** First index at which `slot` may go in a list ordered by `before`. */
  lowerBoundBy(slot: number, before: (a: number, b: number) => boolean): number {
    let lo = 0, hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.data[mid] ?? 0, slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * In one pass over a list sorted by `before`: drops the slots flagged in
 * `drop` and merges in `add` (sorted by `before`). For batches, where
 * inserting one by one would shift the list once per slot.
 */
export function mergeSlots(list: SlotList, drop: Uint8Array, add: readonly number[], before: (a: number, b: number) => boolean): void {
  const out = new Int32Array(Math.max(4, list.length + add.length));
  let n = 0, j = 0;
  for (let i = 0; i < list.length; i++) {
    const slot = list.data[i] ?? 0;
    if (drop[slot] === 1) continue;
    while (j < add.length && before(add[j] ?? 0, slot)) out[n++] = add[j++] ?? 0;
    out[n++] = slot;
  }
  while (j < add.length) out[n++] = add[j++] ?? 0;
  list.data = out;
  list.length = n;
}

/** A copy of a per-slot typed array with room for `cap` values. */
export function grownTo<T extends Uint8Array | Int32Array | Float64Array>(a: T, cap: number): T {
  const next = new (a.constructor as new (length: number) => T)(cap);
  next.set(a);
  return next;
}

/** Inserts `slot` into a list ordered by `before`, at its place. */
export function insertBy(list: SlotList, slot: number, before: (a: number, b: number) => boolean): void {
  const at = list.lowerBoundBy(slot, before);
  if (at === list.length) list.push(slot);
  else list.insertAt(at, slot);
}

/** Takes `slot` out of a list ordered by `before`; its sort keys must still be the ones it was inserted with. */
export function takeBy(list: SlotList, slot: number, before: (a: number, b: number) => boolean): void {
  const at = list.lowerBoundBy(slot, before);
  if (at >= list.length || list.data[at] !== slot) throw new Error(`ReviewIndex: slot ${slot} is not where its sort keys say`);
  list.removeAt(at);
}
