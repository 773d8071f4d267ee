import type { StoreProblem } from '../../../shared/domain/store-problem';
import { readJsonOrQuarantine, type JsonFileSpec } from './json-file-recovery';
import { markReadOnlyFiles } from './workspace-files';

/**
 * The single files of a data folder that the sources read (their state, sign-ins and keys), checked the
 * same way as settings.json when a core starts: one that does not parse or validate goes to quarantine/,
 * the source starts empty, and the problem says what the owner has to do again. Each source lists its own
 * (its descriptor's `files`, e.g. sources/google/data-files.ts; the registry's SOURCE_FILES gathers them).
 * sources.json, shards, labels.json and the record folders (drafts, outbox, …) have their own loaders with the same rules.
 */

/** A keychain file read where the keychain is not at hand (CLI, web host): only its shape can be checked. */
export const keychainFileText = (text: string): string => {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(t)) throw new SyntaxError('not base64');
  return t;
};

/** A secret store that can check its own file fully (Electron's keychain files decrypt; see keychain-file.ts). */
export interface CheckableFile {
  readonly recoverySpec?: JsonFileSpec<unknown>;
}

/**
 * Checks every file of `specs` (the sources' files; a store's own spec replaces the one for the same file): broken ones
 * are quarantined (only reported with `dryRun`), ones from a newer Kalm are left in place and returned in
 * `protectedFiles`, so nothing writes over them.
 */
export async function recoverDataFiles(
  dataDir: string,
  opts: { specs: readonly JsonFileSpec<unknown>[]; now: () => Date; dryRun?: boolean; stores?: readonly (CheckableFile | undefined)[] },
): Promise<{ problems: StoreProblem[]; protectedFiles: Map<string, string> }> {
  const own = new Map((opts.stores ?? []).flatMap((s) => (s?.recoverySpec ? [[s.recoverySpec.file, s.recoverySpec] as const] : [])));
  const problems: StoreProblem[] = [];
  const protectedFiles = new Map<string, string>();
  for (const base of opts.specs) {
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
