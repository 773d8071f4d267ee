import { z } from 'zod';
import { IsoTime } from '../domain/review';
import { MAX_KEY_FILE_CHARS, ServiceAccountInfo } from './service-account';

const PackageName = z.string().trim().min(3).max(150).regex(/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/, 'an Android package name looks like com.example.app');

export const PlayStatus = z.object({
  /** Apps Kalm knows; `followed: false` = not synced any more (their reviews stay). */
  apps: z.array(z.object({ packageName: z.string(), lastSyncAt: IsoTime.nullable(), followed: z.boolean().default(true) })),
  signingIn: z.boolean(),
  lastError: z.string().nullable(),
  /** The service account Kalm signs in with; null = the Google sign-in (OAuth). */
  serviceAccount: ServiceAccountInfo.nullable().default(null),
});
export type PlayStatus = z.infer<typeof PlayStatus>;

export const PlaySyncTotals = z.object({
  apps: z.number().int(),
  fetched: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  warnings: z.array(z.string()),
});
export type PlaySyncTotals = z.infer<typeof PlaySyncTotals>;

/** `translationLanguage`: what Play translates reviews into (the page's UI language; default the Settings language). */
export const PlaySyncInput = z.object({ translationLanguage: z.enum(['en', 'nl']).optional() }).strict();

/** The key file's text (read in the page from the chosen file, or pasted). */
export const PlayConnectKeyInput = z.object({ packageName: PackageName, key: z.string().min(1, 'choose or paste the JSON key file').max(MAX_KEY_FILE_CHARS, 'a key file is about 2,300 characters; this is not one') }).strict();
