import { PLAY_KEY_FILE } from '../sources/play/key-store';
import { TOKEN_FILE } from '../sources/google/token-vault';
import { TEAM_SECRET_FILE } from '../team/team-config';

/** The Electron app's keychain-encrypted Google sign-in (electron/safe-storage-vault.ts). */
export const ENCRYPTED_TOKEN_FILE = 'google-tokens.enc';
/** The Electron app's keychain-encrypted Google Play service-account key (electron/play-key-vault.ts). */
export const ENCRYPTED_PLAY_KEY_FILE = 'play-service-account.enc';

/**
 * Files in the data folder that hold sign-ins and keys. They never go into a backup zip: a backup is copied
 * to USB sticks and cloud folders, and the encrypted ones only open on this computer anyway. After restoring
 * a backup the owner connects Google (and Play) again.
 */
export const SECRET_FILES: ReadonlySet<string> = new Set([TOKEN_FILE, ENCRYPTED_TOKEN_FILE, PLAY_KEY_FILE, ENCRYPTED_PLAY_KEY_FILE, TEAM_SECRET_FILE]);
