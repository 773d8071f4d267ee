import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { shardFileName } from '../../electron/core/store/workspace-files';
import { tempDataDir } from './helpers';

describe('reviews.markDone when the shard cannot be written', () => {
  it('reports the failure and leaves the review as it was; once the file can be written, marking works and lands on disk', async () => {
    const dir = await tempDataDir();
    const kalm = await createKalm({ dataDir: dir, host: 'cli', loadDemoOnFirstRun: true });
    try {
      const review = (await kalm.call('reviews.query', { status: 'unanswered', limit: 1 })).items[0]!;
      const shard = join(dir, 'reviews', shardFileName(review.source, review.locationId));
      // The shard's name taken by a folder: every save of it fails (like a read-only file).
      await rm(shard);
      await mkdir(shard);
      const err = await kalm.call('reviews.markDone', { ids: [review.id], done: true }).then(() => null, (e: unknown) => e as Error);
      expect(err?.message).toMatch(/Kalm could not save reviews\//);
      expect((await kalm.call('reviews.get', { id: review.id })).status).toBe('unanswered');

      await rm(shard, { recursive: true });
      expect(await kalm.call('reviews.markDone', { ids: [review.id], done: true })).toEqual({ changed: 1 });
      expect((await kalm.call('reviews.get', { id: review.id })).status).toBe('done');
      const saved = JSON.parse(await readFile(shard, 'utf8')) as { reviews: { id: string; status: string }[] };
      expect(saved.reviews.find((r) => r.id === review.id)?.status).toBe('done');
    } finally {
      await kalm.close();
    }
    expect((await readdir(join(dir, 'reviews'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
