import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { JsonFileSpec } from './core/store/json-file-recovery';
import { KalmError } from '../shared/domain/errors';
import { removeFileDurable } from './core/store/atomic-write';
import { readSecretFile, writeSecretFile } from './core/store/owner-only-files';

/** The part of Electron's safeStorage Kalm uses (tests pass a fake). */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

/** Real keychain encryption: available, and on Linux not the "basic_text" backend (whose key is a constant). */
export const strongEncryption = (safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean => {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux' || !safeStorage.getSelectedStorageBackend) return true;
  const backend = safeStorage.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
};

export interface SecretStore<T> {
  /** How the core checks the file at start: decrypts and parses it, and quarantines it when that fails. */
  readonly recoverySpec?: JsonFileSpec<unknown>;
  load(): Promise<T | null>;
  save(value: T): Promise<void>;
  clear(): Promise<void>;
}

/**
 * A secret (the Google sign-in, the Play key) encrypted with the OS keychain in `path` (base64 of the
 * ciphertext, mode 0600). A secret the plain 0600 file still holds (saved while encryption was unavailable)
 * moves into the encrypted file on first load.
 */
export function keychainFile<T>(opts: {
  path: string;
  safeStorage: SafeStorageLike;
  plain: SecretStore<T>;
  /** The JSON to encrypt (may check the value first). */
  toJson: (value: T) => string;
  /** Reads decrypted JSON back (throws a KalmError naming `path` when it is not a valid secret). */
  parse: (json: string, path: string) => T;
  /** What the owner reads when the file cannot be decrypted, and what to do. */
  undecryptable: string;
  /** The file's entry in store/data-files.ts (its name, what it holds); checked here by decrypting it. */
  recovery: JsonFileSpec<unknown>;
}): SecretStore<T> {
  const { path, safeStorage, plain } = opts;
  const save = async (value: T): Promise<void> => {
    await writeSecretFile(path, `${safeStorage.encryptString(opts.toJson(value)).toString('base64')}\n`);
  };
  const decrypt = (text: string): string => safeStorage.decryptString(Buffer.from(text.trim(), 'base64'));
  return {
    recoverySpec: { ...opts.recovery, schema: z.unknown(), parse: (text) => opts.parse(decrypt(text), path) },
    async load() {
      const text = await readSecretFile(path);
      if (text === null) {
        const old = await plain.load();
        if (old) {
          await save(old);
          await plain.clear();
        }
        return old;
      }
      let json: string;
      try {
        json = decrypt(text);
      } catch {
        throw new KalmError('storage', opts.undecryptable);
      }
      return opts.parse(json, path);
    },
    save,
    async clear() {
      await removeFileDurable(path);
      await plain.clear();
    },
  };
}
