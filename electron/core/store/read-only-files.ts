import { resolve } from 'node:path';
import { KalmError } from '../../../shared/domain/errors';
import { REVIEWS_DIR } from './workspace-paths';

/** Per data folder (resolved path): the read-only files found by the last load, with why. */
const readOnlyByDir = new Map<string, Map<string, string>>();

/** True when Kalm must not write `relPath` (see LoadedWorkspace.readOnly). */
export const isReadOnlyFile = (dataDir: string, relPath: string): boolean => readOnlyByDir.get(resolve(dataDir))?.has(relPath) ?? false;

/** Marks single files (google-source.json, …) that Kalm must not write, with why; kept until the next load. */
export function markReadOnlyFiles(dataDir: string, files: ReadonlyMap<string, string>): void {
  const key = resolve(dataDir);
  const marks = readOnlyByDir.get(key) ?? new Map<string, string>();
  for (const [file, why] of files) marks.set(file, why);
  readOnlyByDir.set(key, marks);
}

/** Throws KalmError 'storage' when `relPath` may not be written (see isReadOnlyFile). */
export const assertWritableFile = (dataDir: string, relPath: string): void => refuseReadOnly(dataDir, relPath);

export function refuseReadOnly(dataDir: string, relPath: string): void {
  const marks = readOnlyByDir.get(resolve(dataDir));
  const why = marks?.get(relPath) ?? (relPath.startsWith(`${REVIEWS_DIR}/`) ? marks?.get(REVIEWS_DIR) : undefined);
  if (why !== undefined) throw new KalmError('storage', `Kalm did not save ${relPath}: ${why}. Nothing was changed.`);
}

/** Remembers what the last load of `dataDir` found read-only (replaces the marks of the load before). */
export function setReadOnlyFiles(dataDir: string, files: Map<string, string>): void {
  readOnlyByDir.set(resolve(dataDir), files);
}
