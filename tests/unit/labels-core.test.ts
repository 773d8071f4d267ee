import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { demoCore } from './demo-core';

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
