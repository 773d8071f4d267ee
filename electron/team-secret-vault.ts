import { join } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../shared/domain/errors';
import { keychainFileText } from './core/store/data-files';
import { ENCRYPTED_TEAM_SECRET_FILE, fileTeamVault, type TeamSecretVault } from './core/team/team-config';
import { keychainFile, strongEncryption, type SafeStorageLike } from './keychain-file';

export { ENCRYPTED_TEAM_SECRET_FILE };

const Password = z.object({ password: z.string().min(1) });

/**
 * Electron's team password vault: encrypted with the OS keychain (safeStorage: Keychain on macOS, DPAPI on Windows,
 * the Secret Service / KWallet on Linux) in `<dataDir>/team-secret.enc` (base64 of the ciphertext, mode 0600).
 * A password the plain `team-secret.json` holds (joined with the CLI or the web host, or saved while no keychain
 * was available) moves into the encrypted file the first time it is read, and the plain file is removed.
 * Without strong encryption (no keychain; Linux's "basic_text" backend) it is the 0600 file, and `keeps` says so.
 * Call after app `ready` (safeStorage needs it).
 */
export function createSafeStorageTeamVault(dataDir: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): TeamSecretVault {
  const plain = fileTeamVault(dataDir);
  if (!strongEncryption(safeStorage, platform)) return plain;
  const path = join(dataDir, ENCRYPTED_TEAM_SECRET_FILE);
  const store = keychainFile<string>({
    path, safeStorage,
    plain,
    toJson: (password) => JSON.stringify(Password.parse({ password })),
    parse: (json, file) => {
      const parsed = Password.safeParse(JSON.parse(json));
      if (!parsed.success) throw new KalmError('storage', `${file} does not hold a team password. Join the team workspace again in Settings.`);
      return parsed.data.password;
    },
    recovery: {
      file: ENCRYPTED_TEAM_SECRET_FILE, schema: z.string(), parse: keychainFileText, secret: true,
      what: 'The saved team workspace password (encrypted by the system keychain)', instead: 'Join the team workspace again in Settings.',
    },
    undecryptable: `The saved team workspace password in ${path} could not be decrypted (the system keychain changed?). Leave the team workspace and join it again in Settings; your reviews are kept.`,
  });
  return { keeps: 'keychain', load: () => store.load(), save: (p) => store.save(p), clear: () => store.clear() };
}
