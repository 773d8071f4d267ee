import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../../../shared/domain/errors';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { nodeStoreFs, removeFileDurable, writeFileAtomic, type StoreFs } from './atomic-write';
import { safeFileName } from './file-names';
import { backupFile, quarantineFile, removeLeftoverTempFiles } from './quarantine';
import { storageError } from './storage-error';

export interface RecordFolderOptions<T> {
  dataDir: string;
  /** Folder inside the data folder, e.g. "drafts". */
  dir: string;
  schema: z.ZodType<T>;
  /** The record's current schemaVersion; files with a higher one are left alone (a newer Kalm wrote them). */
  version: number;
  /** The string field that identifies a record (and names its file), e.g. "reviewId". */
  keyField: keyof T & string;
  /** What a record is called in messages: "draft", "outbox item". */
  what: string;
  /**
   * Upgrades a stored record's raw JSON to the current version (e.g. `migrateDraftFile` from
   * migrations.ts). Default: only detects files from a newer Kalm via `schemaVersion`.
   */
  migrate?: (raw: unknown) => Migrated;
  onProblem?: (problem: StoreProblem) => void;
  /** A file whose write had failed was written after all (the problem it caused is over). */
  onRecovered?: (file: string) => void;
  /** First automatic retry after a failed write; doubles up to 1 minute (as the shard writer). Default 2 s. */
  retryMs?: number;
  fs?: StoreFs;
  now?: () => Date;
}

/** What a migration says about one file (the shape of migrations.ts' MigrationResult). */
export type Migrated = { outcome: 'current'; data: unknown } | { outcome: 'upgraded'; data: unknown; from: number } | { outcome: 'newer'; found: number };

/** Options the public stores pass through. */
export type RecordStoreOptions = Pick<RecordFolderOptions<unknown>, 'migrate' | 'onProblem' | 'onRecovered' | 'retryMs' | 'fs' | 'now'>;

const MAX_RETRY_MS = 60_000;

const describe = (err: unknown): string => {
  if (err instanceof z.ZodError) {
    const i = err.issues[0];
    return `does not match the expected format (${i ? `${i.path.join('.') || 'file'}: ${i.message}` : 'unknown'})`;
  }
  if (err instanceof SyntaxError) return `is not valid JSON (${err.message})`;
  return err instanceof Error ? err.message : String(err);
};

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

  private quarantine(rel: string): Promise<string | null> {
    return quarantineFile(this.opts.dataDir, rel, this.now()).catch(() => null);
  }

  private async load(): Promise<void> {
    const dir = join(this.opts.dataDir, this.opts.dir);
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    // Temp files are what a crash mid-write leaves; the target file still holds the previous version.
    await removeLeftoverTempFiles(this.opts.dataDir, [this.opts.dir]);
    const files = names.filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    const loaded = await mapLimit(files, 32, (name) => this.loadOne(name));
    const misnamed: Loaded<T>[] = [];
    for (const r of loaded) {
      if (!r) continue;
      const key = this.keyOf(r.record);
      if (safeFileName(key) !== r.name) misnamed.push(r);
      else {
        this.records.set(key, r.record);
        if (r.upgraded) await this.keepOriginal(r.name, key, r.upgraded);
      }
    }
    for (const { name, record } of misnamed) await this.rehome(name, record);
    // Rewrites upgraded and re-homed records; what fails stays pending for the next flush.
    await this.flush().catch((err: unknown) => this.report(this.opts.dir, 'write-failed', storageError(this.opts.dir, err).message, null));
  }

  private migrate(raw: unknown): Migrated {
    if (this.opts.migrate) return this.opts.migrate(raw);
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    return typeof version === 'number' && version > this.opts.version ? { outcome: 'newer', found: version } : { outcome: 'current', data: raw };
  }

  private async loadOne(name: string): Promise<Loaded<T> | null> {
    const rel = `${this.opts.dir}/${name}`;
    try {
      const text = await readFile(join(this.opts.dataDir, rel), 'utf8');
      const raw: unknown = JSON.parse(text);
      const m = this.migrate(raw);
      if (m.outcome === 'newer') {
        const key = (raw as Record<string, unknown>)[this.opts.keyField];
        if (typeof key === 'string') this.foreign.add(key);
        this.report(rel, 'newer-version', `${rel} was saved by a newer version of Kalm (format ${m.found}); it is left as it is.`, null);
        return null;
      }
      const record = this.opts.schema.parse(m.data);
      return { name, record, upgraded: m.outcome === 'upgraded' ? { from: m.from, text } : null };
    } catch (err) {
      const movedTo = await this.quarantine(rel);
      const reason = `The ${this.opts.what} in ${rel} ${describe(err)}; ${movedTo ? `it was moved to ${movedTo}` : 'it was left in place'}.`;
      this.report(rel, movedTo ? 'quarantined' : 'unreadable', reason, movedTo);
      return null;
    }
  }

  /** An upgraded record: keep a copy of the old file in backups/, then rewrite it in the current format. */
  private async keepOriginal(name: string, key: string, upgraded: { from: number; text: string }): Promise<void> {
    const rel = `${this.opts.dir}/${name}`;
    const kept = await backupFile(this.opts.dataDir, rel, upgraded.text, upgraded.from, this.now()).catch(() => null);
    if (!kept) {
      // Without a backup the old file stays as it is; the upgraded record lives in memory until it is saved.
      this.report(rel, 'write-failed', `${rel} was upgraded from format ${upgraded.from} but could not be backed up; the file was left as it is.`, null);
      return;
    }
    this.report(rel, 'migrated', `${rel} was upgraded from format ${upgraded.from}; the original is kept in ${kept}.`, kept);
    this.unsaved.add(key);
  }

  /** A valid record under an unexpected name (copied by hand, or an older naming): move it to its own name, never lose it. */
  private async rehome(name: string, record: T): Promise<void> {
    const key = this.keyOf(record);
    const rel = `${this.opts.dir}/${name}`;
    const proper = this.relPath(key);
    if (this.records.has(key) || this.foreign.has(key)) {
      const movedTo = await this.quarantine(rel);
      this.report(rel, movedTo ? 'quarantined' : 'unreadable', `${rel} is a second copy of the ${this.opts.what} in ${proper}; ${movedTo ? `it was moved to ${movedTo}` : 'it was left in place'}.`, movedTo);
      return;
    }
    this.records.set(key, record);
    const target = join(this.opts.dataDir, proper);
    const taken = await stat(target).then(() => true, () => false);
    if (!taken) {
      try {
        await rename(join(this.opts.dataDir, rel), target);
        return;
      } catch {
        /* written under its proper name with the next flush */
      }
    }
    this.unsaved.add(key);
  }
}

interface Loaded<T> {
  name: string;
  record: T;
  /** Set when the file was upgraded from an older format: that version and the original text. */
  upgraded: { from: number; text: string } | null;
}

async function mapLimit<A, B>(items: readonly A[], limit: number, fn: (a: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array<B>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as A);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
