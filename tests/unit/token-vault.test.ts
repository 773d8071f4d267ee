import { chmod, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../electron/core/google-api/redact';
import { createFileTokenVault, createMemoryTokenVault, mergeTokens, type StoredGoogleTokens, TOKEN_FILE } from '../../electron/core/sources/google/token-vault';
import { createSafeStorageVault, ENCRYPTED_TOKEN_FILE, type SafeStorageLike } from '../../electron/safe-storage-vault';
import { KalmError } from '../../shared/domain/errors';
import { tempDataDir } from './helpers';

const posix = process.platform !== 'win32';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

const TOKENS: StoredGoogleTokens = {
  refresh_token: '1//09EXAMPLE-refresh-token-Lw4yZ',
  access_token: 'ya29.EXAMPLE-access-token-a0AfB_byC',
  expiry_date: 1_900_000_000_000,
  scope: 'https://www.googleapis.com/auth/business.manage',
  token_type: 'Bearer',
};

/** A stand-in for Electron's safeStorage: reversible, but visibly not plain text. */
function fakeSafeStorage(opts: { available?: boolean; backend?: ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>> } = {}) {
  const calls = { encrypt: 0, decrypt: 0 };
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => opts.available ?? true,
    encryptString: (plain) => {
      calls.encrypt++;
      return Buffer.from(`ENC:${Buffer.from(plain, 'utf8').toString('hex')}`, 'utf8');
    },
    decryptString: (cipher) => {
      calls.decrypt++;
      const text = cipher.toString('utf8');
      if (!text.startsWith('ENC:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'hex').toString('utf8');
    },
    ...(opts.backend ? { getSelectedStorageBackend: () => opts.backend! } : {}),
  };
  return { safeStorage, calls };
}

describe('file token vault', () => {
  it('is empty at first, then saves, loads and clears', async () => {
    const dir = await tempDataDir();
    const vault = createFileTokenVault(dir);
    expect(vault.path).toBe(join(dir, TOKEN_FILE));
    expect(await vault.load()).toBeNull();
    await vault.save(TOKENS);
    expect(await vault.load()).toEqual(TOKENS);
    await vault.clear();
    expect(await vault.load()).toBeNull();
    await vault.clear(); // clearing twice is fine
  });

  it.runIf(posix)('writes the file with mode 0600, atomically (no temp file left)', async () => {
    const dir = await tempDataDir();
    const vault = createFileTokenVault(dir);
    await vault.save(TOKENS);
    expect(await modeOf(vault.path)).toBe(0o600);
    expect(await readdir(dir)).toEqual([TOKEN_FILE]);
  });

  it.runIf(posix)('fixes a too-open mode when loading', async () => {
    const dir = await tempDataDir();
    const vault = createFileTokenVault(dir);
    await vault.save(TOKENS);
    await chmod(vault.path, 0o644);
    expect(await vault.load()).toEqual(TOKENS);
    expect(await modeOf(vault.path)).toBe(0o600);
  });

  it('keeps only known fields and refuses tokens without a refresh token', async () => {
    const dir = await tempDataDir();
    const vault = createFileTokenVault(dir);
    await vault.save({ ...TOKENS, extra: 'x' } as StoredGoogleTokens);
    expect(await vault.load()).toEqual(TOKENS);
    const err = await vault.save({ access_token: 'ya29.only-access' } as unknown as StoredGoogleTokens).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalmError);
    expect((err as Error).message).not.toContain('ya29');
    expect(await vault.load()).toEqual(TOKENS);
  });

  it('reports an unreadable file without echoing its content', async () => {
    const dir = await tempDataDir();
    const vault = createFileTokenVault(dir);
    await writeFile(vault.path, '{"refresh_token": 42, "access_token": "ya29.SECRET-in-a-broken-file"}', { mode: 0o600 });
    const err = await vault.load().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalmError);
    expect((err as KalmError).code).toBe('storage');
    expect((err as Error).message).toContain('Connect Google again');
    expect((err as Error).message).not.toContain('SECRET');
    await writeFile(vault.path, 'not json ya29.SECRET', { mode: 0o600 });
    expect(((await vault.load().catch((e: unknown) => e)) as Error).message).not.toContain('SECRET');
  });

  it('memory vault behaves the same', async () => {
    const vault = createMemoryTokenVault();
    expect(await vault.load()).toBeNull();
    await vault.save(TOKENS);
    expect(await vault.load()).toEqual(TOKENS);
    await expect(vault.save({} as StoredGoogleTokens)).rejects.toBeInstanceOf(KalmError);
    await vault.clear();
    expect(await vault.load()).toBeNull();
  });
});

