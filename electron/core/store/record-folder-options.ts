import type { z } from 'zod';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { StoreFs } from './atomic-write';

/** How one folder of JSON records (drafts/, outbox/, …) is read and written. */
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
