import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

describe('inbox views and "mark done" in the core (demo workspace)', () => {
  it('counts drafts and outbox items per view, and marks reviews done and back, durably', async () => {
    const dataDir = await tempDataDir();
    const kalm = await createKalm({ dataDir, host: 'test' });
    await kalm.call('workspace.loadDemo', { seed: 7 });
    const first = await kalm.call('reviews.query', { view: 'unanswered', limit: 3 });
    const [a, b, c] = first.items.map((r) => r.id) as [string, string, string];
    const unanswered = first.countsByView.unanswered;
    expect(first.countsByView.drafts).toBe(0);

    const events: string[] = [];
    kalm.on('drafts.changed', (e) => events.push(e.reviewId));
    await kalm.call('drafts.save', { reviewId: a, text: 'Dank u wel!' });
    await kalm.call('outbox.send', { reviewId: b, text: 'Sorry, we bellen u.' });
    const after = await kalm.call('reviews.query', { view: 'drafts' });
    expect(after.items.map((r) => r.id)).toEqual([a]);
    expect(after.countsByView).toMatchObject({ drafts: 1, outbox: 1, unanswered: unanswered - 1 });
    expect((await kalm.call('reviews.query', { view: 'outbox' })).items.map((r) => r.id)).toEqual([b]);
    expect(events).toEqual([a]);

    expect(await kalm.call('reviews.markDone', { ids: [a, c, b, 'google:nowhere:x'], done: true })).toEqual({ changed: 2 });
    const done = await kalm.call('reviews.query', { view: 'answered', limit: 500 });
    expect(done.items.map((r) => r.id)).toEqual(expect.arrayContaining([a, c]));
    expect((await kalm.call('reviews.get', { id: b })).status).toBe('queued');
    await kalm.close();

    // Durable: a new core on the same folder still has them done, and can undo it.
    const again = await createKalm({ dataDir, host: 'test' });
    expect((await again.call('reviews.get', { id: c })).status).toBe('done');
    expect((await again.call('reviews.query', { view: 'drafts' })).total).toBe(1);
    expect(await again.call('reviews.markDone', { ids: [c], done: false })).toEqual({ changed: 1 });
    expect((await again.call('reviews.get', { id: c })).status).toBe('unanswered');
    await again.close();
  });
});
