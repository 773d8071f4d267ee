import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** True while any process of the group led by `pgid` is alive. */
const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops a script started with `detached: true` (npm, tsx and the host in one process group) and
 * waits until every process of the group is gone, not only npm: the host may still be writing to
 * its data folder after npm exited. SIGKILL after `graceMs`.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 15_000): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  while (groupAlive(pgid)) await sleep(50);
}

/** Stops the group, then removes its data folder (with retries, as a last write may still settle). */
export async function stopAndRemove(child: ChildProcess, dataDir: string): Promise<void> {
  await stopProcessGroup(child);
  await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
