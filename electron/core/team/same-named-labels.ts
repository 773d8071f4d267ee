import type { Label } from '../../../shared/domain/label';
import { sameNamedLabels } from '../../../shared/team/merge';
import { teamDocId, type TeamDoc } from '../../../shared/team/team-docs';
import type { EventBus } from '../events';
import type { LabelStore } from '../labels/label-store';
import { saveReviews, type ReviewWriterDeps } from '../labels/review-writer';
import { bodyOf } from './conflict-resolver';
import type { TeamDb } from './pouch';

export interface SameNamedLabelsDeps {
  db: TeamDb;
  /** The label store whose `save` the entity mirror wrapped: a save sends the label and rule changes to the team and records removals. */
  labels: LabelStore;
  member: string;
  bus: EventBus;
  now: () => Date;
  put: (id: string, make: (prev: TeamDoc | null) => TeamDoc | null) => Promise<void>;
  /** The workspace and the store whose shard writes the bridge sends to the team. */
  reviews: ReviewWriterDeps;
}

const LABEL = 'label:';
const REVIEW = 'review:';

/**
 * Two people who each create "Delivery" while apart end up with one label: once both label documents are here,
 * the one with the smallest id stays (sameNamedLabels, the same on every desktop), the other's reviews and rules
 * move onto it, and it is removed. The label that stays records what it absorbed, so a review that still carries
 * an absorbed label (edited on a desktop that had not merged yet) is moved when it arrives.
 */
export class SameNamedLabels {
  /** Absorbed label id → the label it went into, from the replica's label documents (null: read again). */
  private absorbed: Map<string, string> | null = null;

  constructor(private readonly d: SameNamedLabelsDeps) {}

  /** After a batch of the replica's changes was applied here (`ids`: the documents it changed). */
  async afterApply(ids: readonly string[]): Promise<void> {
    if (this.d.labels.readOnly) return;
    const labelsChanged = ids.some((id) => id.startsWith(LABEL));
    const reviewIds = ids.filter((id) => id.startsWith(REVIEW)).map((id) => id.slice(REVIEW.length));
    if (labelsChanged) {
      await this.mergeSameNamed();
      this.absorbed = null;
    } else if (reviewIds.length === 0) {
      return;
    }
    const into = await this.redirects();
    if (into.size > 0) await this.moveMarks(into, labelsChanged ? null : reviewIds);
  }

  private async mergeSameNamed(): Promise<void> {
    const current = this.d.labels.current;
    const into = sameNamedLabels(current.labels);
    if (into.size === 0) return;
    const byId = new Map(current.labels.map((l) => [l.id, l]));
    for (const [loser, winner] of into) {
      const kept = byId.get(winner);
      if (kept) await this.d.put(teamDocId.label(winner), (prev) => this.absorbing(prev, kept, loser));
    }
    await this.moveMarks(into, null);
    await this.d.labels.save({
      ...current,
      labels: current.labels.filter((l) => !into.has(l.id)),
      rules: current.rules.map((r) => {
        const winner = into.get(r.labelId);
        return winner ? { ...r, labelId: winner } : r;
      }),
    });
    this.d.bus.emit('labels.changed', {});
  }

  /** Moves label marks on this folder's reviews (those with these ids, or all: null), saved the usual way so the change reaches the team. */
  private async moveMarks(into: ReadonlyMap<string, string>, reviewIds: readonly string[] | null): Promise<void> {
    const { workspace } = this.d.reviews;
    const candidates = reviewIds ? reviewIds.map((id) => workspace.get(id)).filter((r) => r !== undefined) : [...workspace.all()];
    const changed = candidates
      .filter((r) => r.labels.some((l) => into.has(l)))
      .map((r) => ({ ...r, labels: [...new Set(r.labels.map((l) => into.get(l) ?? l))] }));
    await saveReviews(this.d.reviews, changed);
  }

  /** The label document of the label that stays, with `loser` among what it absorbed. */
  private absorbing(prev: TeamDoc | null, kept: Label, loser: string): TeamDoc {
    const base = prev?.type === 'label' ? prev : { type: 'label' as const, body: { ...kept }, at: this.d.now().toISOString(), by: this.d.member, history: [] };
    return { ...base, absorbed: [...new Set([...(base.absorbed ?? []), loser])].sort() };
  }

  /** Absorbed labels that are not labels here (any more), each to the label it finally went into that is. */
  private async redirects(): Promise<Map<string, string>> {
    if (!this.absorbed) {
      const rows = (await this.d.db.allDocs({ startkey: LABEL, endkey: `${LABEL}\uffff`, include_docs: true })).rows;
      const map = new Map<string, string>();
      for (const row of rows) {
        const body = row.doc ? bodyOf(row.doc) : null;
        if (body?.type === 'label') for (const a of body.absorbed ?? []) map.set(a, row.id.slice(LABEL.length));
      }
      this.absorbed = map;
    }
    const here = new Set(this.d.labels.current.labels.map((l) => l.id));
    const out = new Map<string, string>();
    for (const from of this.absorbed.keys()) {
      if (here.has(from)) continue;
      let to = this.absorbed.get(from);
      for (let hops = 0; to !== undefined && !here.has(to) && hops < 20; hops++) to = this.absorbed.get(to);
      if (to !== undefined && here.has(to)) out.set(from, to);
    }
    return out;
  }
}
