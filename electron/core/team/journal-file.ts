import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';

/**
 * A small journal file in the data folder that must be on disk before the change it records (pending-removals.ts,
 * pending-edits.ts): `writeNow` writes it synchronously with fsync (file and folder), atomically (temp + rename),
 * or removes it when there is nothing left; `writeSoon` does the same a moment later for entries that were only
 * dropped (a stale entry is harmless, so nothing waits for it). `read` gives the parsed content, or null when the
 * file is missing or not a journal of this shape.
 */
export class JournalFile<T> {
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly dataDir: string, private readonly name: string, private readonly schema: z.ZodType<T>) {}

  read(): T | null {
    try {
      const parsed = this.schema.safeParse(JSON.parse(readFileSync(join(this.dataDir, this.name), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Writes `content` durably before it returns; null removes the file. */
  writeNow(content: T | null): void {
    this.dirty = false;
    const path = join(this.dataDir, this.name);
    if (content === null) {
      rmSync(path, { force: true });
      syncDir(this.dataDir);
      return;
    }
    const tmp = join(this.dataDir, `.${this.name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(content));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    syncDir(this.dataDir);
  }

  /** Writes what `content()` gives then, soon and once however often it is called meanwhile; a failed write leaves the older file. */
  writeSoon(content: () => T | null): void {
    if (this.dirty) return;
    this.dirty = true;
    this.writing = this.writing.then(() => new Promise<void>((res) => setImmediate(() => {
      try {
        if (this.dirty) this.writeNow(content());
      } catch {
        this.dirty = false; // the older file stays: at the next start its entries are handled again (already done is fine)
      }
      res();
    })));
  }

  /** Resolves once what `writeSoon` was asked for is on disk. */
  flush(): Promise<void> {
    return this.writing;
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
