import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { removeFileDurable, writeFileAtomic } from '../store/atomic-write';

/** The team workspace's last-known sync state, written by the Kalm that replicates, read by `kalm team status`. */
export const TEAM_STATE_FILE = 'team-state.json';
const WRITE_EVERY_MS = 1_000;

export const TeamStateRecord = z.object({
  state: z.enum(['synced', 'syncing', 'offline', 'error', 'stopped']),
  pending: z.number().int().nonnegative(),
  lastReplicatedAt: z.string().nullable(),
  offlineSince: z.string().nullable(),
  error: z.string().nullable(),
  peers: z.array(z.object({ member: z.string(), reviewId: z.string().nullable(), until: z.string() })),
  /** When this record was written. */
  at: z.string(),
});
export type TeamStateRecord = z.infer<typeof TeamStateRecord>;

/** Writes the latest status at most once a second (atomic, so a reader sees a whole record), and at once on `flush`. */
export class TeamStateWriter {
  private next: TeamStateRecord | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string, private readonly now: () => Date) {}

  note(s: Omit<TeamStateRecord, 'at'>): void {
    const { state, pending, lastReplicatedAt, offlineSince, error, peers } = s;
    this.next = { state, pending, lastReplicatedAt, offlineSince, error, peers, at: this.now().toISOString() };
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), WRITE_EVERY_MS);
      this.timer.unref();
    }
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const record = this.next;
    this.next = null;
    if (record) this.writing = this.writing.then(() => writeFileAtomic(join(this.dataDir, TEAM_STATE_FILE), `${JSON.stringify(record, null, 2)}\n`)).catch(() => undefined);
    await this.writing;
  }

  /** Leaving the team: no state left behind. */
  async clear(): Promise<void> {
    this.next = null;
    await this.flush();
    await removeFileDurable(join(this.dataDir, TEAM_STATE_FILE));
  }
}

/** The last-known state, or null when none was written (or the file cannot be read: the status then says "stopped"). */
export async function readTeamState(dataDir: string): Promise<TeamStateRecord | null> {
  try {
    const parsed = TeamStateRecord.safeParse(JSON.parse(await readFile(join(dataDir, TEAM_STATE_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
