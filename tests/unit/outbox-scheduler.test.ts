import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { OutboxScheduler, type SchedulerTimers } from '../../electron/core/outbox/scheduler';
import { startGoogleEmulator } from '../emulator';
import { closedAfterEach, emulatorGoogle } from './google-setup';
import { tempDataDir } from './helpers';

/** Timers on a fake clock: `advance(ms)` moves the clock and fires what came due, in order. */
function fakeTimers(clock: { t: number }) {
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: SchedulerTimers = {
    setTimeout: (fn, ms) => {
      const id = ++seq;
      pending.set(id, { at: clock.t + ms, fn });
      return id;
    },
    clearTimeout: (id) => void pending.delete(id as number),
  };
  return {
    timers,
    pending,
    /** The time the next timer fires, or null. */
    next: () => (pending.size === 0 ? null : Math.min(...[...pending.values()].map((p) => p.at))),
    advance(ms: number) {
      clock.t += ms;
      for (const [id, p] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (p.at > clock.t) continue;
        pending.delete(id);
        p.fn();
      }
    },
  };
}

describe('OutboxScheduler (fake clock)', () => {
  it('runs at once when something is due, then sleeps until the next item is due; runs never overlap', async () => {
    const clock = { t: 1_000_000 };
    const ft = fakeTimers(clock);
    let due: number | null = clock.t;
    let running = 0;
    let maxRunning = 0;
    const runs: number[] = [];
    let release: () => void = () => undefined;
    const scheduler = new OutboxScheduler({
      now: () => clock.t,
      timers: ft.timers,
      nextDueAt: () => due,
      run: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        runs.push(clock.t);
        await new Promise<void>((ok) => (release = ok));
        due = clock.t + 30_000;
        running--;
      },
    });
    scheduler.start();
    await Promise.resolve();
    expect(runs).toEqual([1_000_000]);
    // Kicks during a run ask for one more look afterwards, not a second run alongside.
    scheduler.kick();
    scheduler.kick();
    release();
    await scheduler.idle();
    expect(maxRunning).toBe(1);
    expect(runs).toHaveLength(1); // the extra look found nothing due
    expect(ft.next()).toBe(1_030_000);
    ft.advance(29_999);
    expect(runs).toHaveLength(1);
    ft.advance(1);
    await Promise.resolve();
    expect(runs).toEqual([1_000_000, 1_030_000]);
    release();
    await scheduler.stop();
    expect(ft.pending.size).toBe(0);
  });

  it('after a run that throws (e.g. Google not set up) it waits errorWaitMs, not a busy loop', async () => {
    const clock = { t: 0 };
    const ft = fakeTimers(clock);
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = new OutboxScheduler({
      now: () => clock.t, timers: ft.timers, nextDueAt: () => 0, errorWaitMs: 60_000,
      run: () => {
        calls++;
        return Promise.reject(new Error('no client'));
      },
      onError: (e) => errors.push(e),
    });
    scheduler.start();
    await scheduler.idle();
    expect(calls).toBe(1);
    expect(ft.next()).toBe(60_000);
    ft.advance(60_000);
    await scheduler.idle();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
    await scheduler.stop();
  });

  it('does nothing and sets no timer while nothing waits; a kick after stop is ignored', async () => {
    const clock = { t: 0 };
    const ft = fakeTimers(clock);
    let calls = 0;
    const scheduler = new OutboxScheduler({ now: () => clock.t, timers: ft.timers, nextDueAt: () => null, run: async () => void calls++ });
    scheduler.start();
    await scheduler.idle();
    expect(calls).toBe(0);
    expect(scheduler.waiting).toBe(false);
    await scheduler.stop();
    scheduler.kick();
    expect(calls).toBe(0);
  });
});

