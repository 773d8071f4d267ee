import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../../../shared/domain/errors';
import { removeFileDurable, writeFileAtomic } from '../store/atomic-write';
import { readSecretFile, writeSecretFile } from '../store/owner-only-files';
import { TEAM_RECHECK_FILE } from './recheck-marker';
import { TEAM_STATE_FILE } from './team-state-file';

/** `team.json`: which team workspace this data folder belongs to. Absent: a local-only workspace. */
export const TEAM_FILE = 'team.json';
/** The member's password, 0600 (like google-tokens.json): the web host and the CLI, and Electron without a keychain. */
export const TEAM_SECRET_FILE = 'team-secret.json';
/** The member's password encrypted by the system keychain (Electron's safeStorage; electron/team-secret-vault.ts). */
export const ENCRYPTED_TEAM_SECRET_FILE = 'team-secret.enc';
/** The local replica of the team database (LevelDB). */
export const TEAM_DB_DIR = 'team-db';
/** How far this folder has applied the replica's changes feed (a sequence of that replica, meaningless without it). */
export const TEAM_APPLIED_FILE = 'team-applied.json';
/**
 * The replica, its applied sequence and the clean-stop record never go into a backup: a backup is of the workspace's own files, and the
 * replica is rebuilt from the team server (a restored sequence without its replica would skip changes).
 */
export const TEAM_REPLICA_ENTRIES: ReadonlySet<string> = new Set([TEAM_DB_DIR, TEAM_APPLIED_FILE, TEAM_STATE_FILE, TEAM_RECHECK_FILE]);

export const TeamConfig = z.object({
  schemaVersion: z.literal(1),
  server: z.url({ protocol: /^https?$/ }),
  db: z.string().regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, 'a CouchDB database name: lower case letters, digits and _$()+-/ starting with a letter'),
  user: z.string().min(1).max(200),
  /** Set once the first pull finished (a join that was cut off resumes from the replication checkpoint). */
  joinedAt: z.string().nullable(),
  /** The team's own CA (a company CA, a self-signed server): trusted for this server besides the usual roots (team/tls.ts). */
  ca: z.object({ file: z.string().min(1), pem: z.string().includes('-----BEGIN CERTIFICATE-----') }).optional(),
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

/**
 * Where the member's password is kept: a 0600 file (web host, CLI) or encrypted by the system keychain (Electron's
 * safeStorage). The password itself, not the `_session` cookie: CouchDB's cookie lapses after its idle timeout (10
 * minutes by default) and only the password gets a new one, e.g. after a night offline. The cookie stays in memory.
 */
export interface TeamSecretVault {
  /** Where the password is: `keychain` (encrypted by the OS) or `file` (a file only this user can read). */
  readonly keeps: 'keychain' | 'file';
  load(): Promise<string | null>;
  save(password: string): Promise<void>;
  clear(): Promise<void>;
}

const Secret = z.object({ password: z.string().min(1) });

const KEYCHAIN_ONLY = 'The Kalm app keeps the team password of this folder encrypted with the system keychain, which the kalm command and the web host cannot open. Sync from the app, or leave the team workspace and join it again here.';

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** The 0600 file `team-secret.json`: `{"password": "…"}` (a missing or unreadable file: no password). */
export function fileTeamVault(dataDir: string): TeamSecretVault {
  const path = join(dataDir, TEAM_SECRET_FILE);
  return {
    keeps: 'file',
    async load() {
      const text = await readSecretFile(path).catch(() => null);
      if (text === null) {
        if (await exists(join(dataDir, ENCRYPTED_TEAM_SECRET_FILE))) throw new KalmError('forbidden', KEYCHAIN_ONLY);
        return null;
      }
      try {
        const parsed = Secret.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data.password : null;
      } catch {
        return null;
      }
    },
    save: (password) => writeSecretFile(path, JSON.stringify(Secret.parse({ password }))),
    clear: () => removeFileDurable(path),
  };
}
