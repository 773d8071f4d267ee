import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { createSyncScheduler } from '../../electron/core/background/scheduler';
import type { NewReviewAlert } from '../../shared/contract/alerts';
import { FIXTURE_ACCOUNT, FIXTURE_UTRECHT, startGoogleEmulator } from '../emulator';
import { closedAfterEach, emulatorGoogle } from './google-setup';
import { tempDataDir } from './helpers';
import { manualTimers } from './manual-timers';


describe('background sync with the Google emulator', () => {
  const keep = closedAfterEach();

  it('alerts exactly once for a new 1★ review between syncs, never for 5★ ones or the first import, and labels new reviews by rule', async () => {
    const emu = keep(await startGoogleEmulator());
    const clock = manualTimers();
    const k = keep(await createKalm({
      dataDir: await tempDataDir(),
      host: 'test',
      google: emulatorGoogle(emu),
      background: { timers: clock.timers },
    }));
    const alerts: NewReviewAlert[] = [];
    k.on('alerts.newReview', (a) => alerts.push(a));
    await k.call('google.discover', {});
    await k.call('settings.update', { syncIntervalMinutes: 15, alertMaxRating: 2 });

    k.background.start({ now: true });
    await k.background.runNow();
    const imported = (await k.call('reviews.stats', {})).overall.count;
    expect(imported).toBeGreaterThan(0);
    expect(alerts).toEqual([]); // the first sync brings history, not news
    expect(clock.waitMs).toBe(15 * 60_000);

    const bread = await k.call('labels.save', { name: 'Brood', color: '#b45309' });
    await k.call('labels.saveRules', { rules: [{ id: 'r', labelId: bread.id, enabled: true, words: ['brood'], minRating: null, maxRating: null, sources: [], locationIds: [] }] });

    const added = emu.data.addReview(FIXTURE_UTRECHT, { comment: 'Het brood was oud en de koffie koud.', starRating: 'ONE' });
    clock.fire();
    await k.background.runNow();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rating: 1, excerpt: 'Het brood was oud en de koffie koud.' });
    const review = await k.call('reviews.get', { id: alerts[0]?.reviewId ?? '' });
    expect(review.externalId).toBe(added.reviewId);
    expect(review.labels).toEqual([bread.id]);

    // Nothing new, then only 5★ reviews: no more alerts.
    clock.fire();
    await k.background.runNow();
    emu.data.addReview(FIXTURE_UTRECHT, { comment: 'Heerlijk!', starRating: 'FIVE' });
    emu.data.addReview(FIXTURE_UTRECHT, { comment: null, starRating: 'FIVE' });
    clock.fire();
    await k.background.runNow();
    expect((await k.call('reviews.stats', {})).overall.count).toBe(imported + 3);
    expect(alerts).toHaveLength(1);
    // A manual sync of the same data does not alert again either.
    await k.call('google.sync', { full: true });
    expect(alerts).toHaveLength(1);
  });
});

