import type { Review } from '../../../../shared/domain/review';
import { mergeImported } from '../../../../shared/import/row-to-review';
import type { OpenedStore } from '../../store/open-store';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REVIEWS_DIR, saveShardFile, ShardFile, shardFileName } from '../../store/workspace-files';
import { shardKey, type Workspace } from '../../workspace';
import type { ShardSpill } from './spill';

export interface MergeDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  /** Load the imported reviews into the workspace (a running app) or only write them to disk (the CLI). */
  keepInMemory: boolean;
  /** The auto-label rules (labels/), applied to each imported review after the merge. */
  label?: (reviews: readonly Review[]) => Review[];
}

/** Spilled reviews merged into the workspace at a time (a running app). */
const CHUNK = 2000;

/**
 * Pass 2 of an import, one shard at a time: the shard's spilled reviews are merged with what is stored
 * (by id — a review id includes its location, so a review is only ever in its own shard; a re-import keeps
 * what the owner did in Kalm, `mergeImported`). A running app puts them in its workspace and the store's
 * shard writer saves each shard; the CLI writes each merged shard atomically in the store's format and
 * lets it go, so at most one shard's reviews are held at a time.
 */
export async function mergeSpill(spill: ShardSpill, deps: MergeDeps): Promise<{ added: number; updated: number }> {
  const { workspace, store } = deps;
  const label = deps.label ?? ((reviews: readonly Review[]) => [...reviews]);
  let added = 0, updated = 0;
  for (const shard of spill.list()) {
    const key = shardKey(shard.source, shard.locationId);
    if (deps.keepInMemory) {
      let chunk: Review[] = [];
      const put = () => {
        workspace.upsertMany(label(chunk.map((r) => {
          const old = workspace.get(r.id);
          if (old) updated++;
          else added++;
          return mergeImported(old, r);
        })));
        chunk = [];
      };
      for await (const review of spill.read(shard)) {
        chunk.push(review);
        if (chunk.length >= CHUNK) put();
      }
      put();
      store.scheduleShard(shard.source, shard.locationId);
      // Written now, so the next shard's reviews are not held waiting next to this one's file text.
      await store.flush();
      continue;
    }
    // The stored reviews of this shard: the store loaded every shard when it opened; one an earlier import
    // of this process wrote straight to disk is read back from there.
    const reviews = workspace.isDiskOnly(key) ? await readShardReviews(deps.dataDir, shard.source, shard.locationId) : workspace.shard(key).reviews;
    const at = new Map(reviews.map((r, i) => [r.id, i]));
    const touched: number[] = [];
    for await (const review of spill.read(shard)) {
      const i = at.get(review.id);
      if (i === undefined) {
        at.set(review.id, reviews.length);
        touched.push(reviews.length);
        reviews.push(review);
        added++;
      } else {
        reviews[i] = mergeImported(reviews[i], review);
        touched.push(i);
        updated++;
      }
    }
    const labelled = label(touched.map((i) => reviews[i] as Review));
    touched.forEach((i, n) => (reviews[i] = labelled[n] as Review));
    await saveShardFile(deps.dataDir, shard.source, shard.locationId, reviews);
    workspace.keepOnDiskOnly(key);
  }
  return { added, updated };
}

/** One shard file as Kalm wrote it (validated); none yet: no reviews. */
async function readShardReviews(dataDir: string, source: string, locationId: string): Promise<Review[]> {
  try {
    return ShardFile.parse(JSON.parse(await readFile(join(dataDir, REVIEWS_DIR, shardFileName(source, locationId)), 'utf8'))).reviews;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
