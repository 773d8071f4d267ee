import { z } from 'zod';
import { JournalFile } from './journal-file';

/** The labels, rules and templates this desktop edited whose edit may not be in the replica yet. */
export const TEAM_PENDING_ENTITY_EDITS_FILE = 'team-pending-entity-edits.json';

const Journal = z.object({ schemaVersion: z.literal(1), edits: z.record(z.string().min(1), z.string()) });
type Journal = z.infer<typeof Journal>;

/**
 * A local edit of a label, rule or template is written here durably (its document id and moment) BEFORE the local
 * files change, and dropped once the replica has it. A crash in between leaves it here: at the next start applying
 * the replica does not let the team's (older) document replace the local one, and the local version is pushed
 * merged with the team's document by the merge rules (recovered-entities.ts): the later edit wins, the other is
 * kept in the history.
 */
export class PendingEntityEdits {
  private readonly edits: Map<string, string>;
  private readonly file: JournalFile<Journal>;

  constructor(dataDir: string) {
    this.file = new JournalFile(dataDir, TEAM_PENDING_ENTITY_EDITS_FILE, Journal);
    this.edits = new Map(Object.entries(this.file.read()?.edits ?? {}));
  }

  /** Document id and moment of each edit the replica may not have. */
  entries(): [string, string][] {
    return [...this.edits];
  }

  /** Records the edits durably (fsync) before it returns. */
  add(ids: readonly string[], at: string): void {
    let changed = false;
    for (const id of ids) {
      if (this.edits.get(id) === at) continue;
      this.edits.set(id, at);
      changed = true;
    }
    if (changed) this.file.writeNow(this.content());
  }

  /** The replica has these edits (an entry a later edit replaced stays); written soon, not waited for (a stale entry only merges an edit the team has again). */
  done(entries: Iterable<[string, string]>): void {
    let changed = false;
    for (const [id, at] of entries) {
      if (this.edits.get(id) !== at) continue;
      this.edits.delete(id);
      changed = true;
    }
    if (changed) this.file.writeSoon(() => this.content());
  }

  /** Resolves once what `done` dropped is on disk. */
  flush(): Promise<void> {
    return this.file.flush();
  }

  private content(): Journal | null {
    return this.edits.size === 0 ? null : { schemaVersion: 1, edits: Object.fromEntries(this.edits) };
  }
}
