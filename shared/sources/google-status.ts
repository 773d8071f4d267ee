import { z } from 'zod';
import { IsoTime } from '../domain/review';

export const GoogleLocationStatus = z.object({
  locationId: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  accountName: z.string(),
  accountDisplayName: z.string(),
  selected: z.boolean(),
  lastSyncAt: IsoTime.nullable(),
});
export type GoogleLocationStatus = z.infer<typeof GoogleLocationStatus>;

/** What the Sources screen shows about the Google Business Profile connection. */
export const GoogleStatus = z.object({
  /** An OAuth client id is known (KALM_GOOGLE_CLIENT_ID or Settings). */
  configured: z.boolean(),
  /** The client is the publisher's own, built into this Kalm: Sources shows just "Sign in with Google" (the owner's own client stays under Advanced). */
  builtInClient: z.boolean().optional(),
  connected: z.boolean(),
  needsReconnect: z.boolean(),
  /** A sign-in is waiting for the user to finish in the browser. */
  signingIn: z.boolean(),
  lastSyncAt: IsoTime.nullable(),
  /** The last error in words a shop owner understands, with a fix hint. */
  lastError: z.string().nullable(),
  locations: z.array(GoogleLocationStatus),
});
export type GoogleStatus = z.infer<typeof GoogleStatus>;

export const SyncTotals = z.object({
  locations: z.number().int(),
  reviews: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
});
export type SyncTotals = z.infer<typeof SyncTotals>;

export const SyncProgress = z.object({
  locationIndex: z.number().int(),
  locationCount: z.number().int(),
  reviewsFetched: z.number().int(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;
