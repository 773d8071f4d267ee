import type { Reply } from '../../../shared/domain/review';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import {
  MAX_REPLY_VERSIONS, REPLY_HISTORY_VERSION, ReplyHistory, type ReplyVersion,
} from '../../../shared/outbox/reply-history';
import { RecordFolder, type RecordStoreOptions } from '../store/record-files';

export const REPLY_HISTORY_DIR = 'history';

/** `<source>--<location>` of a review id `<source>:<location>:<external>` (names the file). */
export const historyShardOf = (reviewId: string): string => reviewId.split(':').slice(0, 2).join('--');

/** Each review's reply versions, one file per location (`history/<source>--<location>.json`), written atomically. */
export class ReplyHistoryStore {
  private constructor(private readonly folder: RecordFolder<ReplyHistory>) {}

  static async open(dataDir: string, opts: RecordStoreOptions = {}): Promise<ReplyHistoryStore> {
    const folder = await RecordFolder.open<ReplyHistory>({
      ...opts, dataDir, dir: REPLY_HISTORY_DIR, schema: ReplyHistory, version: REPLY_HISTORY_VERSION, keyField: 'shard', what: 'reply history',
    });
    return new ReplyHistoryStore(folder);
  }

  get problems(): readonly StoreProblem[] {
    return this.folder.problems;
  }

  versions(reviewId: string): ReplyVersion[] {
    return this.folder.get(historyShardOf(reviewId))?.reviews[reviewId] ?? [];
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
    const shard = historyShardOf(reviewId);
    const reviews = { ...this.folder.get(shard)?.reviews, [reviewId]: versions.slice(-MAX_REPLY_VERSIONS) };
    await this.folder.put({ schemaVersion: REPLY_HISTORY_VERSION, shard, reviews });
  }

  /** How many of these reviews have reply versions recorded. */
  countOf(reviewIds: ReadonlySet<string>): number {
    let n = 0;
    for (const id of reviewIds) if (this.versions(id).length) n++;
    return n;
  }

  /** Forgets the reply versions of these reviews; a location file left without any is removed. */
  async forget(reviewIds: ReadonlySet<string>): Promise<void> {
    const shards = new Set([...reviewIds].map(historyShardOf));
    for (const shard of shards) {
      const file = this.folder.get(shard);
      if (!file) continue;
      const reviews = Object.fromEntries(Object.entries(file.reviews).filter(([id]) => !reviewIds.has(id)));
      if (Object.keys(reviews).length === Object.keys(file.reviews).length) continue;
      if (Object.keys(reviews).length === 0) await this.folder.remove(shard);
      else await this.folder.put({ ...file, reviews });
    }
  }
}
