import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { KalmError } from '../../shared/domain/errors';
import { countOnReviews, remainingPlaces, targetHolds } from '../../shared/workspace/removal';
import { makeReview, tempDataDir } from './helpers';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const NOW = new Date('2026-03-01T09:30:00.000Z');

/** Every file under the data folder's record folders, relative (`drafts/x.json`), temp files included. */
async function filesIn(dir: string, sub: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    let entries;
    try {
      entries = await readdir(join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) await walk(`${rel}/${e.name}`);
      else out.push(`${rel}/${e.name}`);
    }
  };
  await walk(sub);
  return out.sort();
}

const RECORD_DIRS = ['drafts', 'outbox', 'history', 'handoffs', 'reviews'];
const allFiles = async (dir: string) => (await Promise.all(RECORD_DIRS.map((d) => filesIn(dir, d)))).flat();
const mentions = async (dir: string, text: string) => {
  const hits: string[] = [];
  for (const f of await allFiles(dir)) if ((await readFile(join(dir, f), 'utf8')).includes(text)) hits.push(f);
  return hits;
};

/** A demo with the owner's work on three of its reviews, beside an imported file with a draft of its own. */
async function workedDemo(): Promise<{ kalm: KalmCore; dir: string; demoIds: string[]; importedId: string }> {
  const dir = await tempDataDir();
  const kalm = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null }, loadDemoOnFirstRun: true });
  await kalm.importer.run(join(FIX, 'kiyoh.csv'), { preset: 'kiyoh' });
  const demo = (await kalm.call('reviews.query', { status: 'unanswered', source: 'google', limit: 3 })).items.map((r) => r.id);
  const importedId = (await kalm.call('reviews.query', { status: 'all', source: 'kiyoh', limit: 1 })).items[0]?.id ?? '';
  const [a = '', b = '', c = ''] = demo;
  await kalm.call('drafts.save', { reviewId: a, text: 'Dank je, we kijken ernaar.' });
  await kalm.call('drafts.save', { reviewId: importedId, text: 'Mine, keep it.' });
  await kalm.call('outbox.send', { reviewId: b, text: 'Wat fijn om te lezen, dank je wel!' });
  await kalm.call('outbox.publish', {}); // the demo answers locally: a sent item and a history entry
  await kalm.call('outbox.send', { reviewId: c, text: 'Sorry to hear that.' }); // stays queued
  const label = await kalm.call('labels.save', { name: 'Service', color: '#0f766e' });
  await kalm.call('labels.apply', { reviewIds: [a, b], add: [label.id], remove: [] });
  await kalm.call('notes.set', { reviewId: c, note: 'Bel deze klant terug.' });
  await kalm.call('settings.update', { departments: [{ id: 'kitchen', name: 'Keuken', email: 'keuken@example.com' }] });
  await kalm.call('handoff.forward', { reviewId: a, departmentId: 'kitchen' });
  return { kalm, dir, demoIds: demo, importedId };
}

