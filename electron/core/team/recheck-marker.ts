import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { removeFileDurable, writeFileAtomic } from '../store/atomic-write';
import { REVIEWS_DIR } from '../store/workspace-paths';

/**
 * `team-recheck.json`: written when the bridge stopped cleanly (every local edit was in the replica), with the
 * size and modification time of every review shard file at that moment. It is removed as soon as a team workspace
 * opens, so a crash (or a kill) during that run leaves none and the next start re-checks everything. With it, the
 * start re-check compares only the reviews of shard files that changed since (an import the CLI wrote straight to
 * disk, a file restored or edited outside Kalm); drafts, outbox items, labels, rules and templates are few and are
 * always compared.
 */
export const TEAM_RECHECK_FILE = 'team-recheck.json';

const Marker = z.object({ schemaVersion: z.literal(1), shards: z.record(z.string(), z.string()) });

/** Each shard file's name → "size:mtimeMs" (dot files such as the shard manifest left out). */
export async function shardStamps(dataDir: string): Promise<Map<string, string>> {
  const dir = join(dataDir, REVIEWS_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return new Map();
  }
  const stamps = await Promise.all(names.map(async (name) => {
    try {
      const s = await stat(join(dir, name));
      return [name, `${s.size}:${s.mtimeMs}`] as const;
    } catch {
      return [name, 'gone'] as const;
    }
  }));
  return new Map(stamps);
}

/** Records a clean stop: the shard files as they are now. */
export async function saveCleanStop(dataDir: string): Promise<void> {
  const shards = Object.fromEntries(await shardStamps(dataDir));
  await writeFileAtomic(join(dataDir, TEAM_RECHECK_FILE), JSON.stringify({ schemaVersion: 1, shards }));
}

/**
 * Reads and removes the clean-stop record. Returns the names of the shard files that differ from it (added,
 * changed or gone), or null when there is no usable record (a crash, a first start): then everything is re-checked.
 */
export async function takeCleanStop(dataDir: string): Promise<Set<string> | null> {
  const file = join(dataDir, TEAM_RECHECK_FILE);
  let saved: Map<string, string> | null = null;
  try {
    const parsed = Marker.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) saved = new Map(Object.entries(parsed.data.shards));
  } catch {
    saved = null;
  }
  await removeFileDurable(file).catch(() => undefined);
  if (!saved) return null;
  const now = await shardStamps(dataDir);
  const changed = new Set<string>();
  for (const [name, stamp] of now) if (saved.get(name) !== stamp) changed.add(name);
  for (const name of saved.keys()) if (!now.has(name)) changed.add(name);
  return changed;
}

/** Leaving the team: a record of this membership must not vouch for a later one. */
export async function forgetCleanStop(dataDir: string): Promise<void> {
  await removeFileDurable(join(dataDir, TEAM_RECHECK_FILE));
}
