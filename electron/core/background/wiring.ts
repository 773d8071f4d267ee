import type { Settings } from '../../../shared/domain/settings';
import type { EventBus } from '../events';
import type { CallHandlers } from '../handler-map';
import { backgroundStatus } from './background-status';
import { NO_POWER_STATE, type PowerState } from './power-state';
import { createSyncScheduler, type SyncScheduler, type Timers } from './scheduler';

export interface BackgroundSyncDeps {
  bus: EventBus;
  settings: () => Settings;
  /** One sync of every source that syncs by itself, and whether there is anything to sync now. */
  sync: { run: () => Promise<unknown>; ready: () => Promise<boolean> };
  /** The host's seams: online check (Electron: net.isOnline), power saving (power-state.ts), timers for tests, where errors go. */
  seams?: { online?: () => boolean; power?: PowerState; timers?: Timers; onError?: (err: unknown) => void } | undefined;
}

export interface BackgroundSyncWiring {
  handlers: CallHandlers<'sync.backgroundStatus'>;
  /** Not started here: the hosts that keep running (Electron, web host) start it; `stop()` ends it on close. */
  scheduler: SyncScheduler;
}

/** Background sync every N minutes (Settings), paused offline and on battery saver: background sync's composition root. */
export function wireBackgroundSync({ bus, settings, sync, seams = {} }: BackgroundSyncDeps): BackgroundSyncWiring {
  const { power = NO_POWER_STATE, online = () => true, ...rest } = seams;
  const scheduler = createSyncScheduler({
    ...sync,
    ...rest,
    online,
    saving: () => power.read().saver,
    intervalMinutes: () => settings().syncIntervalMinutes,
    onState: () => bus.emit('sync.backgroundChanged', {}),
  });
  let interval = settings().syncIntervalMinutes;
  bus.on('settings.changed', () => {
    if (settings().syncIntervalMinutes === interval) return;
    interval = settings().syncIntervalMinutes;
    scheduler.reschedule();
    bus.emit('sync.backgroundChanged', {});
  });
  const status = { scheduler, online, power };
  return {
    handlers: { 'sync.backgroundStatus': () => Promise.resolve(backgroundStatus(status, settings().syncIntervalMinutes)) },
    scheduler,
  };
}
