import { LOCAL_STATUS, type TeamStatusView } from '../../shared/contract/team';
import { readLockHolder } from '../core/store/lock';
import { readTeamConfig } from '../core/team/team-config';
import { readTeamState } from '../core/team/team-state-file';
import { parseFlags } from './args';
import { statusJson, statusText } from './team-status-format';

/** Whether a Kalm holds the data folder's lock now (a lock of another computer counts as held: its heartbeat decides there). */
async function writerRunning(dataDir: string): Promise<boolean> {
  const holder = await readLockHolder(dataDir);
  return holder?.info ? (holder.alive ?? true) : false;
}

/**
 * The team workspace's status from its files (`team.json` and the state the replicating Kalm last wrote), without
 * the lock or the core, so it answers while the app runs. When no Kalm holds the folder nothing replicates: "stopped",
 * with when it last replicated.
 */
export async function teamStatusFromFiles(dataDir: string, now: Date): Promise<TeamStatusView> {
  const config = await readTeamConfig(dataDir);
  if (!config) return LOCAL_STATUS;
  const last = await readTeamState(dataDir);
  const running = await writerRunning(dataDir);
  const base = { enabled: true, server: config.server, db: config.db, user: config.user, ...(config.ca ? { caFile: config.ca.file } : {}) };
  if (!last) return { ...base, state: 'stopped', pending: 0, lastReplicatedAt: null, offlineSince: null, error: null, peers: [] };
  const peers = running ? last.peers.filter((p) => Date.parse(p.until) > now.getTime()) : [];
  const { lastReplicatedAt, offlineSince, error } = last;
  return running
    ? { ...base, state: last.state, pending: last.pending, lastReplicatedAt, offlineSince, error, peers }
    : { ...base, state: 'stopped', pending: 0, lastReplicatedAt, offlineSince: null, error: null, peers };
}

/** `kalm team status [--json]`: read-only, no lock (it must not say "locked" while the app runs). */
export async function teamStatusCommand(dataDir: string, args: string[]): Promise<string> {
  const v = parseFlags(args, { json: { type: 'boolean' } });
  const s = await teamStatusFromFiles(dataDir, new Date());
  return v.json ? statusJson(s) : statusText(s);
}
