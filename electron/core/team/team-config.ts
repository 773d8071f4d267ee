import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../../../shared/domain/errors';
import { removeFileDurable, writeFileAtomic } from '../store/atomic-write';
import { TEAM_STATE_FILE } from './team-state-file';

/** `team.json`: which team workspace this data folder belongs to. Absent: a local-only workspace. */
export const TEAM_FILE = 'team.json';
/** The member's password, 0600 (like google-tokens.json); Electron keeps it with safeStorage instead. */
export const TEAM_SECRET_FILE = 'team-secret.json';
/** The local replica of the team database (LevelDB). */
export const TEAM_DB_DIR = 'team-db';
/** How far this folder has applied the replica's changes feed (a sequence of that replica, meaningless without it). */
export const TEAM_APPLIED_FILE = 'team-applied.json';
/**
 * The replica and its applied sequence never go into a backup: a backup is of the workspace's own files, and the
 * replica is rebuilt from the team server (a restored sequence without its replica would skip changes).
 */
export const TEAM_REPLICA_ENTRIES: ReadonlySet<string> = new Set([TEAM_DB_DIR, TEAM_APPLIED_FILE, TEAM_STATE_FILE]);

export const TeamConfig = z.object({
  schemaVersion: z.literal(1),
  server: z.url({ protocol: /^https?$/ }),
  db: z.string().regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, 'a CouchDB database name: lower case letters, digits and _$()+-/ starting with a letter'),
  user: z.string().min(1).max(200),
  /** Set once the first pull finished (a join that was cut off resumes from the replication checkpoint). */
  joinedAt: z.string().nullable(),
});
export type TeamConfig = z.infer<typeof TeamConfig>;

export async function readTeamConfig(dataDir: string): Promise<TeamConfig | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, TEAM_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = TeamConfig.safeParse(JSON.parse(text));
  if (!parsed.success) throw new KalmError('storage', `${TEAM_FILE} cannot be read (${parsed.error.issues[0]?.message ?? 'invalid'}); run "kalm team leave" and join again.`);
  return parsed.data;
}

export const writeTeamConfig = (dataDir: string, config: TeamConfig): Promise<void> =>
  writeFileAtomic(join(dataDir, TEAM_FILE), `${JSON.stringify(TeamConfig.parse(config), null, 2)}\n`);

export const removeTeamConfig = (dataDir: string): Promise<void> => removeFileDurable(join(dataDir, TEAM_FILE));

/** Where the member's password is kept: a 0600 file (web host, CLI) or the keychain (Electron's safeStorage). */
export interface TeamSecretVault {
  load(): Promise<string | null>;
  save(password: string): Promise<void>;
  clear(): Promise<void>;
}

const Secret = z.object({ password: z.string().min(1) });

export function fileTeamVault(dataDir: string): TeamSecretVault {
  const path = join(dataDir, TEAM_SECRET_FILE);
  return {
    async load() {
      try {
        const parsed = Secret.safeParse(JSON.parse(await readFile(path, 'utf8')));
        return parsed.success ? parsed.data.password : null;
      } catch {
        return null;
      }
    },
    save: (password) => writeFileAtomic(path, JSON.stringify({ password })),
    clear: () => removeFileDurable(path),
  };
}
