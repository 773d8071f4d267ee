import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';
import { actAsBrowser, addPlayReviews, connectWithConsent } from './cli-consent';
import { emulatorEnv, runKalm as kalm } from './run-kalm';

const PKG = 'nl.zonnebloem.bestel';

describe('kalm connect play / sync --source play against the emulator', () => {
  let emu: GoogleEmulator;
  let env: Record<string, string>;
  beforeEach(async () => {
    emu = await startGoogleEmulator();
    env = emulatorEnv(emu, await tempDataDir());
    addPlayReviews(emu, PKG, 120, 'gp:AOqpTO');
  });
  afterEach(async () => {
    await emu.close();
  });

  it('asks for the androidpublisher scope, follows the app, syncs its reviews into the inbox with --source play', async () => {
    const connect = await connectWithConsent(['connect', 'play', '--package', PKG, '--no-open'], env);
    expect(connect.code, connect.stderr).toBe(0);
    const consent = new URL(connect.stdout.trim());
    expect(consent.searchParams.get('scope')?.split(' ')).toContain('https://www.googleapis.com/auth/androidpublisher');
    expect(connect.stderr).toContain(`Connected. Kalm follows ${PKG}`);

    const sync = await kalm(['sync', '--source', 'play', '--json'], env);
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout)).toEqual({ apps: 1, reviews: 120, new: 120, updated: 0, warnings: [] });
    const listed = JSON.parse((await kalm(['reviews', '--json', '--source', 'play'], env)).stdout) as { locationId: string; rating: number }[];
    expect(listed).toHaveLength(120);
    expect(listed[0]).toMatchObject({ locationId: PKG, rating: 1 });
    const sources = JSON.parse(await readFile(join(env.KALM_DATA_DIR ?? '', 'sources.json'), 'utf8')) as { sources: { id: string; kind: string }[] };
    expect(sources.sources).toContainEqual(expect.objectContaining({ id: 'play', kind: 'google-play' }));

    // A reply: at most 350 characters (refused when queued), then published through Play's reply call.
    const id = `play:${PKG}:gp:AOqpTO0`;
    expect((await kalm(['reply', id, '--text', 'x'.repeat(351)], env))).toMatchObject({ code: 2, stderr: expect.stringContaining('Google Play accepts at most 350 characters') });
    expect((await kalm(['reply', id, '--text', 'Dank je! Versie 4.1.3 lost het op.'], env)).code).toBe(0);
    const published = await kalm(['publish', '--json'], env);
    expect(published.code, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout)).toEqual([expect.objectContaining({ ok: true })]);
    expect(emu.play.replyOf(PKG, 'gp:AOqpTO0')?.text).toBe('Dank je! Versie 4.1.3 lost het op.');
    const after = JSON.parse((await kalm(['reviews', '--json', '--source', 'play'], env)).stdout) as { id: string; reply: { text: string } | null }[];
    expect(after.find((r) => r.id === id)?.reply?.text).toBe('Dank je! Versie 4.1.3 lost het op.');

    expect((await kalm(['connect', 'play'], env))).toMatchObject({ code: 2, stderr: expect.stringContaining('connect play needs --package') });
    expect((await kalm(['sync', '--source', 'trustpilot'], env)).code).toBe(2);
  }, 180_000);

  it('a refused consent exits 1 with the reason, follows no app, and a later sign-in works', async () => {
    emu.setConsent('deny');
    let browsed: Promise<void> | null = null;
    const play = (): ((line: string) => void) => (line) => {
      if (line.startsWith('http') && !browsed) browsed = actAsBrowser(line);
    };
    const refused = await kalm(['connect', 'play', '--package', PKG, '--no-open'], env, play());
    await browsed;
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('kalm: Google sign-in was cancelled');
    expect(refused.stderr).not.toContain('Connected.');
    expect(await kalm(['sync', '--source', 'play'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('No Google Play app is followed') });

    emu.setConsent('auto');
    browsed = null;
    const connected = await kalm(['connect', 'play', '--package', PKG, '--no-open'], env, play());
    await browsed;
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stderr).toContain(`Connected. Kalm follows ${PKG}`);
  }, 120_000);

  it('connects with a service-account key (--key), syncs, replies, refuses unreply; a wrong file exits 2, a refused key exits 1', async () => {
    const dir = env.KALM_DATA_DIR ?? '';
    const keyPath = join(dir, '..', `key-${Date.now()}.json`);
    const raw = emu.serviceAccounts.createKey();
    await writeFile(keyPath, JSON.stringify(raw));
    const oauthClientFile = join(dir, '..', `client-${Date.now()}.json`);
    await writeFile(oauthClientFile, JSON.stringify({ installed: { client_id: 'x.apps.googleusercontent.com' } }));
    const forged = join(dir, '..', `forged-${Date.now()}.json`);
    await writeFile(forged, JSON.stringify({ ...raw, client_email: 'removed@kalm-test.iam.gserviceaccount.com' }));
    // No OAuth client at all: the key is enough.
    const keyEnv = { ...env, KALM_GOOGLE_CLIENT_ID: '', KALM_GOOGLE_CLIENT_SECRET: '' };

    expect(await kalm(['connect', 'play', '--package', PKG, '--key', oauthClientFile], keyEnv)).toMatchObject({ code: 2, stderr: expect.stringContaining('OAuth client file') });
    expect(await kalm(['connect', 'play', '--package', PKG, '--key', join(dir, 'nope.json')], keyEnv)).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
    expect(await kalm(['connect', 'play', '--package', PKG, '--key', forged], keyEnv)).toMatchObject({ code: 1, stderr: expect.stringContaining('does not know the service account removed@') });

    const connect = await kalm(['connect', 'play', '--package', PKG, '--key', keyPath], keyEnv);
    expect(connect.code, connect.stderr).toBe(0);
    expect(connect.stderr).toContain(`Connected as ${raw.client_email}. Kalm follows ${PKG}`);
    const sync = await kalm(['sync', '--source', 'play', '--json'], keyEnv);
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ apps: 1, reviews: 120, new: 120 });

    const id = `play:${PKG}:gp:AOqpTO5`;
    expect((await kalm(['reply', id, '--text', 'Dank je wel!'], keyEnv)).code).toBe(0);
    const published = await kalm(['publish', '--json'], keyEnv);
    expect(published.code, published.stderr).toBe(0);
    expect(emu.play.replyOf(PKG, 'gp:AOqpTO5')?.text).toBe('Dank je wel!');
    expect(await kalm(['unreply', id], keyEnv)).toMatchObject({ code: 2, stderr: expect.stringContaining('Google Play has no way to remove a reply; edit it to change what it says.') });
    // With the key stored, another app needs no browser sign-in.
    expect(await kalm(['connect', 'play', '--package', 'nl.zonnebloem.kassa'], keyEnv)).toMatchObject({ code: 0, stderr: expect.stringContaining(`Kalm follows nl.zonnebloem.kassa with the service account ${raw.client_email}`) });
  }, 180_000);
});
