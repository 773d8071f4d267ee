import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import type { TeamDb } from '../../electron/core/team/pouch';
import type { TeamService } from '../../electron/core/team/team-service';

/** A promise that never settles. */
export const never = (): Promise<never> => new Promise<never>(() => undefined);

/**
 * Every write to this replica hangs from now on: what the child does next reaches only its local files (the
 * moment a crash test is about). The changes feed and reads go on as before.
 */
export function cutReplicaWrites(db: TeamDb): void {
  db.put = never as typeof db.put;
  db.bulkDocs = never as typeof db.bulkDocs;
  db.remove = never as typeof db.remove;
}

/**
 * Tells the test (one line, `word`) that the local files have what it is about, and stays alive until the test
 * kills the process (an empty event loop would end it first, with exit code 13).
 */
export async function sayAndAwaitKill(word: string): Promise<never> {
  process.stdout.write(`${word}\n`);
  setInterval(() => undefined, 1000);
  return never();
}

/**
 * Opens the team desktop in `dataDir` as a crash-test child does: settled, and (`freezeApplied`) with the applied
 * position kept where the last run left it, as after a kill within the 500 ms before its write.
 */
export async function openCrashChild(dataDir: string, { freezeApplied = true } = {}): Promise<{ core: KalmCore; service: TeamService }> {
  const core = await createKalm({ dataDir, host: 'test' });
  const service = core.team?.service;
  if (!service) throw new Error('not a team workspace');
  await service.bridge.settle();
  if (freezeApplied) {
    const applied = (service.bridge as unknown as { seq: { set(seq: number | string): void } }).seq;
    applied.set = () => undefined;
  }
  return { core, service };
}
