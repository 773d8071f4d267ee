import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../../../shared/domain/errors';
import { Location } from '../../../shared/domain/location';
import { REVIEW_SCHEMA_VERSION, Review } from '../../../shared/domain/review';
import { Source, type SourceKind } from '../../../shared/domain/source';
import type { StoreProblem as StoreProblemRecord } from '../../../shared/domain/store-problem';
import { isTempFileName, writeFileAtomic } from './atomic-write';
import { CURRENT_VERSION, fileVersion, MigrationError, migrateFile, prepareMigration, SOURCES_SCHEMA_VERSION, type StoreFileKind } from './migrations';
import { backupFile, quarantineFile, removeLeftoverTempFiles } from './quarantine';
import { noteShardValidated, noteShardWritten, openManifest, parseTrustedShard, schemaFingerprint, type ShardManifest } from './shard-manifest';
import { shardText } from './shard-text';
import { describeFsError } from './storage-error';

export { QUARANTINE_DIR } from './quarantine';
export const SOURCES_FILE = 'sources.json';
export const REVIEWS_DIR = 'reviews';

export const SourcesFile = z.object({
  schemaVersion: z.literal(SOURCES_SCHEMA_VERSION),
  sources: z.array(Source),
  locations: z.array(Location),
});
export type SourcesFile = z.infer<typeof SourcesFile>;

export const ShardFile = z.object({
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  source: z.string(),
  locationId: z.string(),
  reviews: z.array(Review),
});
export type ShardFile = z.infer<typeof ShardFile>;

/**
 * A file Kalm could not use as it is, and what it did about it: moved to quarantine/
 * ('quarantined'), left in place ('newer-version', 'unreadable'), upgraded ('migrated'), or
 * read but not re-saved ('write-failed'). The same record the contract's `app.storeProblems` returns.
 */
export type StoreProblem = StoreProblemRecord;

export interface LoadedWorkspace {
  sources: Source[];
  locations: Location[];
  reviews: Review[];
  problems: StoreProblem[];
  /** False when the data folder holds no workspace yet (first run). */
  exists: boolean;
  /**
   * Files (relative, `/`-separated, e.g. `reviews/google--gent.json`, `sources.json`, or the
   * `reviews` folder itself) that Kalm must not write over: written by a newer Kalm, unreadable,
   * a folder, or broken but impossible to move aside. saveShardFile / saveSourcesFile refuse them
   * with KalmError 'storage', and clearShards leaves them; check with `isReadOnlyFile` to refuse earlier.
   */
  readOnly: ReadonlySet<string>;
  /** True when sources and locations were rebuilt from the shards (sources.json missing, broken or newer). */
  rebuilt: boolean;
}

export interface LoadOptions {
  /** Only look: move, upgrade and delete nothing (for `kalm doctor`). Reasons say what *would* happen. */
  dryRun?: boolean;
  /** Clock for the problems' `at` and quarantine/backup names. */
  now?: () => Date;
  /** Hands every review to this function as its shard is read, instead of collecting them in `reviews` (which stays empty). */
  onReview?: (review: Review) => void;
}

