import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Settings } from '../../../shared/domain/settings';
import type { OverdueClock } from '../../../shared/reviews/first-page';
import { ReviewPage } from '../../../shared/reviews/query-schema';
import { isTempFileName, writeFileAtomic } from './atomic-write';
import { DRAFTS_DIR } from './drafts';
import { OUTBOX_DIR } from './outbox';
import { contentHash } from './shard-manifest';
import { REVIEWS_DIR } from './workspace-paths';

/**
 * The saved answer to the inbox's first request (shared/reviews/first-page.ts), with everything that answer
 * depends on: the bytes of every review shard, the drafts and outbox files (the Drafts/Outbox marks), the
 * settings (reply targets, business hours) and the absence of a team workspace, each as size + CRC-32 — the
 * same check the shard manifest trusts. A start whose files are all still exactly these can show the page
 * before any shard is parsed; anything else (a file changed outside Kalm, a draft saved, another Kalm
 * version) makes the saved page unusable and the core answers as always. A dot file in reviews/, which
 * loaders, `clearShards` and quarantine leave alone.
 */
export const FIRST_PAGE_FILE = '.kalm-first-page.json';
const VERSION = 1;
const SETTINGS_FILE = 'settings.json';
const TEAM_FILE = 'team.json';
/** The token of a file that is not there. */
export const MISSING = '-';

const Clock = z.object({ at: z.number(), sources: z.record(z.string(), z.object({ overdue: z.number().int().nonnegative(), pending: z.array(z.number()) })) });

/** The file's layout. */
export const SavedFirstPage = z.object({
  version: z.literal(VERSION),
  /** The Kalm that saved it and the shard schema it loaded under: another one answers for itself. */
  kalm: z.string(),
  schema: z.string(),
  page: ReviewPage,
  clock: Clock,
  /** What "overdue" was judged with (valid while settings.json is unchanged). */
  policy: Settings.pick({ replyTargetHours: true, businessHours: true }),
  /** Per file (relative to the data folder): `size:crc32`, or MISSING. */
  files: z.record(z.string(), z.string()),
});
export type SavedFirstPage = Omit<z.infer<typeof SavedFirstPage>, 'clock'> & { clock: OverdueClock };

const token = (bytes: Uint8Array): string => `${bytes.byteLength}:${contentHash(bytes)}`;

async function fileToken(path: string): Promise<string> {
  try {
    return token(await readFile(path));
  } catch {
    return MISSING;
  }
}

/** The record files of a folder (`<dir>/<name>.json`, no dot files), sorted; none when it is missing. */
async function recordNames(dataDir: string, dir: string): Promise<string[]> {
  const names = await readdir(join(dataDir, dir)).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json') && !n.startsWith('.') && !isTempFileName(n)).sort();
}

/** Tokens of the settings, the team file, every draft and every outbox item. */
export async function localFileTokens(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out[SETTINGS_FILE] = await fileToken(join(dataDir, SETTINGS_FILE));
  out[TEAM_FILE] = await fileToken(join(dataDir, TEAM_FILE));
  for (const dir of [DRAFTS_DIR, OUTBOX_DIR]) {
    for (const name of await recordNames(dataDir, dir)) out[`${dir}/${name}`] = await fileToken(join(dataDir, dir, name));
  }
  return out;
}

/** Files hashed at once while checking the shards. */
const PARALLEL_READS = 8;

/**
 * Are the review shards on disk exactly the ones in `want` (rel path → token)? The same names, then the same
 * sizes (one stat each, so most changes are found without reading), then the same bytes (each file hashed).
 */
export async function shardsMatch(dataDir: string, want: Record<string, string>): Promise<boolean> {
  const rels = (await recordNames(dataDir, REVIEWS_DIR)).map((n) => `${REVIEWS_DIR}/${n}`);
  const wanted = Object.keys(want).filter((k) => k.startsWith(`${REVIEWS_DIR}/`));
  if (rels.length !== wanted.length || rels.some((r) => want[r] === undefined)) return false;
  const sizes = await Promise.all(rels.map((r) => stat(join(dataDir, r)).then((st) => st.size, () => -1)));
  if (rels.some((r, i) => want[r]?.startsWith(`${sizes[i]}:`) !== true)) return false;
  let next = 0;
  let same = true;
  const worker = async (): Promise<void> => {
    while (same && next < rels.length) {
      const rel = rels[next++] as string;
      if ((await fileToken(join(dataDir, rel))) !== want[rel]) same = false;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return same;
}

/** The token the shard manifest's entry stands for (size and CRC-32 of what Kalm last validated or wrote). */
export const manifestToken = (entry: { size: number; crc32: number }): string => `${entry.size}:${entry.crc32}`;

export const sameTokens = (a: Record<string, string>, b: Record<string, string>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
};

export const teamFileToken = (tokens: Record<string, string>): string | undefined => tokens[TEAM_FILE];

export async function writeFirstPage(dataDir: string, saved: SavedFirstPage): Promise<void> {
  await writeFileAtomic(join(dataDir, REVIEWS_DIR, FIRST_PAGE_FILE), JSON.stringify(saved) + '\n');
}

/**
 * The saved first page when it still holds: saved by this Kalm under this shard schema, and every file it
 * depends on exactly as it was then. Null otherwise (also when there is none or it cannot be read).
 */
export async function readValidFirstPage(dataDir: string, expect: { kalm: string; schema: string }): Promise<SavedFirstPage | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dataDir, REVIEWS_DIR, FIRST_PAGE_FILE), 'utf8'));
  } catch {
    return null;
  }
  const parsed = SavedFirstPage.safeParse(raw);
  if (!parsed.success || parsed.data.kalm !== expect.kalm || parsed.data.schema !== expect.schema) return null;
  // The raw value, not zod's copy: the page's objects keep the key order they were saved with.
  const saved = raw as SavedFirstPage;
  if (teamFileToken(saved.files) !== MISSING) return null;
  const local = await localFileTokens(dataDir);
  if (Object.entries(local).some(([rel, t]) => saved.files[rel] !== t)) return null;
  const others = Object.keys(saved.files).filter((rel) => !rel.startsWith(`${REVIEWS_DIR}/`) && local[rel] === undefined);
  if (others.length > 0) return null; // a draft or outbox item that is gone since
  return (await shardsMatch(dataDir, saved.files)) ? saved : null;
}
