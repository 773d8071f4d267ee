import { chmod, readFile, stat } from 'node:fs/promises';
import { KalmError } from '../../../shared/domain/errors';
import { writeFileAtomic } from './atomic-write';

/**
 * Files only the owner may read (the Google sign-in, the Play service-account key, the keychain-encrypted copies):
 * mode 0600 on POSIX, written atomically. Which files these are is store/secret-files.ts.
 */

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** Makes sure only the owner can read a secrets file (POSIX only; Windows uses per-user ACLs on the profile folder). */
async function ensureOwnerOnly(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) await chmod(path, 0o600);
}

/** Reads a secrets file after fixing its mode; null when it does not exist. */
export async function readSecretFile(path: string): Promise<string | null> {
  try {
    await ensureOwnerOnly(path);
    return await readFile(path, 'utf8');
  } catch (err) {
    if (isMissing(err)) return null;
    throw new KalmError('storage', `Kalm could not read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

/** Writes a secrets file atomically with mode 0600. */
export async function writeSecretFile(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
    await ensureOwnerOnly(path);
  } catch (err) {
    throw new KalmError('storage', `Kalm could not save ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}
