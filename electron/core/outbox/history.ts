import type { Reply } from '../../../shared/domain/review';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import {
  MAX_REPLY_VERSIONS, REPLY_HISTORY_VERSION, ReplyHistory, type ReplyVersion,
} from '../../../shared/outbox/reply-history';
import { RecordFolder, type RecordStoreOptions } from '../store/record-files';

export const REPLY_HISTORY_DIR = 'history';

/** Each review's reply versions in a file of its own (`history/<review>.json`), written atomically. */
export class ReplyHistoryStore {
  private constructor(private readonly folder: RecordFolder<ReplyHistory>) {}

  static async open(dataDir: string, opts: RecordStoreOptions = {}): Promise<ReplyHistoryStore> {
    const folder = await RecordFolder.open<ReplyHistory>({
      ...opts, dataDir, dir: REPLY_HISTORY_DIR, schema: ReplyHistory, version: REPLY_HISTORY_VERSION, keyField: 'reviewId', what: 'reply history',
    });
    return new ReplyHistoryStore(folder);
  }

  get problems(): readonly StoreProblem[] {
    return this.folder.problems;
  }

  versions(reviewId: string): ReplyVersion[] {
    return this.folder.get(reviewId)?.versions ?? [];
  }

  /**
   * Records that the reply changed from `before` (what the review had) to `after` (null: removed).
   * The reply the review had before Kalm first changed it is kept as the first version.
   */
  async record(reviewId: string, before: Reply | null, after: Reply | null, at: string): Promise<void> {
    const versions = [...this.versions(reviewId)];
    const last = versions.at(-1);
    if (before && (!last || last.text !== before.text || last.origin === 'removed')) {
      versions.push({ text: before.text, at: before.updatedAt, origin: 'source', state: before.state, reason: null });
    }
    versions.push(after
      ? { text: after.text, at: after.updatedAt, origin: 'kalm', state: after.state, reason: null }
      : { text: '', at, origin: 'removed', state: null, reason: null });
    await this.folder.put({ schemaVersion: REPLY_HISTORY_VERSION, reviewId, versions: versions.slice(-MAX_REPLY_VERSIONS) });
  }
}
