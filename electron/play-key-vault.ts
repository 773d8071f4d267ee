import { join } from 'node:path';
import { ENCRYPTED_PLAY_KEY_FILE } from './core/store/secret-files';
import { KalmError } from '../shared/domain/errors';
import { removeFileDurable } from './core/store/atomic-write';
import { readSecretFile, writeSecretFile } from './core/google/token-vault';
import { createFilePlayKeyStore, parseStoredKey, type PlayKeyStore } from './core/play/play-key-store';
import { strongEncryption, type SafeStorageLike } from './safe-storage-vault';

export { ENCRYPTED_PLAY_KEY_FILE };

/**
 * Electron's store for the Google Play service-account key: encrypted with the OS keychain like the Google
 * sign-in (safe-storage-vault.ts), in `<dataDir>/play-service-account.enc` (base64, mode 0600). Without strong
 * encryption it is the plain 0600 file the web host and CLI use.
 */
export function createSafeStoragePlayKeyStore(dataDir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): PlayKeyStore {
  const plain = createFilePlayKeyStore(dataDir);
  if (!strongEncryption(safeStorage, platform)) return plain;
  const path = join(dataDir, ENCRYPTED_PLAY_KEY_FILE);
  const store: PlayKeyStore = {
    async load() {
      const text = await readSecretFile(path);
      if (text === null) {
        // A key saved while encryption was unavailable moves into the encrypted file.
        const old = await plain.load();
        if (old) {
          await store.save(old);
          await plain.clear();
        }
        return old;
      }
      let json: string;
      try {
        json = safeStorage.decryptString(Buffer.from(text.trim(), 'base64'));
      } catch {
        throw new KalmError('storage', `The saved Google Play service-account key in ${path} could not be decrypted (the system keychain changed?). Add the key again in Sources; your reviews are kept.`);
      }
      return parseStoredKey(json, path);
    },
    async save(key) {
      await writeSecretFile(path, `${safeStorage.encryptString(JSON.stringify(key)).toString('base64')}\n`);
    },
    async clear() {
      await removeFileDurable(path);
      await plain.clear();
    },
  };
  return store;
}
