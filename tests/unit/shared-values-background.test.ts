import { describe, expect, it } from 'vitest';
import { shareRemainingNow, valuesShared } from '../../electron/core/store/share-in-background';
import { loadWorkspaceFiles, saveShardFile } from '../../electron/core/store/workspace-files';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import type { Review } from '../../shared/domain/review';
import { makeReview, tempDataDir } from './helpers';

/** Demo reviews over a few shards, plus odd ones (no text, a repeated short text, a long one); labels on some. */
async function writeShards(dir: string): Promise<Review[]> {
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00Z'), seed: 7, locationCount: 4, reviewCount: 9000 });
  const odd = [
    makeReview({ externalId: 'x', text: null, translatedText: null, language: null, updatedAt: '2026-02-01T00:00:00.000Z' }),
    makeReview({ externalId: 'y', text: 'Top!', author: 'Top!', reply: { text: 'Top!', updatedAt: '2026-01-01T00:00:00.000Z', state: 'pending' } }),
    makeReview({ externalId: 'z', text: 'x'.repeat(500), labels: ['parking'] }),
  ];
  const reviews = [...demo.reviews, ...odd];
  const byShard = new Map<string, Review[]>();
  for (const r of reviews) byShard.set(`${r.source}\u0000${r.locationId}`, [...(byShard.get(`${r.source}\u0000${r.locationId}`) ?? []), r]);
  for (const list of byShard.values()) await saveShardFile(dir, list[0]!.source, list[0]!.locationId, list);
  return reviews;
}

describe('sharing equal values in the background after a load', () => {
  it('opens with the values as read, and leaves every value as it was once the sharing is done', async () => {
    const dir = await tempDataDir();
    const written = await writeShards(dir);
    const loaded = await loadWorkspaceFiles(dir);
    const byId = (list: Review[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    const before = structuredClone(loaded.reviews);
    expect(byId(loaded.reviews)).toEqual(byId(written));
    // The cheap values were shared while parsing: each empty label list is already the one frozen list.
    const empty = loaded.reviews.filter((r) => r.labels.length === 0);
    expect(empty.length).toBeGreaterThan(8000);
    expect(empty.every((r) => Object.isFrozen(r.labels))).toBe(true);
    expect(loaded.reviews.find((r) => r.externalId === 'z')?.labels).toEqual(['parking']);
    // The texts follow in background steps, which reach every review across shards and steps.
    expect(await valuesShared()).toBe(written.length);
    expect(loaded.reviews).toEqual(before);
    expect(JSON.stringify(loaded.reviews)).toBe(JSON.stringify(before));
  });

  it('shares nothing when each review is handed on as it is read', async () => {
    const dir = await tempDataDir();
    await writeShards(dir);
    const seen: Review[] = [];
    const loaded = await loadWorkspaceFiles(dir, { onReview: (r) => seen.push(r) });
    expect(await valuesShared()).toBe(0);
    expect(loaded.reviews).toEqual([]);
    expect(seen.filter((r) => Object.isFrozen(r.labels))).toHaveLength(0);
  });
});

describe('sharing the rest at once', () => {
  it('shares every review right away, with the same values', async () => {
    const dir = await tempDataDir();
    await writeShards(dir);
    const loaded = await loadWorkspaceFiles(dir);
    const before = structuredClone(loaded.reviews);
    shareRemainingNow();
    // Nothing is left for the background steps.
    expect(await valuesShared()).toBe(0);
    expect(loaded.reviews).toEqual(before);
  });
});
