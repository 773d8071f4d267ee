import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

async function demoCore(): Promise<{ kalm: KalmCore; dataDir: string; reviewId: string }> {
  const dataDir = await tempDataDir();
  const kalm = await createKalm({ dataDir, host: 'test' });
  await kalm.call('workspace.loadDemo', { seed: 7 });
  const page = await kalm.call('reviews.query', { status: 'unanswered', limit: 1 });
  return { kalm, dataDir, reviewId: page.items[0]!.id };
}

describe('drafts and the outbox wired into the core (demo workspace)', () => {
  it('saves, lists and discards drafts; the review keeps its place in the inbox while a reply is written', async () => {
    const { kalm, reviewId } = await demoCore();
    const before = await kalm.call('reviews.get', { id: reviewId });
    const reloads: string[] = [];
    kalm.on('reviews.changed', (e) => reloads.push(e.reason));
    const first = await kalm.call('drafts.save', { reviewId, text: 'Dank u wel!' });
    expect(first).toMatchObject({ reviewId, text: 'Dank u wel!', reviewUpdatedAt: before.updatedAt });
    expect((await kalm.call('reviews.get', { id: reviewId })).status).toBe('unanswered');
    expect((await kalm.call('reviews.query', { status: 'unanswered', limit: 500 })).items.map((r) => r.id)).toContain(reviewId);
    expect(reloads).toEqual([]);
    const second = await kalm.call('drafts.save', { reviewId, text: 'Dank u wel voor uw bezoek!' });
    expect(second.reviewUpdatedAt).toBe(first.reviewUpdatedAt);
    expect(second.createdAt).toBe(first.createdAt);
    const { drafts } = contract['drafts.list'].output.parse(await kalm.call('drafts.list', {}));
    expect(drafts.map((d) => [d.reviewId, d.text])).toEqual([[reviewId, 'Dank u wel voor uw bezoek!']]);
    expect(await kalm.call('drafts.discard', { reviewId })).toEqual({});
    expect((await kalm.call('reviews.get', { id: reviewId })).status).toBe('unanswered');
    expect((await kalm.call('drafts.list', {})).drafts).toEqual([]);
    await kalm.close();
  });

  it('queues a reply offline, then publishing answers the demo review locally', async () => {
    const { kalm, dataDir, reviewId } = await demoCore();
    const changes: string[] = [];
    kalm.on('outbox.changed', () => changes.push('outbox'));
    await kalm.call('drafts.save', { reviewId, text: 'Eerste versie' });
    const { id } = await kalm.call('outbox.send', { reviewId, text: 'Bedankt voor uw review!' });
    expect((await kalm.call('drafts.list', {})).drafts).toEqual([]);
    expect((await kalm.call('reviews.get', { id: reviewId })).status).toBe('queued');
    const list = contract['outbox.list'].output.parse(await kalm.call('outbox.list', {}));
    expect(list.items).toEqual([expect.objectContaining({ id, reviewId, state: 'queued', text: 'Bedankt voor uw review!', lastError: null, conflict: null })]);

    const { results } = contract['outbox.publish'].output.parse(await kalm.call('outbox.publish', {}));
    expect(results).toEqual([expect.objectContaining({ id, ok: true, state: 'sent', note: expect.stringContaining('not sent anywhere') })]);
    const answered = await kalm.call('reviews.get', { id: reviewId });
    expect(answered).toMatchObject({ status: 'answered', reply: { text: 'Bedankt voor uw review!', state: 'published' } });
    expect(changes.length).toBeGreaterThan(0);
    expect((await kalm.call('outbox.publish', {})).results).toEqual([]);
    await kalm.close();

    // Durable: a new core sees the answered review and the sent item.
    const again = await createKalm({ dataDir, host: 'test' });
    expect((await again.call('reviews.get', { id: reviewId })).status).toBe('answered');
    expect((await again.call('outbox.list', {})).items.map((i) => i.state)).toEqual(['sent']);
    await again.close();
  });

  it('refuses an empty or over-limit reply with the limit message and queues nothing', async () => {
    const { kalm, reviewId } = await demoCore();
    await expect(kalm.call('outbox.send', { reviewId, text: 'x'.repeat(4097) })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('4096') });
    await expect(kalm.call('outbox.send', { reviewId, text: '   ' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('empty') });
    expect((await kalm.call('outbox.list', {})).items).toEqual([]);
    expect((await kalm.call('reviews.get', { id: reviewId })).status).toBe('unanswered');
    await kalm.close();
  });

  it('cancels a queued reply and queues the removal of a posted one', async () => {
    const { kalm, reviewId } = await demoCore();
    const { id } = await kalm.call('outbox.send', { reviewId, text: 'Tot ziens!' });
    await kalm.call('outbox.cancel', { id });
    expect((await kalm.call('reviews.get', { id: reviewId })).status).toBe('unanswered');
    await kalm.call('outbox.send', { reviewId, text: 'Tot ziens!' });
    await kalm.call('outbox.publish', {});
    const removal = await kalm.call('outbox.unreply', { reviewId });
    expect((await kalm.call('reviews.get', { id: reviewId })).status).toBe('queued');
    expect((await kalm.call('outbox.publish', {})).results).toEqual([expect.objectContaining({ id: removal.id, ok: true })]);
    expect(await kalm.call('reviews.get', { id: reviewId })).toMatchObject({ status: 'unanswered', reply: null });
    await kalm.close();
  });

  it('a read-only core lists nothing to change and refuses every writing call', async () => {
    const { kalm, dataDir, reviewId } = await demoCore();
    await kalm.close();
    const ro = await createKalm({ dataDir, host: 'test', readOnly: true });
    const locked = { code: 'locked' };
    await expect(ro.call('drafts.save', { reviewId, text: 'Hallo' })).rejects.toMatchObject(locked);
    await expect(ro.call('drafts.discard', { reviewId })).rejects.toMatchObject(locked);
    await expect(ro.call('outbox.send', { reviewId, text: 'Hallo' })).rejects.toMatchObject(locked);
    await expect(ro.call('outbox.publish', {})).rejects.toMatchObject(locked);
    await expect(ro.call('outbox.cancel', { id: 'x' })).rejects.toMatchObject(locked);
    await expect(ro.call('outbox.retry', { id: 'x' })).rejects.toMatchObject(locked);
    await expect(ro.call('outbox.resolve', { id: 'x', choice: 'discard' })).rejects.toMatchObject(locked);
    await expect(ro.call('outbox.unreply', { reviewId })).rejects.toMatchObject(locked);
    await expect(ro.call('outbox.edit', { id: 'x' })).rejects.toMatchObject(locked);
    expect(await ro.call('outbox.history', { reviewId })).toEqual({ versions: [] });
    expect(await ro.call('outbox.list', {})).toEqual({ items: [] });
    await ro.close();
  });

  it('Edit takes a queued reply back into the draft (never losing words) and the review back to the inbox', async () => {
    const { kalm, reviewId } = await demoCore();
    const { id } = await kalm.call('outbox.send', { reviewId, text: 'Bedankt voor uw review.' });
    const draft = await kalm.call('outbox.edit', { id });
    expect(draft).toMatchObject({ reviewId, text: 'Bedankt voor uw review.' });
    expect((await kalm.call('drafts.list', {})).drafts.map((d) => d.text)).toEqual(['Bedankt voor uw review.']);
    expect((await kalm.call('outbox.list', {})).items).toEqual([]);
    expect((await kalm.call('reviews.get', { id: reviewId })).status).toBe('unanswered');
    await expect(kalm.call('outbox.edit', { id })).rejects.toMatchObject({ code: 'not_found' });
    // A draft begun meanwhile is kept under the reply taken back.
    const again = await kalm.call('outbox.send', { reviewId, text: 'Versie twee' });
    await kalm.call('drafts.save', { reviewId, text: 'Nog een gedachte' });
    expect((await kalm.call('outbox.edit', { id: again.id })).text).toBe('Versie twee\n\nNog een gedachte');
    await kalm.close();
  });

  it('keeps a local history of reply versions with times, in history/', async () => {
    const { kalm, dataDir, reviewId } = await demoCore();
    await kalm.call('outbox.send', { reviewId, text: 'Eerste antwoord' });
    await kalm.call('outbox.publish', {});
    await kalm.call('outbox.send', { reviewId, text: 'Verbeterd antwoord' });
    await kalm.call('outbox.publish', {});
    await kalm.call('outbox.unreply', { reviewId });
    await kalm.call('outbox.publish', {});
    const { versions } = await kalm.call('outbox.history', { reviewId });
    expect(versions.map((v) => [v.origin, v.text])).toEqual([['kalm', 'Eerste antwoord'], ['kalm', 'Verbeterd antwoord'], ['removed', '']]);
    for (const v of versions) expect(Date.parse(v.at)).not.toBeNaN();
    await kalm.close();
    const files = await readdir(join(dataDir, 'history'));
    expect(files).toHaveLength(1);
    const reopened = await createKalm({ dataDir, host: 'test' });
    expect((await reopened.call('outbox.history', { reviewId })).versions).toHaveLength(3);
    await reopened.close();
  });

  it('a reply the source rejected puts its review back in the inbox, the reply shown as rejected', async () => {
    const { kalm, dataDir, reviewId } = await demoCore();
    await kalm.call('outbox.send', { reviewId, text: 'Dank u!' });
    await kalm.call('outbox.publish', {});
    await kalm.close();
    // The source reports the reply as rejected (as a sync would write it).
    const dir = join(dataDir, 'reviews');
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      const raw = await readFile(path, 'utf8');
      if (!raw.includes(reviewId)) continue;
      const json = JSON.parse(raw) as { reviews: { id: string; reply: { state: string } | null }[] };
      for (const r of json.reviews) if (r.id === reviewId && r.reply) r.reply.state = 'rejected';
      await writeFile(path, JSON.stringify(json));
    }
    const reopened = await createKalm({ dataDir, host: 'test' });
    expect(await reopened.call('reviews.get', { id: reviewId })).toMatchObject({ status: 'unanswered', reply: { state: 'rejected', text: 'Dank u!' } });
    await reopened.close();
  });

  it('forgets sent replies after 30 days at start; the reply and its history stay', async () => {
    const dataDir = await tempDataDir();
    let t = Date.parse('2026-01-01T12:00:00.000Z');
    const now = () => new Date(t);
    const kalm = await createKalm({ dataDir, host: 'test', now });
    await kalm.call('workspace.loadDemo', { seed: 7 });
    const reviewId = (await kalm.call('reviews.query', { status: 'unanswered', limit: 1 })).items[0]!.id;
    await kalm.call('outbox.send', { reviewId, text: 'Dank u!' });
    await kalm.call('outbox.publish', {});
    await kalm.close();
    t += 29 * 24 * 3_600_000;
    const soon = await createKalm({ dataDir, host: 'test', now });
    expect((await soon.call('outbox.list', {})).items.map((i) => i.state)).toEqual(['sent']);
    await soon.close();
    t += 2 * 24 * 3_600_000;
    const later = await createKalm({ dataDir, host: 'test', now });
    expect((await later.call('outbox.list', {})).items).toEqual([]);
    expect(await later.call('reviews.get', { id: reviewId })).toMatchObject({ status: 'answered', reply: { text: 'Dank u!' } });
    expect((await later.call('outbox.history', { reviewId })).versions).toHaveLength(1);
    expect(await readdir(join(dataDir, 'outbox', 'meta'))).toEqual([]);
    await later.close();
  });
});
