import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Location } from '../../../shared/domain/location';
import { REVIEW_SCHEMA_VERSION, Review } from '../../../shared/domain/review';
import { Source } from '../../../shared/domain/source';
import { writeFileAtomic } from './atomic-write';

export const SOURCES_FILE = 'sources.json';
export const REVIEWS_DIR = 'reviews';
export const QUARANTINE_DIR = 'quarantine';

export const SourcesFile = z.object({
  schemaVersion: z.literal(1),
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

/** A file that could not be loaded; it was moved to quarantine/ and the rest kept working. */
export interface StoreProblem {
  file: string;
  reason: string;
  movedTo: string | null;
}

export interface LoadedWorkspace {
  sources: Source[];
  locations: Location[];
  reviews: Review[];
  problems: StoreProblem[];
  /** False when the data folder holds no workspace yet (first run). */
  exists: boolean;
}

/** One file per source location, with a name that is safe on every file system. */
export const shardFileName = (source: string, locationId: string): string =>
  `${source}--${locationId}`.replace(/[^a-zA-Z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`) + '.json';

const describe = (err: unknown): string => {
  if (err instanceof z.ZodError) {
    const i = err.issues[0];
    return `does not match the expected format (${i ? `${i.path.join('.') || 'file'}: ${i.message}` : 'unknown'})`;
  }
  if (err instanceof SyntaxError) return `is not valid JSON (${err.message})`;
  return err instanceof Error ? err.message : String(err);
};

async function quarantine(dataDir: string, relPath: string): Promise<string | null> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(QUARANTINE_DIR, `${relPath.replace(/[\\/]/g, '__')}.${stamp}`);
  try {
    await mkdir(join(dataDir, QUARANTINE_DIR), { recursive: true });
    await rename(join(dataDir, relPath), join(dataDir, target));
    return target;
  } catch {
    return null;
  }
}

async function readJson<T>(dataDir: string, relPath: string, schema: z.ZodType<T>, problems: StoreProblem[]): Promise<T | null> {
  try {
    return schema.parse(JSON.parse(await readFile(join(dataDir, relPath), 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    problems.push({ file: relPath, reason: `${relPath} ${describe(err)}`, movedTo: await quarantine(dataDir, relPath) });
    return null;
  }
}

export async function loadWorkspaceFiles(dataDir: string): Promise<LoadedWorkspace> {
  const problems: StoreProblem[] = [];
  const meta = await readJson(dataDir, SOURCES_FILE, SourcesFile, problems);
  let shardNames: string[] = [];
  try {
    shardNames = (await readdir(join(dataDir, REVIEWS_DIR))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const reviews: Review[] = [];
  for (const name of shardNames.sort()) {
    const shard = await readJson(dataDir, join(REVIEWS_DIR, name), ShardFile, problems);
    if (shard) reviews.push(...shard.reviews);
  }
  return {
    sources: meta?.sources ?? [],
    locations: meta?.locations ?? [],
    reviews,
    problems,
    exists: meta !== null || shardNames.length > 0,
  };
}

export async function saveSourcesFile(dataDir: string, sources: Source[], locations: Location[]): Promise<void> {
  const body: SourcesFile = { schemaVersion: 1, sources, locations };
  await writeFileAtomic(join(dataDir, SOURCES_FILE), JSON.stringify(body, null, 2) + '\n');
}

export async function saveShardFile(dataDir: string, source: string, locationId: string, reviews: Review[]): Promise<void> {
  const body: ShardFile = { schemaVersion: REVIEW_SCHEMA_VERSION, source, locationId, reviews };
  await writeFileAtomic(join(dataDir, REVIEWS_DIR, shardFileName(source, locationId)), JSON.stringify(body, null, 1) + '\n');
}

/** Removes every review shard (used when the demo is replaced). */
export async function clearShards(dataDir: string): Promise<void> {
  await rm(join(dataDir, REVIEWS_DIR), { recursive: true, force: true });
}