describe('automatic publishing in the core, against the Google emulator', () => {
  const keep = closedAfterEach();

  /** A core publishing automatically on a fake clock, signed in to a fresh emulator (tokens on disk) and synced; its first unanswered review. */
  async function autoPublishingCore() {
    const emu = keep(await startGoogleEmulator());
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, 'google-tokens.json'), JSON.stringify({ refresh_token: emu.tokens.issueFor().refresh_token }), { mode: 0o600 });
    const clock = { t: Date.parse('2026-11-24T12:00:00.000Z') };
    const ft = fakeTimers(clock);
    const kalm = keep(await createKalm({
      dataDir, host: 'test', autoPublish: true, timers: ft.timers, now: () => new Date(clock.t),
      google: emulatorGoogle(emu, { signedIn: false }),
    }));
    await kalm.call('google.sync', {});
    const review = (await kalm.call('reviews.query', { status: 'unanswered' })).items[0]!;
    return { emu, kalm, clock, ft, review };
  }

  it('emulator down → the reply stays queued with the reason; emulator back → sent at the next try, once', { timeout: 60_000 }, async () => {
    const { emu, kalm, clock, ft, review } = await autoPublishingCore();
    const location = emu.data.locations().find((l) => l.v4Name.endsWith(`/locations/${review.locationId}`))!;
    const name = `${location.v4Name}/reviews/${review.externalId}`;
    let changes = 0;
    kalm.on('outbox.changed', () => changes++);

    emu.faults.down(true);
    const { id } = await kalm.call('outbox.send', { reviewId: review.id, text: 'Dank u wel, tot ziens in de winkel!' });
    await waitFor(async () => (await item(kalm!, id))?.lastError !== null);
    const waiting = await item(kalm, id);
    expect(waiting).toMatchObject({ state: 'queued', lastError: expect.stringMatching(/No connection to Google/) });
    expect(waiting?.nextAttemptAt).toBe(new Date(clock.t + 30_000).toISOString());
    expect(emu.data.replyOf(name)).toBeUndefined();
    await waitFor(async () => ft.next() !== null);
    expect(ft.next()).toBe(clock.t + 30_000);

    emu.faults.down(false);
    ft.advance(30_000);
    await waitFor(async () => (await kalm!.call('reviews.get', { id: review.id })).status === 'answered');
    expect((await item(kalm, id))?.state).toBe('sent');
    expect(emu.data.replyOf(name)?.comment).toBe('Dank u wel, tot ziens in de winkel!');
    expect(emu.requests.filter((r) => r.method === 'PUT' && r.path === `/v4/${name}/reply`)).toHaveLength(1);
    expect(await kalm.call('reviews.get', { id: review.id })).toMatchObject({ status: 'answered', reply: { text: 'Dank u wel, tot ziens in de winkel!' } });
    expect(changes).toBeGreaterThan(0);
    // Nothing is due any more: no timer, no further request.
    expect(ft.next()).toBeNull();
    expect((await kalm.call('outbox.history', { reviewId: review.id })).versions).toMatchObject([{ origin: 'kalm', text: 'Dank u wel, tot ziens in de winkel!' }]);
  });

  it('a 429 with Retry-After waits as long as Google asks before the next automatic try', { timeout: 60_000 }, async () => {
    const { emu, kalm, clock, ft, review } = await autoPublishingCore();
    // Every try of the business API's own retries gets the 429, so the publisher sees it.
    emu.faults.add({ match: '/reply', method: 'PUT', status: 429, retryAfterSeconds: 1, times: 4 });
    const { id } = await kalm.call('outbox.send', { reviewId: review.id, text: 'Bedankt!' });
    await waitFor(async () => (await item(kalm!, id))?.state === 'failed');
    const failed = await item(kalm, id);
    expect(failed?.lastError).toMatch(/asking too often/);
    // Retry-After (1 s) is shorter than the first backoff step (30 s): the backoff wins.
    expect(failed?.nextAttemptAt).toBe(new Date(clock.t + 30_000).toISOString());
    ft.advance(30_000);
    await waitFor(async () => (await item(kalm!, id))?.state === 'sent');
  });
});

async function item(kalm: KalmCore, id: string) {
  return (await kalm.call('outbox.list', {})).items.find((i) => i.id === id);
}

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
