import { ENCRYPTED_PLAY_KEY_FILE, ENCRYPTED_PLAY_KEY_SPEC } from './core/sources/play/data-files';
import { join } from 'node:path';
import { createFilePlayKeyStore, parseStoredKey, type PlayKeyStore } from './core/sources/play/key-store';
import { keychainFile, strongEncryption, type SafeStorageLike } from './keychain-file';

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
  return keychainFile({
    path, safeStorage, plain,
    toJson: (key) => JSON.stringify(key),
    parse: parseStoredKey,
    recovery: ENCRYPTED_PLAY_KEY_SPEC,
    undecryptable: `The saved Google Play service-account key in ${path} could not be decrypted (the system keychain changed?). Add the key again in Sources; your reviews are kept.`,
  });
}
