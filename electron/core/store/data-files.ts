import { z } from 'zod';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { parseServiceAccountKey } from '../../../shared/play/service-account';
import { StoredGoogleTokens, TOKEN_FILE } from '../sources/google/token-vault';
import { PLAY_KEY_FILE } from '../sources/play/key-store';
import { PLAY_STATE_FILE, PlayState } from '../sources/play/service';
import { GOOGLE_STATE_FILE, GoogleState } from '../sources/google/state';
import { readJsonOrQuarantine, type JsonFileSpec } from './json-file-recovery';
import { markReadOnlyFiles } from './workspace-files';
import { ENCRYPTED_PLAY_KEY_FILE, ENCRYPTED_TOKEN_FILE } from './secret-files';

/**
 * The single files of a data folder that the sources read (their state, sign-ins and keys), checked the
 * same way as settings.json when a core starts: one that does not parse or validate goes to quarantine/,
 * the source starts empty, and the problem says what the owner has to do again. sources.json, shards,
 * labels.json and the record folders (drafts, outbox, …) have their own loaders with the same rules.
 */
const SIGN_IN_AGAIN = 'Connect Google again in Sources; your reviews are kept.';
const KEY_AGAIN = 'Add the Google Play service-account key again in Sources (or use the Google sign-in); your reviews are kept.';

/** A keychain file read where the keychain is not at hand (CLI, web host): only its shape can be checked. */
const base64Text = (text: string): string => {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t)) throw new SyntaxError('not base64');
  return t;
};

export const GOOGLE_STATE_SPEC: JsonFileSpec<unknown> = {
  file: GOOGLE_STATE_FILE, schema: GoogleState, version: 1, lost: 'google-connection',
  what: 'The Google connection (which locations Kalm follows and how far they were synced)',
  instead: 'Choose your Google locations again in Sources; the next sync fetches their reviews again, your reviews and replies are kept.',
};
export const PLAY_STATE_SPEC: JsonFileSpec<unknown> = {
  file: PLAY_STATE_FILE, schema: PlayState, version: 1, lost: 'play-apps',
  what: 'The list of Google Play apps Kalm follows',
  instead: 'Add your apps again in Sources; their reviews and replies are kept.',
};
export const TOKEN_SPEC: JsonFileSpec<unknown> = {
  file: TOKEN_FILE, schema: StoredGoogleTokens, secret: true, lost: 'google-sign-in',
  what: 'The saved Google sign-in', instead: SIGN_IN_AGAIN,
};
export const PLAY_KEY_SPEC: JsonFileSpec<unknown> = {
  file: PLAY_KEY_FILE, schema: z.unknown(), parse: parseServiceAccountKey, secret: true, lost: 'play-key',
  what: 'The saved Google Play service-account key', instead: KEY_AGAIN,
};
export const ENCRYPTED_TOKEN_SPEC: JsonFileSpec<unknown> = {
  file: ENCRYPTED_TOKEN_FILE, schema: z.string(), parse: base64Text, secret: true, lost: 'google-sign-in',
  what: 'The saved Google sign-in (encrypted by the system keychain)', instead: SIGN_IN_AGAIN,
};
export const ENCRYPTED_PLAY_KEY_SPEC: JsonFileSpec<unknown> = {
  file: ENCRYPTED_PLAY_KEY_FILE, schema: z.string(), parse: base64Text, secret: true, lost: 'play-key',
  what: 'The saved Google Play service-account key (encrypted by the system keychain)', instead: KEY_AGAIN,
};

export const DATA_FILE_SPECS: readonly JsonFileSpec<unknown>[] = [GOOGLE_STATE_SPEC, PLAY_STATE_SPEC, TOKEN_SPEC, PLAY_KEY_SPEC, ENCRYPTED_TOKEN_SPEC, ENCRYPTED_PLAY_KEY_SPEC];

/** A secret store that can check its own file fully (Electron's keychain files decrypt; see keychain-file.ts). */
export interface CheckableFile {
  readonly recoverySpec?: JsonFileSpec<unknown>;
}

/**
 * Checks every file of DATA_FILE_SPECS (a store's own spec replaces the one for the same file): broken ones
 * are quarantined (only reported with `dryRun`), ones from a newer Kalm are left in place and returned in
 * `protectedFiles`, so nothing writes over them.
 */
export async function recoverDataFiles(
  dataDir: string,
  opts: { now: () => Date; dryRun?: boolean; stores?: readonly (CheckableFile | undefined)[] },
): Promise<{ problems: StoreProblem[]; protectedFiles: Map<string, string> }> {
  const own = new Map((opts.stores ?? []).flatMap((s) => (s?.recoverySpec ? [[s.recoverySpec.file, s.recoverySpec] as const] : [])));
  const problems: StoreProblem[] = [];
  const protectedFiles = new Map<string, string>();
  for (const base of DATA_FILE_SPECS) {
    const spec = own.get(base.file) ?? base;
    const { problem } = await readJsonOrQuarantine(dataDir, spec, { now: opts.now, ...(opts.dryRun ? { dryRun: true } : {}) });
    if (!problem) continue;
    problems.push(problem);
    if (problem.kind === 'newer-version') protectedFiles.set(spec.file, 'it was saved by a newer version of Kalm; update Kalm to change it');
    if (problem.kind === 'unreadable') protectedFiles.set(spec.file, 'it could not be read or moved aside and was left in place');
  }
  // Marks are in memory only (no file changes), so a read-only core refuses the same writes.
  markReadOnlyFiles(dataDir, protectedFiles);
  return { problems, protectedFiles };
}
