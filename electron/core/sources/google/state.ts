import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IsoTime } from '../../../../shared/domain/review';
import { writeFileAtomic } from '../../store/atomic-write';
import { assertWritableFile } from '../../store/workspace-files';

export const GOOGLE_STATE_FILE = 'google-source.json';

export const GoogleLocationState = z.object({
  /** Kalm's location id (Google's `locations/{l}` id part). */
  locationId: z.string().min(1),
  /** `accounts/{a}/locations/{l}`: the v4 reviews parent. */
  v4Parent: z.string().min(1),
  accountName: z.string(),
  accountDisplayName: z.string(),
  selected: z.boolean(),
  /** updateTime of the newest review seen; an incremental sync stops there. */
  highWater: IsoTime.nullable(),
  lastSyncAt: IsoTime.nullable(),
  lastFullSyncAt: IsoTime.nullable(),
});
export type GoogleLocationState = z.infer<typeof GoogleLocationState>;

/** What Kalm remembers about the Google connection (no tokens: those are in the token vault). */
export const GoogleState = z.object({
  schemaVersion: z.literal(1),
  needsReconnect: z.boolean(),
  lastSyncAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
  locations: z.array(GoogleLocationState),
});
export type GoogleState = z.infer<typeof GoogleState>;

export const emptyGoogleState = (): GoogleState => ({ schemaVersion: 1, needsReconnect: false, lastSyncAt: null, lastError: null, locations: [] });

/** Reads google-source.json; a missing file is a fresh state, a broken one is an error the caller reports. */
export async function loadGoogleState(dataDir: string): Promise<GoogleState> {
  let text: string;
  try {
    text = await readFile(join(dataDir, GOOGLE_STATE_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyGoogleState();
    throw err;
  }
  return GoogleState.parse(JSON.parse(text));
}

export async function saveGoogleState(dataDir: string, state: GoogleState): Promise<void> {
  // A google-source.json from a newer Kalm (see store/data-files.ts) is never written over.
  assertWritableFile(dataDir, GOOGLE_STATE_FILE);
  await writeFileAtomic(join(dataDir, GOOGLE_STATE_FILE), JSON.stringify(state, null, 2) + '\n');
}
