import type { Review } from '../../../shared/domain/review';

/** Replies up to this length are looked up in the pool ("Dank je!" repeats; a written reply rarely does, and hashing it costs load time). */
const SHORT_REPLY = 40;
/** The one empty label list loaded reviews share; frozen, so a change in place fails loudly instead of reaching every review. */
const NO_LABELS = Object.freeze([]) as unknown as string[];

/**
 * Lets the reviews read from the shards share equal values instead of each holding its own copy (issue 24: texts
 * held once). JSON.parse makes a new string for every value and a new array for every `[]`, so a million
 * reviews held a million copies of their location id, an updatedAt equal to their createdAt, an empty label
 * list, and every repeated text, translation or author name ("Top!", "Heerlijk", a chain's regulars, the same
 * words on many branches). The values stay exactly what they were; only memory is saved. One per load; drop it
 * afterwards (its pool holds the strings seen).
 */
export class SharedValues {
  private readonly pool = new Map<string, string>();

  /** The same review with its values shared where equal ones were seen; `shard` is the file it came from. */
  share(r: Review, shard: { source: string; locationId: string }): Review {
    if (r.source === shard.source) r.source = shard.source;
    if (r.locationId === shard.locationId) r.locationId = shard.locationId;
    if (r.updatedAt === r.createdAt) r.updatedAt = r.createdAt;
    if (r.labels.length === 0) r.labels = NO_LABELS;
    r.author = this.once(r.author);
    if (r.text !== null) r.text = this.once(r.text);
    if (r.translatedText !== null) r.translatedText = this.once(r.translatedText);
    if (r.language !== null) r.language = this.once(r.language);
    if (r.reply) {
      if (r.reply.updatedAt === r.updatedAt) r.reply.updatedAt = r.updatedAt;
      if (r.reply.text.length <= SHORT_REPLY) r.reply.text = this.once(r.reply.text);
    }
    return r;
  }

  private once(s: string): string {
    const known = this.pool.get(s);
    if (known !== undefined) return known;
    this.pool.set(s, s);
    return s;
  }
}
