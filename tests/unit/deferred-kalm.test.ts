import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import type { Kalm } from '../../electron/core/kalm';
import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import { deferredKalm } from '../../electron/core/deferred-kalm';
import { earlyFirstPage } from '../../electron/core/early-first-page';
import { createFileLog } from '../../electron/core/log/logger';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { FIRST_PAGE_QUERY } from '../../shared/reviews/first-page';
import { tempDataDir } from './helpers';

/** The web host serves the page before the store has loaded (cold start); calls and subscriptions wait for it. */
describe('deferredKalm', () => {
  it('answers calls once the store is open, and delivers events to listeners added before that', async () => {
    const dir = await tempDataDir();
    let open: (k: Kalm) => void = () => undefined;
    const ready = new Promise<Kalm>((resolve) => (open = resolve));
    const kalm = deferredKalm(dir, ready);
    let answered = false;
    const summary = kalm.call('workspace.get', {}).then((s) => ((answered = true), s));
    const seen: unknown[] = [];
    kalm.on('reviews.changed', (p) => seen.push(p));
    const dropped: unknown[] = [];
    kalm.on('reviews.changed', (p) => dropped.push(p))();
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);

    const core = await createKalm({ dataDir: dir, host: 'web', now: () => new Date('2026-06-01T00:00:00Z') });
    open(core);
    expect((await summary).reviewCount).toBe(0);
    await kalm.call('workspace.loadDemo', {});
    expect(seen).toEqual([expect.objectContaining({ reason: 'demo' })]);
    expect(dropped).toEqual([]);
    await kalm.close();
  });

  it('fails every call with the reason when the store cannot be opened', async () => {
    const kalm = deferredKalm('/nowhere', Promise.reject(new Error('The data folder is locked.')));
    await expect(kalm.call('workspace.get', {})).rejects.toThrow('The data folder is locked.');
    expect(() => kalm.on('reviews.changed', () => undefined)()).not.toThrow();
  });

  it("carries the host's log, where the host's failed calls are written (Electron's IPC)", async () => {
    const log = createFileLog({ dataDir: await tempDataDir(), stderr: false });
    expect(deferredKalm('/nowhere', new Promise<Kalm>(() => undefined), undefined, log).log).toBe(log);
    expect(deferredKalm('/nowhere', new Promise<Kalm>(() => undefined)).log).toBeUndefined();
  });

  it("answers the inbox's first page before the store is open when the last run saved it, and nothing else", async () => {
    const dir = await tempDataDir();
    const demo = generateDemoWorkspace({ now: new Date(Date.now() - 60 * 86_400_000), seed: 7, locationCount: 1, reviewCount: 120 });
    await saveShardFile(dir, 'google', demo.locations[0]?.id ?? 'x', demo.reviews);
    await saveSourcesFile(dir, demo.sources, demo.locations);
    const app = await createKalm({ dataDir: dir, host: 'web', autoPublish: false });
    const full = await app.call('reviews.query', FIRST_PAGE_QUERY);
    await app.close(); // saves the first page

    let open: (k: Kalm) => void = () => undefined;
    const ready = new Promise<Kalm>((resolve) => (open = resolve));
    const kalm = deferredKalm(dir, ready, Promise.resolve(earlyFirstPage(dir)));
    expect(await kalm.call('reviews.query', { limit: 50, offset: 0, sort: 'priority', view: 'unanswered' })).toEqual(full);
    let other = false;
    const later = kalm.call('reviews.query', { ...FIRST_PAGE_QUERY, limit: 10 }).then((p) => ((other = true), p));
    await new Promise((r) => setTimeout(r, 20));
    expect(other).toBe(false); // any other query waits for the core
    const core = await createKalm({ dataDir: dir, host: 'test' });
    open(core);
    expect((await later).items).toEqual(full.items.slice(0, 10));
    await kalm.close();
  });

  it('waits for the core when there is no saved first page', async () => {
    const dir = await tempDataDir();
    let open: (k: Kalm) => void = () => undefined;
    const ready = new Promise<Kalm>((resolve) => (open = resolve));
    const kalm = deferredKalm(dir, ready, Promise.resolve(earlyFirstPage(dir)));
    let answered = false;
    const page = kalm.call('reviews.query', FIRST_PAGE_QUERY).then((p) => ((answered = true), p));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    open(await createKalm({ dataDir: dir, host: 'test' }));
    expect((await page).total).toBe(0);
    await kalm.close();
  });
});
