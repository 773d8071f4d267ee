import type { Location } from '../../../../shared/domain/location';
import { KalmError } from '../../../../shared/domain/errors';
import type { Review } from '../../../../shared/domain/review';
import type { Source } from '../../../../shared/domain/source';
import type { GoogleStatus, SyncProgress, SyncTotals } from '../../../../shared/sources/google-status';
import { createGoogleAuth, isReconnectNeeded, type GoogleAuth } from './auth-client';
import { createBusinessApi, type BusinessApi } from './business-api';
import type { GoogleRoots } from '../../google-api/endpoints';
import type { GoogleClientConfig } from './config';
import { discoverLocations } from './discovery';
import { GoogleApiError } from '../../google-api/errors';
import type { GoogleHttp } from '../../google-api/http';
import { googleScopes } from './oauth';
import { syncGoogle } from './sync';
import type { TokenVault } from './token-vault';
import { emptyGoogleState, loadGoogleState, saveGoogleState, type GoogleState } from './state';

/** What the Google source needs from the rest of the core. */
export interface GoogleServiceDeps {
  dataDir: string;
  roots: GoogleRoots;
  client: () => GoogleClientConfig | null;
  vault: TokenVault;
  now: () => Date;
  workspace: {
    sources(): Source[];
    locations(): Location[];
    /** Replaces the Google source and its locations (dropping the demo if it is loaded). */
    setGoogle(source: Source, locations: Location[]): Promise<void>;
    reviewsAt(locationId: string): readonly Review[];
    /** Applies synced reviews and writes the touched shards durably. */
    apply(reviews: readonly Review[]): Promise<void>;
  };
  assertWritable(): void;
  emit: { changed(): void; progress(p: SyncProgress): void; reviewsChanged(count: number): void };
}

export interface GoogleService {
  status(): Promise<GoogleStatus>;
  /**
   * Starts the consent flow; resolves with the URL to open once it is known. The flow finishes in the background.
   * `play` asks for the androidpublisher scope too and does not look for Business Profile locations.
   */
  beginConnect(opts?: { play?: boolean }): Promise<{ authUrl: string; done: Promise<void> }>;
  /** The authorised HTTP seam of the signed-in Google account (Google Play uses it). */
  http(): GoogleHttp;
  discover(): Promise<GoogleStatus>;
  selectLocations(ids: readonly string[]): Promise<GoogleStatus>;
  sync(opts: { full: boolean }): Promise<SyncTotals>;
  /** What the outbox publisher needs: the API, and each location's v4 parent (null: not a known Google location). */
  publishContext(): { api: BusinessApi; v4ParentOf(locationId: string): string | null };
}

const GOOGLE: Omit<Source, 'state' | 'lastSyncAt'> = { id: 'google', kind: 'google-business', name: 'Google' };
const DAY_MS = 24 * 60 * 60 * 1000;

