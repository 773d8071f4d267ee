import { z } from 'zod';
import { parseServiceAccountKey } from '../../../../shared/play/service-account';
import type { JsonFileSpec } from '../../store/json-file-recovery';
import { keychainFileText } from '../../store/data-files';
import { PLAY_KEY_FILE } from './key-store';
import { PLAY_STATE_FILE, PlayState } from './service';

/** The Electron app's keychain-encrypted Google Play service-account key (electron/play-key-vault.ts). */
export const ENCRYPTED_PLAY_KEY_FILE = 'play-service-account.enc';

const KEY_AGAIN = 'Add the Google Play service-account key again in Sources (or use the Google sign-in); your reviews are kept.';

export const PLAY_STATE_SPEC: JsonFileSpec<unknown> = {
  file: PLAY_STATE_FILE, schema: PlayState, version: 1, lost: 'play-apps',
  what: 'The list of Google Play apps Kalm follows',
  instead: 'Add your apps again in Sources; their reviews and replies are kept.',
};
export const PLAY_KEY_SPEC: JsonFileSpec<unknown> = {
  file: PLAY_KEY_FILE, schema: z.unknown(), parse: parseServiceAccountKey, secret: true, lost: 'play-key',
  what: 'The saved Google Play service-account key', instead: KEY_AGAIN,
};
export const ENCRYPTED_PLAY_KEY_SPEC: JsonFileSpec<unknown> = {
  file: ENCRYPTED_PLAY_KEY_FILE, schema: z.string(), parse: keychainFileText, secret: true, lost: 'play-key',
  what: 'The saved Google Play service-account key (encrypted by the system keychain)', instead: KEY_AGAIN,
};

/** Play's files in the data folder, checked when a core starts (store/data-files.ts); the secret ones stay out of backups. */
export const PLAY_FILES: readonly JsonFileSpec<unknown>[] = [PLAY_STATE_SPEC, PLAY_KEY_SPEC, ENCRYPTED_PLAY_KEY_SPEC];
