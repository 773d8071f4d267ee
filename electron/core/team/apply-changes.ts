import type { Review } from '../../../shared/domain/review';
import type { TeamDoc } from '../../../shared/team/team-docs';
import type { Change } from 'pouchdb';
import type { LocalWrites, TeamBridgeDeps } from './bridge-deps';
import { bodyOf, resolveConflicts } from './conflict-resolver';
import { isEntityDocId, type EntityMirror } from './entity-mirror';
import type { DraftMirror } from './draft-mirror';
import type { PlacesMirror } from './places-mirror';
import { outboxDocFrom, sameJson } from './local-docs';
import { mergeOutboxDocs } from '../../../shared/team/merge';

/** What applying the replica's changes works on: the bridge's deps, the unwrapped local writes, the mirrored entities and the reviews last seen. */
export interface IncomingContext {
  deps: TeamBridgeDeps;
  local: LocalWrites;
  entities: EntityMirror | null;
  /** This desktop's drafts and the team's draft documents (absent in a core opened read-only). */
  drafts: DraftMirror | null;
  /** The last version of each review the team and this desktop agreed on. */
  known: Map<string, Review>;
  /** Given (catching up in batches): reviews changed are counted here and announced once by the caller, not per batch. */
  changed?: { reviews: number };
  /** Reviews with a local edit a crash kept from the replica: the team's (older) version does not replace them yet. */
  keepLocal?: (reviewId: string) => boolean;
  /** The team's sources and locations, with the places members removed. */
  places: PlacesMirror;
}

/**
 * Applies a batch of the replica's changes (what replication brought in) to the in-memory
 * workspace and the local files, with the store's own writes so nothing is sent back.
 * Conflicting versions are merged first (the merged version arrives as its own change).
 */
export async function applyTeamChanges(ctx: IncomingContext, batch: readonly Change<TeamDoc>[]): Promise<void> {
  const { entities } = ctx;
  // Label and rule documents change labels.json once for the whole batch (entity-mirror.ts).
  const { reviews, removed, items } = entities ? await entities.applyBatch(() => applyEach(ctx, batch)) : await applyEach(ctx, batch);
  applyReviews(ctx, reviews, removed, items);
}

/** Applies each change of the batch except reviews, which it returns (changed and removed) to be applied together. */
async function applyEach({ deps, local, entities, drafts, keepLocal, places }: IncomingContext, batch: readonly Change<TeamDoc>[]): Promise<{ reviews: Review[]; removed: string[]; items: number }> {
  const reviews: Review[] = [];
  const removed: string[] = [];
  let items = 0;
  for (const change of batch) {
    const doc = change.doc;
    if (doc?._conflicts?.length) {
      await resolveConflicts(deps.db, change.id); // the merged version arrives as its own change
      continue;
    }
    const body = doc && !change.deleted ? bodyOf(doc) : null;
    if (change.deleted && change.id.startsWith('draft:')) await drafts?.applyDeleted(change.id.slice('draft:'.length));
    if (change.deleted && entities && isEntityDocId(change.id)) await entities.applyDeleted(change.id);
    if (change.deleted && change.id.startsWith('review:')) removed.push(change.id.slice('review:'.length));
    if (!body) continue;
    if (body.type === 'label' || body.type === 'rule' || body.type === 'template') {
      await entities?.apply(body);
    } else if (body.type === 'review') {
      // A review of a place a member removed (written by a desktop that was apart) is not taken in.
      if (places.isRemoved(body.review.source, body.review.locationId)) continue;
      if (!keepLocal?.(body.review.id) && !sameJson(deps.workspace.get(body.review.id), body.review)) reviews.push(body.review);
    } else if (body.type === 'draft') {
      await drafts?.apply(body);
    } else if (body.type === 'places') {
      await places.apply(body);
    } else if (body.type === 'presence') {
      deps.onPresence?.(body);
    } else if (body.type === 'outbox' && local.putItem) {
      const mine = deps.store.outbox?.get(body.item.id);
      // A local item the merge rules keep (further along, or newer: a change a crash kept from the replica) stays; recheck pushes it.
      const keep = mine && sameJson(mergeOutboxDocs([outboxDocFrom(mine, deps.member), body]).item, mine);
      if (!keep && !sameJson(mine, body.item)) { await local.putItem(body.item); items++; }
    }
  }
  return { reviews, removed, items };
}

/** Puts the batch's changed and removed reviews into the workspace and marks their shard files to be written. */
function applyReviews({ deps, local, known, changed }: IncomingContext, reviews: Review[], removed: string[], items: number): void {
  if (reviews.length > 0) {
    for (const key of deps.workspace.upsertMany(reviews)) {
      const { source, locationId } = deps.workspace.shard(key);
      local.scheduleShard(source, locationId);
    }
    for (const r of reviews) known.set(r.id, r);
    if (changed) changed.reviews += reviews.length;
    else deps.bus.emit('reviews.changed', { reason: 'sync', count: reviews.length });
  }
  if (removed.length > 0) {
    // A review another member removed (the demo replaced, a review deleted) goes here too.
    for (const id of removed) {
      known.delete(id);
      for (const key of deps.workspace.remove(id)) {
        const { source, locationId } = deps.workspace.shard(key);
        local.scheduleShard(source, locationId);
      }
    }
    if (changed) changed.reviews += removed.length;
    else deps.bus.emit('reviews.changed', { reason: 'sync', count: removed.length });
  }
  if (items > 0) deps.bus.emit('outbox.changed', {});
}
