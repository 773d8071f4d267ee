import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSafeStoragePlayKeyStore, ENCRYPTED_PLAY_KEY_FILE } from '../../electron/play-key-vault';
import type { SafeStorageLike } from '../../electron/safe-storage-vault';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFilePlayKeyStore, PLAY_KEY_FILE } from '../../electron/core/sources/play/key-store';
import { createServiceAccountHttp, EARLY_REFRESH_MS } from '../../electron/core/sources/play/service-account-http';
import { JWT_LIFETIME_SECONDS, signServiceAccountJwt } from '../../electron/core/sources/play/service-account-jwt';
import { createPlayApi } from '../../electron/core/sources/play/api';
import { parseServiceAccountKey, type ServiceAccountKey } from '../../shared/play/service-account';
import { ALLOWED_SKEW_SECONDS, PLAY_SCOPE, playTime, startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

const PKG = 'nl.zonnebloem.bestel';
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('service-account key: validation', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const good = { type: 'service_account', project_id: 'p', private_key_id: 'abc', private_key: pem, client_email: 'kalm@p.iam.gserviceaccount.com', token_uri: 'https://oauth2.googleapis.com/token' };
  const message = (text: string) => {
    try {
      parseServiceAccountKey(text);
      return 'accepted';
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('accepts a Google Cloud JSON key (BOM and unknown fields included) and refuses wrong files with a clear message', () => {
    expect(parseServiceAccountKey(`\uFEFF${JSON.stringify({ ...good, universe_domain: 'googleapis.com' })}`)).toMatchObject({ client_email: good.client_email, universe_domain: 'googleapis.com' });
    expect(message('')).toBe('This is not a usable Google service-account key: the file is empty.');
    expect(message('hello')).toContain('the file is not JSON');
    expect(message(pem)).toContain('bare PEM key');
    expect(message('[1,2]')).toContain('not a JSON object');
    expect(message(JSON.stringify({ installed: { client_id: 'x' } }))).toContain('OAuth client file');
    expect(message(JSON.stringify({ type: 'authorized_user', refresh_token: 'r' }))).toContain('"authorized_user"');
    expect(message(JSON.stringify({ ...good, type: 'user' }))).toContain('"type" must be "service_account"');
    expect(message(JSON.stringify({ ...good, client_email: 'nobody' }))).toContain('client_email');
    expect(message(JSON.stringify({ ...good, private_key: 'MIIE…' }))).toContain('not a PEM private key');
    expect(message(JSON.stringify({ ...good, token_uri: undefined }))).toContain('token_uri');
    expect(message('x'.repeat(30_000))).toContain('30000 characters');
    // The private key never shows up in a message.
    expect(message(JSON.stringify({ ...good, client_email: 'nobody' }))).not.toContain('BEGIN');
  });

  it('signs an RS256 JWT: kid header, iss/scope/aud/iat/exp (one hour at most), a signature the public key verifies', () => {
    const key = parseServiceAccountKey(JSON.stringify(good));
    const now = new Date('2026-11-24T12:00:00.500Z');
    const { assertion } = signServiceAccountJwt(key, { scope: PLAY_SCOPE, audience: 'https://oauth2.googleapis.com/token', now, lifetimeSeconds: 99_999 });
    const [h, c, sig] = assertion.split('.') as [string, string, string];
    expect(decode(h)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'abc' });
    const iat = Math.floor(now.getTime() / 1000);
    expect(decode(c)).toEqual({ iss: good.client_email, scope: PLAY_SCOPE, aud: 'https://oauth2.googleapis.com/token', iat, exp: iat + JWT_LIFETIME_SECONDS });
    expect(JWT_LIFETIME_SECONDS).toBeLessThanOrEqual(3600);
    const pub = createPublicKey(privateKey);
    expect(createVerify('RSA-SHA256').update(`${h}.${c}`).verify(pub, Buffer.from(sig, 'base64url'))).toBe(true);
    expect(createVerify('RSA-SHA256').update(`${h}.${c}x`).verify(pub, Buffer.from(sig, 'base64url'))).toBe(false);
  });

  it('stores the key in a 0600 file, and says so clearly when that file is broken', async () => {
    const dir = await tempDataDir();
    const store = createFilePlayKeyStore(dir);
    expect(await store.load()).toBeNull();
    await store.save(parseServiceAccountKey(JSON.stringify(good)));
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect((await store.load())?.client_email).toBe(good.client_email);
    await writeFile(store.path, '{"type":"service_account"}');
    await expect(store.load()).rejects.toThrow(/could not be read\. Add the key again/);
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('in Electron: encrypted with the system keychain (safeStorage), a plain key moved in, a keychain change said clearly', async () => {
    const dir = await tempDataDir();
    const safeStorage: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (plain) => Buffer.from(`ENC:${Buffer.from(plain).toString('hex')}`),
      decryptString: (cipher) => {
        const text = cipher.toString();
        if (!text.startsWith('ENC:')) throw new Error('cannot decrypt');
        return Buffer.from(text.slice(4), 'hex').toString();
      },
      getSelectedStorageBackend: () => 'gnome_libsecret',
    };
    const key = parseServiceAccountKey(JSON.stringify(good));
    await createFilePlayKeyStore(dir).save(key);
    const store = createSafeStoragePlayKeyStore(dir, safeStorage, 'linux');
    expect((await store.load())?.client_email).toBe(good.client_email);
    expect(await readdir(dir)).toEqual([ENCRYPTED_PLAY_KEY_FILE]);
    const onDisk = await readFile(join(dir, ENCRYPTED_PLAY_KEY_FILE), 'utf8');
    expect(onDisk).not.toContain('PRIVATE KEY');
    expect((await stat(join(dir, ENCRYPTED_PLAY_KEY_FILE))).mode & 0o777).toBe(0o600);
    await writeFile(join(dir, ENCRYPTED_PLAY_KEY_FILE), 'garbage');
    await expect(store.load()).rejects.toThrow(/could not be decrypted/);
    await store.clear();
    expect(await readdir(dir)).toEqual([]);
    // Linux "basic_text" (a constant key) is not encryption: the 0600 file.
    const plain = createSafeStoragePlayKeyStore(dir, { ...safeStorage, getSelectedStorageBackend: () => 'basic_text' }, 'linux');
    await plain.save(key);
    expect(await readdir(dir)).toEqual([PLAY_KEY_FILE]);
  });
});

describe('service-account tokens against the emulator (JWT bearer grant)', () => {
  let emu: GoogleEmulator;
  beforeAll(async () => {
    emu = await startGoogleEmulator();
    emu.play.add(PKG, { reviewId: 'gp:AOqpTO1', authorName: 'Sanne', user: { text: 'Handig!', starRating: 5, lastModified: playTime(Date.now() - 3_600_000) } });
  });
  afterAll(async () => {
    await emu.close();
  });
  const keyOf = (raw: Record<string, string>): ServiceAccountKey => parseServiceAccountKey(JSON.stringify(raw));
  const tokenPosts = () => emu.requests.filter((r) => r.path === '/token').length;

  it('gets a token, reads Play with it, and caches it until shortly before it expires', async () => {
    const key = keyOf(emu.serviceAccounts.createKey());
    let clock = Date.now();
    const http = createServiceAccountHttp({ key, tokenUrl: emu.tokenUrl, now: () => new Date(clock) });
    emu.serviceAccounts.now = () => clock; // Google's clock moves with ours
    const play = createPlayApi({ http, roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl } });
    const before = tokenPosts();
    expect((await play.listReviews(PKG)).map((r) => r.reviewId)).toEqual(['gp:AOqpTO1']);
    await play.getReview(PKG, 'gp:AOqpTO1');
    expect(http.tokenRequests).toBe(1);
    clock += 3599_000 - EARLY_REFRESH_MS - 1000; // still fresh enough
    await play.getReview(PKG, 'gp:AOqpTO1');
    expect(http.tokenRequests).toBe(1);
    clock += 2000; // within five minutes of expiry: a new token
    await play.getReview(PKG, 'gp:AOqpTO1');
    expect(http.tokenRequests).toBe(2);
    expect(tokenPosts() - before).toBe(2);
    emu.serviceAccounts.now = Date.now;
  });

  it('an account without access to the app in the Play Console gets the Play words for it', async () => {
    const play = createPlayApi({ http: createServiceAccountHttp({ key: keyOf(emu.serviceAccounts.createKey()), tokenUrl: emu.tokenUrl }), roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl } });
    emu.faults.add({ match: '/androidpublisher/', status: 403 });
    await expect(play.listReviews(PKG)).rejects.toMatchObject({ problem: 'permission', message: expect.stringContaining('In the Play Console, invite it under Users and permissions') });
  });

  it('a token the emulator stopped accepting is replaced once (401 → new token → retry)', async () => {
    const http = createServiceAccountHttp({ key: keyOf(emu.serviceAccounts.createKey()), tokenUrl: emu.tokenUrl });
    const play = createPlayApi({ http, roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl } });
    await play.getReview(PKG, 'gp:AOqpTO1');
    emu.tokens.expireAll();
    await expect(play.getReview(PKG, 'gp:AOqpTO1')).resolves.toMatchObject({ reviewId: 'gp:AOqpTO1' });
    expect(http.tokenRequests).toBe(2);
  });

  it('answers like Google: wrong signature, unknown account, wrong audience, a clock off by hours; a few minutes of skew is fine', async () => {
    const raw = emu.serviceAccounts.createKey();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const refused = (key: ServiceAccountKey, opts: { tokenUrl?: string; skewMs?: number } = {}) =>
      createServiceAccountHttp({ key, tokenUrl: opts.tokenUrl ?? emu.tokenUrl, now: () => new Date(Date.now() + (opts.skewMs ?? 0)) }).token();

    await expect(refused(keyOf({ ...raw, private_key: other }))).rejects.toMatchObject({ problem: 'auth', message: expect.stringContaining('its signature does not match') });
    await expect(refused(keyOf({ ...raw, client_email: 'gone@kalm-test.iam.gserviceaccount.com' }))).rejects.toMatchObject({ message: expect.stringContaining('does not know the service account gone@') });
    await expect(refused(keyOf(raw), { tokenUrl: `${emu.tokenUrl}?x=1` })).rejects.toMatchObject({ problem: 'auth' });
    await expect(refused(keyOf(raw), { skewMs: 2 * 3_600_000 })).rejects.toMatchObject({ message: expect.stringContaining("this computer's clock is off") });
    await expect(refused(keyOf(raw), { skewMs: -2 * 3_600_000 })).rejects.toMatchObject({ message: expect.stringContaining("this computer's clock is off") });
    await expect(refused(keyOf(raw), { skewMs: (ALLOWED_SKEW_SECONDS - 60) * 1000 })).resolves.toMatch(/^ya29\.emu-/);
    await expect(refused(keyOf(raw), { skewMs: -(ALLOWED_SKEW_SECONDS - 60) * 1000 })).resolves.toMatch(/^ya29\.emu-/);

    // The raw answers have Google's OAuth error shape.
    const res = await fetch(emu.tokenUrl, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: 'a.b.c' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: expect.stringMatching(/^Invalid JWT/) });
    emu.serviceAccounts.disable(raw.client_email ?? '');
    await expect(refused(keyOf(raw))).rejects.toMatchObject({ message: expect.stringContaining('does not know the service account') });
  });
});
