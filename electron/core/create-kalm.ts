import { mkdir } from 'node:fs/promises';
import { contract, type CallName, type CallOutput, type WorkspaceSummary } from '../../shared/contract';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { buildExport } from '../../shared/export/export-reviews';
import { KalmError } from '../../shared/domain/errors';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { EventBus } from './events';
import { createRemoval, type Removal } from './removal/removal';
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
import { checkSettingsFile, openSettings, reportInvalidPreferences } from './settings/open-settings';
import { recoverDataFiles } from './store/data-files';
import { clearShards, saveShardFile, saveSourcesFile } from './store/workspace-files';
import { storageError } from './store/storage-error';
import { DIR_MODE, restrictDataFolder } from './store/file-modes';
import type { GoogleService } from './sources/google/service';
import type { ImportService } from './sources/import/service';
import type { CoreHandlers } from './sources/descriptor';
import { backgroundSync, buildSources, SOURCE_FILES } from './sources/registry';
import { wireSources } from './sources/wiring';
import type { PlayService } from './sources/play/service';
import { createStderrLog } from './log/log';
import { wireSupport } from './support/wiring';
import { closeOnce } from './shutdown';
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
      await mkdir(dataDir, { recursive: true, mode: DIR_MODE });
    } catch (err) {
      throw storageError(dataDir, err);
    }
    // Every review, note and token is in here: owner-only (folder 0700, files 0600).
    await restrictDataFolder(dataDir);
  }
  const log = opts.log ?? createStderrLog();
  const bus = new EventBus((message, err) => log.error(message, err));
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
    // A shard an import wrote straight to disk (the CLI) is not held in memory: never written from here.
    shardReviews: (source, locationId) => (workspace.isDiskOnly(shardKey(source, locationId)) ? undefined : workspace.shard(shardKey(source, locationId)).reviews),
    ...(opts.lock ? { lock: opts.lock } : {}),
    // A failed write landed on a retry: its problem is over.
    recovered: (file) => {
      for (let i = problems.length - 1; i >= 0; i--) if (problems[i]?.file === file && problems[i]?.kind === 'write-failed') problems.splice(i, 1);
      bus.emit('store.recovered', { file });
    },
  });
  problems.unshift(...store.loaded.problems);
  workspace.replace(store.loaded.sources, store.loaded.locations, store.loaded.reviews);
  const labelStore = await LabelStore.open(dataDir, { readOnly, now, report });
  const templates = readOnly ? null : await openTemplateStore({ dataDir, now, onProblem: report });
  // A team workspace (issue 20) mirrors the store (and labels, rules, templates) into its PouchDB replica and back; a local one is left as it is.
  const team = readOnly ? null : await wireTeam({ dataDir, workspace, store, bus, now, ...(opts.team?.vault ? { vault: opts.team.vault } : {}), live: host === 'electron' || host === 'web', entities: { labels: labelStore, templates } });
  const settings = readOnly ? null : await openSettings(dataDir, opts.settingsFactory ?? confSettingsFactory, { now, report });
  const preferences = createPreferences(settings ?? readOnlySettings(dataDir), bus);
  if (readOnly) {
    const settingsProblem = await checkSettingsFile(dataDir, now);
    if (settingsProblem) report(settingsProblem);
  } else reportInvalidPreferences(preferences.problem, { now, report });
  watchReplyPolicy(preferences, bus);
  // The sources' own files (state, sign-in, keys): a broken one is set aside and reported before a source reads it.
  const dataFiles = await recoverDataFiles(dataDir, { specs: SOURCE_FILES, now, dryRun: readOnly, stores: [opts.google?.vault, opts.play?.keyStore] });
  for (const p of dataFiles.problems) report(p);
  const habits = await wireHabits({ dataDir, readOnly, labelStore, workspace, store, bus, settings: () => preferences.get(), now, report, openPath: opts.openPath });
  // Every source kind (Google Business Profile, Google Play, file import…) comes from the registry.
  // Bound once the outbox exists (below): Google's connection removes the demo through the same cascade.
  let removal: Removal | null = null;
  const removeDemo = (): Promise<unknown> => (removal ? removal.remove({ kind: 'demo' }) : Promise.reject(new Error('The core is still starting.')));
  const sources = await buildSources({ opts, dataDir, workspace, store, bus, settings, preferences: () => preferences.get(), now, report, prepare: habits.prepare, removeDemo });
  const google = sources.services['google-business'];
  const play = sources.services['google-play'];
  const importer = sources.services['file-import'];
  const scheduled = backgroundSync(sources.background);
  // In a team only the desktop holding the sync lease runs the scheduled Google/Play sync; the others get it replicated.
  const teamReady = async () => (await scheduled.ready()) && (team ? await team.mayRunScheduledSync() : true);
  const background = habits.scheduler({ ...scheduled, ready: teamReady, ...opts.background });
  const inbox = wireInbox({ workspace, store, bus });
  const outbox = await wireOutbox({ dataDir, workspace, store, bus, now, report, publishers: team ? team.guard(sources.publishers) : sources.publishers, ...(opts.timers ? { timers: opts.timers } : {}) });
  removal = createRemoval({
    dataDir, workspace, store, bus,
    records: [outbox.records, { count: (ids) => ({ handoffs: habits.handoffs.count(ids) }), forget: (ids) => habits.handoffs.forget(ids) }],
    afterRemove: () => inbox.refreshMarks(),
  });
  const removals = removal;
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

  // Exports, the dashboard's topics and the report name labels and team members; ids stay in …Id fields.
  const labelName = (id: string): string => {
    const label = habits.labels.find(id);
    return label?.id === id ? label.name : id;
  };
  const memberName = (id: string): string => preferences.get().team.find((m) => m.id === id)?.name ?? id;

  const handlers = completeHandlers({
    'app.info': () => ({ name: 'Kalm', version, host, dataDir, demo: workspace.isDemo }),
    'workspace.get': () => summary(),
    'workspace.loadDemo': ({ seed }) => loadDemo(seed),
    'workspace.removalCount': ({ target }) => removals.count(target),
    'workspace.remove': ({ target }) => {
      const done = bulkWrites.then(() => removals.remove(target));
      bulkWrites = done.catch(() => undefined);
      return done;
    },
    'reviews.query': (q) => workspace.query(q, now().getTime(), replyPolicy(preferences.get())),
    'reviews.get': ({ id }) => {
      const review = workspace.get(id);
      if (!review) throw new KalmError('not_found', `There is no review with id "${id.slice(0, 200)}".`);
      return review;
    },
    'stats.summary': (q) => workspace.stats(q, now().getTime(), replyPolicy(preferences.get()), labelName),
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
    'export.reviews': (req) => buildExport(workspace.all(), workspace.locations, req, now().toISOString().slice(0, 10), { label: labelName, member: memberName }),
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
    ...wireSupport({
      host, version, log: opts.log, bus, updater: opts.updater, openPath: opts.openPath,
      counts: async () => ({
        sources: workspace.sources.map((s) => `${s.kind}:${s.state}`).join(', ') || 'none',
        locations: workspace.locations.length,
        reviews: workspace.size,
        demo: String(workspace.isDemo),
        drafts: (await outbox.handlers['drafts.list']({})).drafts.length,
        outbox: (await outbox.handlers['outbox.list']({})).items.length,
        'store problems': problems.length,
      }),
    }),
    ...(team?.handlers ?? localTeamHandlers),
    'report.savePdf': ({ fileName }) => {
      if (!opts.saveReportPdf) throw new KalmError('forbidden', 'Saving a PDF directly works in the Kalm app; here, print the report and choose "Save as PDF".');
      return opts.saveReportPdf(fileName);
    },
  });

  const kalm: KalmCore = {
    dataDir,
    log,
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
    // Idempotent: every caller (signals, before-quit, the CLI) shares one close.
    close: closeOnce(async () => {
      await outbox.scheduler.stop();
      await background.stop();
      await bulkWrites;
      await team?.close();
      await store.close();
    }),
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
