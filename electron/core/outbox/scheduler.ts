import { realTimers, type Timers } from '../timers';

/** The timers the scheduler uses (tests pass fake ones). */
export type SchedulerTimers = Timers;

export interface OutboxSchedulerOptions {
  /** Sends every item that is due (the publisher's backoff decides what is); one run at a time. */
  run(): Promise<unknown>;
  /** When the earliest waiting item is due (ms since the epoch; <= now: due now), or null when nothing waits. */
  nextDueAt(): number | null;
  now(): number;
  timers?: SchedulerTimers;
  /** Longest sleep, so a missed event or a changed clock never leaves replies waiting long (default 5 min). */
  maxSleepMs?: number;
  /** Wait after a run that threw (e.g. no Google client set up yet) before the next try (default 60 s). */
  errorWaitMs?: number;
  /** Shortest gap between two runs while something stays due (default 1 s): never a busy loop. */
  minGapMs?: number;
  onError?(err: unknown): void;
}

/**
 * Publishes the outbox in the background: right away when something is due, then again when the
 * next item's retry time comes, and whenever `kick()` says the outbox changed (a reply was queued,
 * retried or resolved). Runs never overlap; a kick during a run starts one more run after it.
 */
export class OutboxScheduler {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly timers: SchedulerTimers;

  constructor(private readonly opts: OutboxSchedulerOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.kick();
  }

  /** Something changed (or the owner asked): look at the outbox now. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no run is going on (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops scheduling and waits for a run in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.idle();
  }

  /** True while a timer waits for the next due item. */
  get waiting(): boolean {
    return this.timer !== null;
  }

  private async loop(): Promise<void> {
    let failed = false;
    let ran = false;
    do {
      this.again = false;
      const due = this.opts.nextDueAt();
      if (due === null || due > this.opts.now()) continue;
      ran = true;
      try {
        await this.opts.run();
        failed = false;
      } catch (err) {
        failed = true;
        this.opts.onError?.(err);
      }
    } while (this.again && !this.stopped && !failed);
    this.plan(failed, ran);
  }

  private plan(failed: boolean, ran: boolean): void {
    if (this.stopped) return;
    const due = this.opts.nextDueAt();
    if (due === null) return;
    const max = this.opts.maxSleepMs ?? 300_000;
    let wait = Math.min(max, Math.max(0, due - this.opts.now()));
    if (failed) wait = Math.max(wait, this.opts.errorWaitMs ?? 60_000);
    else if (ran) wait = Math.max(wait, this.opts.minGapMs ?? 1_000);
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.kick();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
