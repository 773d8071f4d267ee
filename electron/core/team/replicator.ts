import type { Replication } from 'pouchdb';
import { z } from 'zod';
import type { TeamDb } from './pouch';

export type TeamState = 'synced' | 'syncing' | 'offline' | 'error' | 'stopped';

export interface ReplicationStatus {
  state: TeamState;
  /** Changes known to be still on their way (both directions). */
  pending: number;
  lastReplicatedAt: string | null;
  offlineSince: string | null;
  error: string | null;
}

/** Documents per request of the first pull. */
const PULL_BATCH = 2500;

const RemoteInfo = z.object({ doc_count: z.number().int().nonnegative(), db_name: z.string() });

/** How many documents the server's database holds (a server that answers with an error body instead gives null). */
export async function remoteDocCount(remote: TeamDb): Promise<number | null> {
  try {
    const parsed = RemoteInfo.safeParse(await remote.info());
    return parsed.success ? parsed.data.doc_count : null;
  } catch {
    return null;
  }
}

/** First pull of a workspace: resumable (PouchDB keeps a checkpoint), with documents done / total; what it wrote to the replica. */
export async function pullAll(local: TeamDb, remote: TeamDb, progress: (done: number, total: number | null) => void): Promise<{ read: number; written: number }> {
  const total = await remoteDocCount(remote);
  let done = 0;
  const rep = local.replicate.from(remote, { batch_size: PULL_BATCH, batches_limit: 4 });
  rep.on('change', (info) => progress((done = info.docs_read ?? done), total));
  const result = await rep;
  progress(total ?? done, total);
  const written = z.object({ docs_written: z.number() }).safeParse(result).data?.docs_written ?? -1;
  return { read: done, written };
}

/**
 * After a first pull into an empty replica, every change in it is a revision the server sent: the push direction
 * starts after them (PouchDB's `since` writes that checkpoint on both sides), so the first push does not ask the
 * server about every document it already has (100,000 ids in `_revs_diff`). Only when the replica's sequence is
 * exactly what the pull wrote (nothing else was written in between); otherwise the push reads everything as before.
 */
export async function skipPushOfPulled(local: TeamDb, remote: TeamDb, before: number | string, written: number): Promise<boolean> {
  const after = (await local.info()).update_seq;
  if (before !== 0 || typeof after !== 'number' || after === 0 || after !== written) return false;
  await local.replicate.to(remote, { since: after, batch_size: 500 });
  return true;
}

/** Replicates both ways once and resolves when caught up (`kalm team sync`, scripts, cron). */
export async function syncOnce(local: TeamDb, remote: TeamDb): Promise<{ pushed: number; pulled: number }> {
  const pushed = await local.replicate.to(remote, { batch_size: 500 });
  const pulled = await local.replicate.from(remote, { batch_size: 1000 });
  const n = (v: unknown) => z.object({ docs_written: z.number() }).safeParse(v).data?.docs_written ?? 0;
  return { pushed: n(pushed), pulled: n(pulled) };
}

/**
 * Live two-way replication with retry (PouchDB backs off while the server is out of reach and resumes
 * from its checkpoint). `onAuthLost` is called when the server refuses the session, so the host signs in again.
 */
export class LiveReplication {
  private rep: Replication | null = null;
  private status: ReplicationStatus = { state: 'stopped', pending: 0, lastReplicatedAt: null, offlineSince: null, error: null };

  constructor(
    private readonly local: TeamDb,
    private readonly remote: TeamDb,
    private readonly opts: {
      now: () => Date;
      onStatus: (s: ReplicationStatus) => void;
      onAuthLost: (err: unknown) => void;
      /** A clearer sentence for a failure it knows (a certificate problem), else null for the server's own words. */
      describe?: (err: unknown) => string | null;
    },
  ) {}

  get current(): ReplicationStatus {
    return this.status;
  }

  start(): void {
    if (this.rep) return;
    const rep = this.local.sync(this.remote, { live: true, retry: true, batch_size: 500, back_off_function: (d) => (d === 0 ? 1000 : Math.min(d * 2, 60_000)) });
    rep.on('change', (info) => this.set({ state: 'syncing', pending: info.change?.pending ?? 0, lastReplicatedAt: this.opts.now().toISOString(), offlineSince: null, error: null }));
    rep.on('active', () => this.set({ ...this.status, state: 'syncing', error: null }));
    // PouchDB's two-way `paused` event drops the error (it said "synced" with the server gone): each direction is
    // watched instead. Synced once both are idle without an error; offline as soon as either cannot reach the server.
    const idle = { push: false, pull: false };
    const offline = (err: unknown) => {
      // A problem retrying will not fix (a certificate) is an error with its reason, not "offline".
      const known = this.opts.describe?.(err) ?? null;
      this.set({ ...this.status, state: known ? 'error' : 'offline', offlineSince: this.status.offlineSince ?? this.opts.now().toISOString(), error: known ?? messageOf(err) });
    };
    for (const direction of ['push', 'pull'] as const) {
      const one = rep[direction];
      one.on('active', () => void (idle[direction] = false));
      one.on('requestError', (err) => {
        idle[direction] = false;
        offline(err);
      });
      one.on('paused', (err) => {
        idle[direction] = !err;
        if (err) offline(err);
        else if (idle.push && idle.pull) this.set({ ...this.status, state: 'synced', pending: 0, offlineSince: null, error: null, lastReplicatedAt: this.opts.now().toISOString() });
      });
    }
    const failed = (err: unknown) => {
      this.rep = null;
      this.set({ ...this.status, state: 'error', error: this.text(err) });
      const status = (err as { status?: number }).status;
      if (status === 401 || status === 403) this.opts.onAuthLost(err);
    };
    rep.on('denied', failed);
    rep.on('error', failed);
    this.rep = rep;
  }

  stop(): void {
    this.rep?.cancel();
    this.rep = null;
    this.set({ ...this.status, state: 'stopped' });
  }

  private text(err: unknown): string {
    return this.opts.describe?.(err) ?? messageOf(err);
  }

  private set(next: ReplicationStatus): void {
    this.status = next;
    this.opts.onStatus(next);
  }
}

const messageOf = (err: unknown): string => {
  const e = err as { reason?: unknown; message?: unknown; status?: unknown };
  const text = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message : String(err);
  return typeof e.status === 'number' && e.status > 0 ? `${text} (${e.status})` : text;
};
