import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_NAME } from '../../electron/core/store/shard-manifest';
import { loadWorkspaceFiles, REVIEWS_DIR, saveShardFile, shardFileName } from '../../electron/core/store/workspace-files';
import type { Review } from '../../shared/domain/review';
import { makeReview, tempDataDir } from './helpers';

const manifestPath = (dir: string) => join(dir, REVIEWS_DIR, MANIFEST_NAME);
const shardFile = (dir: string) => join(dir, REVIEWS_DIR, shardFileName('google', 'utrecht'));
const readManifest = async (dir: string) => JSON.parse(await readFile(manifestPath(dir), 'utf8')) as { version: number; schema: string; shards: Record<string, { size: number; mtimeMs: number; crc32: number }> };

/**
 * A review zod refuses (rating 7) in a shard Kalm itself wrote: it only loads when the manifest
 * is trusted, so whether it loads shows whether the shard was re-validated.
 */
const unchecked = (): Review => ({ ...makeReview({ externalId: 'seven' }), rating: 7 as unknown as Review['rating'] });

/**
 * Overwrites the file in place with `edit(text)` as a tool outside Kalm could: same size, and the
 * same modification time the manifest recorded (a whole second, so the file system keeps it exactly).
 */
async function editKeepingSizeAndTime(dir: string, edit: (text: string) => string): Promise<void> {
  const path = shardFile(dir);
  const name = shardFileName('google', 'utrecht');
  const seconds = 1_780_000_000;
  const manifest = await readManifest(dir);
  const entry = manifest.shards[name];
  if (!entry) throw new Error('no manifest entry');
  await writeFile(manifestPath(dir), JSON.stringify({ ...manifest, shards: { ...manifest.shards, [name]: { ...entry, mtimeMs: seconds * 1000 } } }));
  const text = await readFile(path, 'utf8');
  const next = edit(text);
  expect(next).not.toBe(text);
  await writeFile(path, next);
  await utimes(path, seconds, seconds);
  const after = await stat(path);
  expect([after.size, after.mtimeMs]).toEqual([entry.size, seconds * 1000]);
}

