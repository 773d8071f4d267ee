import { z } from 'zod';
import { IsoTime } from './review';

export const StoreProblemKind = z.enum(['quarantined', 'newer-version', 'unreadable', 'migrated', 'write-failed']);
export type StoreProblemKind = z.infer<typeof StoreProblemKind>;

/** What the owner lost with a file Kalm set aside, shown in their language by the banner ("Google sign-in: connect again"). */
export const StoreProblemLost = z.enum(['settings', 'google-connection', 'google-sign-in', 'play-apps', 'play-key']);
export type StoreProblemLost = z.infer<typeof StoreProblemLost>;

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
  /** What the owner lost and what to do, when Kalm knows (single files like the Google sign-in). */
  lost: StoreProblemLost.optional(),
});
export type StoreProblem = z.infer<typeof StoreProblem>;
