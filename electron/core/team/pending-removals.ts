import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

/** The team documents this desktop removed locally whose removal may not be in the replica yet. */
export const TEAM_PENDING_REMOVALS_FILE = 'team-pending-removals.json';

const Journal = z.object({ schemaVersion: z.literal(1), ids: z.array(z.string().min(1)) });

/**
 * A removal (a discarded draft, a deleted label, rule or template, reviews a new demo dropped) is written here
 * durably BEFORE the local files change, and dropped once the replica has it. A crash in between leaves the id
 * here; at the next start the bridge removes it from the replica before it applies anything (so the team's copy
 * never comes back), unless the thing exists locally again (then the local files never changed).
 * `add` writes synchronously: the callers' local writes (some of them synchronous) must not reach the disk first.
 */
export class PendingRemovals {
  private readonly ids: Set<string>;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly dataDir: string) {
    this.ids = new Set(readJournal(join(dataDir, TEAM_PENDING_REMOVALS_FILE)));
  }

  list(): string[] {
    return [...this.ids];
  }

  /** Records the ids durably (fsync) before it returns. */
  add(ids: Iterable<string>): void {
    const before = this.ids.size;
    for (const id of ids) this.ids.add(id);
    if (this.ids.size !== before) this.write();
  }

  /** The replica has these removals (or they no longer apply); written soon, not waited for (a stale id is harmless). */
  done(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) changed = this.ids.delete(id) || changed;
    if (!changed || this.dirty) return;
    this.dirty = true;
    this.writing = this.writing.then(() => new Promise<void>((res) => setImmediate(() => {
      try {
        if (this.dirty) this.write();
      } catch {
        this.dirty = false; // the ids stay on disk: at the next start their removals are pushed again (already gone is fine)
      }
      res();
    })));
  }

  /** Resolves once what `done` dropped is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private write(): void {
    this.dirty = false;
    const path = join(this.dataDir, TEAM_PENDING_REMOVALS_FILE);
    if (this.ids.size === 0) {
      rmSync(path, { force: true });
      syncDir(this.dataDir);
      return;
    }
    const tmp = join(this.dataDir, `.${TEAM_PENDING_REMOVALS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify({ schemaVersion: 1, ids: [...this.ids] }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    syncDir(this.dataDir);
  }
}

function readJournal(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = Journal.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.ids : [];
  } catch {
    return [];
  }
}

/** Makes a rename or removal in the folder durable (not possible on Windows, where a rename is durable by itself). */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* Windows cannot open a folder for fsync */
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
