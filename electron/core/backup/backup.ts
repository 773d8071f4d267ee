import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Zippable } from 'fflate';
import { KalmError } from '../../../shared/domain/errors';
import { isTempFileName } from '../store/atomic-write';
import { LOCK_FILE } from '../store/lock';
import { fileStamp } from '../store/quarantine';
import { SECRET_FILES } from '../store/secret-files';
import { storageError } from '../store/storage-error';
import { FILE_MODE } from '../store/file-modes';
import { TEAM_REPLICA_ENTRIES } from '../team/team-config';

export interface BackupOptions {
  dataDir: string;
  /** Folder to write the zip into; default: next to the data folder. */
  targetDir?: string | undefined;
  now: () => Date;
  /** Waits until every pending write is on disk (called first, so the zip holds what was acknowledged). */
  flush: () => Promise<void>;
}

async function collect(root: string, dir: string, out: Zippable, skip: (abs: string) => boolean): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (skip(abs) || isTempFileName(entry.name)) continue;
    if (entry.isDirectory()) count += await collect(root, abs, out, skip);
    else if (entry.isFile()) {
      try {
        out[relative(root, abs).split(sep).join('/')] = new Uint8Array(await readFile(abs));
        count++;
      } catch (err) {
        // A file replaced by an atomic rename between listing and reading is read again once.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
  return count;
}

/**
 * Zips the data folder (everything but the lock file, crash leftovers, the
 * sign-ins and keys in SECRET_FILES and a team workspace's replica, which is rebuilt from the team server) into `Kalm-backup-<time>.zip`. Pending writes are flushed first; every
 * store writes whole files by atomic rename, so each file in the zip is
 * complete. The zip itself is written to a temp name and renamed.
 */
export async function backupDataFolder(opts: BackupOptions): Promise<{ path: string; files: number; bytes: number }> {
  const target = opts.targetDir ?? dirname(opts.dataDir);
  try {
    if (!(await stat(target)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new KalmError('invalid_input', `Kalm cannot write a backup into "${target}": it is not a folder.`);
  }
  await opts.flush();
  const name = `Kalm-backup-${fileStamp(opts.now())}.zip`;
  const path = join(target, name);
  const files: Zippable = {};
  const lock = join(opts.dataDir, LOCK_FILE);
  const top = (abs: string, names: ReadonlySet<string>) => dirname(abs) === opts.dataDir && names.has(basename(abs));
  const skip = (abs: string) => abs === lock || top(abs, SECRET_FILES) || top(abs, TEAM_REPLICA_ENTRIES) || /^Kalm-backup-.*\.zip$/.test(basename(abs));
  const count = await collect(opts.dataDir, opts.dataDir, files, skip);
  const { zipSync } = await import('fflate');
  const zip = zipSync(files, { level: 6, mtime: opts.now() });
  const temp = join(target, `.${name}.tmp`);
  try {
    const handle = await open(temp, 'w', FILE_MODE); // it holds every review and note: owner-only
    try {
      await handle.writeFile(zip);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw storageError(path, err);
  }
  return { path, files: count, bytes: zip.byteLength };
}
