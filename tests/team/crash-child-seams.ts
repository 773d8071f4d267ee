import type { TeamDb } from '../../electron/core/team/pouch';

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
