import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { quarantineFile } from './quarantine';
import { describeFsError } from './storage-error';

/**
 * Recovery for the single JSON files of a data folder (settings.json, google-source.json, …),
 * kept apart from how shards are opened: a file that does not parse or validate is moved to
 * quarantine/ with a timestamp and reported; the caller then uses its defaults. Nothing is reset
 * silently, and a file written by a newer Kalm (a higher schemaVersion) is left as it is.
 */
export interface JsonFileSpec<T> {
  /** Relative to the data folder, e.g. "settings.json". */
  file: string;
  schema: z.ZodType<T>;
  /** What the file holds, for messages: "Your settings". */
  what: string;
  /** What the user gets instead, for messages: "Kalm uses the default settings until you change them." */
  instead: string;
  /** The newest schemaVersion this Kalm understands; files with a higher one are left alone. */
  version?: number;
  /** Turns the file's text into the value to validate (default JSON.parse; a keychain file decrypts first). */
  parse?: (text: string) => unknown;
  /** The file holds a secret (a sign-in, a key): messages never quote its content. */
  secret?: boolean;
  /** What the owner lost, for the banner in their language (see StoreProblem.lost). */
  lost?: StoreProblem['lost'];
}

export interface RecoveredJson<T> {
  /** The valid content, or null (missing, moved aside, newer, unreadable). */
  value: T | null;
  problem: StoreProblem | null;
}

const why = (err: unknown, secret: boolean): string => {
  if (err instanceof SyntaxError) return secret ? 'is not valid JSON' : `is not valid JSON (${err.message})`;
  if (err instanceof z.ZodError) {
    const i = err.issues[0];
    return `does not have the expected format (${i ? `${i.path.join('.') || 'file'}: ${i.message}` : 'unknown'})`;
  }
  // A secret's own parser (decrypting, a key file check) may say more than it should: keep it short.
  if (secret) return 'could not be read as a saved sign-in or key';
  return err instanceof Error ? err.message : String(err);
};

/** Reads `spec.file`; quarantines it when broken (only reports what would happen with `dryRun`). */
export async function readJsonOrQuarantine<T>(dataDir: string, spec: JsonFileSpec<T>, opts: { now: () => Date; dryRun?: boolean }): Promise<RecoveredJson<T>> {
  const at = opts.now();
  const problem = (kind: StoreProblem['kind'], reason: string, movedTo: string | null): RecoveredJson<T> => ({
    value: null,
    problem: { file: spec.file, kind, reason, movedTo, at: at.toISOString(), ...(spec.lost ? { lost: spec.lost } : {}) },
  });
  let text: string;
  try {
    text = await readFile(join(dataDir, spec.file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { value: null, problem: null };
    return problem('unreadable', `${spec.what} in ${spec.file} could not be read (${describeFsError(err)}); it was left in place. ${spec.instead}`, null);
  }
  let raw: unknown;
  try {
    if (text.trim() === '') throw new SyntaxError('the file is empty');
    raw = (spec.parse ?? JSON.parse)(text);
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (spec.version !== undefined && typeof version === 'number' && version > spec.version) {
      return problem('newer-version', `${spec.what} in ${spec.file} was saved by a newer version of Kalm (format ${version}); it is left as it is and Kalm will not change it. Update Kalm to use it.`, null);
    }
    return { value: spec.schema.parse(raw), problem: null };
  } catch (err) {
    if (opts.dryRun) return problem('quarantined', `${spec.what} in ${spec.file} ${why(err, spec.secret ?? false)}; Kalm will move it to quarantine/ when it starts. ${spec.instead}`, null);
    const movedTo = await quarantineFile(dataDir, spec.file, at).catch(() => null);
    if (!movedTo) return problem('unreadable', `${spec.what} in ${spec.file} ${why(err, spec.secret ?? false)}; it could not be moved aside and was left in place. ${spec.instead}`, null);
    return problem('quarantined', `${spec.what} in ${spec.file} ${why(err, spec.secret ?? false)}; it was moved to ${movedTo}. ${spec.instead}`, movedTo);
  }
}

/** settings.json: any JSON object (Preferences validates the fields and keeps the valid ones). */
export const SETTINGS_FILE_SPEC: JsonFileSpec<Record<string, unknown>> = {
  file: 'settings.json',
  schema: z.record(z.string(), z.unknown()),
  what: 'Your settings',
  instead: 'Kalm uses the default settings until you change them in Settings.',
  lost: 'settings',
};