describe('removal: counting what goes with the demo', () => {
  it('counts the reviews and the owner’s drafts, replies, labels, notes and hand-offs on them, and changes nothing', async () => {
    const { kalm, dir, importedId } = await workedDemo();
    const before = await allFiles(dir);
    const ws = await kalm.call('workspace.get', {});
    const count = await kalm.call('workspace.removalCount', { target: { kind: 'demo' } });
    const demoLabels = (await kalm.call('reviews.query', { status: 'all', source: 'google', limit: 500 })).items.reduce((n, r) => n + r.labels.length, 0);
    expect(count).toEqual({ reviews: ws.reviewCount - 3, drafts: 1, replies: 2, labels: demoLabels, notes: 1, handoffs: 1 });
    expect(demoLabels).toBeGreaterThanOrEqual(2);
    expect(await allFiles(dir)).toEqual(before);
    expect((await kalm.call('reviews.get', { id: importedId })).source).toBe('kiyoh');
    await kalm.close();
  });

  it('says there is no demo once it is gone', async () => {
    const { kalm } = await workedDemo();
    await kalm.call('workspace.remove', { target: { kind: 'demo' } });
    await expect(kalm.call('workspace.removalCount', { target: { kind: 'demo' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(kalm.call('workspace.remove', { target: { kind: 'demo' } })).rejects.toBeInstanceOf(KalmError);
    await kalm.close();
  });
});

describe('removal: the cascade leaves no orphan files', () => {
  it('removing the demo deletes its reviews, drafts, outbox items and meta, history and hand-offs; the owner’s own stay', async () => {
    const { kalm, dir, demoIds, importedId } = await workedDemo();
    expect((await mentions(dir, demoIds[0] ?? '')).length).toBeGreaterThan(0);
    const counted = await kalm.call('workspace.removalCount', { target: { kind: 'demo' } });
    const removed = await kalm.call('workspace.remove', { target: { kind: 'demo' } });
    expect(removed).toEqual(counted);
    for (const id of demoIds) expect(await mentions(dir, id)).toEqual([]);
    const left = await allFiles(dir);
    expect(left.filter((f) => f.startsWith('reviews/google') || f.startsWith('history/google') || f.includes('.tmp'))).toEqual([]);
    expect(left.filter((f) => f.startsWith('drafts/'))).toHaveLength(1);
    expect(left.filter((f) => f.startsWith('outbox/') || f.startsWith('handoffs/'))).toEqual([]);
    const sourcesFile = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8')) as { sources: { id: string }[]; locations: { source: string }[] };
    expect(sourcesFile.sources.map((s) => s.id)).toEqual(['kiyoh']);
    expect(sourcesFile.locations.every((l) => l.source === 'kiyoh')).toBe(true);
    const ws = await kalm.call('workspace.get', {});
    expect(ws).toMatchObject({ demo: false, reviewCount: 3 });
    expect((await kalm.call('drafts.list', {})).drafts.map((d) => d.reviewId)).toEqual([importedId]);
    expect((await kalm.call('outbox.list', {})).items).toEqual([]);
    await kalm.close();
    // Reopened from disk: the same, nothing of the demo comes back.
    const again = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null }, loadDemoOnFirstRun: true });
    expect(await again.call('workspace.get', {})).toMatchObject({ demo: false, reviewCount: 3 });
    expect(again.problems).toEqual([]);
    await again.close();
  });

  it('removing a source or one location takes its drafts and shard files with it', async () => {
    const { kalm, dir, importedId } = await workedDemo();
    const ws = await kalm.call('workspace.get', {});
    const gent = ws.locations.find((l) => l.source === 'google');
    if (!gent) throw new Error('the demo has locations');
    const atGent = (await kalm.call('reviews.query', { status: 'all', source: 'google', locationId: gent.id, limit: 500 })).total;
    const loc = await kalm.call('workspace.remove', { target: { kind: 'location', sourceId: 'google', locationId: gent.id } });
    expect(loc.reviews).toBe(atGent);
    expect((await allFiles(dir)).filter((f) => f.includes(`google--${gent.id}`))).toEqual([]);
    expect((await kalm.call('workspace.get', {})).locations.some((l) => l.id === gent.id && l.source === 'google')).toBe(false);

    expect(await kalm.call('workspace.removalCount', { target: { kind: 'source', sourceId: 'kiyoh' } })).toMatchObject({ reviews: 3, drafts: 1 });
    await kalm.call('workspace.remove', { target: { kind: 'source', sourceId: 'kiyoh' } });
    expect(await mentions(dir, importedId)).toEqual([]);
    expect((await allFiles(dir)).filter((f) => f.startsWith('reviews/kiyoh') || f.startsWith('drafts/'))).toEqual([]);
    await expect(kalm.call('workspace.removalCount', { target: { kind: 'source', sourceId: 'kiyoh' } })).rejects.toMatchObject({ code: 'not_found' });
    await kalm.close();
  });

  it('refuses a target that is not valid input', async () => {
    const dir = await tempDataDir();
    const kalm = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null } });
    await expect(kalm.call('workspace.remove', { target: { kind: 'everything' } } as never)).rejects.toMatchObject({ code: 'invalid_input' });
    await kalm.close();
  });
});

describe('removal: the pure parts', () => {
  const sources = [
    { id: 'google', kind: 'google-business' as const, name: 'Google', state: 'demo' as const, lastSyncAt: null },
    { id: 'kiyoh', kind: 'file-import' as const, name: 'Kiyoh', state: 'connected' as const, lastSyncAt: null },
  ];
  const reviews = [
    makeReview({ externalId: 'a', labels: ['x', 'y'], note: 'call back' }),
    makeReview({ externalId: 'b', note: '  ' }),
    makeReview({ externalId: 'c', source: 'kiyoh', locationId: 'main', labels: ['x'] }),
  ];

  it('counts labels applied and non-empty notes', () => {
    expect(countOnReviews(reviews.filter(targetHolds({ kind: 'demo' }, sources)))).toEqual({ reviews: 2, labels: 2, notes: 1 });
    expect(countOnReviews(reviews.filter(targetHolds({ kind: 'location', sourceId: 'kiyoh', locationId: 'main' }, sources)))).toEqual({ reviews: 1, labels: 1, notes: 0 });
  });

  it('keeps the other sources and locations', () => {
    const locations = [{ source: 'google', id: 'utrecht' }, { source: 'google', id: 'gent' }, { source: 'kiyoh', id: 'main' }];
    expect(remainingPlaces({ kind: 'demo' }, sources, locations)).toEqual({ sources: [sources[1]], locations: [locations[2]] });
    expect(remainingPlaces({ kind: 'location', sourceId: 'google', locationId: 'gent' }, sources, locations).locations).toEqual([locations[0], locations[2]]);
  });
});
