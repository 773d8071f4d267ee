import { afterEach, describe, expect, it } from 'vitest';
import type { Reply, Review } from '../../shared/domain/review';
import { mapGoogleReview } from '../../shared/google/map-review';
import { createBusinessApi, type BusinessApi } from '../../electron/core/sources/google/business-api';
import { GoogleApiError } from '../../electron/core/google-api/errors';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { backoffMs } from '../../electron/core/outbox/backoff';
import { publishAll, type PublishOptions } from '../../electron/core/sources/google/send-replies';
import { FIXTURE_UTRECHT, fetchHttp, startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

let emulator: GoogleEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

interface Setup {
  emu: GoogleEmulator;
  api: BusinessApi;
  queue: OutboxQueue;
  dataDir: string;
  clock: { t: number };
  sent: { reviewId: string; reply: Reply | null }[];
  /** A fresh review on Google and its local copy. */
  addReview(comment?: string, reply?: string): { review: Review; name: string };
  publish(extra?: Partial<PublishOptions>): ReturnType<typeof publishAll>;
  puts(name: string): number;
  now(): Date;
}

const T0 = Date.parse('2026-11-24T12:00:00.000Z');

async function setup(): Promise<Setup> {
  const emu = await startGoogleEmulator();
  emulator = emu;
  const api = createBusinessApi({
    http: fetchHttp(emu.tokens.issueFor().access_token),
    roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl },
    limiter: null,
    retry: { attempts: 1 },
  });
  const dataDir = await tempDataDir();
  const queue = await OutboxQueue.open(dataDir);
  const local = new Map<string, { review: Review; reviewName: string }>();
  const clock = { t: T0 };
  const sent: Setup['sent'] = [];
  const s: Setup = {
    emu, api, queue, dataDir, clock, sent,
    addReview(comment = 'Heerlijke appeltaart!', reply) {
      const g = emu.data.addReview(FIXTURE_UTRECHT, { comment });
      if (reply !== undefined) emu.data.setReply(g.name, reply);
      const mapped = mapGoogleReview({ ...g, ...(reply !== undefined ? { reviewReply: emu.data.replyOf(g.name) } : {}) }).review;
      local.set(mapped.id, { review: mapped, reviewName: g.name });
      return { review: mapped, name: g.name };
    },
    publish: (extra = {}) => publishAll({
      outbox: queue, api, now: s.now,
      reviewOf: (id) => local.get(id),
      onSent: (reviewId, reply) => void sent.push({ reviewId, reply }),
      ...extra,
    }),
    puts: (name) => emu.requests.filter((r) => r.method === 'PUT' && r.path === `/v4/${name}/reply`).length,
    now: () => new Date(clock.t),
  };
  return s;
}

