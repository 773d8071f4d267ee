import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

/**
 * Faults while publishing through the whole core (real OAuth client with refresh, real Business API with
 * its retries) against the emulator: expired and revoked tokens mid-run, malformed answers, 503 and 429.
 */
let emu: GoogleEmulator | null = null;
let kalm: KalmCore | null = null;
afterEach(async () => {
  await kalm?.close();
  await emu?.close();
  kalm = null;
  emu = null;
});

interface Env {
  emu: GoogleEmulator;
  kalm: KalmCore;
  /** Queues a reply to each of the first `n` unanswered reviews; returns [reviewId, v4 name, text]. */
  queue(n: number): Promise<{ reviewId: string; name: string; text: string; id: string }[]>;
  puts(name: string): number;
}

async function setup(): Promise<Env> {
  const e = await startGoogleEmulator();
  emu = e;
  const dataDir = await tempDataDir();
  await writeFile(join(dataDir, 'google-tokens.json'), JSON.stringify({ refresh_token: e.tokens.issueFor().refresh_token }), { mode: 0o600 });
  const k = await createKalm({
    dataDir, host: 'test',
    google: { roots: { api: e.origin, auth: e.authUrl, token: e.tokenUrl }, client: { clientId: e.clientId, clientSecret: e.clientSecret } },
  });
  kalm = k;
  await k.call('google.sync', {});
  return {
    emu: e, kalm: k,
    async queue(n) {
      const reviews = (await k.call('reviews.query', { status: 'unanswered', limit: n })).items;
      const out = [];
      for (const [i, r] of reviews.entries()) {
        const location = e.data.locations().find((l) => l.v4Name.endsWith(`/locations/${r.locationId}`));
        const text = `Antwoord ${i}: dank u wel — één ☕ op ons!`;
        const { id } = await k.call('outbox.send', { reviewId: r.id, text });
        out.push({ reviewId: r.id, name: `${location?.v4Name ?? '?'}/reviews/${r.externalId}`, text, id });
      }
      return out;
    },
    puts: (name) => e.requests.filter((r) => r.method === 'PUT' && r.path === `/v4/${name}/reply` && r.status === 200).length,
  };
}

const item = async (k: KalmCore, id: string) => (await k.call('outbox.list', {})).items.find((i) => i.id === id);

