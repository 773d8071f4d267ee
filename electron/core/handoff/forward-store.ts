import { Forward } from '../../../shared/contract/handoff';
import { RecordFolder, type RecordStoreOptions } from '../store/record-files';

export const HANDOFF_DIR = 'handoffs';

/** Who a review was forwarded to and whether it was handled: one small file per review in `handoffs/`. */
export function openForwardStore(dataDir: string, opts: RecordStoreOptions = {}): Promise<RecordFolder<Forward>> {
  return RecordFolder.open<Forward>({ ...opts, dataDir, dir: HANDOFF_DIR, schema: Forward, version: 1, keyField: 'reviewId', what: 'hand-off' });
}
