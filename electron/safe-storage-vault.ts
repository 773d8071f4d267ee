import { join } from 'node:path';
import { ENCRYPTED_TOKEN_FILE } from './core/store/secret-files';
import type { SafeStorage } from 'electron';
import { KalmError } from '../shared/domain/errors';
import { removeFileDurable } from './core/store/atomic-write';
import {
  createFileTokenVault,
  parseStoredTokens,
  readSecretFile,
  type StoredGoogleTokens,
  type TokenVault,
  validForSave,
  writeSecretFile,
} from './core/google/token-vault';

/**
 * Electron's token vault: the Google grant encrypted with the OS keychain (safeStorage:
 * Keychain on macOS, DPAPI on Windows, the Secret Service / KWallet on Linux), stored in
 * `<dataDir>/google-tokens.enc` (base64 of the ciphertext, mode 0600).
 *
 * Call after app `ready` (safeStorage needs it). When encryption is unavailable — or on
 * Linux with only the "basic_text" backend, whose key is a constant — Kalm falls back to the
 * plain 0600 file the web host and CLI use, and says so with `encrypted: false`.
 */

export { ENCRYPTED_TOKEN_FILE };

/** The part of Electron's safeStorage the vault uses (tests pass a fake). */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface SafeStorageVaultChoice {
  vault: TokenVault;
  /** True when the tokens are encrypted by the OS keychain; false = the plain 0600 file. */
  encrypted: boolean;
  /** The file that holds the tokens. */
  path: string;
}

export const strongEncryption = (safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean => {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux' || !safeStorage.getSelectedStorageBackend) return true;
  const backend = safeStorage.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
};

export function createSafeStorageVault(
  dataDir: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SafeStorageVaultChoice {
  const plain = createFileTokenVault(dataDir);
  if (!strongEncryption(safeStorage, platform)) return { vault: plain, encrypted: false, path: plain.path };

  const path = join(dataDir, ENCRYPTED_TOKEN_FILE);
  const undecryptable = () =>
    new KalmError('storage', `The saved Google sign-in in ${path} could not be decrypted (the system keychain changed?). Connect Google again in Sources; your reviews are kept.`);

  const save = async (tokens: StoredGoogleTokens): Promise<void> => {
    const cipher = safeStorage.encryptString(JSON.stringify(validForSave(tokens)));
    await writeSecretFile(path, `${cipher.toString('base64')}\n`);
  };

  const vault: TokenVault = {
    async load() {
      const text = await readSecretFile(path);
      if (text === null) {
        // A grant saved while encryption was unavailable moves into the keychain-encrypted file.
        const old = await plain.load();
        if (old) {
          await save(old);
          await plain.clear();
        }
        return old;
      }
      let json: string;
      try {
        json = safeStorage.decryptString(Buffer.from(text.trim(), 'base64'));
      } catch {
        throw undecryptable();
      }
      return parseStoredTokens(json, path);
    },
    save,
    async clear() {
      await removeFileDurable(path);
      await plain.clear();
    },
  };
  return { vault, encrypted: true, path };
}
