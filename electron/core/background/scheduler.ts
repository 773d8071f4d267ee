import { realTimers, type Timers } from '../timers';

export { realTimers, type Timers };

export interface SchedulerOptions {
  /** One sync; rejects when it fails. */
  run: () => Promise<unknown>;
  /** Minutes between syncs; 0 = background sync off. Read before each wait, so a change applies at once after `reschedule()`. */
  intervalMinutes: () => number;
  /** Is there something to sync (e.g. Google connected with locations chosen)? When not, it checks again next interval. */
  ready: () => boolean | Promise<boolean>;
  /** False while the machine is offline (where the host can tell); checked before each sync. */
  online?: () => boolean;
  /** True while the machine saves power (battery saver, where the host can tell: power-state.ts); checked before each sync. */
  saving?: () => boolean;
  /** Told each time the state changes (the Settings page shows it). */
  onState?: (state: SchedulerState) => void;
  timers?: Timers;
  /** First wait after a failure or while offline; doubles per failure up to the interval. */
  retryMs?: number;
  onError?: (err: unknown) => void;
  onSynced?: (result: unknown) => void;
}

export type SchedulerState = 'stopped' | 'idle' | 'waiting' | 'syncing' | 'offline' | 'battery-saver' | 'retrying';

/**
 * Syncs every N minutes while Kalm runs. Never overlaps runs; when offline, on
 * battery saver or after a failure it backs off (1 min, 2, 4 … up to the
 * interval) and checks again.
 */
export function createSyncScheduler(opts: SchedulerOptions) {
  const timers = opts.timers ?? realTimers;
  const retryMs = opts.retryMs ?? 60_000;
  let handle: unknown = null;
  let current: SchedulerState = 'stopped';
  let failures = 0;
  let running: Promise<void> | null = null;

  const intervalMs = () => Math.max(0, opts.intervalMinutes()) * 60_000;
  const setState = (next: SchedulerState) => {
    if (next === current) return;
    current = next;
    opts.onState?.(next);
  };
  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const wait = (ms: number, next: SchedulerState) => {
    clear();
    setState(next);
    handle = timers.setTimeout(() => {
      handle = null;
      void tick();
    }, ms);
  };
  const backoff = () => Math.min(retryMs * 2 ** Math.min(failures - 1, 20), Math.max(intervalMs(), retryMs));
  const planNext = () => {
    if (current === 'stopped') return;
    const every = intervalMs();
    if (every === 0) {
      clear();
      setState('idle');
    } else wait(every, 'waiting');
  };

  async function once(): Promise<void> {
    if (opts.online && !opts.online()) {
      failures++;
      wait(backoff(), 'offline');
      return;
    }
    if (opts.saving?.()) {
      failures++;
      wait(backoff(), 'battery-saver');
      return;
    }
    if (!(await opts.ready())) {
      planNext();
      return;
    }
    setState('syncing');
    try {
      const result = await opts.run();
      failures = 0;
      opts.onSynced?.(result);
      planNext();
    } catch (err) {
      failures++;
      opts.onError?.(err);
      if ((current as SchedulerState) !== 'stopped') wait(backoff(), 'retrying');
    }
  }

  function tick(): Promise<void> {
    if (current === 'stopped' || intervalMs() === 0) return Promise.resolve();
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    get state(): SchedulerState {
      return current;
    },
    /** Starts waiting one interval (or, with `now`, syncs at once). */
    start({ now = false }: { now?: boolean } = {}): void {
      if (current !== 'stopped') return;
      setState('idle');
      if (now) void tick();
      else planNext();
    },
    /** The interval changed, or the machine came back online: wait anew from now. */
    reschedule(): void {
      if (current === 'stopped' || current === 'syncing') return;
      failures = 0;
      planNext();
    },
    /** Runs a sync now (and what it would run next); resolves when it is done. */
    runNow: tick,
    /** Stops; a sync in progress finishes, nothing new starts. Resolves when idle. */
    async stop(): Promise<void> {
      clear();
      setState('stopped');
      await running;
    },
  };
}
export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
