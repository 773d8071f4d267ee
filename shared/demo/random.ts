/**
 * A small seeded pseudo-random generator (mulberry32) so the demo workspace is
 * the same on every machine for the same seed. Never use Math.random in the demo.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One value, chosen by relative weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Up to n distinct elements of a list, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
}

/** The mulberry32 step function: a 32-bit state, a float in [0, 1) per call. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => {
    const value = items[Math.floor(next() * items.length)];
    if (value === undefined) throw new Error('pick() needs a non-empty list');
    return value;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of entries) total += w;
      let roll = next() * total;
      for (const [value, w] of entries) {
        roll -= w;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new Error('weighted() needs a non-empty list');
      return last[0];
    },
    sample<T>(items: readonly T[], n: number): T[] {
      const pool = items.slice();
      const out: T[] = [];
      while (out.length < n && pool.length > 0) {
        const i = Math.floor(next() * pool.length);
        const [value] = pool.splice(i, 1);
        if (value !== undefined) out.push(value);
      }
      return out;
    },
  };
}
