import { z } from 'zod';
import { GoogleStatus, SyncProgress, SyncTotals } from '../sources/google-status';
import { call, NoInput } from './fields';

/** Google Business Profile: the owner's OAuth client, sign-in, and which locations Kalm follows. */
export const googleCalls = {
  /** The connection: state, locations, last sync. */
  'google.status': call(NoInput, GoogleStatus),
  /** Starts Google sign-in; the page opens `authUrl` in the browser. `workspace.sourcesChanged` fires when it ends. */
  'google.connect': call(NoInput, z.object({ authUrl: z.string().url() })),
  /** Reads the account's locations from Google (on the first discovery every location is selected). */
  'google.discover': call(NoInput, GoogleStatus),
  /** The owner's own OAuth client (desktop type), entered in Sources when not given by the environment. */
  'google.setClient': call(
    z.object({ clientId: z.string().trim().min(10).max(300).regex(/^[\w.-]+$/, 'a client ID has only letters, digits, dots and dashes'), clientSecret: z.string().trim().max(300) }).strict(),
    GoogleStatus,
  ),
  /** The locations whose reviews Kalm syncs. */
  'google.selectLocations': call(z.object({ locationIds: z.array(z.string().min(1).max(200)).max(5000) }).strict(), GoogleStatus),
  /** Fetches the selected locations' new and changed reviews (`full`: every review again, finds deleted ones). */
  'google.sync': call(z.object({ full: z.boolean().optional() }).strict(), SyncTotals),
} as const;

export const googleEvents = {
  /** How far a running Google sync is (location n of m, reviews fetched). */
  'google.syncProgress': SyncProgress,
} as const;
