import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../../../../shared/domain/errors';
import type { Location } from '../../../../shared/domain/location';
import { IsoTime, type Review } from '../../../../shared/domain/review';
import type { Source } from '../../../../shared/domain/source';
import { PLAY_SOURCE } from '../../../../shared/play/map-review';
import type { PlaySyncTotals } from '../../../../shared/play/status';
import type { GoogleRoots } from '../../google-api/endpoints';
import type { ServiceAccountInfo } from '../../../../shared/play/service-account';
import { writeFileAtomic } from '../../store/atomic-write';
import { isReadOnlyFile } from '../../store/workspace-files';
import { GoogleApiError } from '../../google-api/errors';
import { createPlayApi, type PlayApi } from './api';
import type { PlayAuth } from './auth';
import { syncPlay } from './sync';

export const PLAY_STATE_FILE = 'play-source.json';

export const PlayState = z.object({
  schemaVersion: z.literal(1),
  /** `followed: false`: the owner stopped following the app; its reviews stay, it is not synced (a file without it: followed). */
  apps: z.array(z.object({ packageName: z.string().min(1), lastSyncAt: IsoTime.nullable(), followed: z.boolean().default(true) })),
});
export type PlayState = z.infer<typeof PlayState>;

/** Android package names: letters, digits and underscores in dot-separated parts. */
export const PACKAGE_NAME = /^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/;


export interface PlayService {
  apps(): Promise<PlayState['apps']>;
  /** Adds an app to follow (after the Google sign-in that granted the androidpublisher scope). */
  addApp(packageName: string): Promise<void>;
  /** Stops syncing an app (a typo, an app sold); its reviews and history stay. `addApp` follows it again. */
  unfollowApp(packageName: string): Promise<void>;
  /** Checks a service-account JSON key with Google, stores it (instead of the Google sign-in) and follows the app. */
  connectWithKey(packageName: string, keyText: string): Promise<ServiceAccountInfo>;
  /** Forgets the stored key: Play uses the Google sign-in again. */
  forgetKey(): Promise<void>;
  /** The stored service account (null: the Google sign-in is used). */
  serviceAccount(): Promise<ServiceAccountInfo | null>;
  /** The Play API over the key or the Google sign-in (the outbox publishes through it). */
  api(): Promise<PlayApi>;
  /** `translationLanguage` (default: the owner's UI language) asks Play for a translation, kept apart from the original. */
  sync(opts?: { translationLanguage?: string }): Promise<PlaySyncTotals>;
}

export interface PlayServiceDeps {
  dataDir: string;
  roots: GoogleRoots;
  auth: PlayAuth;
  /** The owner's UI language (Settings, else the system's): what Play translates reviews into. */
  uiLanguage: () => string | undefined;
  now: () => Date;
  workspace: {
    get(id: string): Review | undefined;
    /** Replaces the Play source and its locations (one per app). */
    setSource(source: Source, locations: Location[]): Promise<void>;
    apply(reviews: readonly Review[]): Promise<void>;
  };
}

