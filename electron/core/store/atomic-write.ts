import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The few file operations the write path uses; tests pass a faulty one to simulate a full or read-only disk. */
export interface StoreFs {
  mkdir(path: string, opts: { recursive: true; mode?: number }): Promise<unknown>;
  open(path: string, flags: string, mode?: number): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, opts: { force: true }): Promise<void>;
}

export interface StoreFileHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeStoreFs: StoreFs = nodeFs;

/** Temp files are dot files ending in `.tmp` next to their target; loaders skip them and clean them up on open. */
export const isTempFileName = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix:
 * temp file in the same folder, fsync, rename over the target, fsync the folder.
 * On failure the temp file is removed and the old file is untouched. `data` may come in pieces, so a large
 * file is never one string in memory.
 */
export async function writeFileAtomic(path: string, data: string | Iterable<string>, fs: StoreFs = nodeStoreFs): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await fs.open(tmp, 'w', 0o600);
    try {
      // Pieces (a large shard, one run of reviews at a time) follow each other: writeFile on an open handle
      // writes from its current position.
      if (typeof data === 'string') await fh.writeFile(data, 'utf8');
      else for (const piece of data) await fh.writeFile(piece, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(fs, tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir, fs);
}

/** Removes a file (missing is fine) and makes the removal durable. */
export async function removeFileDurable(path: string, fs: StoreFs = nodeStoreFs): Promise<void> {
  await fs.rm(path, { force: true });
  await fsyncDir(dirname(path), fs);
}

/** On Windows a virus scanner or indexer can hold the target for a moment; try the rename a few times. */
async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

async function fsyncDir(dir: string, fs: StoreFs): Promise<void> {
  // Not every platform can open a folder for fsync (Windows); the rename is still atomic there.
  try {
    const fh = await fs.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
}
