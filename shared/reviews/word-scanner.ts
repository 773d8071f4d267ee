import { foldText, forEachToken } from './text-match';
import type { Vocabulary } from './vocabulary';

const RAW_WORD = /[\p{L}\p{N}\p{M}]/u;
const FOLDED_WORD = /[\p{L}\p{N}]/u;
const WORD = 1, SEPARATOR = 2, CONTEXT = 3;
const CAPITAL_SIGMA = 0x3a3;
const FNV_OFFSET = 0x811c9dc5 | 0, FNV_PRIME = 0x01000193;
const NONE = -1, MANY = -2;

/** WORD for letters, digits and marks; SEPARATOR for characters that fold to a non-empty non-word; else CONTEXT. */
function classify(ch: string): number {
  if (ch.codePointAt(0) === CAPITAL_SIGMA) return CONTEXT; // lower-cases to σ or ς depending on its neighbours
  if (RAW_WORD.test(ch)) return WORD;
  const folded = foldText(ch);
  return folded !== '' && !FOLDED_WORD.test(folded) ? SEPARATOR : CONTEXT;
}

/**
 * Finds the folded words of a text (the same as `forEachToken(foldText(text))`)
 * without folding the text: it walks the original characters, hashes each
 * run of letters, digits and marks in place, and looks the run up in a table
 * of runs seen before, which knows the run's folded words. Folding is per
 * character apart from the Greek capital sigma, so this is exact; a text with
 * a capital sigma, or an odd separator, takes the plain path.
 */
export class WordScanner {
  private readonly kinds = new Uint8Array(65536);
  private readonly astral = new Map<number, number>();
  /** Open addressing: run number or -1. */
  private table = new Int32Array(1 << 12).fill(-1);
  private readonly runs: string[] = [];
  private hashes = new Int32Array(1 << 11);
  /** The run's single word id, NONE or MANY (then in `many`). */
  private word = new Int32Array(1 << 11);
  private readonly many = new Map<number, number[]>();

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Calls `onWord` with the vocabulary id of every folded word of `text`, at least once each. */
  scan(text: string, onWord: (id: number) => void): void {
    if (!this.scanRuns(text, onWord)) this.scanFolded(text, onWord);
  }

  /** The kind of the character at i; for a surrogate pair (i at its first half) the kind of the pair. */
  private kindAt(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      let k = this.kinds[c] ?? 0;
      if (k === 0) this.kinds[c] = k = classify(String.fromCharCode(c));
      return k;
    }
    const cp = text.codePointAt(i) ?? c;
    if (cp <= 0xffff) return CONTEXT; // an unpaired surrogate
    let k = this.astral.get(cp);
    if (k === undefined) this.astral.set(cp, (k = classify(String.fromCodePoint(cp))));
    return k;
  }

  /** False when the text needs the plain path (the words seen so far were still right). */
  private scanRuns(text: string, onWord: (id: number) => void): boolean {
    let start = -1, hash = FNV_OFFSET;
    const n = text.length, kinds = this.kinds;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      let k = kinds[c] ?? 0;
      let pair = false;
      if (k === 0) {
        k = this.kindAt(text, i);
        pair = c >= 0xd800 && c <= 0xdbff && k !== CONTEXT;
      }
      if (k === WORD) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ c, FNV_PRIME);
        if (pair) hash = Math.imul(hash ^ text.charCodeAt(++i), FNV_PRIME);
        continue;
      }
      if (k === CONTEXT) return false;
      if (start >= 0) {
        this.emit(this.lookup(text, start, i, hash), onWord);
        start = -1;
      }
      if (pair) i++;
    }
    if (start >= 0) this.emit(this.lookup(text, start, n, hash), onWord);
    return true;
  }

  private scanFolded(text: string, onWord: (id: number) => void): void {
    const folded = foldText(text);
    forEachToken(folded, (a, b) => onWord(this.vocabulary.id(folded.slice(a, b))));
  }

  private emit(run: number, onWord: (id: number) => void): void {
    const w = this.word[run] ?? NONE;
    if (w >= 0) onWord(w);
    else if (w === MANY) for (const id of this.many.get(run) ?? []) onWord(id);
  }

  /** The run number of text[start, end), added when new. */
  private lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const run = this.table[at] ?? -1;
      if (run < 0) return this.add(text.slice(start, end), hash, at);
      const known = this.runs[run] ?? '';
      if (this.hashes[run] === hash && known.length === end - start && text.startsWith(known, start)) return run;
    }
  }

  private add(raw: string, hash: number, at: number): number {
    const run = this.runs.length;
    if (run >= this.hashes.length) {
      const grow = <T extends Int32Array>(a: T): T => {
        const next = new Int32Array(a.length * 2) as T;
        next.set(a);
        return next;
      };
      this.hashes = grow(this.hashes);
      this.word = grow(this.word);
    }
    this.runs.push(raw);
    this.hashes[run] = hash;
    this.table[at] = run;
    const ids: number[] = [];
    this.scanFolded(raw, (id) => ids.push(id));
    this.word[run] = ids.length === 0 ? NONE : ids.length === 1 ? (ids[0] ?? NONE) : MANY;
    if (ids.length > 1) this.many.set(run, ids);
    if (this.runs.length * 2 > this.table.length) this.rehash();
    return run;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    this.runs.forEach((_, run) => {
      let at = (this.hashes[run] ?? 0) & mask;
      while ((this.table[at] ?? -1) >= 0) at = (at + 1) & mask;
      this.table[at] = run;
    });
  }
}
