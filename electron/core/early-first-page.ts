import { firstPageAt, isFirstPageQuery } from '../../shared/reviews/first-page';
import type { ReviewPage } from '../../shared/reviews/query-schema';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import { readValidFirstPage } from './store/first-page-file';
import { schemaFingerprint } from './store/shard-manifest';
import { ShardFile } from './store/workspace-files';
import { packageVersion } from './version';

/** Answers the inbox's first request at start, or says it cannot (null): then the core answers, once it is open. */
export type EarlyFirstPage = (input: unknown) => Promise<ReviewPage | null>;

export interface EarlyStart {
  answer: EarlyFirstPage;
  /** Settles once the files are checked (the core's own load waits for it, so the two do not share the CPU). */
  checked: Promise<void>;
}

/**
 * The first page saved by the last run (core/store/first-page-file.ts), checked against the files right away
 * (every shard read and hashed while the core loads them), so the inbox's first rows do not wait for 100,000
 * reviews to be parsed and indexed. Only the exact first-page query is answered, and only while the saved
 * page holds; the answer is the one the core would give at that moment (the overdue count follows the clock).
 */
export function earlyFirstPage(dataDir: string): EarlyStart {
  const saved = readValidFirstPage(dataDir, { kalm: packageVersion(), schema: schemaFingerprint(ShardFile) }).catch(() => null);
  return {
    checked: saved.then(() => undefined),
    answer: async (input) => {
      if (!isFirstPageQuery(input)) return null;
      const page = await saved;
      return page ? firstPageAt(page, Date.now(), replyPolicy(page.policy)) : null;
    },
  };
}
