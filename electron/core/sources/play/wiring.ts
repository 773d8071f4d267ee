import type { Location } from '../../../../shared/domain/location';
import type { Review } from '../../../../shared/domain/review';
import type { Source } from '../../../../shared/domain/source';
import type { EventBus } from '../../events';
import { rootsFromEnv } from '../../google-api/endpoints';
import type { GoogleHttp } from '../../google-api/http';
import type { KalmOptions } from '../../kalm';
import type { OpenedStore } from '../../store/open-store';
import { saveSourcesFile } from '../../store/workspace-files';
import type { Workspace } from '../../workspace';
import { createPlayAuth } from './auth';
import { createFilePlayKeyStore } from './key-store';
import { createPlayService, type PlayService } from './service';

/** The language Play translates reviews into: the owner's UI language, else the system's (nl* → nl, else en). */
export function systemUiLanguage(locale: string = Intl.DateTimeFormat().resolvedOptions().locale): 'nl' | 'en' {
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** What Play needs of the Google Business Profile source: the signed-in account's authorised HTTP seam. */
export interface GoogleAccount {
  http(): GoogleHttp;
}

/** Connects Google Play to the workspace and store of one core; it signs in through the Google account. */
export function wirePlay(
  opts: KalmOptions,
  deps: {
    workspace: Workspace; store: OpenedStore; bus: EventBus; google: GoogleAccount; now: () => Date; language?: () => string | null;
    /** Sees synced reviews before they are saved (auto-labels, alerts for new low ratings); `done` runs once they are durable. */
    prepare?: (reviews: readonly Review[]) => { reviews: readonly Review[]; done?: () => void };
  },
): PlayService {
  const { workspace, store, bus } = deps;
  const roots = opts.google?.roots ?? rootsFromEnv();
  return createPlayService({
    dataDir: opts.dataDir,
    roots,
    auth: createPlayAuth({ keyStore: opts.play?.keyStore ?? createFilePlayKeyStore(opts.dataDir), tokenUrl: roots.token, google: () => deps.google.http(), now: deps.now }),
    uiLanguage: () => deps.language?.() ?? systemUiLanguage(),
    now: deps.now,
    workspace: {
      get: (id) => workspace.get(id),
      async setSource(source: Source, locations: Location[]) {
        store.assertWritable();
        // The demo stays beside the app's reviews until the owner removes it (Settings → Data, kalm demo --remove).
        workspace.sources = [...workspace.sources.filter((s) => s.id !== source.id), source];
        workspace.locations = [...workspace.locations.filter((l) => l.source !== source.id), ...locations];
        await saveSourcesFile(opts.dataDir, workspace.sources, workspace.locations);
        bus.emit('workspace.sourcesChanged', {});
      },
      async apply(reviews: readonly Review[]) {
        const prepared = reviews.length ? deps.prepare?.(reviews) : undefined;
        for (const key of workspace.upsertMany(prepared?.reviews ?? reviews)) {
          const shard = workspace.shard(key);
          store.scheduleShard(shard.source, shard.locationId);
        }
        await store.flush();
        prepared?.done?.();
        if (reviews.length) bus.emit('reviews.changed', { reason: 'sync', count: reviews.length });
      },
    },
  });
}
