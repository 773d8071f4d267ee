import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_TEAM_SECRET_FILE, fileTeamVault, TEAM_SECRET_FILE } from '../../electron/core/team/team-config';
import type { SafeStorageLike } from '../../electron/keychain-file';
import { SECRET_FILES } from '../../electron/core/store/secret-files';
import { createSafeStorageTeamVault } from '../../electron/team-secret-vault';
import { KalmError } from '../../shared/domain/errors';
import { openDesktop, seededFolder, useBakkerijTeam } from '../team/desktops';
import { kalmErrorOf, tempDataDir } from './helpers';

const posix = process.platform !== 'win32';
const PASSWORD = 'anna-pw';

/** Electron's safeStorage as the tests know it (electron itself cannot run here): reversible, visibly not plain text. */
function fakeSafeStorage(opts: { available?: boolean; backend?: ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>> } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    encryptString: (plain) => Buffer.from(`ENC:${Buffer.from(plain, 'utf8').toString('hex')}`, 'utf8'),
    decryptString: (cipher) => {
      const text = cipher.toString('utf8');
      if (!text.startsWith('ENC:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'hex').toString('utf8');
    },
    ...(opts.backend ? { getSelectedStorageBackend: () => opts.backend! } : {}),
  };
}

describe('the team password in the Electron app (safeStorage)', () => {
  it('is encrypted into team-secret.enc (0600), never in plain text, and cleared on leave', async () => {
    const dir = await tempDataDir();
    const vault = createSafeStorageTeamVault(dir, fakeSafeStorage({ backend: 'gnome_libsecret' }), 'linux');
    expect(vault.keeps).toBe('keychain');
    expect(await vault.load()).toBeNull();
    await vault.save(PASSWORD);
    expect(await readdir(dir)).toEqual([ENCRYPTED_TEAM_SECRET_FILE]);
    const onDisk = await readFile(join(dir, ENCRYPTED_TEAM_SECRET_FILE), 'utf8');
    expect(onDisk).not.toContain(PASSWORD);
    if (posix) expect((await stat(join(dir, ENCRYPTED_TEAM_SECRET_FILE))).mode & 0o777).toBe(0o600);
    expect(await vault.load()).toBe(PASSWORD);
    await vault.clear();
    expect(await readdir(dir)).toEqual([]);
    // Neither file goes into a backup zip (store/secret-files.ts).
    expect(SECRET_FILES.has(ENCRYPTED_TEAM_SECRET_FILE) && SECRET_FILES.has(TEAM_SECRET_FILE)).toBe(true);
  });

  it('falls back to the 0600 file without a keychain (unavailable, or Linux "basic_text") and says so', async () => {
    const dir = await tempDataDir();
    const none = createSafeStorageTeamVault(dir, fakeSafeStorage({ available: false }), 'darwin');
    expect(none.keeps).toBe('file');
    await none.save(PASSWORD);
    expect(JSON.parse(await readFile(join(dir, TEAM_SECRET_FILE), 'utf8'))).toEqual({ password: PASSWORD });
    if (posix) expect((await stat(join(dir, TEAM_SECRET_FILE))).mode & 0o777).toBe(0o600);
    expect(createSafeStorageTeamVault(dir, fakeSafeStorage({ backend: 'basic_text' }), 'linux').keeps).toBe('file');
    expect(createSafeStorageTeamVault(dir, fakeSafeStorage({ backend: 'basic_text' }), 'win32').keeps).toBe('keychain');
  });

  it('moves a password from team-secret.json into the keychain file the first time it is read, and removes the plain file', async () => {
    const dir = await tempDataDir();
    await fileTeamVault(dir).save(PASSWORD);
    const vault = createSafeStorageTeamVault(dir, fakeSafeStorage(), 'darwin');
    expect(await vault.load()).toBe(PASSWORD);
    expect(await readdir(dir)).toEqual([ENCRYPTED_TEAM_SECRET_FILE]);
    expect(await vault.load()).toBe(PASSWORD);
  });

  it('a file the keychain cannot decrypt is a clear storage error, and the CLI/web host say the app holds the password', async () => {
    const dir = await tempDataDir();
    await writeFile(join(dir, ENCRYPTED_TEAM_SECRET_FILE), Buffer.from('garbage').toString('base64'), { mode: 0o600 });
    const err = await kalmErrorOf(createSafeStorageTeamVault(dir, fakeSafeStorage(), 'win32').load());
    expect(err).toBeInstanceOf(KalmError);
    expect(err.code).toBe('storage');
    expect(err.message).toMatch(/team workspace password .* could not be decrypted/);
    const cli = await kalmErrorOf(fileTeamVault(dir).load());
    expect(cli.message).toMatch(/keeps the team password of this folder encrypted with the system keychain/);
  });
});

describe('an Electron start after joining with the CLI', () => {
  const team = useBakkerijTeam();

  it('signs in with the migrated password: team-secret.json is gone, team-secret.enc holds it, sync works', async () => {
    const dir = await seededFolder(2);
    const cli = await openDesktop(dir);
    await cli.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: PASSWORD });
    await cli.close();
    expect(await readdir(dir)).toContain(TEAM_SECRET_FILE);

    const app = await openDesktop(dir, { team: { vault: createSafeStorageTeamVault(dir, fakeSafeStorage(), 'darwin') } });
    team.cores.push(app);
    expect(await app.team!.service!.syncNow()).toEqual({ pushed: 0, pulled: 0 });
    const files = await readdir(dir);
    expect(files).not.toContain(TEAM_SECRET_FILE);
    expect(files).toContain(ENCRYPTED_TEAM_SECRET_FILE);
    expect(await readFile(join(dir, ENCRYPTED_TEAM_SECRET_FILE), 'utf8')).not.toContain(PASSWORD);

    await app.call('team.leave', {});
    expect(await readdir(dir)).not.toContain(ENCRYPTED_TEAM_SECRET_FILE);
  });
});
