import { join } from 'node:path';
import { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import { countOnReviews, remainingPlaces, targetHolds, type RemovalCount, type RemovalTarget } from '../../../shared/workspace/removal';
import type { EventBus } from '../events';
import { removeFileDurable } from '../store/atomic-write';
import type { OpenedStore } from '../store/open-store';
import { isReadOnlyFile, REVIEWS_DIR, saveSourcesFile, shardFileName } from '../store/workspace-files';
import type { Workspace } from '../workspace';

/** A store of records about reviews (drafts and the outbox, hand-offs) that must go with them. */
export interface ReviewRecordsPort {
  count(reviewIds: ReadonlySet<string>): Partial<Pick<RemovalCount, 'drafts' | 'replies' | 'handoffs'>>;
  forget(reviewIds: ReadonlySet<string>): Promise<void>;
}

export interface RemovalDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  records: readonly ReviewRecordsPort[];
  /** Runs once the reviews are gone (the inbox's Drafts/Outbox marks). */
  afterRemove?: () => void;
  /** A team workspace: told before anything changes (it records the removal for the team); its answer runs after. */
  team?: RemovalTeamPort;
}

/** How a team workspace takes part in a removal (electron/core/team: the removal is shared with every member). */
export interface RemovalTeamPort {
  begin(target: RemovalTarget, reviewIds: ReadonlySet<string>): Promise<() => void>;
}

export interface Removal {
  /** What removing the target would take with it; changes nothing. */
  count(target: RemovalTarget): RemovalCount;
  /** Removes the target's reviews with every record about them (drafts, outbox, history, hand-offs), files included. */
  remove(target: RemovalTarget): Promise<RemovalCount>;
}

/**
 * Removing the demo, a source or a location: one cascade, so no draft, outbox item, reply history or
 * hand-off file is left behind for a review that is gone.
 */
export function createRemoval(deps: RemovalDeps): Removal {
  const { workspace, store, bus } = deps;

  const reviewsOf = (target: RemovalTarget): Review[] => {
    const holds = targetHolds(target, workspace.sources);
    return [...workspace.all()].filter(holds);
  };
  const exists = (target: RemovalTarget): boolean => {
    if (target.kind === 'demo') return workspace.isDemo;
    if (target.kind === 'source') return workspace.sources.some((s) => s.id === target.sourceId);
    return workspace.locations.some((l) => l.source === target.sourceId && l.id === target.locationId);
  };
  const notFound = (target: RemovalTarget): KalmError => new KalmError('not_found',
    target.kind === 'demo' ? 'There is no demo to remove.'
      : target.kind === 'source' ? `There is no source "${target.sourceId.slice(0, 100)}".`
        : `There is no location "${target.locationId.slice(0, 200)}" of source "${target.sourceId.slice(0, 100)}".`);

  function countReviews(reviews: readonly Review[]): RemovalCount {
    const ids = new Set(reviews.map((r) => r.id));
    const total: RemovalCount = { ...countOnReviews(reviews), drafts: 0, replies: 0, handoffs: 0 };
    for (const port of deps.records) {
      const c = port.count(ids);
      total.drafts += c.drafts ?? 0;
      total.replies += c.replies ?? 0;
      total.handoffs += c.handoffs ?? 0;
    }
    return total;
  }

  return {
    count(target) {
      if (!exists(target)) throw notFound(target);
      return countReviews(reviewsOf(target));
    },
    async remove(target) {
      store.assertWritable();
      if (!exists(target)) throw notFound(target);
      const reviews = reviewsOf(target);
      const counted = countReviews(reviews);
      const ids = new Set(reviews.map((r) => r.id));
      const teamDone = await deps.team?.begin(target, ids);
      // The records about the reviews go first: a crash in between leaves reviews without drafts, never drafts without reviews.
      for (const port of deps.records) await port.forget(ids);
      await store.flush();
      const shards = new Set<string>();
      for (const r of reviews) {
        workspace.remove(r.id);
        shards.add(shardFileName(r.source, r.locationId));
      }
      const places = remainingPlaces(target, workspace.sources, workspace.locations);
      // The locations' shards go too, also those left empty before (a location without reviews has no reviews to count).
      for (const l of workspace.locations) if (!places.locations.includes(l)) shards.add(shardFileName(l.source, l.id));
      workspace.sources = places.sources;
      workspace.locations = places.locations;
      await saveSourcesFile(deps.dataDir, workspace.sources, workspace.locations);
      for (const name of shards) {
        // A shard Kalm cannot read (newer version, broken) is not deleted: what is in it is unknown.
        if (isReadOnlyFile(deps.dataDir, `${REVIEWS_DIR}/${name}`)) continue;
        await removeFileDurable(join(deps.dataDir, REVIEWS_DIR, name));
      }
      deps.afterRemove?.();
      teamDone?.();
      bus.emit('workspace.sourcesChanged', {});
      bus.emit('reviews.changed', { reason: 'update', count: reviews.length });
      return counted;
    },
  };
}