describe('publishing under faults (whole core, emulator)', () => {
  it('an access token that expires mid-run is refreshed and every reply is sent once', { timeout: 60_000 }, async () => {
    const s = await setup();
    const items = await s.queue(3);
    // The first PUT is slow; while it is in flight Google expires every access token.
    s.emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 300, times: 1 });
    setTimeout(() => s.emu.tokens.expireAll(), 100);
    const tokenCallsBefore = s.emu.requests.filter((r) => r.path === '/token').length;
    const { results } = await s.kalm.call('outbox.publish', {});
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    for (const i of items) {
      expect(s.emu.data.replyOf(i.name)?.comment).toBe(i.text);
      expect(s.puts(i.name)).toBe(1);
    }
    expect(s.emu.requests.filter((r) => r.path === '/token').length).toBeGreaterThan(tokenCallsBefore);
  });

  it('a grant revoked mid-run: the item fails with "connect again", the rest wait queued with the reason, nothing is lost', { timeout: 60_000 }, async () => {
    const s = await setup();
    const items = await s.queue(3);
    s.emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 300, times: 1 });
    setTimeout(() => s.emu.tokens.revokeAll(), 100);
    const { results } = await s.kalm.call('outbox.publish', {});
    expect(results[0]).toMatchObject({ ok: true });
    expect(results[1]).toMatchObject({ ok: false, state: 'failed', error: expect.stringMatching(/Connect Google again/) });
    expect(results).toHaveLength(2); // the run stops: every other item would fail alike
    expect(await item(s.kalm, items[2]!.id)).toMatchObject({ state: 'queued', lastError: expect.stringMatching(/Connect Google again/) });
    expect((await s.kalm.call('outbox.list', {})).items.map((i) => i.text).sort()).toEqual(items.map((i) => i.text).sort());
    expect(s.emu.data.replyOf(items[1]!.name)).toBeUndefined();
  });

  it('a malformed answer to the PUT: the item fails with a clear reason and is sent on the retry, Google ending with one reply', { timeout: 60_000 }, async () => {
    const s = await setup();
    const [a] = await s.queue(1);
    s.emu.faults.add({ match: '/reply', method: 'PUT', malformed: true, times: 1 });
    const first = await s.kalm.call('outbox.publish', {});
    expect(first.results).toEqual([expect.objectContaining({ ok: false, state: 'failed', error: expect.stringMatching(/could not read/) })]);
    expect((await item(s.kalm, a!.id))?.nextAttemptAt).not.toBeNull();
    const again = await s.kalm.call('outbox.publish', {});
    expect(again.results).toEqual([expect.objectContaining({ ok: true })]);
    expect(s.emu.data.replyOf(a!.name)?.comment).toBe(a!.text);
    expect((await s.kalm.call('reviews.get', { id: a!.reviewId })).status).toBe('answered');
  });

  it('a malformed answer when re-reading the review: nothing is sent until Google answers properly', { timeout: 60_000 }, async () => {
    const s = await setup();
    const [a] = await s.queue(1);
    s.emu.faults.add({ match: a!.name.split('/').at(-1)!, method: 'GET', malformed: true, times: 1 });
    const first = await s.kalm.call('outbox.publish', {});
    expect(first.results).toEqual([expect.objectContaining({ ok: false, error: expect.stringMatching(/could not read/) })]);
    expect(s.puts(a!.name)).toBe(0);
    expect((await s.kalm.call('outbox.publish', {})).results).toEqual([expect.objectContaining({ ok: true })]);
    expect(s.puts(a!.name)).toBe(1);
  });

  it('503 on every try of the PUT: failed with the reason and a next try; 429 then: Retry-After kept; then sent', { timeout: 60_000 }, async () => {
    const s = await setup();
    const [a] = await s.queue(1);
    s.emu.faults.add({ match: '/reply', method: 'PUT', status: 503, times: 4 });
    const first = await s.kalm.call('outbox.publish', {});
    expect(first.results).toEqual([expect.objectContaining({ ok: false, state: 'failed', error: expect.stringMatching(/not answering/) })]);
    s.emu.faults.add({ match: '/reply', method: 'PUT', status: 429, retryAfterSeconds: 2, times: 4 });
    const second = await s.kalm.call('outbox.publish', {});
    expect(second.results).toEqual([expect.objectContaining({ ok: false, state: 'failed', error: expect.stringMatching(/asking too often/) })]);
    expect((await s.kalm.call('outbox.publish', {})).results).toEqual([expect.objectContaining({ ok: true })]);
    expect(s.emu.data.replyOf(a!.name)?.comment).toBe(a!.text);
    expect(s.puts(a!.name)).toBe(1);
  });

  it('two publish runs at once (two windows, or "Publish now" during a background run) send each reply once', { timeout: 60_000 }, async () => {
    const s = await setup();
    const items = await s.queue(3);
    s.emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 100, times: 3 });
    const [one, two] = await Promise.all([s.kalm.call('outbox.publish', {}), s.kalm.call('outbox.publish', {})]);
    expect([...one.results, ...two.results].filter((r) => r.ok)).toHaveLength(3);
    for (const i of items) expect(s.puts(i.name)).toBe(1);
  });

  it('each conflict kind through the core: the review shows Google\'s version; deleted → discard marks it deleted; edit and send anyway go out', { timeout: 60_000 }, async () => {
    const s = await setup();
    const [gone, changed, elsewhere] = await s.queue(3);
    s.emu.data.deleteReview(gone!.name);
    s.emu.data.editReview(changed!.name, { comment: 'Aangepast: het werd nog erger.', starRating: 'ONE' });
    s.emu.data.setReply(elsewhere!.name, 'Al beantwoord in Google zelf.');
    const { results } = await s.kalm.call('outbox.publish', {});
    expect(results.map((r) => r.state)).toEqual(['conflict', 'conflict', 'conflict']);
    const kinds = (await s.kalm.call('outbox.list', {})).items.map((i) => i.conflict?.kind);
    expect(kinds).toEqual(['deleted', 'changed', 'answered_elsewhere']);
    expect(s.puts(gone!.name) + s.puts(changed!.name) + s.puts(elsewhere!.name)).toBe(0);
    // The local review now shows what Google has, so the owner decides on it.
    expect(await s.kalm.call('reviews.get', { id: changed!.reviewId })).toMatchObject({ status: 'conflict', text: 'Aangepast: het werd nog erger.', rating: 1 });
    expect(await s.kalm.call('reviews.get', { id: elsewhere!.reviewId })).toMatchObject({ status: 'conflict', reply: { text: 'Al beantwoord in Google zelf.' } });

    await expect(s.kalm.call('outbox.resolve', { id: gone!.id, choice: 'send_anyway' })).rejects.toMatchObject({ code: 'invalid_input' });
    await s.kalm.call('outbox.resolve', { id: gone!.id, choice: 'discard' });
    expect((await s.kalm.call('reviews.get', { id: gone!.reviewId })).status).toBe('deleted');

    await s.kalm.call('outbox.resolve', { id: changed!.id, choice: 'send_anyway' });
    const draft = await s.kalm.call('outbox.edit', { id: elsewhere!.id });
    expect(draft.text).toBe(elsewhere!.text);
    await s.kalm.call('outbox.send', { reviewId: elsewhere!.reviewId, text: `${draft.text} (aangevuld)` });
    const sent = await s.kalm.call('outbox.publish', {});
    expect(sent.results.map((r) => r.ok)).toEqual([true, true]);
    expect(s.emu.data.replyOf(changed!.name)?.comment).toBe(changed!.text);
    expect(s.emu.data.replyOf(elsewhere!.name)?.comment).toBe(`${elsewhere!.text} (aangevuld)`);
    // History keeps the reply that was there before Kalm overwrote it.
    expect((await s.kalm.call('outbox.history', { reviewId: elsewhere!.reviewId })).versions.map((v) => [v.origin, v.text]))
      .toEqual([['source', 'Al beantwoord in Google zelf.'], ['kalm', `${elsewhere!.text} (aangevuld)`]]);
  });
});