describe('alerts for new locations', () => {
  const keep = closedAfterEach();

  it("stays quiet on a source's first sync, alerts a location's very first review, and not a newly chosen location's history", async () => {
    const emu = keep(await startGoogleEmulator());
    const k = keep(await createKalm({
      dataDir: await tempDataDir(),
      host: 'test',
      google: emulatorGoogle(emu),
      background: { timers: manualTimers().timers },
    }));
    const data = emu.data;
    const alerts: NewReviewAlert[] = [];
    k.on('alerts.newReview', (a) => alerts.push(a));
    await k.call('settings.update', { alertMaxRating: 2 });
    await k.call('google.discover', {});
    // The initial import holds 1★ reviews (Amersfoort's rating-only one), but they are history.
    await k.call('google.sync', {});
    expect((await k.call('reviews.query', { status: 'all', ratings: [1] })).total).toBeGreaterThan(0);
    expect(alerts).toEqual([]);

    // Two new locations: Zeist has no reviews yet; Houten has an old 1★ from before Kalm knew it.
    const zeist = data.addLocation(FIXTURE_ACCOUNT, { name: 'locations/7000000000000000001', title: 'Bakkerij Zeist' });
    const houten = data.addLocation(FIXTURE_ACCOUNT, { name: 'locations/7000000000000000002', title: 'Bakkerij Houten' });
    data.addReview(houten.v4Name, { comment: 'Vorig jaar al oud brood.', starRating: 'ONE', createTime: '2025-02-01T10:00:00Z' });
    const found = await k.call('google.discover', {});
    await k.call('google.selectLocations', { locationIds: found.locations.map((l) => l.locationId) });
    await k.call('google.sync', {});
    expect((await k.call('reviews.query', { status: 'all', text: 'vorig jaar' })).total).toBe(1);
    expect(alerts).toEqual([]); // Houten's history is not news; Zeist has nothing yet

    // Zeist's very first review and a new one in Houten: both alert, once.
    data.addReview(zeist.v4Name, { comment: 'Eerste keer hier, de taart was bedorven.', starRating: 'ONE' });
    data.addReview(houten.v4Name, { comment: 'Weer oud brood.', starRating: 'TWO' });
    data.addReview(zeist.v4Name, { comment: 'Top!', starRating: 'FIVE' });
    await k.call('google.sync', {});
    expect(alerts.map((a) => [a.rating, a.locationName, a.excerpt]).sort()).toEqual([
      [1, 'Bakkerij Zeist', 'Eerste keer hier, de taart was bedorven.'],
      [2, 'Bakkerij Houten', 'Weer oud brood.'],
    ]);
    await k.call('google.sync', { full: true });
    expect(alerts).toHaveLength(2);
  });
});

describe('the sync scheduler', () => {
  it('waits the interval, never overlaps, backs off after failures and while offline, and stops cleanly', async () => {
    const clock = manualTimers();
    let online = true, fail = false, runs = 0;
    const errors: unknown[] = [];
    let release: () => void = () => undefined;
    const s = createSyncScheduler({
      run: () => {
        runs++;
        if (fail) return Promise.reject(new Error('no connection'));
        return new Promise<void>((r) => (release = r));
      },
      intervalMinutes: () => 10,
      ready: () => true,
      online: () => online,
      timers: clock.timers,
      retryMs: 60_000,
      onError: (e) => errors.push(e),
    });
    s.start();
    expect(clock.waitMs).toBe(600_000);
    clock.fire();
    const first = s.runNow();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.state).toBe('syncing');
    void s.runNow(); // a second request while running joins the first
    release();
    await first;
    expect(runs).toBe(1);
    expect(s.state).toBe('waiting');

    fail = true;
    clock.fire();
    await s.runNow();
    expect(s.state).toBe('retrying');
    expect(clock.waitMs).toBe(60_000);
    clock.fire();
    await s.runNow();
    expect(clock.waitMs).toBe(120_000);
    expect(errors).toHaveLength(2);

    online = false;
    clock.fire();
    await s.runNow();
    expect(s.state).toBe('offline');
    expect(runs).toBe(3); // offline: no attempt
    online = true;
    fail = false;
    s.reschedule();
    expect(clock.waitMs).toBe(600_000);
    clock.fire();
    const p = s.runNow();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await p;
    expect(runs).toBe(4);
    await s.stop();
    expect(s.state).toBe('stopped');
    expect(clock.waitMs).toBeNull();
  });

  it('is idle while the interval is 0 and skips when there is nothing to sync', async () => {
    const clock = manualTimers();
    let minutes = 0, runs = 0;
    const s = createSyncScheduler({ run: async () => void runs++, intervalMinutes: () => minutes, ready: () => false, timers: clock.timers });
    s.start();
    expect(s.state).toBe('idle');
    expect(clock.waitMs).toBeNull();
    minutes = 5;
    s.reschedule();
    clock.fire();
    await s.runNow();
    expect(runs).toBe(0);
    expect(clock.waitMs).toBe(300_000);
  });
});
