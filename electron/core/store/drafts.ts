import { DRAFT_SCHEMA_VERSION, Draft } from '../../../shared/domain/draft';
import { RecordFolder, type RecordStoreOptions } from './record-files';
import { RecordStore } from './record-store';

export const DRAFTS_DIR = 'drafts';

/**
 * Reply drafts, one small file each (`drafts/<safe review id>.json`), so saving a draft costs the
 * same with 100 or 100,000 reviews. `save()` resolves only once the draft is durable on disk.
 */
export class DraftStore extends RecordStore<Draft> {
  private constructor(folder: RecordFolder<Draft>) {
    super(folder);
  }

  /** Loads every draft. Unreadable files are moved to quarantine/ and reported; crash leftovers are removed. */
  static async open(dataDir: string, opts: RecordStoreOptions = {}): Promise<DraftStore> {
    const folder = await RecordFolder.open<Draft>({
      ...opts,
      dataDir,
      dir: DRAFTS_DIR,
      schema: Draft,
      version: DRAFT_SCHEMA_VERSION,
      keyField: 'reviewId',
      what: 'draft',
    });
    return new DraftStore(folder);
  }

  /**
   * Keeps the draft and resolves once it is on disk (the "acknowledged" point). Saves of the same
   * draft are written in order, so the file always ends with the latest text. A failed save keeps
   * the draft in memory and rejects with KalmError 'storage'; the next save or flush() retries.
   */
  save(draft: Draft): Promise<void> {
    return this.folder.put(draft);
  }

  /** Removes the draft; resolves once its file is gone. Discarding a missing draft is fine. */
  discard(reviewId: string): Promise<void> {
    return this.folder.remove(reviewId);
  }
}