async function load(dataDir: string): Promise<PlayState> {
  // A play-source.json from a newer Kalm (see store/data-files.ts) is left as it is: say so instead of a parse error.
  if (isReadOnlyFile(dataDir, PLAY_STATE_FILE)) {
    throw new KalmError('storage', `Kalm cannot use ${PLAY_STATE_FILE}: it was saved by a newer version of Kalm or could not be read, and is left as it is. Update Kalm to use Google Play here; your reviews are kept.`);
  }
  let text: string;
  try {
    text = await readFile(join(dataDir, PLAY_STATE_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 1, apps: [] };
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = PlayState.safeParse(raw);
  // A broken file is set aside when a writing Kalm starts (store/data-files.ts); until then, say which file and what to do.
  if (!parsed.success) throw new KalmError('storage', `Kalm cannot read ${PLAY_STATE_FILE} (the list of Google Play apps it follows). Run \`kalm doctor\`; opening Kalm moves the file to quarantine/ and you add your apps again. Your reviews are kept.`);
  return parsed.data;
}

/** Google Play apps followed by Kalm: the list of packages, their sync times, and syncing them into the store. */
export function createPlayService(deps: PlayServiceDeps): PlayService {
  const save = (state: PlayState) => writeFileAtomic(join(deps.dataDir, PLAY_STATE_FILE), JSON.stringify(state, null, 2) + '\n');
  const source = (state: PlayState): Source => ({
    id: PLAY_SOURCE, kind: 'google-play', name: 'Google Play', state: 'connected',
    lastSyncAt: state.apps.map((a) => a.lastSyncAt).filter((t): t is string => t !== null).sort().at(-1) ?? null,
  });
  const locations = (state: PlayState): Location[] =>
    state.apps.map((a) => ({ id: a.packageName, source: PLAY_SOURCE, name: a.packageName, storeCode: null, address: null, mapsUrl: `https://play.google.com/store/apps/details?id=${a.packageName}`, newReviewUrl: null }));

  const checkPackage = (packageName: string) => {
    if (!PACKAGE_NAME.test(packageName)) throw new KalmError('invalid_input', `"${packageName.slice(0, 100)}" is not an Android package name (like com.example.app).`);
  };
  const api = async () => createPlayApi({ http: await deps.auth.http(), roots: deps.roots });
  async function addApp(packageName: string): Promise<void> {
    checkPackage(packageName);
    const state = await load(deps.dataDir);
    const known = state.apps.find((a) => a.packageName === packageName);
    if (known) known.followed = true;
    else state.apps.push({ packageName, lastSyncAt: null, followed: true });
    await save(state);
    await deps.workspace.setSource(source(state), locations(state));
  }
  async function unfollowApp(packageName: string): Promise<void> {
    const state = await load(deps.dataDir);
    const app = state.apps.find((a) => a.packageName === packageName);
    if (!app) throw new KalmError('not_found', `Kalm does not follow "${packageName.slice(0, 100)}" on Google Play.`);
    app.followed = false;
    await save(state);
    await deps.workspace.setSource(source(state), locations(state));
  }


  return {
    apps: async () => (await load(deps.dataDir)).apps,
    api,
    serviceAccount: () => deps.auth.serviceAccount(),
    forgetKey: () => deps.auth.forgetKey(),
    async connectWithKey(packageName, keyText) {
      checkPackage(packageName);
      const info = await deps.auth.useKey(keyText);
      await addApp(packageName);
      return info;
    },
    addApp,
    unfollowApp,
    async sync(opts = {}) {
      const state = await load(deps.dataDir);
      const followed = state.apps.filter((a) => a.followed);
      if (followed.length === 0) throw new KalmError('invalid_input', 'No Google Play app is followed. Run `kalm connect play --package <name>` first, or follow one again in Sources.');
      const play = await api();
      const translationLanguage = opts.translationLanguage ?? deps.uiLanguage();
      const totals: PlaySyncTotals = { apps: 0, fetched: 0, new: 0, updated: 0, warnings: [] };
      for (const app of followed) {
        let result: Awaited<ReturnType<typeof syncPlay>>;
        try {
          result = await syncPlay({
            api: play, packageName: app.packageName, existing: (id) => deps.workspace.get(id), lastSyncAt: app.lastSyncAt, now: deps.now,
            ...(translationLanguage ? { translationLanguage } : {}),
          });
        } catch (err) {
          // One app Google does not show (a typo, no access for this account) does not stop the others.
          if (!(err instanceof GoogleApiError && (err.problem === 'not_found' || err.problem === 'permission')) || followed.length === 1) throw err;
          totals.warnings.push(`${app.packageName}: ${err.message}`);
          continue;
        }
        await deps.workspace.apply(result.reviews);
        app.lastSyncAt = result.syncedAt;
        await save(state);
        totals.apps++;
        totals.fetched += result.fetched;
        totals.new += result.added;
        totals.updated += result.updated;
        if (result.warning) totals.warnings.push(`${app.packageName}: ${result.warning}`);
      }
      await deps.workspace.setSource(source(state), locations(state));
      return totals;
    },
  };
}
