import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The data folder and its folders: only the owner may list or enter them. */
export const DIR_MODE = 0o700;
/** Every file Kalm writes (reviews, notes, settings, tokens, backups): only the owner may read it. */
export const FILE_MODE = 0o600;

async function tighten(path: string, mode: number): Promise<void> {
  const st = await lstat(path);
  if (st.isSymbolicLink()) return;
  if ((st.mode & 0o077) !== 0) await chmod(path, mode);
}

/**
 * Makes an existing data folder private: the folder 0700, its top-level files 0600, its folders
 * 0700 (new files are created 0600 by the atomic writer). Best effort and POSIX only: Windows
 * keeps the profile folder's per-user ACLs. Never throws (a read-only disk is reported elsewhere).
 */
export async function restrictDataFolder(dataDir: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  if (platform === 'win32') return;
  try {
    await tighten(dataDir, DIR_MODE);
    for (const entry of await readdir(dataDir, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) continue;
      await tighten(join(dataDir, entry.name), entry.isDirectory() ? DIR_MODE : FILE_MODE).catch(() => undefined);
    }
  } catch {
    /* best effort */
  }
}
