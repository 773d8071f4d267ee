import { KalmError } from '../../../shared/domain/errors';

/** Why a file operation failed, in words a shop owner understands. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'your disk quota is used up';
    case 'EROFS':
      return 'the data folder is on a read-only disk';
    case 'EACCES':
    case 'EPERM':
      return 'Kalm is not allowed to write in the data folder';
    case 'EBUSY':
      return 'another program is holding the file';
    case 'EIO':
      return 'the disk reported a read or write error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'ENOENT':
      return 'the data folder is missing';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/**
 * The error a failed save turns into. `file` is relative to the data folder, e.g. drafts/x.json.
 * Saved files are only ever replaced atomically, so the previous version is always intact.
 */
export function storageError(file: string, err: unknown): KalmError {
  if (err instanceof KalmError) return err;
  return new KalmError('storage', `Kalm could not save ${file}: ${describeFsError(err)}. Nothing already saved was lost; Kalm will try again.`);
}
