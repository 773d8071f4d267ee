import type { Review } from '../../../shared/domain/review';
import type { Settings } from '../../../shared/domain/settings';
import type { NewReviewAlert } from '../../../shared/labels/habits-contract';
import type { Workspace } from '../workspace';
import { shardKey } from '../workspace';

/**
 * Decides which synced reviews deserve an alert: new to this data folder (never
 * seen before), rated at or below `settings.alertMaxRating`, at a location Kalm
 * already had reviews of (the first sync of a location brings its history,
 * which is not news). Each review is alerted at most once per run of Kalm.
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
      const out: NewReviewAlert[] = [];
      for (const r of reviews) {
        if (r.rating === null || r.rating > max || r.status === 'deleted' || alerted.has(r.id) || deps.workspace.get(r.id) || !hadReviews(r)) continue;
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
