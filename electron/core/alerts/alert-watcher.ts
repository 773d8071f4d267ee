import type { Review } from '../../../shared/domain/review';
import type { Settings } from '../../../shared/domain/settings';
import type { NewReviewAlert } from '../../../shared/contract/alerts';
import type { Workspace } from '../workspace';
import { shardKey } from '../workspace';

/** A review this much older than the source's last sync still counts as new at a new location (clock skew between Google and this machine). */
const SKEW_MS = 3_600_000;

/**
 * Decides which synced reviews deserve an alert: new to this data folder (never
 * seen before), rated at or below `settings.alertMaxRating`, from a source that
 * was synced before (a source's very first sync is the initial import: its
 * history is not news). At a location Kalm holds no reviews of yet (newly
 * chosen, or one that never had a review), a review alerts when it was
 * written since the source's last sync — so a location's very first review
 * alerts, and a newly chosen location's history does not flood. Each review
 * is alerted at most once per run of Kalm.
 */
export function createAlertWatcher(deps: { workspace: Workspace; settings: () => Settings }) {
  const alerted = new Set<string>();
  return {
    /** Call with the reviews a sync is about to save, before they are saved. */
    pick(reviews: readonly Review[]): NewReviewAlert[] {
      const max = deps.settings().alertMaxRating;
      if (max === null) return [];
      const known = new Map<string, boolean>();
      const hadReviews = (r: Review) => {
        const key = shardKey(r.source, r.locationId);
        let had = known.get(key);
        if (had === undefined) known.set(key, (had = deps.workspace.shard(key).reviews.length > 0));
        return had;
      };
      const lastSync = (source: string): number => {
        const at = deps.workspace.sources.find((s) => s.id === source && s.state !== 'demo')?.lastSyncAt ?? null;
        return at === null ? NaN : Date.parse(at);
      };
      const isNews = (r: Review): boolean => {
        const since = lastSync(r.source);
        if (Number.isNaN(since)) return false;
        return hadReviews(r) || Date.parse(r.createdAt) >= since - SKEW_MS;
      };
      const out: NewReviewAlert[] = [];
      for (const r of reviews) {
        if (r.rating === null || r.rating > max || r.status === 'deleted' || alerted.has(r.id) || deps.workspace.get(r.id) || !isNews(r)) continue;
        alerted.add(r.id);
        const location = deps.workspace.locations.find((l) => l.source === r.source && l.id === r.locationId);
        out.push({
          reviewId: r.id,
          rating: r.rating,
          author: r.anonymous || r.author.trim() === '' ? '' : r.author,
          locationName: location?.name ?? null,
          excerpt: (r.text ?? '').slice(0, 140),
        });
      }
      return out;
    },
  };
}
