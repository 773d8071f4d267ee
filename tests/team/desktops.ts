import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import type { Review } from '../../shared/domain/review';
import { makeReview, tempDataDir } from '../unit/helpers';

/** A data folder with `n` imported reviews of one location (what a desktop had before its team existed). */
export async function seededFolder(n: number, over: (i: number) => Partial<Review> = () => ({})): Promise<string> {
  const dir = await tempDataDir();
  const reviews = Array.from({ length: n }, (_, i) => makeReview({ externalId: `r${String(i).padStart(4, '0')}`, source: 'trustpilot', locationId: 'shop', ...over(i) }));
  await saveSourcesFile(dir, [{ id: 'trustpilot', kind: 'file-import', name: 'Trustpilot', state: 'connected', lastSyncAt: null }], [
    { id: 'shop', source: 'trustpilot', name: 'De Bakkerij', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null },
  ]);
  await saveShardFile(dir, 'trustpilot', 'shop', reviews);
  return dir;
}

export const openDesktop = (dataDir: string, extra: Partial<Parameters<typeof createKalm>[0]> = {}): Promise<KalmCore> =>
  createKalm({ dataDir, host: 'test', ...extra });

/** Everything a member can see of the shared workspace, for comparing desktops. */
export async function snapshot(core: KalmCore): Promise<unknown> {
  const page = await core.call('reviews.query', { status: 'all', limit: 500 });
  const reviews = page.items.map((r) => ({ id: r.id, labels: [...r.labels].sort(), note: r.note, assignee: r.assignee, status: r.status }));
  reviews.sort((a, b) => a.id.localeCompare(b.id));
  const drafts = (await core.call('drafts.list', {})).drafts.map((d) => ({ reviewId: d.reviewId, text: d.text })).sort((a, b) => a.reviewId.localeCompare(b.reviewId));
  return { reviews, drafts };
}
