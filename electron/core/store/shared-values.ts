import type { Review } from '../../../shared/domain/review';

/** Replies up to this length are looked up in the pool ("Dank je!" repeats; a written reply rarely does, and hashing it costs load time). */
const SHORT_REPLY = 40;
/** The one empty label list loaded reviews share; frozen, so a change in place fails loudly instead of reaching every review. */
const NO_LABELS = Object.freeze([]) as unknown as string[];

// Lets the reviews read from the shards share equal values instead of each holding its own copy (issue 24:
// texts held once). JSON.parse makes a new string for every value and a new array for every `[]`, so a million
// reviews held a million copies of their location id, an updatedAt equal to their createdAt, an empty label
// list, and every repeated text, translation or author name ("Top!", "Heerlijk", a chain's regulars, the same
// words on many branches). The values stay exactly what they were; only memory is saved. Two steps, one of each
// per load (drop them afterwards: their pools hold the strings seen): `ParseTimeSharing` while parsing, and
// `SharedValues` for the texts after the load (`share-in-background.ts`).

/** At most this many different strings share a sampled hash in the pool; more are left unshared (no slow lookups on odd data). */
const BUCKET = 8;

/** A cheap hash of a string: its length and about ten of its characters (the pool compares whole strings on a hit). */
function sampledHash(s: string): number {
  const n = s.length;
  let h = n;
  if (n === 0) return h;
  const step = n > 16 ? n >> 3 : 1;
  for (let i = 0; i < n; i += step) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (Math.imul(h, 31) + s.charCodeAt(n - 1)) | 0;
}

/** Author names longer than this are not pooled while parsing (a Map keyed by strings hashes each one in full). */
const POOLED_AUTHOR = 40;
/** At most this many different author names are pooled per load (real stores have many one-time reviewers). */
const AUTHOR_POOL = 50_000;

/**
 * The cheap part of sharing, done while each shard is parsed (issue 24: memory at a million): values equal to one
 * the review or its shard already holds (source, location, updatedAt, the empty label list) and the author name
 * (short, and repeated by a chain's regulars). The copies then die young; shared later, after the load, they
 * would leave holes all through the old heap, which the process keeps as resident memory. Measured at 100,000
 * reviews this costs ≈ 1.5% of their JSON.parse; the texts (many and long) are shared after the load instead.
 */
export class ParseTimeSharing {
  private readonly authors = new Map<string, string>();

  share(r: Review, shard: { source: string; locationId: string }): void {
    if (r.source === shard.source) r.source = shard.source;
    if (r.locationId === shard.locationId) r.locationId = shard.locationId;
    if (r.updatedAt === r.createdAt) r.updatedAt = r.createdAt;
    if (r.labels.length === 0) r.labels = NO_LABELS;
    if (r.reply && r.reply.updatedAt === r.updatedAt) r.reply.updatedAt = r.updatedAt;
    if (r.author.length > POOLED_AUTHOR) return;
    const known = this.authors.get(r.author);
    if (known !== undefined) r.author = known;
    else if (this.authors.size < AUTHOR_POOL) this.authors.set(r.author, r.author);
  }
}

/** The texts of loaded reviews (many, long, often repeated): shared after the load, in background steps. */
export class SharedValues {
  /**
   * Strings seen, by sampled hash. Keyed by a number, not the string: a Map keyed by strings hashes every long
   * text in full, which cost about as much as parsing it.
   */
  private readonly pool = new Map<number, string | string[]>();

  /** The same review with its texts shared where equal ones were seen (long author names too). */
  share(r: Review): Review {
    if (r.author.length > POOLED_AUTHOR) r.author = this.once(r.author);
    if (r.text !== null) r.text = this.once(r.text);
    if (r.translatedText !== null) r.translatedText = this.once(r.translatedText);
    // Languages are not looked up: JSON.parse already keeps one copy of strings this short (V8 internalizes them).
    if (r.reply && r.reply.text.length <= SHORT_REPLY) r.reply.text = this.once(r.reply.text);
    return r;
  }

  /** The pooled string equal to `s`, or `s` itself (then pooled). */
  private once(s: string): string {
    const h = sampledHash(s);
    const known = this.pool.get(h);
    if (known === undefined) {
      this.pool.set(h, s);
      return s;
    }
    if (typeof known === 'string') {
      if (known === s) return known;
      this.pool.set(h, [known, s]);
      return s;
    }
    for (const k of known) if (k === s) return k;
    if (known.length < BUCKET) known.push(s);
    return s;
  }
}
