import { z } from 'zod';
import { IsoTime } from './review';

export const StoreProblemKind = z.enum(['quarantined', 'newer-version', 'unreadable', 'migrated', 'write-failed']);
export type StoreProblemKind = z.infer<typeof StoreProblemKind>;

/** A file in the data folder that Kalm could not use as it is, and what it did about it. */
export const StoreProblem = z.object({
  /** Path relative to the data folder, e.g. reviews/google--gent.json. */
  file: z.string(),
  kind: StoreProblemKind,
  /** A sentence a shop owner understands, naming the file and why. */
  reason: z.string(),
  /** Where the file was moved (quarantine/…), or null when it was left in place. */
  movedTo: z.string().nullable(),
  at: IsoTime,
});
export type StoreProblem = z.infer<typeof StoreProblem>;
