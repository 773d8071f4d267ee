import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

/** A core on a fresh data folder holding the demo (seed 7), and the ids of its five newest reviews. */
export async function demoCore(): Promise<{ kalm: KalmCore; dataDir: string; ids: string[] }> {
  const dataDir = await tempDataDir();
  const kalm = await createKalm({ dataDir, host: 'test' });
  await kalm.call('workspace.loadDemo', { seed: 7 });
  const page = await kalm.call('reviews.query', { status: 'all', sort: 'newest', limit: 5 });
  return { kalm, dataDir, ids: page.items.map((r) => r.id) };
}