describe('outbox queue', () => {
  it('refuses replies over the limit or empty, naming limit and size, and queues nothing', async () => {
    const s = await setup();
    const { review } = s.addReview();
    await expect(s.queue.enqueueReply({ review, text: 'é'.repeat(2049), now: s.now() })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/4098 bytes.*4096 bytes/) });
    await expect(s.queue.enqueueReply({ review, text: '  \n', now: s.now() })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(s.queue.list()).toEqual([]);
  });

  it('keeps one active item per review: a second Send replaces the queued text', async () => {
    const s = await setup();
    const { review } = s.addReview();
    const first = await s.queue.enqueueReply({ review, text: 'Eerste versie', now: s.now() });
    const second = await s.queue.enqueueReply({ review, text: 'Tweede versie', now: s.now() });
    expect(second.id).toBe(first.id);
    expect(s.queue.list().map((e) => e.item.text)).toEqual(['Tweede versie']);
    // Survives a reopen (durable), snapshot included.
    const reopened = await OutboxQueue.open(s.dataDir);
    expect(reopened.list()).toMatchObject([{ item: { text: 'Tweede versie', state: 'queued' }, meta: { snapshot: { text: review.text } } }]);
  });

  it('edits and cancels queued items', async () => {
    const s = await setup();
    const { review, name } = s.addReview();
    const item = await s.queue.enqueueReply({ review, text: 'Oud', now: s.now() });
    await s.queue.editItem(item.id, 'Nieuw', s.now());
    await s.publish();
    expect(s.emu.data.replyOf(name)?.comment).toBe('Nieuw');
    const other = s.addReview();
    const gone = await s.queue.enqueueReply({ review: other.review, text: 'Weg', now: s.now() });
    await s.queue.cancel(gone.id);
    await s.publish();
    expect(s.emu.data.replyOf(other.name)).toBeUndefined();
    await expect(s.queue.cancel(item.id)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('publishAll against the Google emulator', () => {
  it('publishes once: Google holds exactly our reply, the item is sent, onSent is called; a second run sends nothing', async () => {
    const s = await setup();
    const { review, name } = s.addReview();
    const item = await s.queue.enqueueReply({ review, text: 'Dank je wel, Sanne! 🌻', now: s.now() });
    const results = await s.publish();
    expect(results).toEqual([{ id: item.id, reviewId: review.id, ok: true, state: 'sent' }]);
    expect(s.emu.data.replyOf(name)?.comment).toBe('Dank je wel, Sanne! 🌻');
    expect(s.queue.get(item.id)?.item.state).toBe('sent');
    expect(s.queue.get(item.id)?.meta?.sent).toMatchObject({ text: 'Dank je wel, Sanne! 🌻' });
    expect(s.sent).toEqual([{ reviewId: review.id, reply: { text: 'Dank je wel, Sanne! 🌻', updatedAt: expect.any(String), state: 'published' } }]);
    expect(s.puts(name)).toBe(1);

    expect(await s.publish({ force: true })).toEqual([]);
    expect(s.puts(name)).toBe(1);
    await expect(s.queue.editItem(item.id, 'nog eens', s.now())).rejects.toMatchObject({ code: 'invalid_input' });
    // A new Send after publishing is a new item (an edit of the published reply), not "answered elsewhere",
    // even when the local review missed the onSent update (a crash right after `sent`).
    const edit = await s.queue.enqueueReply({ review, text: 'Bijgewerkt antwoord', now: s.now() });
    expect(edit.id).not.toBe(item.id);
    expect(await s.publish()).toMatchObject([{ id: edit.id, ok: true }]);
    expect(s.emu.data.replyOf(name)?.comment).toBe('Bijgewerkt antwoord');
  });

  it('conflict "review was deleted": nothing is sent; discard removes the item', async () => {
    const s = await setup();
    const { review, name } = s.addReview();
    const item = await s.queue.enqueueReply({ review, text: 'Bedankt!', now: s.now() });
    s.emu.data.deleteReview(name);
    expect(await s.publish()).toMatchObject([{ id: item.id, ok: false, state: 'conflict', error: expect.stringMatching(/deleted/) }]);
    expect(s.queue.get(item.id)?.meta?.conflict).toMatchObject({ kind: 'deleted' });
    expect(s.puts(name)).toBe(0);
    await expect(s.queue.resolveConflict(item.id, 'send_anyway', s.now())).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await s.queue.resolveConflict(item.id, 'discard', s.now())).toBeNull();
    expect(s.queue.list()).toEqual([]);
  });

  it('conflict "changed": shows old and new text and rating; edit accepts it and sends', async () => {
    const s = await setup();
    const { review, name } = s.addReview('Goed brood.');
    const item = await s.queue.enqueueReply({ review, text: 'Dank u!', now: s.now() });
    s.emu.data.editReview(name, { comment: 'Brood was oud.', starRating: 'TWO' });
    const conflicts: string[] = [];
    expect(await s.publish({ onConflict: (_id, c) => void conflicts.push(c.kind) })).toMatchObject([{ state: 'conflict' }]);
    expect(conflicts).toEqual(['changed']);
    expect(s.queue.get(item.id)?.meta?.conflict).toMatchObject({ kind: 'changed', oldText: 'Goed brood.', newText: 'Brood was oud.', oldRating: 5, newRating: 2 });
    expect(s.puts(name)).toBe(0);
    // A conflict is never retried on its own.
    expect(await s.publish({ force: true })).toEqual([]);
    await s.queue.editItem(item.id, 'Sorry dat het brood oud was.', s.now());
    expect(await s.publish()).toMatchObject([{ ok: true }]);
    expect(s.emu.data.replyOf(name)?.comment).toBe('Sorry dat het brood oud was.');
  });

  it('conflict "answered elsewhere": shows the other reply; send anyway overwrites it', async () => {
    const s = await setup();
    const { review, name } = s.addReview();
    const item = await s.queue.enqueueReply({ review, text: 'Van Kalm', now: s.now() });
    s.emu.data.setReply(name, 'Beantwoord via de Google-app');
    expect(await s.publish()).toMatchObject([{ state: 'conflict', error: expect.stringMatching(/answered elsewhere/) }]);
    expect(s.queue.get(item.id)?.meta?.conflict).toMatchObject({ kind: 'answered_elsewhere', otherReply: 'Beantwoord via de Google-app' });
    expect(s.emu.data.replyOf(name)?.comment).toBe('Beantwoord via de Google-app');
    await s.queue.resolveConflict(item.id, 'send_anyway', s.now());
    expect(await s.publish()).toMatchObject([{ ok: true }]);
    expect(s.emu.data.replyOf(name)?.comment).toBe('Van Kalm');
  });

  it('a reply the owner already saw in Kalm is not "answered elsewhere" (editing an existing reply)', async () => {
    const s = await setup();
    const { review, name } = s.addReview('Top!', 'Oud antwoord');
    await s.queue.enqueueReply({ review, text: 'Nieuw antwoord', now: s.now() });
    expect(await s.publish()).toMatchObject([{ ok: true }]);
    expect(s.emu.data.replyOf(name)?.comment).toBe('Nieuw antwoord');
  });

  it('503 → failed with reason and next attempt 30 s later; sent on the retry', async () => {
    const s = await setup();
    const { review, name } = s.addReview();
    const item = await s.queue.enqueueReply({ review, text: 'Na een storing', now: s.now() });
    s.emu.faults.add({ match: '/reply', method: 'PUT', status: 503, times: 1 });
    expect(await s.publish()).toMatchObject([{ ok: false, state: 'failed' }]);
    const failed = s.queue.get(item.id)?.item;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringMatching(/not answering/), nextAttemptAt: new Date(T0 + 30_000).toISOString() });
    expect(await s.publish()).toEqual([]); // not due yet
    s.clock.t += 30_000;
    expect(await s.publish()).toMatchObject([{ ok: true }]);
    expect(s.emu.data.replyOf(name)?.comment).toBe('Na een storing');
  });

  it('429 with Retry-After → failed with nextAttemptAt; backoff doubles to 1 h and honours Retry-After', async () => {
    const s = await setup();
    const { review } = s.addReview();
    const item = await s.queue.enqueueReply({ review, text: 'Later', now: s.now() });
    s.emu.faults.add({ match: '/reply', method: 'PUT', status: 429, retryAfterSeconds: 120, times: 1 });
    expect(await s.publish()).toMatchObject([{ state: 'failed' }]);
    const next = s.queue.get(item.id)?.item.nextAttemptAt;
    expect(next).not.toBeNull();
    expect(Date.parse(next ?? '')).toBeGreaterThanOrEqual(T0 + 30_000);
    expect([1, 2, 3, 8, 20].map((a) => backoffMs(a, null))).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
    expect(backoffMs(1, 120)).toBe(120_000);

    // When the error carries Retry-After, the next attempt waits at least that long.
    const item2 = (await s.queue.enqueueReply({ review: s.addReview().review, text: 'Nog later', now: s.now() })).id;
    const limited = Object.assign(new GoogleApiError('internal', 'Too many requests', 'rate_limited', 429, true), { retryAfterSeconds: 600 });
    const api: PublishOptions['api'] = { ...s.api, getReview: s.api.getReview, putReply: () => Promise.reject(limited), deleteReply: s.api.deleteReply };
    await s.publish({ api });
    expect(s.queue.get(item2)?.item.nextAttemptAt).toBe(new Date(T0 + 600_000).toISOString());
  });

  it('Google down: items stay queued with the reason and the next try, and are all sent once it is back', async () => {
    const s = await setup();
    const reviews = [s.addReview(), s.addReview(), s.addReview()];
    for (const [i, r] of reviews.entries()) await s.queue.enqueueReply({ review: r.review, text: `Antwoord ${i}`, now: s.now() });
    s.emu.faults.down(true);
    const down = await s.publish();
    expect(down).toHaveLength(1); // the run stops at the first "no connection"
    for (const { item } of s.queue.list()) {
      expect(item).toMatchObject({ state: 'queued', lastError: expect.stringMatching(/No connection to Google/), nextAttemptAt: new Date(T0 + 30_000).toISOString() });
    }
    s.emu.faults.down(false);
    expect(await s.publish()).toEqual([]); // waits for the next try
    s.clock.t += 30_000;
    expect(await s.publish()).toMatchObject([{ ok: true }, { ok: true }, { ok: true }]);
    for (const [i, r] of reviews.entries()) expect(s.emu.data.replyOf(r.name)?.comment).toBe(`Antwoord ${i}`);
  });

  it('crash mid-publish: an item left in `sending` is confirmed without a second PUT when Google has our text', async () => {
    const s = await setup();
    const a = s.addReview();
    const b = s.addReview();
    const itemA = await s.queue.enqueueReply({ review: a.review, text: 'Al verstuurd', now: s.now() });
    const itemB = await s.queue.enqueueReply({ review: b.review, text: 'Nog niet verstuurd', now: s.now() });
    // As a crash leaves it: marked sending (and attempted) on disk; A's PUT reached Google, B's did not.
    for (const { item, meta } of s.queue.list()) {
      if (meta) await s.queue.noteAttempt(meta, item.text);
      await s.queue.save({ ...item, state: 'sending', attempts: 1 });
    }
    s.emu.data.setReply(a.name, 'Al verstuurd');
    const reopened = await OutboxQueue.open(s.dataDir);
    expect(reopened.list().map((e) => e.item.state)).toEqual(['sending', 'sending']);
    const results = await publishAll({ outbox: reopened, api: s.api, reviewOf: (id) => (id === a.review.id ? { review: a.review, reviewName: a.name } : { review: b.review, reviewName: b.name }) });
    expect(results).toMatchObject([{ id: itemA.id, ok: true }, { id: itemB.id, ok: true }]);
    expect(s.puts(a.name)).toBe(0);
    expect(s.puts(b.name)).toBe(1);
    expect(s.emu.data.replyOf(b.name)?.comment).toBe('Nog niet verstuurd');
  });

  it('an edit while the PUT is in flight is sent next, so Google ends with the latest text', async () => {
    const s = await setup();
    const { review, name } = s.addReview();
    const item = await s.queue.enqueueReply({ review, text: 'Versie 1', now: s.now() });
    s.emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 150 });
    const run = s.publish();
    await new Promise((r) => setTimeout(r, 60));
    await s.queue.editItem(item.id, 'Versie 2', s.now());
    const results = await run;
    expect(results).toMatchObject([{ id: item.id, ok: true, state: 'sent' }]);
    expect(s.emu.data.replyOf(name)?.comment).toBe('Versie 2');
    expect(s.queue.get(item.id)?.item).toMatchObject({ state: 'sent', text: 'Versie 2' });
  });

  it('removes a reply (deleteReply) once, and confirms when it is already gone', async () => {
    const s = await setup();
    const { review, name } = s.addReview('Prima', 'Ons antwoord');
    const item = await s.queue.enqueueDeleteReply({ review, now: s.now() });
    expect(await s.publish()).toMatchObject([{ id: item.id, ok: true }]);
    expect(s.emu.data.replyOf(name)).toBeUndefined();
    expect(s.sent).toEqual([{ reviewId: review.id, reply: null }]);
    const deletes = s.emu.requests.filter((r) => r.method === 'DELETE').length;
    expect(deletes).toBe(1);
    expect(await s.publish({ force: true })).toEqual([]);
    // Someone else replied meanwhile: the removal is a conflict, not a silent delete.
    const other = s.addReview('Oké', 'Ons antwoord');
    const del = await s.queue.enqueueDeleteReply({ review: other.review, now: s.now() });
    s.emu.data.setReply(other.name, 'Iemand anders');
    expect(await s.publish()).toMatchObject([{ id: del.id, state: 'conflict' }]);
    expect(s.emu.data.replyOf(other.name)?.comment).toBe('Iemand anders');
  });
});
