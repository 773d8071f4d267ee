import { mkdir } from 'node:fs/promises';
import { contract, type CallName, type CallOutput, type WorkspaceSummary } from '../../shared/contract';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { buildExport } from '../../shared/export/export-reviews';
import { KalmError } from '../../shared/domain/errors';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { EventBus } from './events';
import { wireInbox } from './inbox-calls';
import type { Kalm, KalmOptions } from './kalm';
import { wireHabits } from './background/habits-wiring';
import type { SyncScheduler } from './background/scheduler';
import type { LabelService } from './labels/wiring';
import { builtInTemplates } from '../../shared/reply/templates';
import { wireOutbox } from './outbox/wiring';
import { openTemplateStore } from './templates/template-store';
import { LabelStore } from './labels/label-store';
import { openStore } from './store/open-store';
import { createPreferences } from './settings/preferences';
import { readOnlySettings, watchReplyPolicy } from './settings/reply-policy';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import { confSettingsFactory } from './store/settings';
import { clearShards, saveShardFile, saveSourcesFile } from './store/workspace-files';
import { storageError } from './store/storage-error';
import type { GoogleService } from './sources/google-service';
import type { ImportService } from './import/import-service';
import type { CoreHandlers } from './sources/descriptor';
import { backgroundSync, buildSources } from './sources/registry';
import { wireSources } from './sources/wiring';
import type { PlayService } from './play/play-service';
import { packageVersion } from './version';
import { shardKey, Workspace } from './workspace';
import { wireTeam, type TeamWiring } from './team/wiring';
import { localTeamHandlers } from './team/local-handlers';

