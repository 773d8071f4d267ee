import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/core/store/lock';
import { TEAM_STATE_FILE } from '../../electron/core/team/team-state-file';
import { openDesktop, seededFolder, useBakkerijTeam } from '../team/desktops';
import { runKalm } from './run-kalm';

const until = async (what: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('kalm team status while the app runs', () => {
  const team = useBakkerijTeam();

  it('answers from the files without the lock: the live state while a Kalm replicates, "stopped" with the last replication after it closed', { timeout: 120_000 }, async () => {
    const dir = await seededFolder(3);
    const env = { KALM_DATA_DIR: dir };
    // The "app": a core that replicates live and holds the data folder's lock (this test process).
    const app = await openDesktop(dir, { host: 'web', autoPublish: false });
    team.cores.push(app);
    await app.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    await until(async () => (await app.call('team.status', {})).state === 'synced');
    await until(async () => (await readFile(join(dir, TEAM_STATE_FILE), 'utf8').catch(() => '')).includes('"synced"'));

    const json = await runKalm(['team', 'status', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).not.toMatch(/in use|locked|waiting/);
    const live = JSON.parse(json.stdout) as { lastReplicatedAt: string | null };
    expect(live).toMatchObject({ server: team.couch().url, db: 'bakkerij', user: 'anna', state: 'synced', pending: 0, peers: [] });
    expect(live.lastReplicatedAt).not.toBeNull();
    const text = await runKalm(['team', 'status'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Team workspace "bakkerij" on .* as anna: synced, last replicated /);
    // A write command still waits for the lock and refuses: only status became read-only.
    const sync = await runKalm(['team', 'sync'], env);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/in use by another Kalm/);

    await app.close();
    const after = JSON.parse((await runKalm(['team', 'status', '--json'], env)).stdout) as { state: string; lastReplicatedAt: string | null };
    expect(after.state).toBe('stopped');
    expect(after.lastReplicatedAt).not.toBeNull();
    expect(Date.parse(after.lastReplicatedAt!)).toBeGreaterThanOrEqual(Date.parse(live.lastReplicatedAt!));
  });
});
