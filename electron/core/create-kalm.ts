import { mkdir } from 'node:fs/promises';
import type { z } from 'zod';
import { contract, type CallName, type CallOutput, type WorkspaceSummary } from '../../shared/contract';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { KalmError } from '../../shared/domain/errors';
import type { StoreProblem as StoreProblemRecord } from '../../shared/domain/store-problem';
import { EventBus } from './events';
import type { Kalm, KalmOptions } from './kalm';
import { confSettingsFactory } from './store/settings';
import { clearShards, loadWorkspaceFiles, saveShardFile, saveSourcesFile } from './store/workspace-files';
import { packageVersion } from './version';
import { Workspace } from './workspace';

type Handlers = { [N in CallName]: (input: z.output<(typeof contract)[N]['input']>) => Promise<CallOutput<N>> | CallOutput<N> };

export interface KalmCore extends Kalm {
  /** Files that could not be used as they are (found at start or while running). */
  readonly problems: readonly StoreProblemRecord[];
}

/** Builds the service graph for one data folder. Every host (Electron, web host, CLI, tests) calls this. */
export async function createKalm(opts: KalmOptions): Promise<KalmCore> {
  const { dataDir, host } = opts;
  const now = opts.now ?? (() => new Date());
  const version = opts.version ?? packageVersion();
  await mkdir(dataDir, { recursive: true });
  const settings = (opts.settingsFactory ?? confSettingsFactory)({ dataDir, name: 'settings' });
  const bus = new EventBus();
  const workspace = new Workspace();
  const loaded = await loadWorkspaceFiles(dataDir);
  workspace.replace(loaded.sources, loaded.locations, loaded.reviews);
  let writes: Promise<void> = Promise.resolve();
  const problems: StoreProblemRecord[] = loaded.problems.map((p) => ({
    kind: p.movedTo ? 'quarantined' : 'unreadable',
    at: now().toISOString(),
    ...p,
  }));

  const summary = (): WorkspaceSummary => ({
    demo: workspace.isDemo,
    sources: workspace.sources,
    locations: workspace.locations,
    reviewCount: workspace.size,
  });

  async function persistAll(): Promise<void> {
    await clearShards(dataDir);
    for (const shard of workspace.shards().values()) await saveShardFile(dataDir, shard.source, shard.locationId, shard.reviews);
    await saveSourcesFile(dataDir, workspace.sources, workspace.locations);
  }

  async function loadDemo(seed: number | undefined): Promise<WorkspaceSummary> {
    if (workspace.sources.some((s) => s.state !== 'demo')) {
      throw new KalmError('forbidden', 'The demo can only be loaded into an empty workspace or over the demo; your own reviews are kept as they are.');
    }
    const demo = generateDemoWorkspace({ now: now(), ...(seed === undefined ? {} : { seed }) });
    workspace.replace(demo.sources, demo.locations, demo.reviews);
    writes = writes.then(persistAll);
    await writes;
    settings.set('workspace.demoLoadedAt', now().toISOString());
    bus.emit('reviews.changed', { reason: 'demo', count: workspace.size });
    return summary();
  }

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Kalm', version, host, dataDir, demo: workspace.isDemo }),
    'workspace.get': () => summary(),
    'workspace.loadDemo': ({ seed }) => loadDemo(seed),
    'reviews.query': (q) => workspace.query(q),
    'reviews.get': ({ id }) => {
      const review = workspace.get(id);
      if (!review) throw new KalmError('not_found', `There is no review with id "${id.slice(0, 200)}".`);
      return review;
    },
    'stats.summary': (q) => workspace.stats(q),
    'store.problems': () => ({ problems }),
  };

  const kalm: KalmCore = {
    dataDir,
    problems,
    async call(name, input) {
      const spec = contract[name];
      if (!spec) throw new KalmError('unknown_call', `Unknown call "${String(name).slice(0, 80)}"`);
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) throw KalmError.fromZod(parsed.error, name);
      const handler = handlers[name] as (i: unknown) => unknown;
      return (await handler(parsed.data)) as CallOutput<typeof name>;
    },
    on: (name, listener) => bus.on(name, listener),
    async close() {
      await writes;
    },
  };

  // A newcomer's first start shows the demo, so the app is useful before any source is connected.
  if (opts.loadDemoOnFirstRun && !loaded.exists && loaded.problems.length === 0 && settings.get('workspace.demoLoadedAt') === undefined) {
    await loadDemo(undefined);
  }
  return kalm;
}
