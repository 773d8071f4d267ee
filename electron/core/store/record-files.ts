import { join } from 'node:path';
import { KalmError } from '../../../shared/domain/errors';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { nodeStoreFs, removeFileDurable, writeFileAtomic, type StoreFs } from './atomic-write';
import { safeFileName } from './file-names';
import { loadRecordFolder } from './record-folder-load';
import type { RecordFolderOptions } from './record-folder-options';
import { storageError } from './storage-error';

export type { Migrated, RecordFolderOptions, RecordStoreOptions } from './record-folder-options';

const MAX_RETRY_MS = 60_000;

/**
 * One JSON file per record in `<dataDir>/<dir>/`, so saving one record costs the same however
 * many reviews the store holds. Writes are atomic and serialised per file: whatever the order of
 * puts/removes, the file ends up matching the latest in-memory state.
 */
export class RecordFolder<T> {
  private readonly records = new Map<string, T>();
  /** Keys whose file was written by a newer Kalm; never overwritten. */
  private readonly foreign = new Set<string>();
  /** Keys whose latest state may not be on disk yet (a write failed or is queued). */
  private readonly unsaved = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();
  readonly problems: StoreProblem[] = [];
  private readonly fs: StoreFs;
  /** Keys whose last write failed (retried by the timer). */
  private readonly failed = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number | null = null;

  private constructor(private readonly opts: RecordFolderOptions<T>) {
    this.fs = opts.fs ?? nodeStoreFs;
  }

  /** Loads every record; removes temp files left by a crash; moves unreadable files to quarantine/. */
  static async open<T>(opts: RecordFolderOptions<T>): Promise<RecordFolder<T>> {
    const folder = new RecordFolder(opts);
    await folder.load();
    return folder;
  }

  list(): T[] {
    return [...this.records.values()];
  }

  get(key: string): T | undefined {
    return this.records.get(key);
  }

  /** Keeps `record` in memory and resolves once it is durably on disk (rejects with KalmError 'storage'). */
  put(record: T): Promise<void> {
    const parsed = this.opts.schema.safeParse(record);
    if (!parsed.success) return Promise.reject(KalmError.fromZod(parsed.error, `saving a ${this.opts.what}`));
    const key = this.keyOf(parsed.data);
    if (this.foreign.has(key)) return Promise.reject(this.newerError(key));
    return this.change(key, parsed.data);
  }

  /** Forgets the record and resolves once its file is gone. */
  remove(key: string): Promise<void> {
    if (this.foreign.has(key)) return Promise.reject(this.newerError(key));
    if (!this.records.has(key) && !this.unsaved.has(key)) return this.running.get(key) ?? Promise.resolve();
    return this.change(key, undefined);
  }

  /**
   * Sets (or with undefined removes) a record and writes it. When the write fails, memory goes
   * back to what it was (unless a later change replaced it) and the call rejects: a caller is
   * never told "failed" while the change stays applied.
   */
  private change(key: string, next: T | undefined): Promise<void> {
    const had = this.records.has(key);
    const previous = this.records.get(key);
    if (next === undefined) this.records.delete(key);
    else this.records.set(key, next);
    return this.sync(key).catch((err: unknown) => {
      if (this.records.get(key) === next) {
        if (had) this.records.set(key, previous as T);
        else this.records.delete(key);
      }
      throw err;
    });
  }

  /** Retries every record whose latest state is not on disk yet. */
  async flush(): Promise<void> {
    const results = await Promise.allSettled([...new Set([...this.unsaved, ...this.running.keys()])].map((k) => this.sync(k)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Keys whose latest state is not durable yet. */
  get pending(): ReadonlySet<string> {
    return new Set(this.unsaved);
  }

  private keyOf(record: T): string {
    return String(record[this.opts.keyField]);
  }

  private relPath(key: string): string {
    return `${this.opts.dir}/${safeFileName(key)}`;
  }

  /** Brings the file of `key` in line with memory. One write per key at a time; callers during a write share one follow-up. */
  private sync(key: string): Promise<void> {
    this.unsaved.add(key);
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const before = this.running.get(key);
    const job = (before ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        this.queued.delete(key);
        this.running.set(key, job);
        try {
          await this.writeNow(key);
          // A queued follow-up still has to write; only then is the key saved.
          if (!this.queued.has(key)) this.unsaved.delete(key);
          if (this.failed.delete(key)) {
            this.opts.onRecovered?.(this.relPath(key));
            if (this.failed.size === 0) this.retryDelay = null;
          }
        } catch (err) {
          this.failed.add(key);
          this.armRetry();
          throw err;
        } finally {
          if (this.running.get(key) === job) this.running.delete(key);
        }
      });
    if (before) this.queued.set(key, job);
    else this.running.set(key, job);
    return job;
  }

  /** Retries what failed (disk full, read-only folder) on a back-off, until it lands. */
  private armRetry(): void {
    if (this.retryTimer) return;
    const delay = (this.retryDelay = Math.min((this.retryDelay ?? (this.opts.retryMs ?? 2_000) / 2) * 2, MAX_RETRY_MS));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush().catch(() => undefined); // a failure re-arms the timer
    }, delay);
    this.retryTimer.unref?.();
  }

  /** Stops the retry timer (the store is closing; what is unsaved was reported). */
  stopRetrying(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async writeNow(key: string): Promise<void> {
    const rel = this.relPath(key);
    const path = join(this.opts.dataDir, rel);
    const record = this.records.get(key);
    try {
      if (record === undefined) await removeFileDurable(path, this.fs);
      else await writeFileAtomic(path, JSON.stringify(record, null, 1) + '\n', this.fs);
    } catch (err) {
      throw storageError(rel, err);
    }
  }

  private newerError(key: string): KalmError {
    return new KalmError('forbidden', `${this.relPath(key)} was saved by a newer version of Kalm; this version leaves it as it is. Update Kalm to change it.`);
  }

  private report(file: string, kind: StoreProblem['kind'], reason: string, movedTo: string | null): void {
    const problem: StoreProblem = { file, kind, reason, movedTo, at: this.now().toISOString() };
    this.problems.push(problem);
    this.opts.onProblem?.(problem);
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  private async load(): Promise<void> {
    const loaded = await loadRecordFolder(this.opts, (file, kind, reason, movedTo) => this.report(file, kind, reason, movedTo));
    for (const [key, record] of loaded.records) this.records.set(key, record);
    for (const key of loaded.foreign) this.foreign.add(key);
    for (const key of loaded.unsaved) this.unsaved.add(key);
    // Rewrites upgraded and re-homed records; what fails stays pending for the next flush.
    await this.flush().catch((err: unknown) => this.report(this.opts.dir, 'write-failed', storageError(this.opts.dir, err).message, null));
  }
}