/** One file per source location, with a name that is safe on every file system. */
export const shardFileName = (source: string, locationId: string): string =>
  `${source}--${locationId}`.replace(/[^a-zA-Z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`) + '.json';

/** A shard's path relative to the data folder, as used in problems and `readOnly`. */
export const shardPath = (source: string, locationId: string): string => `${REVIEWS_DIR}/${shardFileName(source, locationId)}`;

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

function refuseReadOnly(dataDir: string, relPath: string): void {
  const marks = readOnlyByDir.get(resolve(dataDir));
  const why = marks?.get(relPath) ?? (relPath.startsWith(`${REVIEWS_DIR}/`) ? marks?.get(REVIEWS_DIR) : undefined);
  if (why !== undefined) throw new KalmError('storage', `Kalm did not save ${relPath}: ${why}. Nothing was changed.`);
}

const errCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

function whatIsWrong(err: unknown): string {
  if (err instanceof SyntaxError) return `is not valid JSON (${err.message})`;
  if (err instanceof MigrationError) return err.message;
  if (err instanceof z.ZodError) {
    const i = err.issues[0];
    const where = i && i.path.length > 0 ? `${i.path.join('.')}: ` : '';
    return `does not have the layout Kalm expects (${i ? `${where}${i.message}` : 'unknown difference'})`;
  }
  return err instanceof Error ? err.message : String(err);
}

interface Ctx {
  dataDir: string;
  dryRun: boolean;
  now: Date;
  problems: StoreProblem[];
  readOnly: Map<string, string>;
}

function report(ctx: Ctx, file: string, kind: StoreProblem['kind'], reason: string, movedTo: string | null = null): void {
  ctx.problems.push({ file, kind, reason, movedTo, at: ctx.now.toISOString() });
}

const what = (kind: StoreFileKind): string => (kind === 'shard' ? 'these reviews' : kind === 'sources' ? 'your sources and locations' : 'this file');

/** Moves a broken file aside (or, when that is impossible, leaves it and protects it) and reports it. */
async function setAside(ctx: Ctx, rel: string, problem: string): Promise<void> {
  if (ctx.dryRun) {
    report(ctx, rel, 'quarantined', `${rel} ${problem}. Kalm will move it to quarantine/ the next time it opens; nothing will be deleted.`);
    return;
  }
  try {
    const target = await quarantineFile(ctx.dataDir, rel, ctx.now);
    report(ctx, rel, 'quarantined', `${rel} ${problem} — moved to ${target} so the rest keeps working. Nothing was deleted.`, target);
  } catch (err) {
    ctx.readOnly.set(rel, 'it could not be read and was left in place');
    report(ctx, rel, 'unreadable', `${rel} ${problem}. It could not be moved to quarantine/ (${describeFsError(err)}), so it was left in place and Kalm will not write over it.`);
  }
}

/** Saves an upgraded file at the current version, after keeping a copy of the original in backups/. */
async function saveUpgraded(ctx: Ctx, rel: string, kind: StoreFileKind, original: string, data: unknown, from: number, to: number): Promise<void> {
  const older = `${rel} is from an older version of Kalm (schema ${from})`;
  if (ctx.dryRun) {
    report(ctx, rel, 'migrated', `${older}. Kalm will upgrade it to schema ${to} the next time it opens, keeping a copy of the original in backups/.`);
    return;
  }
  let backup: string;
  try {
    backup = await backupFile(ctx.dataDir, rel, original, from, ctx.now);
  } catch (err) {
    ctx.readOnly.set(rel, 'it is from an older version of Kalm and no backup copy could be made yet');
    report(ctx, rel, 'write-failed', `${older} and was read, but no backup copy could be made (${describeFsError(err)}). It was left as it is; Kalm will upgrade it the next time it opens.`);
    return;
  }
  try {
    await writeFileAtomic(join(ctx.dataDir, rel), JSON.stringify(data, null, kind === 'shard' ? 1 : 2) + '\n');
    report(ctx, rel, 'migrated', `${older}; it was upgraded to schema ${to}. The original is kept in ${backup}.`, null);
  } catch (err) {
    report(ctx, rel, 'write-failed', `${older} and was read, but could not be saved in the new format (${describeFsError(err)}). The original is unchanged; a copy is in ${backup}.`);
  }
}

/** A shortcut for files Kalm already checked (shard-manifest.ts): `parse` answers for trusted bytes, `validated` learns the others. */
interface Trust<T> {
  parse(bytes: Buffer): T | null;
  validated(bytes: Buffer): Promise<void>;
}

/** Reads, upgrades and validates one stored file. Null when it is missing or unusable (then a problem was reported). */
async function readStoreFile<T>(ctx: Ctx, rel: string, kind: StoreFileKind, schema: z.ZodType<T>, trust?: Trust<T>): Promise<T | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(ctx.dataDir, rel));
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') {
      ctx.readOnly.set(rel, 'a folder has that name');
      report(ctx, rel, 'unreadable', `${rel} is a folder, not a file. Kalm left it as it is and does not use it; move it out of the data folder to fix this.`);
    } else {
      ctx.readOnly.set(rel, 'it could not be read and was left in place');
      const why = code === 'EACCES' || code === 'EPERM' ? 'Kalm is not allowed to read it' : describeFsError(err);
      report(ctx, rel, 'unreadable', `Kalm could not read ${rel} (${why}). It was left as it is; check the file's permissions.`);
    }
    return null;
  }
  const trusted = trust?.parse(bytes);
  if (trusted) return trusted;
  const text = bytes.toString('utf8');
  const original = text;
  try {
    const raw: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (fileVersion(kind, raw) < CURRENT_VERSION[kind]) await prepareMigration();
    const migrated = migrateFile(kind, raw);
    if (migrated.outcome === 'newer') {
      ctx.readOnly.set(rel, `it was written by a newer version of Kalm (schema ${migrated.found}); update Kalm to change ${what(kind)}`);
      report(ctx, rel, 'newer-version', `${rel} was written by a newer version of Kalm (schema ${migrated.found}); this version reads up to ${migrated.version}. Update Kalm to see ${what(kind)}. The file was left as it is.`);
      return null;
    }
    const data = schema.parse(migrated.data);
    if (migrated.outcome === 'upgraded') await saveUpgraded(ctx, rel, kind, original, data, migrated.from, migrated.version);
    else await trust?.validated(bytes);
    return data;
  } catch (err) {
    if (!(err instanceof SyntaxError || err instanceof z.ZodError || err instanceof MigrationError)) throw err;
    await setAside(ctx, rel, whatIsWrong(err));
    return null;
  }
}

