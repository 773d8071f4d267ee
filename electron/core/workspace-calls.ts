import type { WorkspaceSummary } from '../../shared/contract';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { KalmError } from '../../shared/domain/errors';
import type { EventBus } from './events';
import type { CallHandlers } from './handler-map';
import type { InboxWiring } from './inbox-calls';
import type { HostKind } from './kalm';
import { createRemoval, type Removal, type RemovalTeamPort, type ReviewRecordsPort } from './removal/removal';
import type { OpenedStore } from './store/open-store';
import type { SettingsStore } from './store/settings';
import { clearShards, saveShardFile, saveSourcesFile } from './store/workspace-files';
import type { Workspace } from './workspace';

export type WorkspaceHandlers = CallHandlers<'app.info' | 'workspace.get' | 'workspace.loadDemo' | 'workspace.removalCount' | 'workspace.remove'>;

export interface WorkspaceCallsDeps {
  dataDir: string;
  host: HostKind;
  version: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  /** settings.json: remembers when the demo was loaded (null when read-only). */
  settingsFile: SettingsStore | null;
  inbox: InboxWiring;
  /** Every store of records about reviews (drafts and outbox, hand-offs): a removal takes them along. */
  records: readonly ReviewRecordsPort[];
  /** A team workspace shares removals of sources and locations with its members. */
  team?: RemovalTeamPort;
}

export interface WorkspaceCalls {
  handlers: WorkspaceHandlers;
  /** The removal cascade (Google's connection removes the demo through it too). */
  removal: Removal;
  loadDemo(seed: number | undefined): Promise<WorkspaceSummary>;
  /** Resolves once no whole-workspace write (the demo, a removal) is running: close waits for it. */
  settled(): Promise<void>;
}

/** The workspace as a whole: what it holds, the demo, and removing a source, location or the demo with everything about it. */
export function wireWorkspace(deps: WorkspaceCallsDeps): WorkspaceCalls {
  const { dataDir, workspace, store, bus, now, inbox } = deps;
  const removal = createRemoval({ dataDir, workspace, store, bus, records: deps.records, afterRemove: () => inbox.refreshMarks(), ...(deps.team ? { team: deps.team } : {}) });
  /** Serialises whole-workspace writes (the demo, removals) so two never interleave. */
  let bulkWrites: Promise<unknown> = Promise.resolve();
  const serialised = <T>(write: () => Promise<T>): Promise<T> => {
    const done = bulkWrites.then(write);
    bulkWrites = done.catch(() => undefined);
    return done;
  };

  const summary = (): WorkspaceSummary => ({
    demo: workspace.isDemo,
    sources: workspace.sources,
    locations: workspace.locations,
    reviewCount: workspace.size,
  });

  async function persistAll(): Promise<void> {
    await store.flush();
    await clearShards(dataDir);
    for (const shard of workspace.shards().values()) await saveShardFile(dataDir, shard.source, shard.locationId, shard.reviews);
    await saveSourcesFile(dataDir, workspace.sources, workspace.locations);
  }

  async function loadDemo(seed: number | undefined): Promise<WorkspaceSummary> {
    store.assertWritable();
    if (workspace.sources.some((s) => s.state !== 'demo')) {
      throw new KalmError('forbidden', 'The demo can only be loaded into an empty workspace or over the demo; your own reviews are kept as they are.');
    }
    const demo = generateDemoWorkspace({ now: now(), ...(seed === undefined ? {} : { seed }) });
    workspace.replace(demo.sources, demo.locations, demo.reviews);
    inbox.refreshMarks();
    await serialised(persistAll);
    deps.settingsFile?.set('workspace.demoLoadedAt', now().toISOString());
    bus.emit('reviews.changed', { reason: 'demo', count: workspace.size });
    return summary();
  }

  return {
    handlers: {
      'app.info': async () => ({ name: 'Kalm', version: deps.version, host: deps.host, dataDir, demo: workspace.isDemo }),
      'workspace.get': async () => summary(),
      'workspace.loadDemo': ({ seed }) => loadDemo(seed),
      'workspace.removalCount': async ({ target }) => removal.count(target),
      'workspace.remove': ({ target }) => serialised(() => removal.remove(target)),
    },
    removal,
    loadDemo,
    settled: () => bulkWrites.then(() => undefined),
  };
}
