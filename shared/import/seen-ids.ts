/**
 * The review ids an import has seen, with the file row each was first on, in flat typed arrays: a 64-bit hash
 * of the id (two 32-bit FNV-1a lanes, as `contentHash`) and the row, 12 bytes a slot in an open-addressing
 * table. A Map of string keys cost ~100 bytes an id and gave the garbage collector ~1 million objects to
 * trace for a 200 MB file; this holds no object per id.
 */
export class SeenIds {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  /** The row + 1 (0: empty slot). */
  private rows = new Uint32Array(1024);
  private count = 0;

  /** The row `id` was first seen on; when it is new: undefined, and it is remembered as on `row`. */
  firstRow(id: string, row: number): number | undefined {
    let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    const found = this.find(a >>> 0, b >>> 0);
    const stored = this.rows[found] ?? 0;
    if (stored !== 0) return stored - 1;
    this.hi[found] = a >>> 0;
    this.lo[found] = b >>> 0;
    this.rows[found] = row + 1;
    if (++this.count * 2 > this.rows.length) this.grow();
    return undefined;
  }

  /** The slot of this hash, or the empty slot where it would go. */
  private find(a: number, b: number): number {
    const mask = this.rows.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.rows[i] !== 0 && (this.hi[i] !== a || this.lo[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(rows.length * 2);
    this.lo = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] ?? 0, a = hi[i] ?? 0, b = lo[i] ?? 0;
      if (row === 0) continue;
      const to = this.find(a, b);
      this.hi[to] = a;
      this.lo[to] = b;
      this.rows[to] = row;
    }
  }
}