/** Shards whose bytes the manifest trusts skip the zod check; validated ones are added to it. */
const shardTrust = (manifest: ShardManifest, reviewsDir: string, name: string): Trust<ShardFile> => ({
  parse: (bytes) => (manifest.trusts(name, bytes) ? parseTrustedShard<ShardFile>(bytes, REVIEW_SCHEMA_VERSION) : null),
  validated: (bytes) => noteShardValidated(manifest, reviewsDir, name, bytes),
});

const guessKind = (id: string): SourceKind => (id === 'google' ? 'google-business' : id === 'play' ? 'google-play' : 'file-import');

/** Minimal sources and locations for shards whose sources.json is gone: ids as names, nothing connected. */
function rebuildFromShards(shards: { source: string; locationId: string }[]): { sources: Source[]; locations: Location[] } {
  const sources = new Map<string, Source>();
  const locations = new Map<string, Location>();
  for (const { source, locationId } of shards) {
    const s = Source.safeParse({ id: source, kind: guessKind(source), name: source, state: 'disconnected', lastSyncAt: null });
    if (s.success && !sources.has(source)) sources.set(source, s.data);
    const key = `${source}\u0000${locationId}`;
    if (!locations.has(key)) {
      locations.set(key, { id: locationId, source, name: locationId, storeCode: null, address: null, mapsUrl: null, newReviewUrl: null });
    }
  }
  return { sources: [...sources.values()], locations: [...locations.values()] };
}

/**
 * Loads sources.json and every review shard. Never throws for a bad file: a file that does not
 * parse or validate is moved to quarantine/, one from a newer Kalm (or unreadable, or a folder) is
 * left in place and marked read-only, an older one is upgraded (original kept in backups/); each is
 * reported in `problems`. Temp files left by an interrupted save are removed.
 */
