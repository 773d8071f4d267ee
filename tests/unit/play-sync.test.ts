import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlayApi } from '../../electron/core/sources/play/api';
import { syncPlay } from '../../electron/core/sources/play/sync';
import { mapPlayReview, playGapWarning } from '../../shared/play/map-review';
import { PlayReview, PlayReviewsList } from '../../shared/play/schemas';
import type { Review } from '../../shared/domain/review';
import { BUSINESS_SCOPE, fetchHttp, PLAY_SCOPE, playTime, startGoogleEmulator, type GoogleEmulator } from '../emulator';

const PKG = 'nl.zonnebloem.bestel';
const DAY = 86_400_000;
const fixture = async (name: string): Promise<unknown> => JSON.parse(await readFile(fileURLToPath(new URL(`../fixtures/play/${name}`, import.meta.url)), 'utf8'));

describe('Play: mapping the v3 payloads', () => {
  it('maps the example list: title\\ttext, device, app version, reply, and a translation kept apart from the original', async () => {
    const list = PlayReviewsList.parse(await fixture('play-v3-reviews-list.json'));
    const [bram, grace, ineke] = list.reviews.map((r) => mapPlayReview(PKG, r));
    expect(bram).toMatchObject({
      id: `play:${PKG}:gp:AOqpTOEXAMPLE01_bram_crash`, rating: 1, language: 'nl', status: 'unanswered',
      text: 'Crasht steeds\n\nSinds de laatste update sluit de app af zodra ik wil afrekenen. Drie keer geprobeerd.',
      origin: { title: 'Crasht steeds', device: 'Pixel 8', appVersion: '4.1.2', rating: '1', scale: 'stars-5' },
      createdAt: '2026-11-22T20:31:45.880Z',
    });
    expect(grace).toMatchObject({ status: 'answered', reply: { text: expect.stringContaining('fixed in version 4.1.2'), state: 'published' }, origin: { device: 'a54x' } });
    expect(ineke).toMatchObject({ text: 'Brood bestellen voor zaterdag gaat nu echt makkelijk. Goed gedaan!', translatedText: 'Ordering bread for Saturday is now really easy. Good job!' });
    expect(mapPlayReview(PKG, PlayReview.parse(await fixture('play-v3-review-get.json')))?.reply?.updatedAt).toBe('2026-11-19T15:40:22.000Z');
  });

  it('warns when the last sync is older than Play’s 7-day window', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(playGapWarning(null, now)).toBeNull();
    expect(playGapWarning('2026-03-04T12:00:00Z', now)).toBeNull();
    expect(playGapWarning('2026-03-01T12:00:00Z', now)).toMatch(/^The last Play sync was 9 days ago; Google Play only returns the last 7 days/);
  });
});

describe('Play against the emulator', () => {
  let emu: GoogleEmulator;
  beforeEach(async () => {
    emu = await startGoogleEmulator();
  });
  afterEach(async () => {
    await emu.close();
  });
  const api = (scope = PLAY_SCOPE) => createPlayApi({ http: fetchHttp(emu.tokens.issueFor(scope).access_token), roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl } });
  const seed = (n: number, ageDays = 1) => {
    for (let i = 0; i < n; i++) {
      emu.play.add(PKG, {
        reviewId: `gp:AOqpTO${String(i).padStart(4, '0')}`, authorName: `Klant ${i}`,
        user: { text: `Review ${i}`, starRating: (i % 5) + 1, lastModified: playTime(Date.now() - ageDays * DAY - i * 60_000), reviewerLanguage: 'nl', device: 'shiba', appVersionName: '4.1.2' },
        translations: { en: `Review ${i} (English)` },
      });
    }
  };

  it('pages with tokens until the last page, and keeps history Play no longer returns', async () => {
    seed(250);
    emu.play.add(PKG, { reviewId: 'gp:old', user: { text: 'Van vorige maand', starRating: 2, lastModified: playTime(Date.now() - 30 * DAY) } });
    const play = api();
    const first = await syncPlay({ api: play, packageName: PKG, existing: () => undefined, lastSyncAt: null, now: () => new Date() });
    expect(first).toMatchObject({ fetched: 250, added: 250, updated: 0, warning: null });
    expect(play.requestCount).toBe(3);
    expect(emu.requests.filter((r) => r.path.endsWith('/reviews')).map((r) => r.query.token ?? null).filter(Boolean)).toHaveLength(2);
    expect(first.reviews.some((r) => r.externalId === 'gp:old')).toBe(false);

    // A local copy of a review Play no longer shows stays as it is: syncPlay only returns what changed.
    const local = new Map<string, Review>(first.reviews.map((r) => [r.id, r]));
    const again = await syncPlay({ api: play, packageName: PKG, existing: (id) => local.get(id), lastSyncAt: first.syncedAt, now: () => new Date() });
    expect(again).toMatchObject({ fetched: 250, added: 0, updated: 0, reviews: [] });
    const late = await syncPlay({ api: play, packageName: PKG, existing: (id) => local.get(id), lastSyncAt: new Date(Date.now() - 10 * DAY).toISOString(), now: () => new Date() });
    expect(late.warning).toMatch(/10 days ago/);
  });

  it('asks for a translation and keeps the original apart', async () => {
    seed(1);
    const [r] = (await syncPlay({ api: api(), packageName: PKG, existing: () => undefined, lastSyncAt: null, now: () => new Date(), translationLanguage: 'en' })).reviews;
    expect(r).toMatchObject({ text: 'Review 0', translatedText: 'Review 0 (English)', language: 'nl', origin: { device: 'shiba', appVersion: '4.1.2' } });
    expect(emu.requests.at(-1)?.query.translationLanguage).toBe('en');
  });

  it('replies: at most 350 characters (refused before sending), a new reply replaces the old, ids with ":" are encoded', async () => {
    seed(1);
    const play = api();
    const id = 'gp:AOqpTO0000';
    await expect(play.reply(PKG, id, 'x'.repeat(351))).rejects.toThrow('This reply is 351 characters long; Google Play accepts at most 350. Shorten it by 1.');
    expect(emu.requests.some((r) => r.method === 'POST')).toBe(false);
    // 350 emoji are 350 characters (code points), not 700 UTF-16 units.
    await expect(play.reply(PKG, id, '🍞'.repeat(350))).resolves.toMatchObject({ replyText: '🍞'.repeat(350) });
    await play.reply(PKG, id, 'Dank je wel!');
    expect(emu.play.replyOf(PKG, id)?.text).toBe('Dank je wel!');
    expect((await play.getReview(PKG, id)).comments.filter((c) => c.developerComment)).toHaveLength(1);
    expect(emu.requests.find((r) => r.method === 'POST')?.path).toBe(`/androidpublisher/v3/applications/${PKG}/reviews/${id}:reply`);
  });

  it('the emulator refuses an over-long reply and a token without the androidpublisher scope', async () => {
    seed(1);
    const token = emu.tokens.issueFor(PLAY_SCOPE).access_token;
    const res = await fetch(`${emu.origin}/androidpublisher/v3/applications/${PKG}/reviews/gp%3AAOqpTO0000:reply`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ replyText: 'é'.repeat(351) }),
    });
    expect(res.status).toBe(400);
    await expect(api(BUSINESS_SCOPE).listReviews(PKG)).rejects.toMatchObject({ problem: 'auth' });
    await expect(api().listReviews('com.unknown.app')).rejects.toMatchObject({ problem: 'not_found' });
  });
});
