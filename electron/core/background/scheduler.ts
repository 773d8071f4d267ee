import { realTimers, type Timers } from '../timers';

export { realTimers, type Timers };

export interface SchedulerOptions {
  /** One sync; rejects when it fails. */
  run: () => Promise<unknown>;
  /** Minutes between syncs; 0 = background sync off. Read before each wait, so a change applies at once after `reschedule()`. */
  intervalMinutes: () => number;
  /** Is there something to sync (e.g. Google connected with locations chosen)? When not, it checks again next interval. */
  ready: () => boolean | Promise<boolean>;
  /** False while the machine is offline or saving battery (where the host can tell); checked before each sync. */
  online?: () => boolean;
  timers?: Timers;
  /** First wait after a failure or while offline; doubles per failure up to the interval. */
  retryMs?: number;
  onError?: (err: unknown) => void;
  onSynced?: (result: unknown) => void;
}

export type SchedulerState = 'stopped' | 'idle' | 'waiting' | 'syncing' | 'offline' | 'retrying';

/**
 * Syncs every N minutes while Kalm runs. Never overlaps runs; when offline or
 * after a failure it backs off (1 min, 2, 4 … up to the interval) and retries.
 */
export function createSyncScheduler(opts: SchedulerOptions) {
  const timers = opts.timers ?? realTimers;
  const retryMs = opts.retryMs ?? 60_000;
  let handle: unknown = null;
  let state: SchedulerState = 'stopped';
  let failures = 0;
  let running: Promise<void> | null = null;

  const intervalMs = () => Math.max(0, opts.intervalMinutes()) * 60_000;
  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const wait = (ms: number, next: SchedulerState) => {
    clear();
    state = next;
    handle = timers.setTimeout(() => {
      handle = null;
      void tick();
    }, ms);
  };
  const backoff = () => Math.min(retryMs * 2 ** Math.min(failures - 1, 20), Math.max(intervalMs(), retryMs));
  const planNext = () => {
    if (state === 'stopped') return;
    const every = intervalMs();
    if (every === 0) {
      clear();
      state = 'idle';
    } else wait(every, 'waiting');
  };

  async function once(): Promise<void> {
    if (opts.online && !opts.online()) {
      failures++;
      wait(backoff(), 'offline');
      return;
    }
    if (!(await opts.ready())) {
      planNext();
      return;
    }
    state = 'syncing';
    try {
      const result = await opts.run();
      failures = 0;
      opts.onSynced?.(result);
      planNext();
    } catch (err) {
      failures++;
      opts.onError?.(err);
      if ((state as SchedulerState) !== 'stopped') wait(backoff(), 'retrying');
    }
  }

  function tick(): Promise<void> {
    if (state === 'stopped' || intervalMs() === 0) return Promise.resolve();
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    get state(): SchedulerState {
      return state;
    },
    /** Starts waiting one interval (or, with `now`, syncs at once). */
    start({ now = false }: { now?: boolean } = {}): void {
      if (state !== 'stopped') return;
      state = 'idle';
      if (now) void tick();
      else planNext();
    },
    /** The interval changed, or the machine came back online: wait anew from now. */
    reschedule(): void {
      if (state === 'stopped' || state === 'syncing') return;
      failures = 0;
      planNext();
    },
    /** Runs a sync now (and what it would run next); resolves when it is done. */
    runNow: tick,
    /** Stops; a sync in progress finishes, nothing new starts. Resolves when idle. */
    async stop(): Promise<void> {
      clear();
      state = 'stopped';
      await running;
    },
  };
}
export type SyncScheduler = ReturnType<typeof createSyncScheduler>;
