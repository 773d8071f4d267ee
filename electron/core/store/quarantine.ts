import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFileName, writeFileAtomic } from './atomic-write';
import { isProcessAlive } from './lock';

/** Files Kalm could not use are moved here, never deleted. */
export const QUARANTINE_DIR = 'quarantine';
/** The original of every file Kalm upgraded to a newer format is copied here first. */
export const BACKUPS_DIR = 'backups';

const STAMP = /\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?$/;

/** `2026-03-01T09:30:00.000Z` → `2026-03-01T09-30-00-000Z` (no characters Windows forbids in names). */
export const fileStamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

/** The reverse of fileStamp: the ISO time, or null when `stamp` is not one. */
export function parseFileStamp(stamp: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** `reviews/google--gent.json` → `reviews__google--gent.json`: one flat folder, the origin still readable. */
const flatten = (relPath: string): string => relPath.replace(/[\\/]/g, '__');

const exists = async (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** A name in `dir` (relative to the data folder) that does not exist yet: `<base>`, else `<base>-2`, `-3`, … */
async function freeName(dataDir: string, dir: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const rel = `${dir}/${n === 1 ? base : `${base}-${n}`}`;
    if (!(await exists(join(dataDir, rel)))) return rel;
  }
}

/**
 * Moves `relPath` (relative to the data folder) to `quarantine/<flattened name>.<timestamp>`
 * and returns the new relative path. Never overwrites an earlier quarantined copy. Throws when
 * the file cannot be moved (e.g. a read-only data folder); the file is then still in place.
 */
export async function quarantineFile(dataDir: string, relPath: string, at: Date): Promise<string> {
  await mkdir(join(dataDir, QUARANTINE_DIR), { recursive: true, mode: 0o700 });
  const target = await freeName(dataDir, QUARANTINE_DIR, `${flatten(relPath)}.${fileStamp(at)}`);
  await rename(join(dataDir, relPath), join(dataDir, target));
  return target;
}

/** Keeps an exact copy of a file's original text in `backups/<name>.v<version>.<timestamp>`; returns its relative path. */
export async function backupFile(dataDir: string, relPath: string, original: string, version: number, at: Date): Promise<string> {
  await mkdir(join(dataDir, BACKUPS_DIR), { recursive: true, mode: 0o700 });
  const target = await freeName(dataDir, BACKUPS_DIR, `${flatten(relPath)}.v${version}.${fileStamp(at)}`);
  await writeFileAtomic(join(dataDir, target), original);
  return target;
}

export interface QuarantinedFile {
  /** Where it is now, relative to the data folder: quarantine/reviews__google--gent.json.2026-… */
  file: string;
  /** Best guess of where it came from: reviews/google--gent.json */
  original: string;
  /** When it was moved (ISO), or null for a file someone else put there. */
  at: string | null;
  bytes: number;
}

/** What `quarantine/` holds, oldest first. Reads nothing but the folder listing. */
export async function listQuarantine(dataDir: string): Promise<QuarantinedFile[]> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, QUARANTINE_DIR));
  } catch {
    return [];
  }
  const out: QuarantinedFile[] = [];
  for (const name of names) {
    const m = STAMP.exec(name);
    const st = await lstat(join(dataDir, QUARANTINE_DIR, name)).catch(() => null);
    out.push({
      file: `${QUARANTINE_DIR}/${name}`,
      original: (m ? name.slice(0, m.index) : name).replace(/__/g, '/'),
      at: m?.[1] ? parseFileStamp(m[1]) : null,
      bytes: st?.isFile() ? st.size : 0,
    });
  }
  return out.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || a.file.localeCompare(b.file));
}

/**
 * Temp files (`.<name>.<pid>.<random>.tmp`) in `relDir` left by a save that never finished:
 * their writer is gone. A temp file of a running process (this one included) is not listed.
 */
export async function leftoverTempFiles(dataDir: string, relDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, relDir));
  } catch {
    return [];
  }
  return names
    .filter(isTempFileName)
    .filter((name) => {
      const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1]);
      return !(Number.isInteger(pid) && pid > 0 && isProcessAlive(pid));
    })
    .map((name) => (relDir === '' ? name : `${relDir}/${name}`));
}

/** Removes leftover temp files; the file each belonged to is intact (it is only ever replaced by rename). */
export async function removeLeftoverTempFiles(dataDir: string, relDirs: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of relDirs) {
    for (const rel of await leftoverTempFiles(dataDir, dir)) {
      const ok = await rm(join(dataDir, rel), { force: true }).then(
        () => true,
        () => false,
      );
      if (ok) removed.push(rel);
    }
  }
  return removed;
}
