import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { Review } from '../../../shared/domain/review';
import type { ReviewEdit } from '../../../shared/team/recovered-edit';
import { sameJson } from './local-docs';

/** The reviews this desktop edited whose edit may not be in the replica yet. */
export const TEAM_PENDING_EDITS_FILE = 'team-pending-edits.json';

const Edit = z.object({
  at: z.string(),
  before: z.object({ labels: z.array(z.string()), note: z.string().nullable(), assignee: z.string().nullable() }).nullable(),
});
const Journal = z.object({ schemaVersion: z.literal(1), reviews: z.record(z.string().min(1), Edit) });

/**
 * A local review edit (labels, note, assignee) is written here durably, with its moment and what it changed from,
 * BEFORE the shard file changes (the bridge journals when the shard is scheduled), and dropped once
 * the replica has it. A crash in between leaves it here: at the next start the bridge does not let the replica's
 * older version replace the local review and pushes the edit merged with the team's document (recovered-edit.ts).
 * Drafts and outbox items need no journal: they carry their own `updatedAt`.
 */
export class PendingEdits {
  private readonly edits: Map<string, ReviewEdit>;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  /** The local review versions already looked at. */
  private readonly seen = new WeakSet<Review>();

  constructor(private readonly dataDir: string) {
    this.edits = new Map(Object.entries(readJournal(join(dataDir, TEAM_PENDING_EDITS_FILE))));
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
    if (changed) this.write();
  }

  /** The replica has these edits; written soon, not waited for (a stale entry only merges an edit the team has again). */
  done(ids: Iterable<string>): void {
    let changed = false;
    for (const id of ids) changed = this.edits.delete(id) || changed;
    if (!changed || this.dirty) return;
    this.dirty = true;
    this.writing = this.writing.then(() => new Promise<void>((res) => setImmediate(() => {
      try {
        if (this.dirty) this.write();
      } catch {
        this.dirty = false;
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
    const path = join(this.dataDir, TEAM_PENDING_EDITS_FILE);
    if (this.edits.size === 0) {
      rmSync(path, { force: true });
      return;
    }
    const tmp = join(this.dataDir, `.${TEAM_PENDING_EDITS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify({ schemaVersion: 1, reviews: Object.fromEntries(this.edits) }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    syncDir(this.dataDir);
  }
}

function readJournal(path: string): Record<string, ReviewEdit> {
  try {
    const parsed = Journal.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.reviews : {};
  } catch {
    return {};
  }
}

/** Makes a rename in the folder durable (not possible on Windows, where a rename is durable by itself). */
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
