import type { Review } from '../../../shared/domain/review';

/**
 * Strings up to this length are looked up in the pool: names, languages and short texts repeat; long texts
 * rarely do, and hashing them would cost more load time than it saves memory.
 */
const SHORT = 40;

/**
 * Lets the reviews read from the shards share equal strings instead of each holding its own copy: JSON.parse
 * makes a new string for every value, so a million reviews held a million copies of their location id, an
 * updatedAt equal to their createdAt, and every repeated author name or short text ("Top!",
 * "Heerlijk", a chain's regulars). The values stay exactly what they were (equal strings), only memory is saved (issue 24). One per
 * load; drop it afterwards (its pool holds the strings seen).
 */
export class SharedStrings {
  private readonly pool = new Map<string, string>();

  /** The same review with its strings shared where equal ones were seen; `shard` is the file it came from. */
  share(r: Review, shard: { source: string; locationId: string }): Review {
    if (r.source === shard.source) r.source = shard.source;
    if (r.locationId === shard.locationId) r.locationId = shard.locationId;
    if (r.updatedAt === r.createdAt) r.updatedAt = r.createdAt;
    r.author = this.once(r.author);
    if (r.text !== null) r.text = this.once(r.text);
    if (r.translatedText !== null) r.translatedText = this.once(r.translatedText);
    if (r.language !== null) r.language = this.once(r.language);
    if (r.reply) {
      if (r.reply.updatedAt === r.updatedAt) r.reply.updatedAt = r.updatedAt;
      r.reply.text = this.once(r.reply.text);
    }
    return r;
  }

  private once(s: string): string {
    if (s.length > SHORT) return s;
    const known = this.pool.get(s);
    if (known !== undefined) return known;
    this.pool.set(s, s);
    return s;
  }
}
