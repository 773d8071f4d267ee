import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { LOCK_FILE } from '../../electron/core/store/lock';
import { SECRET_FILES } from '../../electron/core/store/secret-files';
import { tempDataDir } from './helpers';

async function demoCore(): Promise<{ kalm: KalmCore; dataDir: string; ids: string[] }> {
  const dataDir = await tempDataDir();
  const kalm = await createKalm({ dataDir, host: 'test' });
  await kalm.call('workspace.loadDemo', { seed: 7 });
  const page = await kalm.call('reviews.query', { status: 'all', sort: 'newest', limit: 5 });
  return { kalm, dataDir, ids: page.items.map((r) => r.id) };
}

describe('labels in the core', () => {
  it('creates, renames, applies in bulk, filters, persists into the shards, and deletes labels', async () => {
    const { kalm, dataDir, ids } = await demoCore();
    const coffee = await kalm.call('labels.save', { name: 'Koffie', color: '#0F766E' });
    expect(coffee).toMatchObject({ name: 'Koffie', color: '#0f766e' });
    await expect(kalm.call('labels.save', { name: 'koffie', color: '#000000' })).rejects.toMatchObject({ code: 'invalid_input' });
    const renamed = await kalm.call('labels.save', { id: coffee.id, name: 'Koffie & thee', color: '#be123c' });
    expect(renamed.id).toBe(coffee.id);
    expect(await kalm.call('labels.apply', { reviewIds: ids.slice(0, 3), add: [coffee.id] })).toEqual({ changed: 3 });
    expect(await kalm.call('labels.apply', { reviewIds: ids.slice(0, 3), add: [coffee.id] })).toEqual({ changed: 0 });
    await expect(kalm.call('labels.apply', { reviewIds: ids, add: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
    expect((await kalm.call('reviews.query', { status: 'all', labels: [coffee.id] })).total).toBe(3);
    expect((await kalm.call('labels.list', {})).counts).toEqual({ [coffee.id]: 3 });
    await kalm.close();

    const again = await createKalm({ dataDir, host: 'test' });
    expect((await again.call('labels.list', {})).labels.map((l) => l.name)).toEqual(['Koffie & thee']);
    expect((await again.call('reviews.get', { id: ids[0] ?? '' })).labels).toEqual([coffee.id]);
    expect(await again.call('labels.apply', { reviewIds: [ids[0] ?? ''], remove: [coffee.id] })).toEqual({ changed: 1 });
    expect(await again.call('labels.delete', { id: coffee.id })).toEqual({ changed: 2 });
    expect((await again.call('reviews.query', { status: 'all', labels: [coffee.id] })).total).toBe(0);
    expect((await again.call('labels.list', {})).labels).toEqual([]);
    await again.close();
  });

  it('previews and runs auto-label rules over every review, idempotently', async () => {
    const { kalm } = await demoCore();
    const low = await kalm.call('labels.save', { name: 'Laag', color: '#be123c' });
    const rule = { id: 'r1', labelId: low.id, enabled: true, words: [], minRating: 1, maxRating: 2, sources: [], locationIds: [] };
    const stats = await kalm.call('reviews.stats', {});
    const preview = await kalm.call('labels.previewRule', { rule });
    const lowCount = (await kalm.call('reviews.query', { status: 'all', ratings: [1, 2] })).total;
    expect(preview).toEqual({ matches: lowCount, wouldAdd: lowCount });
    expect(stats.overall.count).toBeGreaterThan(lowCount);
    await expect(kalm.call('labels.saveRules', { rules: [{ ...rule, minRating: null, maxRating: null }] })).rejects.toMatchObject({ code: 'invalid_input' });
    await kalm.call('labels.saveRules', { rules: [rule] });
    expect(await kalm.call('labels.runRules', {})).toEqual({ changed: lowCount });
    expect(await kalm.call('labels.runRules', {})).toEqual({ changed: 0 });
    expect(await kalm.call('labels.previewRule', { rule })).toEqual({ matches: lowCount, wouldAdd: 0 });
    await kalm.close();
  });
});

describe('notes, assignees and hand-off', () => {
  it('keeps a private note and an assignee, filters "assigned to me", and forwards to a department with a mailto link', async () => {
    const { kalm, dataDir, ids } = await demoCore();
    const id = ids[0] ?? '';
    await kalm.call('settings.update', {
      team: [{ id: 'anna', name: 'Anna' }, { id: 'bram', name: 'Bram' }], me: 'anna',
      departments: [{ id: 'kitchen', name: 'Keuken', email: 'keuken@bakkerij.example' }],
    });
    // Changing one setting keeps the others (a patch does not fill in defaults).
    await kalm.call('settings.update', { alertMaxRating: 1 });
    expect(await kalm.call('settings.get', {})).toMatchObject({ me: 'anna', departments: [expect.objectContaining({ id: 'kitchen' })], alertMaxRating: 1 });
    await kalm.call('notes.set', { reviewId: id, note: 'Klant belde ook: koffie & taart koud?' });
    await kalm.call('handoff.assign', { reviewId: id, assignee: 'anna' });
    await expect(kalm.call('handoff.assign', { reviewId: id, assignee: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await kalm.call('reviews.query', { status: 'all', assignee: 'anna' })).items.map((r) => r.id)).toEqual([id]);

    const review = await kalm.call('reviews.get', { id });
    const { forward, mailto, text } = await kalm.call('handoff.forward', { reviewId: id, departmentId: 'kitchen' });
    expect(forward).toMatchObject({ reviewId: id, departmentName: 'Keuken', state: 'open', handledAt: null });
    expect(mailto.startsWith('mailto:keuken@bakkerij.example?subject=')).toBe(true);
    const url = new URL(mailto);
    const body = url.searchParams.get('body') ?? '';
    expect(body).toContain('Note: Klant belde ook: koffie & taart koud?');
    expect(body).toContain(`(${review.rating}/5)`);
    if (review.text) expect(body).toContain(review.text.replace(/\n/g, '\r\n'));
    expect(mailto).not.toContain(' ');
    expect(mailto.split('&')).toHaveLength(2);
    expect(mailto).toContain('%26%20taart');
    expect(text).toContain('Klant belde ook');
    await kalm.call('handoff.setState', { reviewId: id, state: 'handled' });
    await kalm.close();

    const again = await createKalm({ dataDir, host: 'test' });
    const r = await again.call('reviews.get', { id });
    expect(r).toMatchObject({ note: 'Klant belde ook: koffie & taart koud?', assignee: 'anna' });
    expect((await again.call('handoff.list', {})).forwards).toEqual([expect.objectContaining({ reviewId: id, state: 'handled', handledAt: expect.any(String) })]);
    expect((await again.call('handoff.list', { state: 'open' })).forwards).toEqual([]);
    await again.call('notes.set', { reviewId: id, note: '  ' });
    expect((await again.call('reviews.get', { id })).note).toBeNull();
    await again.close();
  });
});

describe('the data folder', () => {
  it('zips the data folder next to it, without the lock file', async () => {
    const { kalm, dataDir } = await demoCore();
    await kalm.call('labels.save', { name: 'Brood', color: '#b45309' });
    await writeFile(join(dataDir, '.half.json.tmp'), '{');
    // Sign-ins and keys stay out of a backup (plain and keychain-encrypted).
    for (const secret of SECRET_FILES) await writeFile(join(dataDir, secret), '{"secret":"do-not-copy"}');
    const result = await kalm.call('backup.create', {});
    expect(dirname(result.path)).toBe(dirname(dataDir));
    const files = unzipSync(new Uint8Array(await readFile(result.path)));
    const names = Object.keys(files);
    expect(names).toContain('labels.json');
    expect(names).toContain('sources.json');
    expect(names.some((n) => n.startsWith('reviews/'))).toBe(true);
    expect(names).not.toContain(LOCK_FILE);
    expect(names).not.toContain('.half.json.tmp');
    for (const secret of SECRET_FILES) expect(names).not.toContain(secret);
    expect(SECRET_FILES.size).toBe(5); // Google tokens and the Play key (plain and encrypted), the team password
    expect(result.files).toBe(names.length);
    const shard = (await readdir(join(dataDir, 'reviews')))[0] ?? '';
    expect(new TextDecoder().decode(files[`reviews/${shard}`])).toBe(await readFile(join(dataDir, 'reviews', shard), 'utf8'));
    expect(await kalm.call('app.openDataFolder', {})).toEqual({ opened: false, path: dataDir });
    await expect(kalm.call('backup.create', { targetDir: join(dataDir, 'missing') })).rejects.toMatchObject({ code: 'invalid_input' });
    await kalm.close();
  });
});
