import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { FIRST_PAGE_FILE, readValidFirstPage, type SavedFirstPage } from '../../electron/core/store/first-page-file';
import { schemaFingerprint } from '../../electron/core/store/shard-manifest';
import { saveShardFile, saveSourcesFile, ShardFile } from '../../electron/core/store/workspace-files';
import { packageVersion } from '../../electron/core/version';
import { PAGE } from '../../renderer/features/inbox/inbox-store';
import { toReviewQuery } from '../../renderer/features/inbox/filters';
import { DEFAULT_FILTERS } from '../../renderer/lib/route';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import type { Review } from '../../shared/domain/review';
import { FIRST_PAGE_QUERY, firstPageAt } from '../../shared/reviews/first-page';
import type { ReviewPage } from '../../shared/reviews/query-schema';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import { tempDataDir } from './helpers';

/**
 * The inbox's first page saved for the next start (issue 24, cold start) must be exactly what the core answers
 * at that moment, or not be used at all: after a clean close, as the clock moves on, after a draft, a queued
 * reply or new reply targets; and never after a shard, draft or setting changed outside Kalm.
 */
const T0 = Date.parse('2026-06-01T09:00:00Z');
const HOUR = 3_600_000;
let clock = T0;
const now = (): Date => new Date(clock);

async function writeWorkspace(dir: string): Promise<void> {
  const demo = generateDemoWorkspace({ now: new Date(T0), seed: 20261207, locationCount: 4, reviewCount: 400 });
  const shards = new Map<string, Review[]>();
  for (const r of demo.reviews) shards.set(r.locationId, [...(shards.get(r.locationId) ?? []), r]);
  for (const [locationId, reviews] of shards) await saveShardFile(dir, 'google', locationId, reviews);
  await saveSourcesFile(dir, demo.sources, demo.locations);
}

/** The app's core (it saves the first page when it closes). */
const openApp = (dir: string): Promise<KalmCore> => createKalm({ dataDir: dir, host: 'web', now, autoPublish: false });

/** What the full path answers at `at`: a core that loads and indexes every shard (and saves nothing). */
async function fullAnswer(dir: string, at: number): Promise<ReviewPage> {
  clock = at;
  const core = await createKalm({ dataDir: dir, host: 'test', now, autoPublish: false });
  try {
    return await core.call('reviews.query', FIRST_PAGE_QUERY);
  } finally {
    await core.close();
  }
}

const saved = (dir: string): Promise<SavedFirstPage | null> => readValidFirstPage(dir, { kalm: packageVersion(), schema: schemaFingerprint(ShardFile) });

/** What a start answers from the saved page at `at` (null: it would wait for the core). */
async function earlyAnswer(dir: string, at: number): Promise<ReviewPage | null> {
  const page = await saved(dir);
  return page ? firstPageAt(page, at, replyPolicy(page.policy)) : null;
}

async function savedByApp(dir: string, change?: (core: KalmCore) => Promise<unknown>): Promise<void> {
  clock = T0;
  const core = await openApp(dir);
  await change?.(core);
  await core.close();
}

