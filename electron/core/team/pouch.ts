import type { Agent } from 'node:https';
import { join } from 'node:path';
import type { Database } from 'pouchdb';
import { lazyRequire } from '../lazy-require';
import type { TeamDoc } from '../../../shared/team/team-docs';
import { TEAM_DB_DIR } from './team-config';
import { DEFAULT_TLS, type TeamTls } from './tls';

export type TeamDb = Database<TeamDoc>;

/** PouchDB loads when a team database is first opened: a local workspace never needs it. */
const pouchDB = lazyRequire<typeof import('pouchdb').default>('pouchdb');

/** The local replica of the team database: LevelDB in the data folder (`team-db/`). */
export function openLocalTeamDb(dataDir: string): TeamDb {
  const PouchDB = pouchDB();
  return new PouchDB<TeamDoc>(join(dataDir, TEAM_DB_DIR), { auto_compaction: true });
}

/**
 * The team database on the server, signed in with a `_session` cookie. `skip_setup`: a member never creates
 * the database (only the team's admin does), and `cookie()` is read on every request so a renewed session is used.
 * PouchDB 9 fetches with node-fetch 2 in Node: the team's CA reaches it as node-fetch's `agent` (https only).
 */
export function openRemoteTeamDb(server: string, db: string, cookie: () => string, tls: TeamTls = DEFAULT_TLS): TeamDb {
  const url = `${server.replace(/\/+$/, '')}/${encodeURIComponent(db)}`;
  const PouchDB = pouchDB();
  const agent = tls.agent;
  const remote = new PouchDB<TeamDoc>(url, {
    skip_setup: true,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Cookie', cookie());
      const withAgent: NodeFetchInit = { ...init, headers, ...(agent ? { agent: (u: URL) => (u.protocol === 'https:' ? agent : undefined) } : {}) };
      return PouchDB.fetch(input, withAgent);
    },
  });
  // PouchDB 9's replication asks its source for `info()` after every batch and does not handle a failure there (a
  // bare `src.info().then(…)` in the batch's checkpointing): a server that goes away at that moment was an unhandled
  // rejection, which ends a Node process (the web host). A failed `info()` of the server therefore answers with
  // `doc_count: -1` (remoteDocCount reads that as unknown); replication itself notices the lost server and retries.
  const info = remote.info.bind(remote);
  remote.info = () => info().catch(() => ({ doc_count: UNKNOWN_COUNT, update_seq: 0, db_name: db }));
  return remote;
}

/** `doc_count` of a server's database whose info could not be read (see openRemoteTeamDb). */
export const UNKNOWN_COUNT = -1;

/** node-fetch's request options: fetch's, plus the agent (or a function choosing one per URL). */
type NodeFetchInit = RequestInit & { agent?: (url: URL) => Agent | undefined };

/** A PouchDB error's HTTP status (409 conflict, 404 missing…), or 0 when the server could not be reached. */
export const statusOf = (err: unknown): number => {
  const s = (err as { status?: unknown }).status;
  return typeof s === 'number' ? s : 0;
};
