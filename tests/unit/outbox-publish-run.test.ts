import { describe, expect, it } from 'vitest';
import { KalmError } from '../../shared/domain/errors';
import type { Review } from '../../shared/domain/review';
import { createPublishRun } from '../../electron/core/outbox/publish-run';
import type { SourcePublisher } from '../../electron/core/outbox/source-publisher';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { Workspace } from '../../electron/core/workspace';
import { review } from '../renderer/fixtures';
import { tempDataDir } from './helpers';

const NOW = new Date('2026-03-01T09:30:00.000Z');

describe('the outbox publish run over the sources\' publishers', () => {
  it('a source that cannot work at all (no Google client) neither stops the others nor marks their items waiting', async () => {
    const queue = await OutboxQueue.open(await tempDataDir(), { now: () => NOW });
    const workspace = new Workspace();
    const g = review('g-1', { source: 'google' });
    const p = review('p-1', { source: 'play', id: 'play:app:p-1', locationId: 'app' });
    const p2 = review('p-2', { source: 'play', id: 'play:app:p-2', locationId: 'app' });
    workspace.replace([
      { id: 'google', kind: 'google-business', name: 'Google', state: 'connected', lastSyncAt: null },
      { id: 'play', kind: 'google-play', name: 'Google Play', state: 'connected', lastSyncAt: null },
    ], [], [g, p, p2]);
    for (const r of [g, p, p2]) await queue.enqueueReply({ review: r, text: 'Dank je wel!', now: NOW });
    // The second Play item is not due yet: a blocked Google must not put its reason on it.
    const later = queue.list().find(({ item }) => item.reviewId === p2.id);
    if (!later) throw new Error('no p-2 item');
    await queue.save({ ...later.item, nextAttemptAt: '2026-03-01T10:00:00.000Z', lastError: null });

    const sentIds: string[] = [];
    const google: SourcePublisher = {
      owns: (r: Review) => r.source === 'google',
      publish: () => Promise.reject(new KalmError('forbidden', 'Google is not set up yet.')),
    };
    const play: SourcePublisher = {
      owns: (r: Review) => r.source === 'play',
      async publish(q, deps) {
        const due = q.list().filter(({ item }) => item.reviewId === p.id && item.state === 'queued');
        for (const { item } of due) {
          await q.save({ ...item, state: 'sent' });
          sentIds.push(item.reviewId);
          await deps.onSent(item.reviewId, { text: item.text, updatedAt: NOW.toISOString(), state: 'published' });
        }
        return due.map(({ item }) => ({ id: item.id, reviewId: item.reviewId, ok: true, state: 'sent' as const }));
      },
    };
    const timers = { setTimeout: () => 0, clearTimeout: () => undefined };
    const run = createPublishRun({
      workspace, queue, now: () => NOW, timers, publishers: [google, play], manual: () => false, isDemoReview: () => false,
      onSent: async () => undefined, onConflict: async () => undefined, changed: () => undefined,
    });
    // "Publish now" reports Google's problem, but Play's reply went out.
    await expect(run.publish(queue, true)).rejects.toThrow('Google is not set up yet.');
    expect(sentIds).toEqual([p.id]);
    // The background run notes the reason on Google's items only.
    run.scheduler.start();
    await run.scheduler.idle();
    await run.scheduler.stop();
    const byReview = new Map(queue.list().map(({ item }) => [item.reviewId, item]));
    expect(byReview.get(g.id)).toMatchObject({ state: 'queued', lastError: 'Google is not set up yet.' });
    expect(byReview.get(p2.id)).toMatchObject({ state: 'queued', lastError: null });
  });
});
