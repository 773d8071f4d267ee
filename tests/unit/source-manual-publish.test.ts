import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { capabilitiesOf, capabilitiesOfSource, safeHttpUrl } from '../../shared/sources/capabilities';
import { tempDataDir } from './helpers';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const NOW = new Date('2026-03-01T09:30:00.000Z');

describe('copy-and-open publishing (sources without a reply API)', () => {
  it('a queued reply to an imported review is never sent; "I posted it" answers the review with the text kept', async () => {
    const dir = await tempDataDir();
    // No Google client at all: any attempt to send would fail loudly.
    const kalm = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null } });
    await kalm.importer.run(join(FIX, 'trustpilot.csv'), { preset: 'trustpilot' });
    const [review] = (await kalm.call('reviews.query', { status: 'unanswered', source: 'trustpilot', limit: 1 })).items;
    if (!review) throw new Error('no review');
    await kalm.call('outbox.send', { reviewId: review.id, text: 'Beste klant, dank u wel.' });
    expect((await kalm.call('reviews.get', { id: review.id })).status).toBe('queued');

    expect(await kalm.call('outbox.publish', {})).toEqual({ results: [] });
    expect((await kalm.call('outbox.list', {})).items).toMatchObject([
      { reviewId: review.id, state: 'queued', attempts: 0, lastError: null, copyAndOpen: { sourceName: 'Trustpilot', url: review.url } },
    ]);
    // Trustpilot documents no maximum: a long reply is not refused (Google's 4096 bytes do not apply).
    const long = `Beste klant, ${'dank u wel voor uw eerlijke woorden. '.repeat(150)}`;
    expect(long.length).toBeGreaterThan(5000);
    await kalm.call('outbox.send', { reviewId: review.id, text: long });
    await kalm.call('outbox.send', { reviewId: review.id, text: 'Beste klant, dank u wel.' });

    const posted = await kalm.call('outbox.markPosted', { reviewId: review.id, text: 'Beste klant, dank u wel.' });
    expect(posted).toMatchObject({ status: 'answered', reply: { text: 'Beste klant, dank u wel.', state: 'published', updatedAt: NOW.toISOString() } });
    expect((await kalm.call('outbox.list', {})).items).toEqual([]);
    await kalm.close();

    // Durable: a new core reads the answered review back.
    const again = await createKalm({ dataDir: dir, host: 'test', readOnly: true, google: { client: null } });
    expect((await again.call('reviews.get', { id: review.id })).reply?.text).toBe('Beste klant, dank u wel.');
    await again.close();
  });

  it('refuses "I posted it" for reviews Kalm sends itself, and empty or over-long texts', async () => {
    const dir = await tempDataDir();
    const kalm = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null }, loadDemoOnFirstRun: true });
    const [demo] = (await kalm.call('reviews.query', { status: 'all', limit: 1 })).items;
    await expect(kalm.call('outbox.markPosted', { reviewId: demo?.id ?? '', text: 'Dank!' })).rejects.toThrow(/Kalm sends replies to this review itself/);
    await kalm.importer.run(join(FIX, 'kiyoh.csv'), { preset: 'kiyoh' });
    const [imported] = (await kalm.call('reviews.query', { status: 'all', source: 'kiyoh', limit: 1 })).items;
    await expect(kalm.call('outbox.markPosted', { reviewId: imported?.id ?? '', text: '   ' })).rejects.toThrow(/empty/);
    await expect(kalm.call('outbox.markPosted', { reviewId: 'kiyoh:kiyoh:nope', text: 'Dank!' })).rejects.toThrow(/no review/);
    await kalm.close();
  });

  it('the background publisher leaves copy-and-open replies alone: never woken by them, never marks them waiting', async () => {
    const dir = await tempDataDir();
    const runs: number[] = [];
    const timers = {
      // Records how long the publisher means to sleep; never fires (only kicks run it).
      setTimeout: (_fn: () => void, ms: number) => runs.push(ms),
      clearTimeout: () => undefined,
    };
    const kalm = await createKalm({ dataDir: dir, host: 'web', now: () => NOW, google: { client: null }, timers });
    await kalm.importer.run(join(FIX, 'trustpilot.csv'), { preset: 'trustpilot' });
    const [review] = (await kalm.call('reviews.query', { status: 'unanswered', source: 'trustpilot', limit: 1 })).items;
    await kalm.call('outbox.send', { reviewId: review?.id ?? '', text: 'Beste klant, dank u wel.' });
    await new Promise((r) => setTimeout(r, 50));
    // No Google client: a run would have failed and noted "not set up" on the item.
    expect((await kalm.call('outbox.list', {})).items).toMatchObject([{ state: 'queued', lastError: null, attempts: 0 }]);
    // Nothing is due, so no wake-up is planned at all (before: a publish run every second).
    expect(runs).toEqual([]);
    await kalm.close();
  });

  it('capabilities: imported sources reply by copy-and-open, Play keeps 7 days, the demo answers locally; only http(s) opens', () => {
    expect(capabilitiesOf('file-import')).toMatchObject({ canSync: false, canReply: true, publish: 'copyAndOpen' });
    expect(capabilitiesOf('google-play')).toMatchObject({ publish: 'api', historyDays: 7, canDeleteReply: false });
    expect(capabilitiesOfSource({ kind: 'google-business', state: 'demo' }).publish).toBe('local');
    expect(safeHttpUrl('https://www.trustpilot.com/reviews/1')).toBe('https://www.trustpilot.com/reviews/1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('file:///etc/passwd')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});
