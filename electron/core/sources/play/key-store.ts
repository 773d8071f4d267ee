import { join } from 'node:path';
import { KalmError } from '../../../../shared/domain/errors';
import { parseServiceAccountKey, type ServiceAccountKey } from '../../../../shared/play/service-account';
import type { JsonFileSpec } from '../../store/json-file-recovery';
import { removeFileDurable } from '../../store/atomic-write';
import { readSecretFile, writeSecretFile } from '../../store/owner-only-files';

/**
 * Where Kalm keeps a Google Play service-account key: as safely as the Google sign-in (the token vault).
 * The web host and the CLI use a 0600 file in the data folder; Electron encrypts it with the OS keychain
 * (electron/play-key-vault.ts).
 */
export interface PlayKeyStore {
  /** How the core checks this store's file at start (Electron's keychain files decrypt; see store/data-files.ts). */
  readonly recoverySpec?: JsonFileSpec<unknown>;
  load(): Promise<ServiceAccountKey | null>;
  save(key: ServiceAccountKey): Promise<void>;
  clear(): Promise<void>;
}

export const PLAY_KEY_FILE = 'play-service-account.json';

/** Reads a stored key; a broken file is a clear error that never echoes the content. */
export function parseStoredKey(text: string, path: string): ServiceAccountKey {
  try {
    return parseServiceAccountKey(text);
  } catch {
    throw new KalmError('storage', `The saved Google Play service-account key in ${path} could not be read. Add the key again in Sources; your reviews are kept.`);
  }
}

/** `<dataDir>/play-service-account.json`, mode 0600, written atomically. */
export function createFilePlayKeyStore(dataDir: string): PlayKeyStore & { readonly path: string } {
  const path = join(dataDir, PLAY_KEY_FILE);
  return {
    path,
    async load() {
      const text = await readSecretFile(path);
      return text === null ? null : parseStoredKey(text, path);
    },
    async save(key) {
      await writeSecretFile(path, `${JSON.stringify(key, null, 2)}\n`);
    },
    async clear() {
      await removeFileDurable(path);
    },
  };
}
