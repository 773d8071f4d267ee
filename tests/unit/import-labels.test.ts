import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';
import { allReviews, tempFile } from './import-setup';

const NOW = new Date('2026-03-01T09:30:00.000Z');
const CSV = 'id,rating,text,author,date\n' +
  'a1,1,"Het brood was oud",Anna,2026-02-01\n' +
  'a2,5,"Lekkere koffie",Bram,2026-02-02\n' +
  'a3,2,"Oud brood en koude koffie",Cem,2026-02-03\n';

/** A core with one label and the rule "text mentions brood → Brood". */
async function coreWithRule(dataDir: string, host: 'test' | 'cli') {
  const kalm = await createKalm({ dataDir, host, now: () => NOW, google: { client: null } });
  const bread = (await kalm.call('labels.list', {})).labels.find((l) => l.name === 'Brood') ?? (await kalm.call('labels.save', { name: 'Brood', color: '#1d4ed8' }));
  await kalm.call('labels.saveRules', { rules: [{ id: 'r1', labelId: bread.id, enabled: true, words: ['brood'], minRating: null, maxRating: null, sources: [], locationIds: [] }] });
  return { kalm, bread };
}

describe('import runs the auto-label rules', () => {
  it('in the app: imported reviews carry the labels their rules give, like synced ones', async () => {
    const dir = await tempDataDir();
    const { kalm, bread } = await coreWithRule(dir, 'test');
    await kalm.importer.run(await tempFile('bakkerij.csv', CSV), { sourceName: 'Bakkerij' });
    const labelled = (await allReviews(kalm)).filter((r) => r.labels.includes(bread.id)).map((r) => r.author).sort();
    expect(labelled).toEqual(['Anna', 'Cem']);
    await kalm.close();
  });

  it('in the CLI (written straight to disk): the stored shard carries the labels too, and an owner\'s own label stays', async () => {
    const dir = await tempDataDir();
    const { kalm, bread } = await coreWithRule(dir, 'cli');
    await kalm.importer.run(await tempFile('bakkerij.csv', CSV), { sourceName: 'Bakkerij' });
    await kalm.close();
    const app = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null } });
    const reviews = await allReviews(app);
    expect(reviews.filter((r) => r.labels.includes(bread.id)).map((r) => r.author).sort()).toEqual(['Anna', 'Cem']);
    // The owner adds a label by hand; a re-import keeps it and the rule's label.
    const own = await app.call('labels.save', { name: 'Terugbellen', color: '#b91c1c' });
    const anna = reviews.find((r) => r.author === 'Anna');
    await app.call('labels.apply', { reviewIds: [anna?.id ?? ''], add: [own.id], remove: [] });
    await app.close();
    const again = await createKalm({ dataDir: dir, host: 'cli', now: () => NOW, google: { client: null } });
    await again.importer.run(await tempFile('bakkerij.csv', CSV), { sourceName: 'Bakkerij' });
    await again.close();
    const last = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null }, readOnly: true });
    const annaNow = (await allReviews(last)).find((r) => r.author === 'Anna');
    expect(annaNow?.labels.sort()).toEqual([bread.id, own.id].sort());
    await last.close();
  });
});
