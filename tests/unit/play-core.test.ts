import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { PLAY_KEY_FILE } from '../../electron/core/sources/play/key-store';
import { playTime, startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

const PKG = 'nl.zonnebloem.bestel';
const HOUR = 3_600_000;
const idOf = (n: number) => `play:${PKG}:gp:AOqpTO${n}`;

/** The app's core with a service-account key against the emulator (no OAuth client at all). */
describe('Google Play in the core: service-account key, translations, conflict checks, no delete', () => {
  let emu: GoogleEmulator;
  let kalm: KalmCore;
  let dataDir: string;
  let keyText: string;
  beforeEach(async () => {
    emu = await startGoogleEmulator();
    for (let i = 0; i < 4; i++) {
      emu.play.add(PKG, {
        reviewId: `gp:AOqpTO${i}`, authorName: `Gebruiker ${i}`,
        user: { text: `Die app crasht ${i}`, starRating: 2, lastModified: playTime(Date.now() - HOUR - i * 60_000), reviewerLanguage: 'de_DE' },
        translations: { nl: `Vertaald naar Nederlands ${i}`, en: `Translated to English ${i}` },
      });
    }
    dataDir = await tempDataDir();
    kalm = await createKalm({ dataDir, host: 'test', google: { roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, client: null } });
    keyText = JSON.stringify(emu.serviceAccounts.createKey());
  });
  afterEach(async () => {
    await kalm.close();
    await emu.close();
  });

  it('connects with a key (stored 0600), syncs with a translation into the UI language, and replies after re-reading the review', async () => {
    await expect(kalm.call('play.connectKey', { packageName: PKG, key: '{"installed":{}}' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('OAuth client file') });
    const { serviceAccount } = await kalm.call('play.connectKey', { packageName: PKG, key: keyText });
    expect(serviceAccount.clientEmail).toMatch(/@kalm-test-.*\.iam\.gserviceaccount\.com$/);
    expect((await stat(join(dataDir, PLAY_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await kalm.call('play.status', {})).toMatchObject({ apps: [{ packageName: PKG }], serviceAccount: { clientEmail: serviceAccount.clientEmail } });

    // The owner's language (Settings) is what Play translates into; the reviewer's words stay the text.
    await kalm.call('settings.update', { language: 'nl' });
    expect(await kalm.call('play.sync', {})).toMatchObject({ apps: 1, fetched: 4, new: 4 });
    expect(emu.requests.filter((r) => r.path.endsWith('/reviews')).at(-1)?.query.translationLanguage).toBe('nl');
    expect(await kalm.call('reviews.get', { id: idOf(0) })).toMatchObject({ text: 'Die app crasht 0', translatedText: 'Vertaald naar Nederlands 0' });
    // The page asks in its own language; the translation changes, the original does not.
    // A second app Google does not know (a typo) is a warning; the first still syncs.
    await kalm.call('play.addApp', { packageName: 'nl.zonnebloem.typo' });
    expect(await kalm.call('play.sync', { translationLanguage: 'en' })).toMatchObject({ apps: 1, updated: 4, warnings: [expect.stringMatching(/^nl\.zonnebloem\.typo: Google did not find/)] });
    expect(await kalm.call('reviews.get', { id: idOf(0) })).toMatchObject({ text: 'Die app crasht 0', translatedText: 'Translated to English 0' });

    await kalm.call('outbox.send', { reviewId: idOf(0), text: 'Sorry! Versie 4.1.3 lost het op.' });
    const [sent] = (await kalm.call('outbox.publish', {})).results;
    expect(sent).toMatchObject({ ok: true, state: 'sent' });
    expect(emu.play.replyOf(PKG, 'gp:AOqpTO0')?.text).toBe('Sorry! Versie 4.1.3 lost het op.');
    const posts = emu.requests.filter((r) => r.path.includes('gp:AOqpTO0'));
    expect(posts.map((r) => r.method)).toEqual(['GET', 'POST']); // re-read, then reply
    expect(await kalm.call('reviews.get', { id: idOf(0) })).toMatchObject({ status: 'answered', reply: { text: 'Sorry! Versie 4.1.3 lost het op.' } });

    // The key survives a restart; a new core uses it without the Google sign-in.
    await kalm.close();
    kalm = await createKalm({ dataDir, host: 'test', google: { roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, client: null } });
    expect((await kalm.call('play.sync', {})).fetched).toBe(4);
    await kalm.call('play.forgetKey', {});
    expect((await kalm.call('play.status', {})).serviceAccount).toBeNull();
    await expect(readFile(join(dataDir, PLAY_KEY_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 30_000);

  it('stops at a conflict like Google’s: deleted, changed (text, stars or only lastModified), answered elsewhere; never overwrites', async () => {
    await kalm.call('play.connectKey', { packageName: PKG, key: keyText });
    await kalm.call('play.sync', {});
    for (let i = 0; i < 4; i++) await kalm.call('outbox.send', { reviewId: idOf(i), text: `Dank voor je review ${i}.` });
    emu.play.remove(PKG, 'gp:AOqpTO0');
    emu.play.edit(PKG, 'gp:AOqpTO1', { text: 'Nu crasht hij nog vaker', starRating: 1 });
    emu.play.edit(PKG, 'gp:AOqpTO2', {}); // edited without a visible change: lastModified moved
    emu.play.replyInConsole(PKG, 'gp:AOqpTO3', 'Beantwoord in de Play Console.');

    const { results } = await kalm.call('outbox.publish', {});
    expect(results.map((r) => r.state)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    expect(emu.requests.some((r) => r.method === 'POST' && r.path.endsWith(':reply'))).toBe(false);
    const items = (await kalm.call('outbox.list', {})).items;
    const conflictOf = (n: number) => items.find((i) => i.reviewId === idOf(n))?.conflict;
    expect(conflictOf(0)).toMatchObject({ kind: 'deleted', message: expect.stringContaining('deleted on Google Play') });
    expect(conflictOf(1)).toMatchObject({ kind: 'changed', oldText: 'Die app crasht 1', newText: 'Nu crasht hij nog vaker', oldRating: 2, newRating: 1 });
    expect(conflictOf(2)).toMatchObject({ kind: 'changed' });
    expect(conflictOf(3)).toMatchObject({ kind: 'answered_elsewhere', otherReply: 'Beantwoord in de Play Console.' });
    expect(await kalm.call('reviews.get', { id: idOf(1) })).toMatchObject({ status: 'conflict', text: 'Nu crasht hij nog vaker', rating: 1 });
    expect(emu.play.replyOf(PKG, 'gp:AOqpTO3')?.text).toBe('Beantwoord in de Play Console.');

    // "Send anyway" after seeing the new version replaces the console's reply; the deleted one can only be discarded.
    const three = items.find((i) => i.reviewId === idOf(3))!;
    await kalm.call('outbox.resolve', { id: three.id, choice: 'send_anyway' });
    expect((await kalm.call('outbox.publish', {})).results).toEqual([expect.objectContaining({ reviewId: idOf(3), ok: true })]);
    expect(emu.play.replyOf(PKG, 'gp:AOqpTO3')?.text).toBe('Dank voor je review 3.');
    const zero = items.find((i) => i.reviewId === idOf(0))!;
    await kalm.call('outbox.resolve', { id: zero.id, choice: 'discard' });
    expect((await kalm.call('reviews.get', { id: idOf(0) })).status).toBe('deleted');
  }, 30_000);

  it('a reply Play already shows (sent before a crash) is confirmed without a second post; removing a Play reply is refused', async () => {
    await kalm.call('play.connectKey', { packageName: PKG, key: keyText });
    await kalm.call('play.sync', {});
    await kalm.call('outbox.send', { reviewId: idOf(0), text: 'Dank je!' });
    emu.play.replyInConsole(PKG, 'gp:AOqpTO0', 'Dank je!');
    expect((await kalm.call('outbox.publish', {})).results).toEqual([expect.objectContaining({ ok: true, state: 'sent' })]);
    expect(emu.requests.some((r) => r.method === 'POST' && r.path.endsWith(':reply'))).toBe(false);

    await expect(kalm.call('outbox.unreply', { reviewId: idOf(0) })).rejects.toMatchObject({
      code: 'invalid_input', message: 'Google Play has no way to remove a reply; edit it to change what it says.',
    });
    expect((await kalm.call('outbox.list', {})).items.filter((i) => i.action === 'deleteReply')).toEqual([]);
  }, 30_000);

  it('a bad key changes nothing: no file, no app followed', async () => {
    const wrong = { ...(JSON.parse(keyText) as Record<string, string>), client_email: 'deleted@kalm-test.iam.gserviceaccount.com' };
    await expect(kalm.call('play.connectKey', { packageName: PKG, key: JSON.stringify(wrong) })).rejects.toMatchObject({ message: expect.stringContaining('does not know the service account deleted@') });
    await expect(stat(join(dataDir, PLAY_KEY_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await kalm.call('play.status', {})).toMatchObject({ apps: [], serviceAccount: null });
  });

  it('the background sync follows Play too (no Google Business Profile needed), translating into the Settings language', async () => {
    await kalm.close();
    const timers = { setTimeout: () => 0, clearTimeout: () => undefined };
    kalm = await createKalm({ dataDir, host: 'test', google: { roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, client: null }, background: { timers } });
    await kalm.call('play.connectKey', { packageName: PKG, key: keyText });
    await kalm.call('settings.update', { language: 'nl' });
    emu.requests.length = 0;
    kalm.background.start();
    await kalm.background.runNow();
    expect(emu.requests.filter((r) => r.path.endsWith('/reviews')).map((r) => r.query.translationLanguage)).toEqual(['nl']);
    expect(await kalm.call('reviews.get', { id: idOf(2) })).toMatchObject({ text: 'Die app crasht 2', translatedText: 'Vertaald naar Nederlands 2' });

    // A new 1★ review between two background syncs is an alert, once; the first sync (history) was not.
    await kalm.call('settings.update', { alertMaxRating: 2 });
    const alerts: string[] = [];
    kalm.on('alerts.newReview', (a) => alerts.push(a.reviewId));
    emu.play.add(PKG, { reviewId: 'gp:AOqpTOnew', authorName: 'Kees', user: { text: 'Werkt niet meer', starRating: 1, lastModified: playTime(Date.now() - 60_000) } });
    await kalm.background.runNow();
    await kalm.background.runNow();
    expect(alerts).toEqual([`play:${PKG}:gp:AOqpTOnew`]);
  });

  it('an app can be unfollowed: not synced any more, its reviews stay, and it can be followed again', async () => {
    await kalm.call('play.connectKey', { packageName: PKG, key: keyText });
    await kalm.call('play.addApp', { packageName: 'nl.zonnebloem.typo' });
    expect(await kalm.call('play.sync', {})).toMatchObject({ apps: 1, new: 4, warnings: [expect.stringMatching(/^nl\.zonnebloem\.typo:/)] });
    // The typo goes: no more warnings, the real app still syncs.
    await kalm.call('play.unfollowApp', { packageName: 'nl.zonnebloem.typo' });
    expect(await kalm.call('play.sync', {})).toMatchObject({ apps: 1, warnings: [] });
    expect((await kalm.call('play.status', {})).apps).toEqual([
      expect.objectContaining({ packageName: PKG, followed: true }),
      expect.objectContaining({ packageName: 'nl.zonnebloem.typo', followed: false }),
    ]);
    // The real app too: nothing is followed, sync says so, the reviews and the app's name stay.
    await kalm.call('play.unfollowApp', { packageName: PKG });
    const listed = emu.requests.filter((r) => r.path.endsWith('/reviews')).length;
    await expect(kalm.call('play.sync', {})).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('No Google Play app is followed') });
    expect(emu.requests.filter((r) => r.path.endsWith('/reviews')).length).toBe(listed);
    expect(await kalm.call('reviews.get', { id: idOf(0) })).toMatchObject({ text: 'Die app crasht 0' });
    expect((await kalm.call('workspace.get', {})).locations.map((l) => l.id)).toContain(PKG);
    await expect(kalm.call('play.unfollowApp', { packageName: 'nl.nobody.app' })).rejects.toMatchObject({ code: 'not_found' });
    // Following again picks up where it was.
    await kalm.call('play.addApp', { packageName: PKG });
    expect(await kalm.call('play.sync', {})).toMatchObject({ apps: 1 });
  });
});