describe('the saved first page', () => {
  it("is the inbox's own first request at start", () => {
    expect(toReviewQuery(DEFAULT_FILTERS, 0, PAGE)).toEqual(FIRST_PAGE_QUERY);
  });

  it('answers exactly as the core does, also as reviews become overdue later', async () => {
    const dir = await tempDataDir();
    await writeWorkspace(dir);
    await savedByApp(dir);
    const overdue: number[] = [];
    for (const at of [T0, T0 + 3 * HOUR, T0 + 30 * HOUR, T0 + 100 * HOUR]) {
      const early = await earlyAnswer(dir, at);
      expect(early).toEqual(await fullAnswer(dir, at));
      overdue.push(early?.countsByView.overdue ?? -1);
    }
    // The clock really moved reviews past their target (otherwise this would test nothing).
    expect(new Set(overdue).size).toBeGreaterThan(1);
    expect(await earlyAnswer(dir, T0 - HOUR)).toBeNull(); // the clock set back: the core answers
  });

  it('is not used after a shard changed outside Kalm, even at the same size, or a shard was added', async () => {
    const dir = await tempDataDir();
    await writeWorkspace(dir);
    await savedByApp(dir);
    const file = join(dir, 'reviews', 'google--' + (await firstLocation(dir)) + '.json');
    const text = await readFile(file, 'utf8');
    const changed = text.replace('"rating": 1,', '"rating": 2,');
    expect(changed).not.toBe(text);
    expect(changed.length).toBe(text.length);
    await writeFile(file, changed);
    expect(await saved(dir)).toBeNull();
    await writeFile(file, text);
    expect(await saved(dir)).not.toBeNull();
    await saveShardFile(dir, 'google', 'elsewhere', []);
    expect(await saved(dir)).toBeNull();
  });

  it('follows a draft saved, a reply queued and new reply targets, when the app closed cleanly', async () => {
    const dir = await tempDataDir();
    await writeWorkspace(dir);
    await savedByApp(dir);
    const [first, second] = (await fullAnswer(dir, T0)).items;
    await savedByApp(dir, (core) => core.call('drafts.save', { reviewId: first?.id ?? '', text: 'Thank you, we will look into this.' }));
    const withDraft = await fullAnswer(dir, T0 + HOUR);
    expect(withDraft.countsByView.drafts).toBe(1);
    expect(await earlyAnswer(dir, T0 + HOUR)).toEqual(withDraft);

    await savedByApp(dir, (core) => core.call('outbox.send', { reviewId: second?.id ?? '', text: 'Sorry to hear this; please call us.' }));
    const withReply = await fullAnswer(dir, T0 + HOUR);
    expect(withReply.countsByView.outbox).toBeGreaterThan(0);
    expect(await earlyAnswer(dir, T0 + HOUR)).toEqual(withReply);

    await savedByApp(dir, (core) => core.call('settings.update', { replyTargetHours: { google: 2, play: 48, import: 72 } }));
    const stricter = await fullAnswer(dir, T0 + 3 * HOUR);
    expect(await earlyAnswer(dir, T0 + 3 * HOUR)).toEqual(stricter);
  });

  it('is not used after a draft, the settings or a team changed outside the app', async () => {
    const dir = await tempDataDir();
    await writeWorkspace(dir);
    const { items } = await fullAnswer(dir, T0);
    await savedByApp(dir, (core) => core.call('drafts.save', { reviewId: items[0]?.id ?? '', text: 'Thank you for telling us.' }));
    expect(await saved(dir)).not.toBeNull();
    await rm(join(dir, 'drafts'), { recursive: true });
    expect(await saved(dir)).toBeNull();

    await savedByApp(dir);
    await writeFile(join(dir, 'settings.json'), '{"replyTargetHours":{"google":1}}\n');
    expect(await saved(dir)).toBeNull();

    await savedByApp(dir);
    expect(await saved(dir)).not.toBeNull();
    await writeFile(join(dir, 'team.json'), '{}\n');
    expect(await saved(dir)).toBeNull();
  });

  it('is not saved while a write is still on its way, and a broken file is ignored', async () => {
    const dir = await tempDataDir();
    await writeWorkspace(dir);
    await writeFile(join(dir, 'reviews', FIRST_PAGE_FILE), '{"version":1,');
    expect(await saved(dir)).toBeNull();
    clock = T0;
    const core = await openApp(dir);
    await rm(join(dir, 'reviews', FIRST_PAGE_FILE));
    // A sync's changes are scheduled, not yet written: the close flushes them first, then saves.
    const { items } = await core.call('reviews.query', FIRST_PAGE_QUERY);
    await core.call('reviews.markDone', { ids: [items[0]?.id ?? ''], done: true });
    await core.close();
    expect(await earlyAnswer(dir, T0)).toEqual(await fullAnswer(dir, T0));
  });
});

async function firstLocation(dir: string): Promise<string> {
  const sources = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8')) as { locations: { id: string }[] };
  return sources.locations[0]?.id ?? '';
}