export async function loadWorkspaceFiles(dataDir: string, opts: LoadOptions = {}): Promise<LoadedWorkspace> {
  const ctx: Ctx = { dataDir, dryRun: opts.dryRun ?? false, now: (opts.now ?? (() => new Date()))(), problems: [], readOnly: new Map() };
  if (!ctx.dryRun) await removeLeftoverTempFiles(dataDir, ['', REVIEWS_DIR]);
  const meta = await readStoreFile(ctx, SOURCES_FILE, 'sources', SourcesFile);
  const sourcesProblem = ctx.problems.find((p) => p.file === SOURCES_FILE && p.kind !== 'migrated' && p.kind !== 'write-failed');
  let names: string[] = [];
  try {
    names = (await readdir(join(dataDir, REVIEWS_DIR))).filter((n) => n.endsWith('.json') && !n.startsWith('.') && !isTempFileName(n));
  } catch (err) {
    if (errCode(err) !== 'ENOENT') {
      ctx.readOnly.set(REVIEWS_DIR, 'the reviews folder could not be read');
      report(ctx, REVIEWS_DIR, 'unreadable', `Kalm could not open the ${REVIEWS_DIR} folder (${errCode(err) === 'ENOTDIR' ? 'it is a file, not a folder' : describeFsError(err)}). It was left as it is; no reviews were loaded from it.`);
    }
  }
  const reviews: Review[] = [];
  const shards: { source: string; locationId: string }[] = [];
  const reviewsDir = join(dataDir, REVIEWS_DIR);
  const manifest = await openManifest(reviewsDir, schemaFingerprint(ShardFile), !ctx.dryRun);
  const usable = new Set<string>();
  for (const name of names.sort()) {
    const shard = await readStoreFile(ctx, `${REVIEWS_DIR}/${name}`, 'shard', ShardFile, shardTrust(manifest, reviewsDir, name));
    if (!shard) continue;
    usable.add(name);
    if (opts.onReview) for (const r of shard.reviews) opts.onReview(r);
    else for (const r of shard.reviews) reviews.push(r);
    shards.push({ source: shard.source, locationId: shard.locationId });
  }
  if (!ctx.dryRun) {
    manifest.keepOnly(usable);
    await manifest.save();
  }
  const rebuilt = meta === null && shards.length > 0;
  if (rebuilt && sourcesProblem) {
    sourcesProblem.reason += ' Your reviews are still there; their locations were rebuilt from the review files, named by their ids.';
  }
  if (!ctx.dryRun) readOnlyByDir.set(resolve(dataDir), ctx.readOnly);
  const fallback = rebuilt ? rebuildFromShards(shards) : { sources: [], locations: [] };
  return {
    sources: meta?.sources ?? fallback.sources,
    locations: meta?.locations ?? fallback.locations,
    reviews,
    problems: ctx.problems,
    exists: meta !== null || sourcesProblem !== undefined || names.length > 0,
    readOnly: new Set(ctx.readOnly.keys()),
    rebuilt,
  };
}

/** Writes sources.json atomically; refuses (KalmError 'storage') when it is read-only, e.g. from a newer Kalm. */
export async function saveSourcesFile(dataDir: string, sources: Source[], locations: Location[]): Promise<void> {
  refuseReadOnly(dataDir, SOURCES_FILE);
  const body: SourcesFile = { schemaVersion: SOURCES_SCHEMA_VERSION, sources, locations };
  await writeFileAtomic(join(dataDir, SOURCES_FILE), JSON.stringify(body, null, 2) + '\n');
}

/** Writes one shard atomically; refuses (KalmError 'storage') when that file is read-only. */
export async function saveShardFile(dataDir: string, source: string, locationId: string, reviews: Review[]): Promise<void> {
  refuseReadOnly(dataDir, shardPath(source, locationId));
  const name = shardFileName(source, locationId);
  // Written a run of reviews at a time: a shard of any size is never one string in memory.
  const text = shardText(REVIEW_SCHEMA_VERSION, source, locationId, reviews);
  await writeFileAtomic(join(dataDir, REVIEWS_DIR, name), text.pieces);
  await noteShardWritten(join(dataDir, REVIEWS_DIR), schemaFingerprint(ShardFile), name, { crc32: text.crc32() });
}

/**
 * Removes the review shards (used when the demo is replaced). Keeps read-only shards (newer
 * version, unreadable), folders and anything that is not a shard, so nothing unknown is deleted.
 */
export async function clearShards(dataDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, REVIEWS_DIR));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.json') || name.startsWith('.') || isReadOnlyFile(dataDir, `${REVIEWS_DIR}/${name}`)) continue;
    const st = await lstat(join(dataDir, REVIEWS_DIR, name)).catch(() => null);
    if (st?.isFile()) await rm(join(dataDir, REVIEWS_DIR, name), { force: true });
  }
}
