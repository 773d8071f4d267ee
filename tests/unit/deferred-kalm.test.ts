import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import type { Kalm } from '../../electron/core/kalm';
import { deferredKalm } from '../../electron/web-host/deferred-kalm';
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
});