export async function createGoogleService(deps: GoogleServiceDeps): Promise<GoogleService> {
  let state: GoogleState = await loadGoogleState(deps.dataDir).catch(() => emptyGoogleState());
  let signingIn = false;
  let auth: { client: GoogleClientConfig; auth: GoogleAuth; api: BusinessApi } | null = null;

  const clientOrThrow = (): GoogleClientConfig => {
    const client = deps.client();
    if (!client) {
      throw new KalmError('forbidden', 'Kalm needs your own Google OAuth client to connect: set KALM_GOOGLE_CLIENT_ID and KALM_GOOGLE_CLIENT_SECRET (the README explains each step).');
    }
    return client;
  };
  const connection = () => {
    const client = clientOrThrow();
    if (!auth || auth.client.clientId !== client.clientId) {
      const a = createGoogleAuth({ roots: deps.roots, client, vault: deps.vault });
      auth = { client, auth: a, api: createBusinessApi({ http: a.http, roots: deps.roots }) };
    }
    return auth;
  };
  const save = async (next: GoogleState) => {
    state = next;
    await saveGoogleState(deps.dataDir, state);
    deps.emit.changed();
  };
  const googleSource = (): Source | undefined => deps.workspace.sources().find((s) => s.id === GOOGLE.id && s.state !== 'demo');

  /** Remembers a failure in words the owner understands; a revoked grant marks the source for reconnecting. */
  const fail = async (err: unknown): Promise<never> => {
    const reconnect = isReconnectNeeded(err) || (err instanceof GoogleApiError && err.problem === 'auth');
    const message = err instanceof KalmError ? err.message : 'Kalm could not reach Google. Your reviews are kept; try again later.';
    await save({ ...state, needsReconnect: state.needsReconnect || reconnect, lastError: message });
    const source = googleSource();
    if (reconnect && source) await deps.workspace.setGoogle({ ...source, state: 'needsReconnect' }, googleLocations());
    throw err instanceof KalmError ? err : new KalmError('internal', message);
  };
  const googleLocations = () => deps.workspace.locations().filter((l) => l.source === GOOGLE.id);

  async function status(): Promise<GoogleStatus> {
    const client = deps.client();
    const hasTokens = client ? await connection().auth.hasTokens().catch(() => false) : false;
    const byId = new Map(googleLocations().map((l) => [l.id, l]));
    return {
      configured: client !== null,
      builtInClient: client?.publisher === true,
      connected: hasTokens && googleSource() !== undefined,
      needsReconnect: state.needsReconnect,
      signingIn,
      lastSyncAt: state.lastSyncAt,
      lastError: state.lastError,
      locations: state.locations.map((l) => ({
        locationId: l.locationId,
        name: byId.get(l.locationId)?.name ?? l.locationId,
        address: byId.get(l.locationId)?.address ?? null,
        accountName: l.accountName,
        accountDisplayName: l.accountDisplayName,
        selected: l.selected,
        lastSyncAt: l.lastSyncAt,
      })),
    };
  }

  async function discover(): Promise<GoogleStatus> {
    deps.assertWritable();
    const { api } = connection();
    const found = await discoverLocations(api).catch(fail);
    // A location removed from the workspace since (Sources → Remove) starts afresh: its old high-water mark would make
    // the next sync read only what changed after it, and the reviews the removal took would not come back.
    const held = new Set(googleLocations().map((l) => l.id));
    const previous = new Map(state.locations.filter((l) => held.has(l.locationId)).map((l) => [l.locationId, l]));
    const firstTime = state.locations.length === 0;
    await save({
      ...state,
      lastError: found.skippedAccounts.length ? found.skippedAccounts.map((s) => s.message).join(' ') : null,
      locations: found.locations.map((d) => ({
        locationId: d.location.id,
        v4Parent: d.v4Parent,
        accountName: d.accountName,
        accountDisplayName: d.accountDisplayName,
        // On the first discovery every location is chosen; the owner can switch them off in Sources.
        selected: previous.get(d.location.id)?.selected ?? firstTime,
        highWater: previous.get(d.location.id)?.highWater ?? null,
        lastSyncAt: previous.get(d.location.id)?.lastSyncAt ?? null,
        lastFullSyncAt: previous.get(d.location.id)?.lastFullSyncAt ?? null,
      })),
    });
    await deps.workspace.setGoogle(
      { ...GOOGLE, state: state.needsReconnect ? 'needsReconnect' : 'connected', lastSyncAt: state.lastSyncAt },
      found.locations.map((d) => d.location),
    );
    return status();
  }

  async function beginConnect(opts: { play?: boolean } = {}): Promise<{ authUrl: string; done: Promise<void> }> {
    deps.assertWritable();
    const { auth: a } = connection();
    if (signingIn) throw new KalmError('forbidden', 'A Google sign-in is already waiting in your browser. Finish it there, or wait five minutes and try again.');
    signingIn = true;
    deps.emit.changed();
    let gotUrl: (url: string) => void = () => undefined;
    const urlKnown = new Promise<string>((resolve) => (gotUrl = resolve));
    const done = a
      .connect({ openBrowser: (url) => gotUrl(url), ...(opts.play ? { scopes: googleScopes({ play: true }) } : {}) })
      .then(async () => {
        signingIn = false;
        await save({ ...state, needsReconnect: false, lastError: null });
        if (!opts.play) await discover();
      })
      .catch(async (err: unknown) => {
        signingIn = false;
        await fail(err);
      });
    const authUrl = await Promise.race([urlKnown, done.then(() => '')]);
    if (authUrl === '') throw new KalmError('internal', state.lastError ?? 'Google sign-in could not start.');
    return { authUrl, done };
  }

  async function selectLocations(ids: readonly string[]): Promise<GoogleStatus> {
    deps.assertWritable();
    const wanted = new Set(ids);
    const unknown = ids.filter((id) => !state.locations.some((l) => l.locationId === id));
    if (unknown.length) throw new KalmError('not_found', `Unknown Google location: ${unknown.slice(0, 3).join(', ')}. Refresh the locations first.`);
    await save({ ...state, locations: state.locations.map((l) => ({ ...l, selected: wanted.has(l.locationId) })) });
    return status();
  }

  async function sync({ full }: { full: boolean }): Promise<SyncTotals> {
    deps.assertWritable();
    const { api } = connection();
    if (state.locations.length === 0) await discover();
    const chosen = state.locations.filter((l) => l.selected);
    if (chosen.length === 0) throw new KalmError('invalid_input', 'No Google locations are chosen to sync. Choose at least one in Sources.');
    const now = deps.now();
    // A full pass now and then finds reviews deleted on Google and replies written elsewhere.
    const fullNeeded = (l: GoogleState['locations'][number]) => full || l.lastFullSyncAt === null || now.getTime() - Date.parse(l.lastFullSyncAt) > DAY_MS;
    const totals: SyncTotals = { locations: 0, reviews: 0, new: 0, updated: 0, deleted: 0 };
    for (const group of [chosen.filter(fullNeeded), chosen.filter((l) => !fullNeeded(l))]) {
      if (group.length === 0) continue;
      const isFull = group.every(fullNeeded);
      const result = await syncGoogle({
        api,
        locations: group.map((l) => ({ v4Parent: l.v4Parent, locationId: l.locationId })),
        existing: (id) => deps.workspace.reviewsAt(id),
        highWater: (id) => state.locations.find((l) => l.locationId === id)?.highWater ?? null,
        full: isFull,
        now: deps.now,
        onProgress: deps.emit.progress,
      }).catch(fail);
      await deps.workspace.apply(result.results.flatMap((r) => r.reviews));
      const byId = new Map(result.results.map((r) => [r.locationId, r]));
      await save({
        ...state,
        needsReconnect: false,
        lastError: result.results.find((r) => r.error)?.error?.message ?? null,
        lastSyncAt: result.syncedAt,
        locations: state.locations.map((l) => {
          const r = byId.get(l.locationId);
          if (!r || r.error) return l;
          return { ...l, highWater: r.highWater ?? l.highWater, lastSyncAt: result.syncedAt, lastFullSyncAt: isFull && r.complete ? result.syncedAt : l.lastFullSyncAt };
        }),
      });
      totals.locations += result.totals.locations;
      totals.reviews += result.totals.reviews;
      totals.new += result.totals.new;
      totals.updated += result.totals.updated;
      totals.deleted += result.totals.deleted;
    }
    const source = googleSource();
    if (source) await deps.workspace.setGoogle({ ...source, state: 'connected', lastSyncAt: state.lastSyncAt }, googleLocations());
    deps.emit.reviewsChanged(totals.new + totals.updated + totals.deleted);
    return totals;
  }

  function publishContext(): { api: BusinessApi; v4ParentOf(locationId: string): string | null } {
    const { api } = connection();
    return { api, v4ParentOf: (locationId) => state.locations.find((l) => l.locationId === locationId)?.v4Parent ?? null };
  }

  return { status, beginConnect, discover, selectLocations, sync, publishContext, http: () => connection().auth.http };
}
