import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/contract';
import type { Review } from '../../../shared/domain/review';
import type { Settings } from '../../../shared/domain/settings';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { handoffCalls } from '../../../shared/contract/handoff';
import type { labelCalls } from '../../../shared/contract/labels';
import type { EventBus } from '../events';
import { openForwardStore } from '../handoff/forward-store';
import { wireHandoff } from '../handoff/wiring';
import { LabelStore } from '../labels/label-store';
import { wireLabels, type LabelService } from '../labels/wiring';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';
import { createAlertWatcher } from './alerts';
import { backupDataFolder } from './backup';
import { backgroundStatus } from './background-status';
import { NO_POWER_STATE, type PowerState } from './power-state';
import { createSyncScheduler, type SyncScheduler, type Timers } from './scheduler';

type HabitCall = keyof typeof labelCalls | 'notes.set' | keyof typeof handoffCalls | 'app.openDataFolder' | 'backup.create' | 'sync.backgroundStatus';
export type HabitHandlers = { [N in HabitCall]: (input: z.output<Contract[N]['input']>) => Promise<CallOutput<N>> };

export interface HabitsDeps {
  dataDir: string;
  readOnly: boolean;
  /** The label store, when the caller opened it already (the team workspace mirrors it). */
  labelStore?: LabelStore;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  settings: () => Settings;
  now: () => Date;
  report: (p: StoreProblem) => void;
  /** Opens a folder in the file manager (Electron's shell.openPath); absent elsewhere. Resolves '' or an error message. */
  openPath?: ((path: string) => Promise<string>) | undefined;
}

export interface Habits {
  handlers: HabitHandlers;
  labels: LabelService;
  /** The hand-off records of reviews being removed (removal/). */
  handoffs: { count(reviewIds: ReadonlySet<string>): number; forget(reviewIds: ReadonlySet<string>): Promise<void> };
  /** For the Google wiring: labels synced reviews and alerts about new low ones once saved. */
  prepare(reviews: readonly Review[]): { reviews: readonly Review[]; done: () => void };
  /** Creates the background sync (started by the hosts that run for a while). */
  scheduler(sync: { run: () => Promise<unknown>; ready: () => Promise<boolean>; online?: () => boolean; power?: PowerState; timers?: Timers; onError?: (err: unknown) => void }): SyncScheduler;
}

/** Labels, rules, notes, hand-off, alerts, background sync and the data folder (issue 10). */
export async function wireHabits(deps: HabitsDeps): Promise<Habits> {
  const { bus } = deps;
  const labelStore = deps.labelStore ?? await LabelStore.open(deps.dataDir, { readOnly: deps.readOnly, now: deps.now, report: deps.report });
  const forwards = deps.readOnly ? null : await openForwardStore(deps.dataDir, { onProblem: deps.report, now: deps.now });
  const labels = wireLabels({ ...deps, labels: labelStore, onChanged: () => bus.emit('labels.changed', {}) });
  const handoff = wireHandoff({ ...deps, forwards });
  const alerts = createAlertWatcher(deps);
  let background: { scheduler: SyncScheduler; online: () => boolean; power: PowerState } | null = null;

  const handlers: HabitHandlers = {
    ...labels.handlers,
    ...handoff,
    'app.openDataFolder': async () => {
      if (!deps.openPath) return { opened: false, path: deps.dataDir };
      const error = await deps.openPath(deps.dataDir);
      return { opened: error === '', path: deps.dataDir };
    },
    'backup.create': async ({ targetDir }) => {
      deps.store.assertWritable([]);
      return backupDataFolder({ dataDir: deps.dataDir, targetDir, now: deps.now, flush: () => deps.store.flush() });
    },
    'sync.backgroundStatus': () => Promise.resolve(backgroundStatus(background, deps.settings().syncIntervalMinutes)),
  };

  return {
    handlers,
    labels,
    handoffs: {
      count: (ids) => forwards?.list().filter((f) => ids.has(f.reviewId)).length ?? 0,
      async forget(ids) {
        if (!forwards) return;
        for (const f of forwards.list()) if (ids.has(f.reviewId)) await forwards.remove(f.reviewId);
        bus.emit('handoff.changed', {});
      },
    },
    prepare(reviews) {
      const found = alerts.pick(reviews);
      return { reviews: labels.labelSynced(reviews), done: () => found.forEach((a) => bus.emit('alerts.newReview', a)) };
    },
    scheduler({ power = NO_POWER_STATE, ...sync }) {
      const scheduler = createSyncScheduler({
        ...sync,
        saving: () => power.read().saver,
        intervalMinutes: () => deps.settings().syncIntervalMinutes,
        onState: () => bus.emit('sync.backgroundChanged', {}),
      });
      background = { scheduler, online: sync.online ?? (() => true), power };
      let interval = deps.settings().syncIntervalMinutes;
      bus.on('settings.changed', () => {
        if (deps.settings().syncIntervalMinutes === interval) return;
        interval = deps.settings().syncIntervalMinutes;
        scheduler.reschedule();
        bus.emit('sync.backgroundChanged', {});
      });
      return scheduler;
    },
  };
}
