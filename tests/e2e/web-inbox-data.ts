import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import type { Source } from '../../shared/domain/source';
import { startHost, test, type RunningHost } from './web-host-fixture';

/** Writes a workspace into a data folder the way Kalm stores it (one shard file per location). */
export async function writeWorkspace(dataDir: string, sources: Source[], locations: Location[], reviews: Review[]): Promise<void> {
  const shards = new Map<string, Review[]>();
  for (const r of reviews) {
    const key = `${r.source}\u0000${r.locationId}`;
    const list = shards.get(key) ?? [];
    list.push(r);
    shards.set(key, list);
  }
  for (const [key, list] of shards) {
    const [source = '', locationId = ''] = key.split('\u0000');
    await saveShardFile(dataDir, source, locationId, list);
  }
  await saveSourcesFile(dataDir, sources, locations);
}

/** The demo chain at a size: `reviewCount` reviews over `locationCount` locations. */
export async function writeDemoChain(dataDir: string, reviewCount: number, locationCount: number): Promise<void> {
  const demo = generateDemoWorkspace({ now: new Date(), seed: 20261124, locationCount, reviewCount });
  await writeWorkspace(dataDir, demo.sources, demo.locations, demo.reviews);
}

/** Markup and script that must show as text and never run (text, author and location names). */
export const XSS_CORPUS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '<a href="javascript:alert(3)">click me</a>',
  '<svg onload=alert(4)><circle r=5 /></svg>',
  '{{constructor.constructor("alert(5)")()}}',
  '${alert(6)}',
  '<iframe src="javascript:alert(7)"></iframe>',
  '"><img src=x onerror=alert(8)>',
] as const;

/** One location per payload (payload as its name) and reviews carrying the payloads in text and author. */
export async function writeXssWorkspace(dataDir: string): Promise<{ reviews: Review[]; locations: Location[] }> {
  const base = generateDemoWorkspace({ now: new Date(), seed: 7, locationCount: 3, reviewCount: 30 });
  const locations: Location[] = XSS_CORPUS.map((payload, i) => ({
    id: `x${i}`, source: 'google', name: payload, storeCode: null, address: null, mapsUrl: 'javascript:alert(9)', newReviewUrl: null,
  }));
  const template = base.reviews[0] as Review;
  const reviews: Review[] = XSS_CORPUS.map((payload, i) => ({
    ...template,
    id: `google:x${i}:r${i}`,
    locationId: `x${i}`,
    externalId: `r${i}`,
    rating: 1,
    text: `${payload} koffie`,
    translatedText: null,
    author: payload,
    anonymous: false,
    status: 'unanswered',
    reply: null,
    url: 'javascript:alert(10)',
    createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  }));
  await writeWorkspace(dataDir, base.sources, locations, reviews);
  return { reviews, locations };
}

/**
 * Inside a `test.describe`: one web host over a generated chain (`reviews` over `locations`) for all its tests,
 * with the time a 100,000-review store needs to be written and opened. Returns the running host's URL.
 */
export function chainHostForDescribe(reviews: number, locations: number): { url(): string } {
  let host: RunningHost | null = null;
  test.describe.configure({ timeout: 240_000 });
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    host = await startHost({ prepare: (dir) => writeDemoChain(dir, reviews, locations) });
  });
  test.afterAll(async () => host?.stop());
  return {
    url() {
      if (!host) throw new Error('the web host is not running');
      return host.url;
    },
  };
}
