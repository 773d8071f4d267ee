import { mkdir } from 'node:fs/promises';
import { contract, type CallOutput } from '../../shared/contract';
import { KalmError } from '../../shared/domain/errors';
import type { RemovalTarget } from '../../shared/workspace/removal';
import type { Review } from '../../shared/domain/review';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { wireAlerts } from './alerts/wiring';
import { wireBackgroundSync } from './background/wiring';
import type { SyncScheduler } from './background/scheduler';
import { wireBackup } from './backup/wiring';
import { EventBus } from './events';
import { wireHandoff } from './handoff/wiring';
import { keepFirstPage } from './first-page-saver';
import { buildHandlerMap } from './handler-map';
import { wireInbox } from './inbox-calls';
import type { Kalm, KalmOptions } from './kalm';
import { LabelStore } from './labels/label-store';
import { wireLabels, type LabelService } from './labels/wiring';
import { createStderrLog } from './log/log';
import { wireOutbox } from './outbox/wiring';
import { wireReviews } from './review-calls';
import { wireSettings } from './settings/wiring';
import { closeOnce } from './shutdown';
import { recoverDataFiles } from './store/data-files';
import { DIR_MODE, restrictDataFolder } from './store/file-modes';
import { openStore } from './store/open-store';
import { createProblemLog } from './store/problem-log';
import { storageError } from './store/storage-error';
import { wireSupport } from './support/wiring';
import { localTeamHandlers } from './team/local-handlers';
import { wireTeam, type TeamWiring } from './team/wiring';
import { openTemplateStore } from './templates/template-store';
import { wireTemplates } from './templates/wiring';
import { packageVersion } from './version';
import { wireWorkspace } from './workspace-calls';
import { shardKey, Workspace } from './workspace';
import type { GoogleService } from './sources/google/service';
import type { ImportService } from './sources/import/service';
import { backgroundSync, buildSources, SOURCE_FILES } from './sources/registry';
import { wireSources } from './sources/wiring';
import type { PlayService } from './sources/play/service';

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

