import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Location } from '../../../shared/domain/location';
import { REVIEW_SCHEMA_VERSION, Review } from '../../../shared/domain/review';
import { Source, type SourceKind } from '../../../shared/domain/source';
import type { StoreProblem as StoreProblemRecord } from '../../../shared/domain/store-problem';
import { isTempFileName, writeFileAtomic } from './atomic-write';
import { SOURCES_SCHEMA_VERSION } from './migrations';
import { removeLeftoverTempFiles } from './quarantine';
import { isReadOnlyFile, refuseReadOnly, setReadOnlyFiles } from './read-only-files';
import { shareInBackground } from './share-in-background';
import { ParseTimeSharing } from './shared-values';
import { noteShardValidated, noteShardWritten, openManifest, parseTrustedShard, schemaFingerprint, type ShardManifest } from './shard-manifest';
import { shardText } from './shard-text';
import { describeFsError } from './storage-error';
import { errCode, readStoreFile, report, type Ctx, type Trust } from './store-file-reader';
import { REVIEWS_DIR, shardFileName, shardPath, SOURCES_FILE } from './workspace-paths';

export { QUARANTINE_DIR } from './quarantine';
export { assertWritableFile, isReadOnlyFile, markReadOnlyFiles } from './read-only-files';
export { REVIEWS_DIR, shardFileName, shardPath, SOURCES_FILE } from './workspace-paths';

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
  const parseTimeSharing = new ParseTimeSharing();
  for (const name of names.sort()) {
    const shard = await readStoreFile(ctx, `${REVIEWS_DIR}/${name}`, 'shard', ShardFile, shardTrust(manifest, reviewsDir, name));
    if (!shard) continue;
    usable.add(name);
    if (opts.onReview) for (const r of shard.reviews) opts.onReview(r);
    else {
      for (const r of shard.reviews) {
        parseTimeSharing.share(r, shard);
        reviews.push(r);
      }
    }
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
  if (!ctx.dryRun) setReadOnlyFiles(dataDir, ctx.readOnly);
  // Equal texts are shared after the load, in the background: opening costs about what reading the files costs.
  if (!opts.onReview) shareInBackground(reviews);
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
