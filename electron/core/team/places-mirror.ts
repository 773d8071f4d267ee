import type { RemovalTarget } from '../../../shared/workspace/removal';
import { mergePlacesDocs } from '../../../shared/team/merge';
import { heldPlaceKeys, isRemovedPlace, removalsStanding, withPlaceRemoval } from '../../../shared/team/places';
import { PlacesDoc, teamDocId, type PlaceRemoval, type TeamDoc } from '../../../shared/team/team-docs';
import type { EventBus } from '../events';
import { saveSourcesFile } from '../store/workspace-files';
import type { Workspace } from '../workspace';
import { bodyOf } from './conflict-resolver';
import { sameJson } from './local-docs';
import { statusOf, type TeamDb } from './pouch';
import { putTeamDoc } from './replica-docs';

/** A source or location removal (the demo is not a place of the team's). */
export type PlaceTarget = Extract<RemovalTarget, { kind: 'source' | 'location' }>;

export interface PlacesMirrorDeps {
  dataDir: string;
  db: TeamDb;
  member: string;
  workspace: Workspace;
  bus: EventBus;
  now: () => Date;
  /** Runs the removal cascade here for a place the team removed (reviews, drafts, outbox, files); queued, not awaited. */
  removeHere: (target: PlaceTarget) => void;
}

const targetOf = (r: PlaceRemoval): PlaceTarget =>
  (r.locationId === null ? { kind: 'source', sourceId: r.source } : { kind: 'location', sourceId: r.source, locationId: r.locationId });

/**
 * The team's sources and locations (`places:workspace`) and this desktop's, kept the same. A desktop adds its
 * own places and never drops the team's, except by a removal a member made (`removed`, shared/team/places.ts):
 * the member's desktop records it before its own cascade runs, and every desktop that still holds the place
 * (offline then, or closed) runs the same cascade when the record reaches it — so every desktop ends with the
 * same places and reviews. Adding a removed place again (here, after the removal reached this desktop) drops it.
 */
export class PlacesMirror {
  /** The team's removals as last seen here: reviews of those places that arrive (from a desktop still apart) are not taken in. */
  private removed: PlaceRemoval[] = [];
  /** The places this desktop held when it last took (or wrote) the team's places: one held now but not then was added here. */
  private before: Set<string>;

  constructor(private readonly d: PlacesMirrorDeps) {
    this.before = heldPlaceKeys(d.workspace.sources, d.workspace.locations);
  }

  /** True when the review's location (or source) was removed for the team. */
  isRemoved(source: string, locationId: string): boolean {
    return isRemovedPlace(this.removed, source, locationId);
  }

  /** This desktop's places into the team's document (merged: a desktop adds, it drops only what a member removed). */
  async push(): Promise<void> {
    const { sources, locations } = this.d.workspace;
    const held = heldPlaceKeys(sources, locations);
    await putTeamDoc(this.d.db, teamDocId.places(), (prev) => {
      const next: PlacesDoc = { type: 'places', sources, locations, at: this.d.now().toISOString() };
      if (prev?.type !== 'places') return next;
      const standing = removalsStanding(prev.removed ?? [], held, this.before);
      const base: PlacesDoc = { ...prev, removed: standing };
      const merged = mergePlacesDocs([base, next]);
      const same = sameJson(merged.sources, prev.sources) && sameJson(merged.locations, prev.locations) && sameJson(merged.removed ?? [], prev.removed ?? []);
      return same ? prev : merged;
    });
    this.before = held;
  }

  /** Records a member's removal of a place in the team's document, before the cascade changes anything here. */
  async recordRemoval(target: PlaceTarget): Promise<void> {
    const removal: PlaceRemoval = { source: target.sourceId, locationId: target.kind === 'location' ? target.locationId : null, at: this.d.now().toISOString(), by: this.d.member };
    await putTeamDoc(this.d.db, teamDocId.places(), (prev): TeamDoc => {
      const { sources, locations } = this.d.workspace;
      const doc: PlacesDoc = prev?.type === 'places' ? prev : { type: 'places', sources, locations, at: removal.at };
      if (isRemovedPlace(doc.removed ?? [], removal.source, removal.locationId)) return doc;
      return withPlaceRemoval({ ...doc, at: removal.at }, removal);
    });
    this.removed = [...this.removed, removal];
  }

  /**
   * The team's places document arrived (or is read at a start): the team's list becomes this desktop's; a place
   * the team removed that is still held here stays listed until its cascade (queued here) has removed it.
   */
  async apply(doc: PlacesDoc): Promise<void> {
    const w = this.d.workspace;
    this.removed = doc.removed ?? [];
    const holds = (r: PlaceRemoval, source: string, locationId: string | null) => r.source === source && (r.locationId === null || r.locationId === locationId);
    const doomed = this.removed.filter((r) => (r.locationId === null ? w.sources.some((s) => s.id === r.source) : w.locations.some((l) => holds(r, l.source, l.id))));
    const sources = [...doc.sources, ...w.sources.filter((s) => doomed.some((r) => r.source === s.id) && !doc.sources.some((x) => x.id === s.id))];
    const locations = [...doc.locations, ...w.locations.filter((l) => doomed.some((r) => holds(r, l.source, l.id)) && !doc.locations.some((x) => x.source === l.source && x.id === l.id))];
    if (!sameJson(w.sources, sources) || !sameJson(w.locations, locations)) {
      w.sources = sources;
      w.locations = locations;
      await saveSourcesFile(this.d.dataDir, sources, locations);
      this.d.bus.emit('workspace.sourcesChanged', {});
    }
    this.before = heldPlaceKeys(sources, locations);
    for (const r of doomed) this.d.removeHere(targetOf(r));
  }

  /** At a start: the team's places as the replica has them now (a removal that reached it while this desktop was closed runs here). */
  async reconcile(): Promise<void> {
    let doc: PlacesDoc | null = null;
    try {
      const parsed = PlacesDoc.safeParse(bodyOf(await this.d.db.get(teamDocId.places())));
      doc = parsed.success ? parsed.data : null;
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    if (doc && (doc.removed ?? []).length > 0) await this.apply(doc);
  }
}
