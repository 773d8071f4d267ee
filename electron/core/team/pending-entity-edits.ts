import { z } from 'zod';
import { JournalFile } from './journal-file';

/** The labels, rules and templates this desktop edited whose edit may not be in the replica yet. */
export const TEAM_PENDING_ENTITY_EDITS_FILE = 'team-pending-entity-edits.json';

const RuleOrderEdit = z.object({ ids: z.array(z.string().min(1)), at: z.string() });
/** A new order of the rules made here: the rule ids in that order and the moment of the edit. */
export type RuleOrderEdit = z.infer<typeof RuleOrderEdit>;

const Journal = z.object({ schemaVersion: z.literal(1), edits: z.record(z.string().min(1), z.string()), ruleOrder: RuleOrderEdit.optional() });
type Journal = z.infer<typeof Journal>;

/**
 * A local edit of a label, rule or template is written here durably (its document id and moment) BEFORE the local
 * files change, and dropped once the replica has it. A crash in between leaves it here: at the next start applying
 * the replica does not let the team's (older) document replace the local one, and the local version is pushed
 * merged with the team's document by the merge rules (recovered-entities.ts): the later edit wins, the other is
 * kept in the history. A new order of the rules is kept the same way, with its ids (rule-order.ts).
 */
export class PendingEntityEdits {
  private readonly edits: Map<string, string>;
  private order: RuleOrderEdit | null;
  private readonly file: JournalFile<Journal>;

  constructor(dataDir: string) {
    this.file = new JournalFile(dataDir, TEAM_PENDING_ENTITY_EDITS_FILE, Journal);
    const read = this.file.read();
    this.edits = new Map(Object.entries(read?.edits ?? {}));
    this.order = read?.ruleOrder ?? null;
  }

  /** Document id and moment of each edit the replica may not have. */
  entries(): [string, string][] {
    return [...this.edits];
  }

  /** The order of the rules made here that the replica may not have (null: none). */
  ruleOrder(): RuleOrderEdit | null {
    return this.order;
  }

  /** Records the edits (and a new order of the rules) durably (fsync) before it returns. */
  add(ids: readonly string[], at: string, ruleOrder: readonly string[] | null = null): void {
    let changed = false;
    for (const id of ids) {
      if (this.edits.get(id) === at) continue;
      this.edits.set(id, at);
      changed = true;
    }
    if (ruleOrder) {
      this.order = { ids: [...ruleOrder], at };
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

  /** The replica has the order of the rules made at `at` (a later one stays); written soon, as `done`. */
  ruleOrderDone(at: string): void {
    if (this.order?.at !== at) return;
    this.order = null;
    this.file.writeSoon(() => this.content());
  }

  /** Resolves once what `done` dropped is on disk. */
  flush(): Promise<void> {
    return this.file.flush();
  }

  private content(): Journal | null {
    if (this.edits.size === 0 && !this.order) return null;
    return { schemaVersion: 1, edits: Object.fromEntries(this.edits), ...(this.order ? { ruleOrder: this.order } : {}) };
  }
}
