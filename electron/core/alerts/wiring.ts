import type { Review } from '../../../shared/domain/review';
import type { Settings } from '../../../shared/domain/settings';
import type { EventBus } from '../events';
import type { Workspace } from '../workspace';
import { createAlertWatcher } from './alert-watcher';

export interface AlertsWiring {
  /**
   * Call with the reviews a sync is about to save, before they are saved (what is new is judged against the
   * workspace as it is). Returns what to run once they are saved: it tells clients about the new low ones.
   */
  beforeSave(reviews: readonly Review[]): () => void;
  /** Asks the open pages to show a review (its desktop notification was clicked). */
  openReview(reviewId: string): void;
}

/** Alerts about new low reviews (Settings → alert threshold): the alerts' composition root. */
export function wireAlerts(deps: { workspace: Workspace; settings: () => Settings; bus: EventBus }): AlertsWiring {
  const watcher = createAlertWatcher(deps);
  return {
    beforeSave(reviews) {
      const found = watcher.pick(reviews);
      return () => found.forEach((alert) => deps.bus.emit('alerts.newReview', alert));
    },
    openReview: (reviewId) => deps.bus.emit('alerts.open', { reviewId }),
  };
}
