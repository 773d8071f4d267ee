import type { Location } from '../../../../shared/domain/location';
import type { Review } from '../../../../shared/domain/review';
import type { Source } from '../../../../shared/domain/source';
import type { EventBus } from '../../events';
import { rootsFromEnv } from '../../google-api/endpoints';
import { clientFromEnv } from './config';
import { createFileTokenVault } from './token-vault';
import type { KalmOptions } from '../../kalm';
import type { OpenedStore } from '../../store/open-store';
import type { SettingsStore } from '../../store/settings';
import { saveSourcesFile } from '../../store/workspace-files';
import { shardKey, type Workspace } from '../../workspace';
import { createGoogleService, type GoogleService } from './service';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Connects the Google source to the workspace, the store and the event bus of one core. */
export function wireGoogle(
  opts: KalmOptions,
  deps: {
    workspace: Workspace; store: OpenedStore; bus: EventBus; settings: SettingsStore | null; now: () => Date;
    /** Sees synced reviews before they are saved (auto-labels, alerts); `done` runs once they are durable. */
    prepare?: (reviews: readonly Review[]) => { reviews: readonly Review[]; done?: () => void };
    /** The demo uses Google's source id, so it cannot stay beside a real Google connection (the app asks first). */
    removeDemo?: () => Promise<unknown>;
  },
): Promise<GoogleService> {
  const { workspace, store, bus, settings } = deps;
  const persistSources = () => saveSourcesFile(opts.dataDir, workspace.sources, workspace.locations);
  return createGoogleService({
    dataDir: opts.dataDir,
    roots: opts.google?.roots ?? rootsFromEnv(),
    // The environment wins; then what the owner entered in Sources → Advanced; then the publisher's client of a published build.
    client: () => {
      if (opts.google?.client !== undefined) return opts.google.client;
      const env = clientFromEnv();
      if (env) return env;
      const id = str(settings?.get('google.clientId'));
      if (id) return { clientId: id, clientSecret: str(settings?.get('google.clientSecret')) };
      const publisher = opts.google?.publisherClient;
      return publisher ? { ...publisher, publisher: true } : null;
    },
    vault: opts.google?.vault ?? createFileTokenVault(opts.dataDir),
    now: deps.now,
    assertWritable: () => store.assertWritable(),
    workspace: {
      sources: () => workspace.sources,
      locations: () => workspace.locations,
      async setGoogle(source: Source, locations: Location[]) {
        if (workspace.sources.some((s) => s.id === source.id && s.state === 'demo')) {
          // The demo sits on Google's source id: it goes with all its drafts, replies and notes (no file left behind);
          // the Sources page asks before the sign-in starts, with the count.
          if (!deps.removeDemo) throw new Error('Connecting Google while the demo is loaded needs removeDemo.');
          await deps.removeDemo();
        }
        workspace.sources = [...workspace.sources.filter((s) => s.id !== source.id), source];
        workspace.locations = [...workspace.locations.filter((l) => l.source !== source.id), ...locations];
        await persistSources();
      },
      reviewsAt: (locationId: string) => workspace.shard(shardKey('google', locationId)).reviews,
      async apply(synced: readonly Review[]) {
        const prepared = deps.prepare?.(synced);
        for (const key of workspace.upsertMany(prepared?.reviews ?? synced)) {
          const shard = workspace.shard(key);
          store.scheduleShard(shard.source, shard.locationId);
        }
        await store.flush();
        prepared?.done?.();
      },
    },
    emit: {
      changed: () => bus.emit('workspace.sourcesChanged', {}),
      progress: (p) => bus.emit('google.syncProgress', p),
      reviewsChanged: (count) => bus.emit('reviews.changed', { reason: 'sync', count }),
    },
  });
}