describe('mergeTokens', () => {
  it('keeps the refresh token when a refresh answer has none, and takes the new access token and expiry', () => {
    const merged = mergeTokens(TOKENS, { access_token: 'ya29.new', expiry_date: 2_000_000_000_000, refresh_token: null, id_token: null });
    expect(merged).toEqual({ ...TOKENS, access_token: 'ya29.new', expiry_date: 2_000_000_000_000 });
  });
  it('drops an old expiry when the new access token has none', () => {
    expect(mergeTokens(TOKENS, { access_token: 'ya29.new' })?.expiry_date).toBeUndefined();
  });
  it('takes a rotated refresh token, and is null without any refresh token', () => {
    expect(mergeTokens(TOKENS, { refresh_token: '1//rotated' })?.refresh_token).toBe('1//rotated');
    expect(mergeTokens(null, { access_token: 'ya29.x' })).toBeNull();
  });
});

describe('safeStorage vault (Electron)', () => {
  it('encrypts the tokens into google-tokens.enc when encryption is available', async () => {
    const dir = await tempDataDir();
    const { safeStorage, calls } = fakeSafeStorage({ backend: 'gnome_libsecret' });
    const choice = createSafeStorageVault(dir, safeStorage, 'linux');
    expect(choice.encrypted).toBe(true);
    expect(choice.path).toBe(join(dir, ENCRYPTED_TOKEN_FILE));
    expect(await choice.vault.load()).toBeNull();
    await choice.vault.save(TOKENS);
    const onDisk = await readFile(choice.path, 'utf8');
    expect(onDisk).not.toContain(TOKENS.refresh_token);
    expect(onDisk).not.toContain(TOKENS.access_token!);
    expect(await readdir(dir)).toEqual([ENCRYPTED_TOKEN_FILE]);
    if (posix) expect(await modeOf(choice.path)).toBe(0o600);
    expect(await choice.vault.load()).toEqual(TOKENS);
    expect(calls).toEqual({ encrypt: 1, decrypt: 1 });
    await choice.vault.clear();
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back to the 0600 file when encryption is unavailable, and says so', async () => {
    const dir = await tempDataDir();
    const { safeStorage, calls } = fakeSafeStorage({ available: false });
    const choice = createSafeStorageVault(dir, safeStorage, 'darwin');
    expect(choice.encrypted).toBe(false);
    expect(choice.path).toBe(join(dir, TOKEN_FILE));
    await choice.vault.save(TOKENS);
    expect(JSON.parse(await readFile(join(dir, TOKEN_FILE), 'utf8'))).toEqual(TOKENS);
    expect(calls).toEqual({ encrypt: 0, decrypt: 0 });
  });

  it('treats Linux "basic_text" (a constant key) as unencrypted', () => {
    const { safeStorage } = fakeSafeStorage({ backend: 'basic_text' });
    expect(createSafeStorageVault('/nowhere', safeStorage, 'linux').encrypted).toBe(false);
    expect(createSafeStorageVault('/nowhere', safeStorage, 'win32').encrypted).toBe(true);
  });

  it('moves a grant saved in the plain file into the encrypted file', async () => {
    const dir = await tempDataDir();
    await createFileTokenVault(dir).save(TOKENS);
    const { vault } = createSafeStorageVault(dir, fakeSafeStorage().safeStorage, 'darwin');
    expect(await vault.load()).toEqual(TOKENS);
    expect(await readdir(dir)).toEqual([ENCRYPTED_TOKEN_FILE]);
    expect(await vault.load()).toEqual(TOKENS);
  });

  it('reports a file it cannot decrypt as a storage error asking to connect again', async () => {
    const dir = await tempDataDir();
    await writeFile(join(dir, ENCRYPTED_TOKEN_FILE), Buffer.from('garbage').toString('base64'), { mode: 0o600 });
    const { vault } = createSafeStorageVault(dir, fakeSafeStorage().safeStorage, 'win32');
    const err = await vault.load().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalmError);
    expect((err as KalmError).code).toBe('storage');
    expect((err as Error).message).toMatch(/could not be decrypted.*Connect Google again/);
  });
});

describe('redactSecrets', () => {
  it('removes tokens, codes, bearer headers and client secrets', () => {
    const text = [
      'Authorization: Bearer ya29.a0AfB_byC-xyz',
      '{"access_token":"abc123secret","refresh_token": "1//09zzz", "code": 404}',
      'POST code=4%2F0AEmu-abcdef&client_secret=GOCSPX-abc_DEF&code_verifier=v~v.v-v&state=keep',
      'loose 1//09EXAMPLE-refresh ya29.loose GOCSPX-loose 4/0AX4XfWhLooseCodeValue',
      'known: my-own-secret-value',
    ].join('\n');
    const out = redactSecrets(text, ['my-own-secret-value', 'x']);
    for (const secret of ['ya29', 'abc123secret', '1//09', '4%2F0AEmu', 'GOCSPX', 'v~v.v-v', '4/0AX4', 'my-own-secret-value']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('state=keep');
    expect(out).toContain('"code": 404');
  });
});
