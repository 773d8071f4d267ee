import { z } from 'zod';
import type { Review } from '../../../shared/domain/review';
import type { ReviewEdit } from '../../../shared/team/recovered-edit';
import { JournalFile } from './journal-file';
import { sameJson } from './local-docs';

/** The reviews this desktop edited whose edit may not be in the replica yet. */
export const TEAM_PENDING_EDITS_FILE = 'team-pending-edits.json';

const Edit = z.object({
  at: z.string(),
  before: z.object({ labels: z.array(z.string()), note: z.string().nullable(), assignee: z.string().nullable() }).nullable(),
});
const Journal = z.object({ schemaVersion: z.literal(1), reviews: z.record(z.string().min(1), Edit) });
type Journal = z.infer<typeof Journal>;

/**
 * A local review edit (labels, note, assignee) is written here durably, with its moment and what it changed from,
 * BEFORE the shard file changes (the bridge journals when the shard is scheduled), and dropped once
 * the replica has it. A crash in between leaves it here: at the next start the bridge does not let the replica's
 * older version replace the local review and pushes the edit merged with the team's document (recovered-edit.ts).
 * Drafts and outbox items need no journal: they carry their own `updatedAt`.
 */
export class PendingEdits {
  private readonly edits: Map<string, ReviewEdit>;
  private readonly file: JournalFile<Journal>;
  /** The local review versions already looked at. */
  private readonly seen = new WeakSet<Review>();

  constructor(dataDir: string) {
    this.file = new JournalFile(dataDir, TEAM_PENDING_EDITS_FILE, Journal);
    this.edits = new Map(Object.entries(this.file.read()?.reviews ?? {}));
  }

  entries(): [string, ReviewEdit][] {
    return [...this.edits];
  }

  /** Records the reviews whose labels, note or assignee differ from the version the team and this desktop last agreed on (`known`). */
  journal(reviews: Iterable<Review>, known: ReadonlyMap<string, Review>, at: string): void {
    const edits: [string, ReviewEdit][] = [];
    for (const r of reviews) {
      const was = known.get(r.id);
      if (!was || was === r || this.seen.has(r)) continue;
      this.seen.add(r);
      const before = { labels: was.labels, note: was.note, assignee: was.assignee };
      if (!sameJson(before, { labels: r.labels, note: r.note, assignee: r.assignee })) edits.push([r.id, { at, before }]);
    }
    this.add(edits);
  }

  /** Records the edits durably (fsync) before it returns; a review already recorded keeps what it changed from. */
  add(edits: Iterable<[string, ReviewEdit]>): void {
    let changed = false;
    for (const [id, edit] of edits) {
      const had = this.edits.get(id);
      if (had?.at === edit.at) continue;
      this.edits.set(id, had ? { at: edit.at, before: had.before } : edit);
      changed = true;
    }
    if (changed) this.file.writeNow(this.content());
  }

  /** The replica has these edits; written soon, not waited for (a stale entry only merges an edit the team has again). */
  done(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) changed = this.edits.delete(id) || changed;
    if (changed) this.file.writeSoon(() => this.content());
  }

  /** Resolves once what `done` dropped is on disk. */
  flush(): Promise<void> {
    return this.file.flush();
  }

  private content(): Journal | null {
    return this.edits.size === 0 ? null : { schemaVersion: 1, reviews: Object.fromEntries(this.edits) };
  }
}
