import { z } from 'zod';
import type { JsonFileSpec } from '../../store/json-file-recovery';
import { keychainFileText } from '../../store/data-files';
import { GOOGLE_STATE_FILE, GoogleState } from './state';
import { StoredGoogleTokens, TOKEN_FILE } from './token-vault';

/** The Electron app's keychain-encrypted Google sign-in (electron/safe-storage-vault.ts). */
export const ENCRYPTED_TOKEN_FILE = 'google-tokens.enc';

const SIGN_IN_AGAIN = 'Connect Google again in Sources; your reviews are kept.';

export const GOOGLE_STATE_SPEC: JsonFileSpec<unknown> = {
  file: GOOGLE_STATE_FILE, schema: GoogleState, version: 1, lost: 'google-connection',
  what: 'The Google connection (which locations Kalm follows and how far they were synced)',
  instead: 'Choose your Google locations again in Sources; the next sync fetches their reviews again, your reviews and replies are kept.',
};
export const TOKEN_SPEC: JsonFileSpec<unknown> = {
  file: TOKEN_FILE, schema: StoredGoogleTokens, secret: true, lost: 'google-sign-in',
  what: 'The saved Google sign-in', instead: SIGN_IN_AGAIN,
};
export const ENCRYPTED_TOKEN_SPEC: JsonFileSpec<unknown> = {
  file: ENCRYPTED_TOKEN_FILE, schema: z.string(), parse: keychainFileText, secret: true, lost: 'google-sign-in',
  what: 'The saved Google sign-in (encrypted by the system keychain)', instead: SIGN_IN_AGAIN,
};

/** Google's files in the data folder, checked when a core starts (store/data-files.ts); the secret ones stay out of backups. */
export const GOOGLE_FILES: readonly JsonFileSpec<unknown>[] = [GOOGLE_STATE_SPEC, TOKEN_SPEC, ENCRYPTED_TOKEN_SPEC];