/** Every contract call has a handler (the sources' calls come from the registry, so this is checked when a core starts). */
function completeHandlers(handlers: Partial<CoreHandlers>): CoreHandlers {
  const missing = (Object.keys(contract) as CallName[]).filter((name) => typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}: add it to a source descriptor or to createKalm.`);
  return handlers as CoreHandlers;
}

export interface KalmCore extends Kalm {
  /** The Google source (the CLI drives sign-in itself: it prints the URL and waits). */
  readonly google: GoogleService;
  /** Files that could not be used as they are (found at start or while running). */
  readonly problems: readonly StoreProblem[];
  /** File import (the CLI imports a path directly; the app uploads through the contract). */
  readonly importer: ImportService;
  /** Background sync every N minutes (Settings); hosts that keep running start it. */
  readonly background: SyncScheduler;
  /** Labels by id or name, for the CLI. */
  readonly labels: LabelService;
  /** Asks the open pages to show a review (a notification about it was clicked). */
  openReview(reviewId: string): void;
  /** Google Play apps (kalm connect play / kalm sync --source play). */
  readonly play: PlayService;
  /** The team workspace (kalm team …); null when opened read-only. */
  readonly team: TeamWiring | null;
}

/** Builds the service graph for one data folder. Every host (Electron, web host, CLI, tests) calls this. */
export async function createKalm(opts: KalmOptions): Promise<KalmCore> {
  const { dataDir, host } = opts;
  const readOnly = opts.readOnly ?? false;
  const now = opts.now ?? (() => new Date());
  const version = opts.version ?? packageVersion();
  if (!readOnly) {
    try {
      await mkdir(dataDir, { recursive: true });
    } catch (err) {
      throw storageError(dataDir, err);
    }
  }
  const bus = new EventBus();
  const workspace = new Workspace();
  const problems: StoreProblem[] = [];
  const report = (p: StoreProblem) => {
    problems.push(p);
    bus.emit('store.problem', p);
  };
  const store = await openStore(dataDir, {
    readOnly,
    now,
    report,
    shardReviews: (source, locationId) => workspace.shard(shardKey(source, locationId)).reviews,
  });
  problems.unshift(...store.loaded.problems);
  workspace.replace(store.loaded.sources, store.loaded.locations, store.loaded.reviews);
  const labelStore = await LabelStore.open(dataDir, { readOnly, now, report });
  const templates = readOnly ? null : await openTemplateStore({ dataDir, now, onProblem: report });
  // A team workspace (issue 20) mirrors the store (and labels, rules, templates) into its PouchDB replica and back; a local one is left as it is.
  const team = readOnly ? null : await wireTeam({ dataDir, workspace, store, bus, now, ...(opts.team?.vault ? { vault: opts.team.vault } : {}), live: host === 'electron' || host === 'web', entities: { labels: labelStore, templates } });
  const settings = readOnly ? null : (opts.settingsFactory ?? confSettingsFactory)({ dataDir, name: 'settings' });
  const preferences = createPreferences(settings ?? (readOnly ? readOnlySettings(dataDir) : null), bus);
  watchReplyPolicy(preferences, bus);
  const habits = await wireHabits({ dataDir, readOnly, labelStore, workspace, store, bus, settings: () => preferences.get(), now, report, openPath: opts.openPath });
  // Every source kind (Google Business Profile, Google Play, file import…) comes from the registry.
  const sources = await buildSources({ opts, dataDir, workspace, store, bus, settings, preferences: () => preferences.get(), now, report, prepare: habits.prepare });
  const google = sources.services['google-business'];
  const play = sources.services['google-play'];
  const importer = sources.services['file-import'];
  const scheduled = backgroundSync(sources.background);
  // In a team only the desktop holding the sync lease runs the scheduled Google/Play sync; the others get it replicated.
  const teamReady = async () => (await scheduled.ready()) && (team ? await team.mayRunScheduledSync() : true);
  const background = habits.scheduler({ ...scheduled, ready: teamReady, ...opts.background });
  const inbox = wireInbox({ workspace, store, bus });
  const outbox = await wireOutbox({ dataDir, workspace, store, bus, now, report, publishers: team ? team.guard(sources.publishers) : sources.publishers, ...(opts.timers ? { timers: opts.timers } : {}) });
  /** Serialises whole-workspace writes (the demo) so two never interleave. */
  let bulkWrites: Promise<unknown> = Promise.resolve();

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
    const done = bulkWrites.then(persistAll);
    bulkWrites = done.catch(() => undefined);
    await done;
    settings?.set('workspace.demoLoadedAt', now().toISOString());
    bus.emit('reviews.changed', { reason: 'demo', count: workspace.size });
    return summary();
  }

  const handlers = completeHandlers({
    'app.info': () => ({ name: 'Kalm', version, host, dataDir, demo: workspace.isDemo }),
    'workspace.get': () => summary(),
    'workspace.loadDemo': ({ seed }) => loadDemo(seed),
    'reviews.query': (q) => workspace.query(q, now().getTime(), replyPolicy(preferences.get())),
    'reviews.get': ({ id }) => {
      const review = workspace.get(id);
      if (!review) throw new KalmError('not_found', `There is no review with id "${id.slice(0, 200)}".`);
      return review;
    },
    'stats.summary': (q) => workspace.stats(q, now().getTime(), replyPolicy(preferences.get())),
    'store.problems': () => ({ problems }),
    ...sources.handlers,
    ...outbox.handlers,
    'settings.get': () => preferences.get(),
    'settings.update': (patch) => {
      store.assertWritable();
      return preferences.update(patch);
    },
    ...wireSources({ workspace, store, bus, now, outbox: outbox.handlers }),
    // Inbox (issue 7): the Drafts view follows draft saves; "mark done".
    'drafts.save': (input) => outbox.handlers['drafts.save'](input).finally(() => bus.emit('drafts.changed', { reviewId: input.reviewId })),
    'drafts.discard': (input) => outbox.handlers['drafts.discard'](input).finally(() => bus.emit('drafts.changed', { reviewId: input.reviewId })),
    'reviews.markDone': (input) => inbox.markDone(input),
    'reviews.facets': () => workspace.facets(),
    ...habits.handlers,
    'export.reviews': (req) => buildExport(workspace.all(), workspace.locations, req, now().toISOString().slice(0, 10)),
    // — composer: reply templates —
    'templates.list': () => ({ templates: [...(templates?.list() ?? []), ...builtInTemplates(preferences.get().formality)] }),
    'templates.save': (input) => {
      store.assertWritable();
      if (!templates) throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save templates.');
      return templates.save(input);
    },
    'templates.delete': async ({ id }) => {
      store.assertWritable();
      if (!templates) throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot delete templates.');
      await templates.remove(id);
      return {};
    },
    ...(team?.handlers ?? localTeamHandlers),
    'report.savePdf': ({ fileName }) => {
      if (!opts.saveReportPdf) throw new KalmError('forbidden', 'Saving a PDF directly works in the Kalm app; here, print the report and choose "Save as PDF".');
      return opts.saveReportPdf(fileName);
    },
  });

  const kalm: KalmCore = {
    dataDir,
    problems,
    google,
    importer,
    background,
    labels: habits.labels,
    openReview: (reviewId) => bus.emit('alerts.open', { reviewId }),
    play,
    team,
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
      await outbox.scheduler.stop();
      await background.stop();
      await bulkWrites;
      await team?.close();
      await store.close();
    },
  };

  // A newcomer's first start shows the demo, so the app is useful before any source is connected.
  const firstRun = !store.loaded.exists && store.loaded.problems.length === 0 && settings?.get('workspace.demoLoadedAt') === undefined;
  if (opts.loadDemoOnFirstRun && !readOnly && firstRun) {
    try {
      await loadDemo(undefined);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  // Replies go out by themselves in the app (Electron, web host); the CLI publishes only when told.
  if (!readOnly && (opts.autoPublish ?? (host === 'electron' || host === 'web'))) outbox.scheduler.start();
  return kalm;
}
