import { z } from 'zod';
import { call } from './fields';

export const BackupResult = z.object({ path: z.string(), files: z.number().int(), bytes: z.number().int() });

/** Backups of the data folder. */
export const backupCalls = {
  /** Writes a zip of the data folder (without the lock file) next to it, or into `targetDir`. */
  'backup.create': call(z.object({ targetDir: z.string().min(1).max(2000).optional() }).strict(), BackupResult),
} as const;
