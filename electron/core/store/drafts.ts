import { DRAFT_SCHEMA_VERSION, Draft } from '../../../shared/domain/draft';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { RecordFolder, type RecordStoreOptions } from './record-files';

export const DRAFTS_DIR = 'drafts';

/**
 * Reply drafts, one small file each (`drafts/<safe review id>.json`), so saving a draft costs the
 * same with 100 or 100,000 reviews. `save()` resolves only once the draft is durable on disk.
 */
export class DraftStore {
  private constructor(private readonly folder: RecordFolder<Draft>) {}

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

  /** Files found at open (or later) that could not be used as they are. */
  get problems(): readonly StoreProblem[] {
    return this.folder.problems;
  }

  list(): Draft[] {
    return this.folder.list();
  }

  get(reviewId: string): Draft | undefined {
    return this.folder.get(reviewId);
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

  /** Writes every draft whose latest version is not on disk yet (after a failed save). */
  flush(): Promise<void> {
    return this.folder.flush();
  }

  /** Review ids whose latest draft is not durable yet. */
  get pending(): ReadonlySet<string> {
    return this.folder.pending;
  }

  /** Stops retrying failed writes (the store is closing). */
  stopRetrying(): void {
    this.folder.stopRetrying();
  }
}
