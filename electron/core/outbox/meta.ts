import { z } from 'zod';
import { IsoTime } from '../../../shared/domain/review';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { Review } from '../../../shared/domain/review';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { OutboxConflict } from '../../../shared/outbox/outbox-view';
import { RecordFolder, type RecordStoreOptions } from '../store/record-files';

export const OUTBOX_META_VERSION = 1;
/** Side records next to the outbox items (`outbox/meta/<safe id>.json`); OutboxStore ignores sub-folders. */
export const OUTBOX_META_DIR = 'outbox/meta';

export { ConflictKind, OutboxConflict } from '../../../shared/outbox/outbox-view';

/** What OutboxItem does not hold: the review snapshot for conflict checks, the conflict, the confirmed reply. */
export const OutboxMeta = z.object({
  schemaVersion: z.literal(OUTBOX_META_VERSION),
  /** The OutboxItem id. */
  id: z.string().min(1),
  source: z.string().min(1),
  /** The review as the owner saw it when writing the reply. */
  snapshot: z.object({ text: z.string().nullable(), rating: z.number().int().nullable(), updatedAt: IsoTime }),
  /** The reply the review already had in Kalm (written by Kalm, or seen by the owner): not "answered elsewhere". */
  knownReply: z.string().nullable(),
  /** Texts Kalm has tried to publish for this item (newest last): finding one on Google is not a foreign reply. */
  attempted: z.array(z.string()),
  conflict: OutboxConflict.nullable(),
  /** The reply as Google confirmed it. */
  sent: z.object({ text: z.string(), updatedAt: IsoTime }).nullable(),
});
export type OutboxMeta = z.infer<typeof OutboxMeta>;

/** The meta of an item queued before Kalm kept one (or whose file was lost): the review as Kalm holds it now. */
export const fallbackMeta = (item: OutboxItem, review: Review): OutboxMeta => ({
  schemaVersion: OUTBOX_META_VERSION, id: item.id, source: review.source,
  snapshot: { text: review.text, rating: review.rating, updatedAt: item.reviewUpdatedAt },
  knownReply: review.reply?.text ?? null, attempted: [], conflict: null, sent: null,
});

/** Durable per-item side records, written like the outbox items themselves. */
export class OutboxMetaStore {
  private constructor(private readonly folder: RecordFolder<OutboxMeta>) {}

  static async open(dataDir: string, opts: RecordStoreOptions = {}): Promise<OutboxMetaStore> {
    const folder = await RecordFolder.open<OutboxMeta>({
      ...opts, dataDir, dir: OUTBOX_META_DIR, schema: OutboxMeta, version: OUTBOX_META_VERSION, keyField: 'id', what: 'outbox note',
    });
    return new OutboxMetaStore(folder);
  }

  get problems(): readonly StoreProblem[] {
    return this.folder.problems;
  }

  list(): OutboxMeta[] {
    return this.folder.list();
  }

  get(id: string): OutboxMeta | undefined {
    return this.folder.get(id);
  }

  put(meta: OutboxMeta): Promise<void> {
    return this.folder.put(meta);
  }

  remove(id: string): Promise<void> {
    return this.folder.remove(id);
  }
}
