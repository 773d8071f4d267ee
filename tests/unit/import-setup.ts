import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

/** A core on a fresh data folder with its clock at `now` and no Google client (imports only). */
export async function openImportCore(now: Date): Promise<{ kalm: KalmCore; dir: string }> {
  const dir = await tempDataDir();
  return { kalm: await createKalm({ dataDir: dir, host: 'test', now: () => now, google: { client: null } }), dir };
}

/** Writes `content` to a file called `name` in a fresh folder; returns its path. */
export async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(await tempDataDir(), name);
  await writeFile(path, content);
  return path;
}

/** Every review in the core (up to 500), of one source when given. */
export const allReviews = async (kalm: KalmCore, source?: string) =>
  (await kalm.call('reviews.query', { status: 'all', limit: 500, ...(source ? { source } : {}) })).items;
