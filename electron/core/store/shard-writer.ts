import type { KalmError } from '../../../shared/domain/errors';
import { storageError } from './storage-error';

export interface ShardWriterOptions {
  /**
   * Writes one shard durably (e.g. `saveShardFile`). It must take its snapshot of the in-memory
   * state when called (synchronously, before its first await): anything scheduled after the call
   * started gets a follow-up write.
   */
  write: (key: string) => Promise<void>;
  /** How long to gather updates before writing. Default 50 ms. */
  delayMs?: number;
  /** The file a key is written to, relative to the data folder, for error messages. Default: the key. */
  fileOf?: (key: string) => string;
  /** Called on every failed write with a KalmError('storage') the user can read. */
  onError?: (key: string, err: KalmError) => void;
  /** Called when a key that had failed is written after all. */
  onRecovered?: (key: string) => void;
  /** First automatic retry after a failure; doubles up to 1 minute. Default 2 s. */
  retryMs?: number;
}

interface Flight {
  seq: number;
  done: Promise<KalmError | null>;
}

const MAX_RETRY_MS = 60_000;

/**
 * Coalesces shard writes: `schedule(key)` marks a shard dirty; dirty shards are written once after
 * `delayMs`, so a burst of updates to one shard is one write. At most one write per key runs at a
 * time; updates during a write queue exactly one follow-up. Failed writes keep the key dirty and
 * are retried (automatically with back-off, and on the next schedule/flush); the old file stays intact.
 */
export class ShardWriter {
  private readonly dirty = new Set<string>();
  private readonly inFlight = new Map<string, Flight>();
  private readonly failures = new Map<string, KalmError>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private seq = 0;
  private closed = false;

  constructor(private readonly opts: ShardWriterOptions) {
    this.retryDelay = opts.retryMs ?? 2_000;
  }

  /** Marks a shard as changed; it is written after the delay. */
  schedule(key: string): void {
    if (this.closed) return;
    this.dirty.add(key);
    this.arm();
  }

  /** Keys not yet durably written (dirty or being written). */
  get pending(): ReadonlySet<string> {
    return new Set([...this.dirty, ...this.inFlight.keys()]);
  }

  /** Keys whose last write failed, with the error. */
  get errors(): ReadonlyMap<string, KalmError> {
    return new Map(this.failures);
  }

  /**
   * Writes everything scheduled so far, now, and resolves when it is durable. Rejects with the
   * first KalmError('storage') if a write fails (the shard stays dirty and will be retried).
   */
  async flush(): Promise<void> {
    const since = this.seq;
    const keys = [...new Set([...this.dirty, ...this.inFlight.keys()])];
    const results = await Promise.all(keys.map((k) => this.flushKey(k, since)));
    const failed = results.find((r): r is KalmError => r !== null);
    if (failed) throw failed;
  }

  /** Flushes, then stops timers; later schedules are ignored. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      this.closed = true;
      this.clearTimers();
    }
  }

  private async flushKey(key: string, since: number): Promise<KalmError | null> {
    for (;;) {
      const flight = this.inFlight.get(key);
      if (flight) {
        const err = await flight.done;
        // A write that started after flush() was called saw everything flush() must save.
        if (flight.seq > since) return err;
        continue;
      }
      if (!this.dirty.has(key)) return null;
      return this.start(key).done;
    }
  }

  private arm(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const key of this.dirty) if (!this.inFlight.has(key)) this.start(key);
    }, this.opts.delayMs ?? 50);
  }

  private start(key: string): Flight {
    this.dirty.delete(key);
    const seq = ++this.seq;
    let run: Promise<void>;
    try {
      run = this.opts.write(key);
    } catch (err) {
      run = Promise.reject(err);
    }
    const done = run.then(
      () => {
        this.inFlight.delete(key);
        if (this.failures.delete(key)) {
          this.opts.onRecovered?.(key);
          if (this.failures.size === 0) this.retryDelay = this.opts.retryMs ?? 2_000;
        }
        if (this.dirty.has(key)) this.arm(); // the one follow-up for updates made during this write
        return null;
      },
      (err: unknown) => {
        this.inFlight.delete(key);
        this.dirty.add(key);
        const error = storageError(this.opts.fileOf?.(key) ?? key, err);
        this.failures.set(key, error);
        this.opts.onError?.(key, error);
        this.armRetry();
        return error;
      },
    );
    const flight = { seq, done };
    this.inFlight.set(key, flight);
    return flight;
  }

  private armRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
      this.arm();
    }, this.retryDelay);
    this.retryTimer.unref?.();
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = null;
    this.retryTimer = null;
  }
}