describe('shard manifest: open without re-validating what Kalm checked', () => {
  it('records every shard Kalm writes, and a load parses it without zod', async () => {
    const dir = await tempDataDir();
    await saveShardFile(dir, 'google', 'utrecht', [makeReview({ externalId: 'a' }), unchecked()]);
    const manifest = await readManifest(dir);
    const st = await stat(shardFile(dir));
    expect(manifest.version).toBe(1);
    expect(manifest.shards[shardFileName('google', 'utrecht')]).toMatchObject({ size: st.size, mtimeMs: st.mtimeMs });

    const loaded = await loadWorkspaceFiles(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.reviews.map((r) => r.rating)).toEqual([3, 7]);
  });

  it('re-validates a file changed outside Kalm with the same size and time (the hash differs), and quarantines it when it is broken', async () => {
    const dir = await tempDataDir();
    await saveShardFile(dir, 'google', 'utrecht', [makeReview({ externalId: 'a', rating: 3 })]);
    await editKeepingSizeAndTime(dir, (t) => t.replace('"rating": 3', '"rating": 9'));

    const loaded = await loadWorkspaceFiles(dir);
    expect(loaded.reviews).toEqual([]);
    expect(loaded.problems).toEqual([expect.objectContaining({ file: `${REVIEWS_DIR}/${shardFileName('google', 'utrecht')}`, kind: 'quarantined' })]);
    // The quarantined file's entry is gone, so nothing of it is trusted later.
    expect((await readManifest(dir)).shards).toEqual({});
  });

  it('re-validates a valid outside change with the same size and time, loads it, and trusts it from then on', async () => {
    const dir = await tempDataDir();
    await saveShardFile(dir, 'google', 'utrecht', [makeReview({ externalId: 'a', text: 'Prima koffie.' })]);
    const before = (await readManifest(dir)).shards[shardFileName('google', 'utrecht')];
    await editKeepingSizeAndTime(dir, (t) => t.replace('Prima koffie.', 'Prima thee!!.'));

    const loaded = await loadWorkspaceFiles(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.reviews.map((r) => r.text)).toEqual(['Prima thee!!.']);
    const after = (await readManifest(dir)).shards[shardFileName('google', 'utrecht')];
    expect(after?.size).toBe(before?.size);
    expect(after?.crc32).not.toBe(before?.crc32);
  });

  it('validates a shard it has never seen (copied in by hand) and adds it to the manifest', async () => {
    const dir = await tempDataDir();
    await saveShardFile(dir, 'google', 'utrecht', [unchecked()]);
    // The same bytes under another name: unknown to the manifest, so validated, so quarantined.
    await writeFile(join(dir, REVIEWS_DIR, 'google--gent.json'), await readFile(shardFile(dir)));
    await saveShardFile(dir, 'google', 'antwerpen', [makeReview({ externalId: 'b', locationId: 'antwerpen' })]);
    await writeFile(join(dir, REVIEWS_DIR, 'google--brugge.json'), (await readFile(join(dir, REVIEWS_DIR, 'google--antwerpen.json'))).toString().replaceAll('antwerpen', 'brugge'));

    const loaded = await loadWorkspaceFiles(dir);
    expect(loaded.problems.map((p) => [p.file, p.kind])).toEqual([[`${REVIEWS_DIR}/google--gent.json`, 'quarantined']]);
    expect(loaded.reviews.map((r) => r.locationId).sort()).toEqual(['antwerpen', 'brugge', 'utrecht']);
    expect(Object.keys((await readManifest(dir)).shards).sort()).toEqual(['google--antwerpen.json', 'google--brugge.json', 'google--utrecht.json']);
  });

  it.each([
    ['not JSON', '{"version":1,"shards":{"google--utrecht.json":'],
    ['another layout', JSON.stringify({ version: 1, shards: { 'google--utrecht.json': { size: 'big', sha: 'x' } } })],
    ['a newer version', JSON.stringify({ version: 99, shards: {} })],
    ['empty', ''],
  ])('ignores a corrupt manifest (%s): every shard is validated, nothing is lost, a good manifest is written', async (_what, content) => {
    const dir = await tempDataDir();
    await saveShardFile(dir, 'google', 'utrecht', [makeReview({ externalId: 'a' }), unchecked()]);
    await saveShardFile(dir, 'google', 'gent', [makeReview({ externalId: 'b', locationId: 'gent' })]);
    await writeFile(manifestPath(dir), content);

    const loaded = await loadWorkspaceFiles(dir);
    // The shard with the bad review is validated (the manifest is not believed) and moved aside; the good one loads.
    expect(loaded.reviews.map((r) => r.id)).toEqual(['google:gent:b']);
    expect(loaded.problems.map((p) => p.kind)).toEqual(['quarantined']);
    expect(Object.keys((await readManifest(dir)).shards)).toEqual(['google--gent.json']);
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(1);
  });

  it('does not trust entries made under another shard schema (a Kalm with other rules): validates once, then trusts again', async () => {
    const dir = await tempDataDir();
    await saveShardFile(dir, 'google', 'utrecht', [makeReview({ externalId: 'a' }), unchecked()]);
    await saveShardFile(dir, 'google', 'gent', [makeReview({ externalId: 'b', locationId: 'gent' })]);
    const manifest = await readManifest(dir);
    await writeFile(manifestPath(dir), JSON.stringify({ ...manifest, schema: 'older' }));

    const loaded = await loadWorkspaceFiles(dir);
    expect(loaded.reviews.map((r) => r.id)).toEqual(['google:gent:b']);
    expect(loaded.problems.map((p) => p.kind)).toEqual(['quarantined']);
    const after = await readManifest(dir);
    expect(after.schema).toBe(manifest.schema);
    expect(Object.keys(after.shards)).toEqual(['google--gent.json']);
  });

  it('a dry run (kalm doctor, read-only commands) uses the manifest but never writes it', async () => {
    const dir = await tempDataDir();
    await saveShardFile(dir, 'google', 'utrecht', [makeReview({ externalId: 'a' })]);
    await writeFile(manifestPath(dir), 'garbage');
    const loaded = await loadWorkspaceFiles(dir, { dryRun: true });
    expect(loaded.reviews).toHaveLength(1);
    expect(await readFile(manifestPath(dir), 'utf8')).toBe('garbage');
  });
});