/**
 * Builds the service graph for one data folder. Every host (Electron, web host, CLI, tests) calls this.
 * Each concern has its own composition root (`wireX` in its folder) returning its handlers; this only wires them
 * in order, and `buildHandlerMap` refuses a call two of them register.
 */
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
  const problemLog = createProblemLog(bus);
  const { report } = problemLog;
  const store = await openStore(dataDir, {
    readOnly,
    now,
    report,
    // A shard an import wrote straight to disk (the CLI) is not held in memory: never written from here.
    shardReviews: (source, locationId) => (workspace.isDiskOnly(shardKey(source, locationId)) ? undefined : workspace.shard(shardKey(source, locationId)).reviews),
    ...(opts.lock ? { lock: opts.lock } : {}),
    recovered: (file) => problemLog.recovered(file),
  });
  problemLog.atStart(store.loaded.problems);
  workspace.replace(store.loaded.sources, store.loaded.locations, store.loaded.reviews);

  // Labels and templates open before the team: a team workspace mirrors the store, labels, rules and
  // templates into its PouchDB replica and back; a local one is left as it is.
  const labelStore = await LabelStore.open(dataDir, { readOnly, now, report });
  const templates = readOnly ? null : await openTemplateStore({ dataDir, now, onProblem: report });
  // A source or location another member removed goes through this core's own removal cascade (bound below).
  let bindRemoval!: (remove: (target: RemovalTarget) => Promise<unknown>) => void;
  const removal = new Promise<(target: RemovalTarget) => Promise<unknown>>((resolve) => (bindRemoval = resolve));
  const team = readOnly ? null : await wireTeam({ dataDir, workspace, store, bus, now, ...(opts.team?.vault ? { vault: opts.team.vault } : {}), live: host === 'electron' || host === 'web', entities: { labels: labelStore, templates }, removePlace: async (target) => (await removal)(target) });
  const { file: settingsFile, preferences, handlers: settingsHandlers } = await wireSettings({ dataDir, readOnly, factory: opts.settingsFactory, store, bus, now, report });
  const settings = () => preferences.get();
  // The sources' own files (state, sign-in, keys): a broken one is set aside and reported before a source reads it.
  const dataFiles = await recoverDataFiles(dataDir, { specs: SOURCE_FILES, now, dryRun: readOnly, stores: [opts.google?.vault, opts.play?.keyStore] });
  for (const p of dataFiles.problems) report(p);

  const labels = wireLabels({ workspace, store, bus, labels: labelStore, onChanged: () => bus.emit('labels.changed', {}) });
  const handoff = await wireHandoff({ dataDir, readOnly, workspace, store, bus, settings, now, report });
  const alerts = wireAlerts({ workspace, settings, bus });
  // Before sync saves reviews: alerts judge what is new against the workspace as it is, then the rules label them.
  const prepare = (reviews: readonly Review[]) => {
    const announce = alerts.beforeSave(reviews);
    return { reviews: labels.labelSynced(reviews), done: announce };
  };

  // Every source kind (Google Business Profile, Google Play, file import…) comes from the registry.
  // Google's connection removes the demo through the removal cascade, which needs the outbox: bound once that exists (below).
  let removeDemo = (): Promise<unknown> => Promise.reject(new Error('The core is still starting.'));
  const sources = await buildSources({ opts, dataDir, workspace, store, bus, settings: settingsFile, preferences: settings, now, report, prepare, label: (reviews) => labels.labelSynced(reviews), removeDemo: () => removeDemo() });
  const google = sources.services['google-business'];
  const play = sources.services['google-play'];
  const importer = sources.services['file-import'];
  const scheduled = backgroundSync(sources.background);
  // In a team only the desktop holding the sync lease runs the scheduled Google/Play sync; the others get it replicated.
  const teamReady = async () => (await scheduled.ready()) && (team ? await team.mayRunScheduledSync() : true);
  const background = wireBackgroundSync({ bus, settings, sync: { run: scheduled.run, ready: teamReady }, seams: opts.background });

  const inbox = wireInbox({ workspace, store, bus });
  const outbox = await wireOutbox({ dataDir, workspace, store, bus, now, report, publishers: team ? team.guard(sources.publishers) : sources.publishers, ...(opts.timers ? { timers: opts.timers } : {}) });
  const workspaceCalls = wireWorkspace({ dataDir, host, version, workspace, store, bus, now, settingsFile, inbox, records: [outbox.records, handoff.records], ...(team ? { team: team.removals } : {}) });
  bindRemoval((target) => workspaceCalls.handlers['workspace.remove']({ target }));
  removeDemo = () => workspaceCalls.removal.remove({ kind: 'demo' });

  // Each call has exactly one handler; a call two domains register stops the core here (the order below does not matter).
  const handlers = buildHandlerMap({
    workspace: workspaceCalls.handlers,
    reviews: wireReviews({ workspace, inbox, labels, settings, now }),
    'store problems': problemLog.handlers,
    sources: sources.handlers,
    'copy-and-open sources': wireSources({ workspace, store, bus, now, outbox: outbox.handlers }),
    'drafts and outbox': outbox.handlers,
    settings: settingsHandlers,
    labels: labels.handlers,
    'hand-off': handoff.handlers,
    backup: wireBackup({ dataDir, store, now }),
    'background sync': background.handlers,
    templates: wireTemplates({ templates, store, settings }),
    support: wireSupport({
      host, version, log: opts.log, bus, updater: opts.updater, openPath: opts.openPath, dataDir, saveReportPdf: opts.saveReportPdf,
      counts: async () => ({
        sources: workspace.sources.map((s) => `${s.kind}:${s.state}`).join(', ') || 'none',
        locations: workspace.locations.length,
        reviews: workspace.size,
        demo: String(workspace.isDemo),
        drafts: (await outbox.handlers['drafts.list']({})).drafts.length,
        outbox: (await outbox.handlers['outbox.list']({})).items.length,
        'store problems': problemLog.problems.length,
      }),
    }),
    team: team?.handlers ?? localTeamHandlers,
  });

  // The app's next start shows the inbox's first page from this before the shards are parsed.
  const firstPage = !readOnly && (host === 'electron' || host === 'web') ? keepFirstPage({ dataDir, workspace, store, settings, now, version, log }) : null;
  const kalm: KalmCore = {
    dataDir,
    log,
    problems: problemLog.problems,
    google,
    importer,
    background: background.scheduler,
    labels,
    openReview: (reviewId) => alerts.openReview(reviewId),
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
      await background.scheduler.stop();
      await workspaceCalls.settled();
      await team?.close();
      await firstPage?.close();
      await store.close();
    }),
  };

  // A newcomer's first start shows the demo, so the app is useful before any source is connected.
  const firstRun = !store.loaded.exists && store.loaded.problems.length === 0 && settingsFile?.get('workspace.demoLoadedAt') === undefined;
  if (opts.loadDemoOnFirstRun && !readOnly && firstRun) {
    try {
      await workspaceCalls.loadDemo(undefined);
    } catch (err) {
      firstPage?.stop();
      await store.close();
      throw err;
    }
  }
  // Replies go out by themselves in the app (Electron, web host); the CLI publishes only when told.
  if (!readOnly && (opts.autoPublish ?? (host === 'electron' || host === 'web'))) outbox.scheduler.start();
  return kalm;
}
