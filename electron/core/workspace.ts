import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import type { Source } from '../../shared/domain/source';
import { queryReviews, searchableText } from '../../shared/reviews/query';
import type { ReviewPage, ReviewQuery } from '../../shared/reviews/query-schema';
import { summarize } from '../../shared/reviews/stats';
import type { StatsQuery, StatsSummary } from '../../shared/reviews/stats-schema';

/** The reviews, sources and locations held in memory, with a cache of folded search text. */
export class Workspace {
  private reviews: Review[] = [];
  private byId = new Map<string, Review>();
  private folded = new WeakMap<Review, string>();
  sources: Source[] = [];
  locations: Location[] = [];

  replace(sources: Source[], locations: Location[], reviews: Review[]): void {
    this.sources = sources;
    this.locations = locations;
    this.reviews = reviews;
    this.byId = new Map(reviews.map((r) => [r.id, r]));
    this.folded = new WeakMap();
  }

  get size(): number {
    return this.reviews.length;
  }

  get isDemo(): boolean {
    return this.sources.some((s) => s.state === 'demo');
  }

  get(id: string): Review | undefined {
    return this.byId.get(id);
  }

  query(q: ReviewQuery): ReviewPage {
    return queryReviews(this.reviews, q, (r) => {
      let text = this.folded.get(r);
      if (text === undefined) this.folded.set(r, (text = searchableText(r)));
      return text;
    });
  }

  stats(q: StatsQuery): StatsSummary {
    return summarize(this.reviews, this.locations, q);
  }

  /** Reviews grouped per shard (source + location). */
  shards(): Map<string, { source: string; locationId: string; reviews: Review[] }> {
    const out = new Map<string, { source: string; locationId: string; reviews: Review[] }>();
    for (const r of this.reviews) {
      const key = `${r.source}\u0000${r.locationId}`;
      const shard = out.get(key);
      if (shard) shard.reviews.push(r);
      else out.set(key, { source: r.source, locationId: r.locationId, reviews: [r] });
    }
    return out;
  }
}
