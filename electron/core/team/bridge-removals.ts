import { ownVersionOf } from '../../../shared/team/draft-versions';
import { DraftDoc, teamDocId } from '../../../shared/team/team-docs';
import type { RemovalTarget } from '../../../shared/workspace/removal';
import type { TeamBridgeDeps } from './bridge-deps';
import { bodyOf } from './conflict-resolver';
import type { DraftMirror } from './draft-mirror';
import type { EntityMirror } from './entity-mirror';
import { PendingRemovals } from './pending-removals';
import type { PlaceTarget, PlacesMirror } from './places-mirror';
import { statusOf } from './pouch';
import { removeTeamDoc, removeTeamDocs } from './replica-docs';

export interface BridgeRemovalsDeps {
  d: TeamBridgeDeps;
  /** Queues a write to the replica after the bridge's earlier ones; `now` resolves when it is done. */
  queue(job: () => Promise<void>): void;
  queueAndWait(job: () => Promise<void>): Promise<void>;
  /** The reviews the team and this desktop agreed on (the bridge's). */
  known: Map<string, unknown>;
}

/**
 * The removals a team desktop shares (part of the bridge): discarded drafts, reviews a new demo dropped, deleted
 * labels, rules and templates (entity-mirror.ts) and sources and locations a member removed. Each is journaled
 * (pending-removals.ts) before the local change, and taken from the replica after it; a crash in between is
 * finished at the next start (`pushPending`).
 */
export class BridgeRemovals {
  readonly pending: PendingRemovals;
  /** Removal cascades of places the team removed, run one after another (queued while applying the replica). */
  private placeCascades: Promise<void> = Promise.resolve();
  drafts: DraftMirror | null = null;
  entities: EntityMirror | null = null;
  places: PlacesMirror | null = null;

  constructor(private readonly r: BridgeRemovalsDeps) {
    this.pending = new PendingRemovals(r.d.dataDir);
  }

  /** Removes a document from the replica; a recorded pending removal of it is then done. */
  async remove(_id: string): Promise<void> {
    await removeTeamDoc(this.r.d.db, _id);
    this.pending.done([_id]);
  }

  /**
   * Wraps the local removals the bridge does not see otherwise: a discarded draft (`withDrafts`: recorded before
   * the file goes, done once the replica no longer has this member's version) and a new demo's `replace` (the
   * reviews it drops, recorded before the files change; pushWholeWorkspace removes them). Returns the unwraps.
   */
  hookLocalRemovals(withDrafts: boolean): (() => void)[] {
    const { store, workspace } = this.r.d;
    const unwrap: (() => void)[] = [];
    const drafts = store.drafts;
    if (withDrafts && drafts) {
      const discard = drafts.discard.bind(drafts);
      unwrap.push(() => { drafts.discard = discard; });
      drafts.discard = async (reviewId) => {
        const id = teamDocId.draft(reviewId);
        if (drafts.get(reviewId)) this.pending.add([id]);
        await discard(reviewId);
        this.r.queue(async () => { if (!(await this.ownDraftInReplica(reviewId))) this.pending.done([id]); });
      };
    }
    const replace = workspace.replace.bind(workspace);
    workspace.replace = (sources, locations, reviews) => {
      const kept = new Set(reviews.map((r) => r.id));
      this.pending.add([...this.r.known.keys()].filter((id) => !kept.has(id)).map(teamDocId.review));
      replace(sources, locations, reviews);
    };
    unwrap.push(() => { workspace.replace = replace; });
    return unwrap;
  }

  /**
   * A member removes a source or location here (`workspace.remove`): the removal is recorded in the team's places
   * and its reviews', drafts' and replies' documents are journaled before anything changes here; the returned
   * function, called once the local cascade is done, removes those documents from the replica.
   */
  async begin(target: RemovalTarget, reviewIds: ReadonlySet<string>): Promise<() => void> {
    const places = this.places;
    if (target.kind === 'demo' || !places) return () => undefined;
    const items = (this.r.d.store.outbox?.list() ?? []).filter((i) => reviewIds.has(i.reviewId)).map((i) => teamDocId.outbox(i.id));
    // The reviews' draft documents go whole: every member's version (a discard here drops only this member's).
    const docs = [...[...reviewIds].flatMap((id) => [teamDocId.review(id), teamDocId.draft(id)]), ...items];
    this.pending.add(docs);
    await this.r.queueAndWait(() => places.recordRemoval(target));
    return () => {
      for (const id of reviewIds) this.r.known.delete(id);
      this.r.queue(async () => {
        await removeTeamDocs(this.r.d.db, docs);
        this.pending.done(docs);
      });
    };
  }

  /** Runs the removal cascade here for a place the team removed (after the cascades queued before it). */
  removePlaceHere(target: PlaceTarget): void {
    const remove = this.r.d.removePlace;
    if (!remove) return;
    const { workspace } = this.r.d;
    // Still held when its turn comes (the member's own removal here may have taken it meanwhile).
    const held = () => (target.kind === 'source'
      ? workspace.sources.some((s) => s.id === target.sourceId)
      : workspace.locations.some((l) => l.source === target.sourceId && l.id === target.locationId));
    this.placeCascades = this.placeCascades.then(async () => { if (held()) await remove(target); }).then(() => undefined, (err: unknown) => this.r.d.onError(err));
  }

  /** Resolves once the queued place cascades have run. */
  cascadesDone(): Promise<void> {
    return this.placeCascades;
  }

  /** Every recorded removal whose thing is still gone here is removed from the replica (one that exists again here is dropped). */
  async pushPending(): Promise<void> {
    for (const id of this.pending.list()) {
      if (this.existsHere(id)) this.pending.done([id]);
      else if (id.startsWith('draft:') && this.drafts) {
        // A discard drops only this member's version; the others' stay (draft-mirror.ts).
        await this.drafts.pushDiscard(id.slice('draft:'.length));
        this.pending.done([id]);
      } else await this.remove(id);
    }
    await this.pending.flush();
  }

  /** True when the replica still holds this member's version of the review's draft. */
  private async ownDraftInReplica(reviewId: string): Promise<boolean> {
    try {
      const doc = DraftDoc.safeParse(bodyOf(await this.r.d.db.get(teamDocId.draft(reviewId))));
      return doc.success && ownVersionOf(doc.data, this.r.d.member) !== null;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  private existsHere(docId: string): boolean {
    const { workspace, store } = this.r.d;
    const at = docId.indexOf(':');
    const kind = docId.slice(0, at), id = docId.slice(at + 1);
    if (kind === 'review') return workspace.get(id) !== undefined;
    if (kind === 'draft') return store.drafts ? store.drafts.get(id) !== undefined : true;
    if (kind === 'outbox') return store.outbox ? store.outbox.get(id) !== undefined : true;
    return this.entities?.existsHere(docId) ?? true;
  }
}
