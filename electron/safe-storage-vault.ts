import { ENCRYPTED_TOKEN_FILE, ENCRYPTED_TOKEN_SPEC } from './core/sources/google/data-files';
import { join } from 'node:path';
import { createFileTokenVault, parseStoredTokens, type TokenVault, validForSave } from './core/sources/google/token-vault';
import { keychainFile, strongEncryption, type SafeStorageLike } from './keychain-file';

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

export { strongEncryption, type SafeStorageLike };

export interface SafeStorageVaultChoice {
  vault: TokenVault;
  /** True when the tokens are encrypted by the OS keychain; false = the plain 0600 file. */
  encrypted: boolean;
  /** The file that holds the tokens. */
  path: string;
}

export function createSafeStorageVault(
  dataDir: string,
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SafeStorageVaultChoice {
  const plain = createFileTokenVault(dataDir);
  if (!strongEncryption(safeStorage, platform)) return { vault: plain, encrypted: false, path: plain.path };

  const path = join(dataDir, ENCRYPTED_TOKEN_FILE);
  const vault: TokenVault = keychainFile({
    path, safeStorage, plain,
    toJson: (tokens) => JSON.stringify(validForSave(tokens)),
    parse: parseStoredTokens,
    recovery: ENCRYPTED_TOKEN_SPEC,
    undecryptable: `The saved Google sign-in in ${path} could not be decrypted (the system keychain changed?). Connect Google again in Sources; your reviews are kept.`,
  });
  return { vault, encrypted: true, path };
}
