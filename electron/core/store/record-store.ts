import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { RecordFolder } from './record-files';

/**
 * What every store of one-file-per-record (drafts, outbox) offers on top of its folder: the
 * problems found, reading, retrying unsaved records and stopping. Each store adds its own writes.
 */
export abstract class RecordStore<T> {
  protected constructor(protected readonly folder: RecordFolder<T>) {}

  /** Files found at open (or later) that could not be used as they are. */
  get problems(): readonly StoreProblem[] {
    return this.folder.problems;
  }

  list(): T[] {
    return this.folder.list();
  }

  get(key: string): T | undefined {
    return this.folder.get(key);
  }

  /** Writes every record whose latest version is not on disk yet (after a failed write). */
  flush(): Promise<void> {
    return this.folder.flush();
  }

  /** Keys whose latest record is not durable yet. */
  get pending(): ReadonlySet<string> {
    return this.folder.pending;
  }

  /** Stops retrying failed writes (the store is closing). */
  stopRetrying(): void {
    this.folder.stopRetrying();
  }
}
