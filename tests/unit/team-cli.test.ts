import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededFolder } from '../team/desktops';
import { startStandIn, type StandIn } from '../team/standin-server';
import { tempDataDir } from './helpers';
import { runKalm } from './run-kalm';

describe('kalm team create | join | status | sync | leave', () => {
  let couch: StandIn;
  beforeEach(async () => {
    couch = await startStandIn();
    await couch.addUser('anna', 'anna-pw');
    await couch.addUser('bram', 'bram-pw');
    await couch.createDb('bakkerij', ['anna', 'bram']);
  });
  afterEach(() => couch.close());

  it('creates from one folder, joins from another with progress, syncs, reports status as JSON and leaves keeping the data', { timeout: 180_000 }, async () => {
    const a = { KALM_DATA_DIR: await seededFolder(7) };
    const b = { KALM_DATA_DIR: await tempDataDir() };
    const pwFile = join(a.KALM_DATA_DIR, '..', `pw-${Date.now()}`);
    await writeFile(pwFile, 'anna-pw\n');

    const refused = await runKalm(['team', 'create', '--server', couch.url, '--db', 'bakkerij', '--user', 'anna', '--password', 'anna-pw'], a);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/never given as an argument/);

    const created = await runKalm(['team', 'create', '--server', couch.url, '--db', 'bakkerij', '--user', 'anna', '--password-file', pwFile], a);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created: Team workspace "bakkerij"/);
    expect((await stat(join(a.KALM_DATA_DIR, 'team-secret.json'))).mode & 0o777).toBe(0o600);

    const joined = await runKalm(['team', 'join', '--server', couch.url, '--db', 'bakkerij', '--user', 'bram'], { ...b, KALM_TEAM_PASSWORD: 'bram-pw' });
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stderr).toMatch(/Pulled \d+ \/ \d+ documents/);
    const reviews = await runKalm(['reviews', '--json'], b);
    expect(JSON.parse(reviews.stdout)).toHaveLength(7);

    const status = await runKalm(['team', 'status', '--json'], b);
    expect(JSON.parse(status.stdout)).toMatchObject({ server: couch.url, db: 'bakkerij', user: 'bram', pending: 0, peers: [] });
    const sync = await runKalm(['team', 'sync', '--json'], b);
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ state: 'synced' });

    const left = await runKalm(['team', 'leave'], b);
    expect(left.code, left.stderr).toBe(0);
    expect(JSON.parse((await runKalm(['team', 'status', '--json'], b)).stdout)).toMatchObject({ state: 'local', db: null });
    expect(JSON.parse((await runKalm(['reviews', '--json'], b)).stdout)).toHaveLength(7);
  });
});
