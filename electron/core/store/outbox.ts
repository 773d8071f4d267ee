import { OUTBOX_SCHEMA_VERSION, OutboxItem } from '../../../shared/domain/outbox';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { RecordFolder, type RecordStoreOptions } from './record-files';

export const OUTBOX_DIR = 'outbox';

/**
 * Replies waiting to be published, one small file per item (`outbox/<safe id>.json`).
 * `put()` resolves only once the item is durable, so a queued reply survives a crash.
 */
export class OutboxStore {
  private constructor(private readonly folder: RecordFolder<OutboxItem>) {}

  /** Loads every item. Unreadable files are moved to quarantine/ and reported; crash leftovers are removed. */
  static async open(dataDir: string, opts: RecordStoreOptions = {}): Promise<OutboxStore> {
    const folder = await RecordFolder.open<OutboxItem>({
      ...opts,
      dataDir,
      dir: OUTBOX_DIR,
      schema: OutboxItem,
      version: OUTBOX_SCHEMA_VERSION,
      keyField: 'id',
      what: 'outbox item',
    });
    return new OutboxStore(folder);
  }

  get problems(): readonly StoreProblem[] {
    return this.folder.problems;
  }

  list(): OutboxItem[] {
    return this.folder.list();
  }

  get(id: string): OutboxItem | undefined {
    return this.folder.get(id);
  }

  /** Adds or replaces an item; resolves once it is durable (rejects with KalmError 'storage'). */
  put(item: OutboxItem): Promise<void> {
    return this.folder.put(item);
  }

  /** Removes an item (e.g. once sent); resolves once its file is gone. */
  remove(id: string): Promise<void> {
    return this.folder.remove(id);
  }

  flush(): Promise<void> {
    return this.folder.flush();
  }

  get pending(): ReadonlySet<string> {
    return this.folder.pending;
  }

  /** Stops retrying failed writes (the store is closing). */
  stopRetrying(): void {
    this.folder.stopRetrying();
  }
}
