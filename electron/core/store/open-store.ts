import { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { closeOnce } from '../shutdown';
import { DraftStore } from './drafts';
import { acquireDataLock, LOCK_FILE, type DataLock, type LockOptions } from './lock';
import { migrateDraftFile, migrateOutboxFile } from './migrations';
import { OutboxStore } from './outbox';
import { ShardWriter } from './shard-writer';
import { isReadOnlyFile, loadWorkspaceFiles, saveShardFile, shardPath, SOURCES_FILE, type LoadedWorkspace } from './workspace-files';

export interface OpenStoreOptions {
  /** Read without the writer lock (e.g. `kalm reviews` while the app runs): nothing is moved, upgraded or written. */
  readOnly: boolean;
  now: () => Date;
  /** Called for every file problem found while running (write failures); load-time ones are in `loaded.problems`. */
  report: (problem: StoreProblem) => void;
  /** The reviews of one shard at the moment it is written. */
  shardReviews: (source: string, locationId: string) => Review[] | undefined;
  /** A file whose write had failed was written after all (its 'write-failed' problem is over). */
  recovered?: (file: string) => void;
  /** Waiting for a live holder of the lock (the CLI waits briefly for a parallel write). */
  lock?: Pick<LockOptions, 'waitForHolderMs' | 'onWait'>;
}

/** The opened data folder: its lock, what loaded, the draft and outbox stores, and the coalescing shard writer. */
export interface OpenedStore {
  loaded: LoadedWorkspace;
  drafts: DraftStore | null;
  outbox: OutboxStore | null;
  /** Marks a shard changed; it is written shortly after, once per burst. */
  scheduleShard(source: string, locationId: string): void;
  /** Refuses (KalmError) when this store may not be written: read-only mode, or files of a newer Kalm. */
  assertWritable(files?: readonly string[]): void;
  flush(): Promise<void>;
  /** True while everything in memory is on disk: no shard, draft or outbox write queued, running or failed. */
  settled(): boolean;
  close(): Promise<void>;
}

const shardKey = (source: string, locationId: string): string => JSON.stringify([source, locationId]);
const fromKey = (key: string): [string, string] => JSON.parse(key) as [string, string];

function readOnlyStore(loaded: LoadedWorkspace): OpenedStore {
  const refuse = () => {
    throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save changes. Close other Kalm windows, or make the folder writable, and try again.');
  };
  return { loaded, drafts: null, outbox: null, scheduleShard: refuse, assertWritable: refuse, flush: async () => undefined, settled: () => false, close: async () => undefined };
}

/** Takes the writer lock first (loading moves broken files aside and upgrades old ones), then loads. */
export async function openStore(dataDir: string, opts: OpenStoreOptions): Promise<OpenedStore> {
  if (opts.readOnly) return readOnlyStore(await loadWorkspaceFiles(dataDir, { dryRun: true, now: opts.now }));

  let lock: DataLock;
  try {
    lock = await acquireDataLock(dataDir, opts.lock ?? {});
  } catch (err) {
    // A data folder on a read-only disk (or one we may not write): show what is there, save nothing, say why.
    if (!(err instanceof KalmError) || err.code !== 'storage') throw err;
    const loaded = await loadWorkspaceFiles(dataDir, { now: opts.now });
    loaded.problems.unshift({
      file: LOCK_FILE,
      kind: 'write-failed',
      reason: `${err.message} Kalm shows your reviews but cannot save changes until the folder can be written.`,
      movedTo: null,
      at: opts.now().toISOString(),
    });
    return readOnlyStore(loaded);
  }
  try {
    const loaded = await loadWorkspaceFiles(dataDir, { now: opts.now });
    const recovered = (file: string) => opts.recovered?.(file);
    const drafts = await DraftStore.open(dataDir, { onProblem: opts.report, onRecovered: recovered, now: opts.now, migrate: migrateDraftFile });
    const outbox = await OutboxStore.open(dataDir, { onProblem: opts.report, onRecovered: recovered, now: opts.now, migrate: migrateOutboxFile });
    const fileOf = (key: string) => shardPath(...fromKey(key));
    const writer = new ShardWriter({
      write: (key) => {
        const [source, locationId] = fromKey(key);
        const reviews = opts.shardReviews(source, locationId);
        return reviews ? saveShardFile(dataDir, source, locationId, reviews) : Promise.resolve();
      },
      fileOf,
      onRecovered: (key) => recovered(fileOf(key)),
      onError: (key, err) => opts.report({ file: fileOf(key), kind: 'write-failed', reason: err.message, movedTo: null, at: opts.now().toISOString() }),
    });
    return {
      loaded,
      drafts,
      outbox,
      scheduleShard: (source, locationId) => writer.schedule(shardKey(source, locationId)),
      assertWritable: (files = [SOURCES_FILE]) => {
        const blocked = files.find((f) => isReadOnlyFile(dataDir, f));
        if (blocked) throw new KalmError('storage', `Kalm will not change ${blocked}: it was written by a newer version of Kalm or cannot be read. Nothing was changed.`);
      },
      flush: async () => {
        await writer.flush();
        await drafts.flush();
        await outbox.flush();
      },
      settled: () => writer.pending.size === 0 && drafts.pending.size === 0 && outbox.pending.size === 0,
      close: closeOnce(async () => {
        try {
          await writer.flush();
          await drafts.flush();
          await outbox.flush();
        } finally {
          await writer.close().catch(() => undefined);
          drafts.stopRetrying();
          outbox.stopRetrying();
          await lock.release();
        }
      }),
    };
  } catch (err) {
    await lock.release();
    throw err;
  }
}
