import { z } from 'zod';
import { JournalFile } from './journal-file';

/** The team documents this desktop removed locally whose removal may not be in the replica yet. */
export const TEAM_PENDING_REMOVALS_FILE = 'team-pending-removals.json';

const Journal = z.object({ schemaVersion: z.literal(1), ids: z.array(z.string().min(1)) });
type Journal = z.infer<typeof Journal>;

/**
 * A removal (a discarded draft, a deleted label, rule or template, reviews a new demo dropped) is written here
 * durably BEFORE the local files change, and dropped once the replica has it. A crash in between leaves the id
 * here; at the next start the bridge removes it from the replica before it applies anything (so the team's copy
 * never comes back), unless the thing exists locally again (then the local files never changed).
 * `add` writes synchronously: the callers' local writes (some of them synchronous) must not reach the disk first.
 */
export class PendingRemovals {
  private readonly ids: Set<string>;
  private readonly file: JournalFile<Journal>;

  constructor(dataDir: string) {
    this.file = new JournalFile(dataDir, TEAM_PENDING_REMOVALS_FILE, Journal);
    this.ids = new Set(this.file.read()?.ids ?? []);
  }

  list(): string[] {
    return [...this.ids];
  }

  /** Records the ids durably (fsync) before it returns. */
  add(ids: Iterable<string>): void {
    const before = this.ids.size;
    for (const id of ids) this.ids.add(id);
    if (this.ids.size !== before) this.file.writeNow(this.content());
  }

  /** The replica has these removals (or they no longer apply); written soon, not waited for (a stale id is harmless). */
  done(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) changed = this.ids.delete(id) || changed;
    if (changed) this.file.writeSoon(() => this.content());
  }

  /** Resolves once what `done` dropped is on disk. */
  flush(): Promise<void> {
    return this.file.flush();
  }

  private content(): Journal | null {
    return this.ids.size === 0 ? null : { schemaVersion: 1, ids: [...this.ids] };
  }
}
