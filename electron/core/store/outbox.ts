import { OUTBOX_SCHEMA_VERSION, OutboxItem } from '../../../shared/domain/outbox';
import { RecordFolder, type RecordStoreOptions } from './record-files';
import { RecordStore } from './record-store';

export const OUTBOX_DIR = 'outbox';

/**
 * Replies waiting to be published, one small file per item (`outbox/<safe id>.json`).
 * `put()` resolves only once the item is durable, so a queued reply survives a crash.
 */
export class OutboxStore extends RecordStore<OutboxItem> {
  private constructor(folder: RecordFolder<OutboxItem>) {
    super(folder);
  }

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

  /** Adds or replaces an item; resolves once it is durable (rejects with KalmError 'storage'). */
  put(item: OutboxItem): Promise<void> {
    return this.folder.put(item);
  }

  /** Removes an item (e.g. once sent); resolves once its file is gone. */
  remove(id: string): Promise<void> {
    return this.folder.remove(id);
  }
}
