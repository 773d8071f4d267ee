import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { TEAM_STATE_FILE } from '../../electron/core/team/team-state-file';
import { openDesktop, seededFolder, useBakkerijTeam } from '../team/desktops';
import { startChildDesktop } from '../team/child-desktop';
import { runKalm } from './run-kalm';
import { tempDataDir } from './helpers';

/**
 * Live replication when the team server goes away in the middle of a large batch and comes back: it resumes from
 * its checkpoint (no pull from the start), nothing is lost, the status says offline (since when) and then synced,
 * and local work goes on meanwhile. Against the stand-in CouchDB.
 */
const BIG = 1_500;
const BATCH = 500; // replicator.ts: the live sync's batch_size

const until = async (what: string, ok: () => Promise<boolean>, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('team: live replication survives the server going away mid-batch', () => {
  const team = useBakkerijTeam();
  const keep = (core: KalmCore) => (team.cores.push(core), core);

  /**
   * Anna's shop laptop creates the workspace; Bram joins from an empty folder and closes his app; Anna's office
   * desktop then brings BIG reviews into the workspace. `base`: the documents Bram's replica held before.
   */
  async function bramAwayWhileALargeBatchArrives(): Promise<{ anna: KalmCore; dirB: string; base: number }> {
    const couch = team.couch();
    const join1 = (core: KalmCore, user: 'anna' | 'bram') => core.call('team.join', { server: couch.url, db: 'bakkerij', user, password: `${user}-pw` });
    const anna = keep(await openDesktop(await seededFolder(3)));
    await anna.call('team.create', { server: couch.url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    const dirB = await tempDataDir();
    const bramJoin = await openDesktop(dirB);
    await join1(bramJoin, 'bram');
    const base = (await bramJoin.team!.service!.db.info()).doc_count;
    await bramJoin.close();
    const office = keep(await openDesktop(await seededFolder(BIG, (i) => ({ externalId: `groot${i}` }))));
    await join1(office, 'anna');
    return { anna, dirB, base };
  }
  /** The `since` of each pull (`GET /bakkerij/_changes`) the stand-in got from request number `from` on. */
  const pullsSince = (from: number) => team.couch().requests.slice(from)
    .filter((r) => r.method === 'GET' && r.url.startsWith('/bakkerij/_changes'))
    .map((r) => new URL(r.url, team.couch().url).searchParams.get('since') ?? '0');

  it('resumes from its checkpoint, loses nothing, says offline since … then synced; drafts and labels made offline go out after', { timeout: 240_000 }, async () => {
    const couch = team.couch();
    const { anna, dirB, base } = await bramAwayWhileALargeBatchArrives();

    // Bram opens his app (live replication) on a slow line; the server goes away after two of the three batches.
    couch.setDelay(200);
    const bram = keep(await openDesktop(dirB, { host: 'web', autoPublish: false }));
    const local = bram.team!.service!.db;
    await until('two batches at Bram', async () => (await local.info()).doc_count >= base + 2 * BATCH);
    await couch.pause();
    const cut = couch.requests.length;
    expect((await local.info()).doc_count).toBeLessThan(base + BIG);
    // Offline, since when (it said "synced" before: PouchDB's two-way `paused` event drops the error).
    await until('offline', async () => (await bram.call('team.status', {})).state === 'offline', 20_000);
    const offline = await bram.call('team.status', {});
    expect(offline.offlineSince).not.toBeNull();
    await until('the state file says offline', async () => (await readFile(join(dirB, TEAM_STATE_FILE), 'utf8')).includes('"offline"'));
    const cli = await runKalm(['team', 'status', '--json'], { KALM_DATA_DIR: dirB });
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ state: 'offline', offlineSince: offline.offlineSince });

    // Local work goes on while offline.
    const some = (await bram.call('reviews.query', { status: 'all', sort: 'oldest', limit: 1 })).items[0]!;
    await bram.call('drafts.save', { reviewId: some.id, text: 'Offline geschreven, dank je wel!' });
    const label = await bram.call('labels.save', { name: 'Offline', color: '#0f766e' });
    await bram.call('labels.apply', { reviewIds: [some.id], add: [label.id], remove: [] });

    couch.setDelay(0);
    await couch.resume();
    await until('synced with everything', async () => (await bram.call('team.status', {})).state === 'synced' && (await bram.call('reviews.query', { status: 'all', limit: 1 })).total === BIG + 3, 120_000);

    // Resumed from its checkpoint: the first changes request after the cut starts past the batches checkpointed before
    // it (at least the first; the second's checkpoint may have been cut off with the server), none from 0.
    const since = pullsSince(cut);
    expect(since.length).toBeGreaterThan(0);
    expect(Number(since[0])).toBeGreaterThanOrEqual(BATCH);
    expect(since).not.toContain('0');
    await until('the state file says synced', async () => (await readFile(join(dirB, TEAM_STATE_FILE), 'utf8')).includes('"synced"'));
    expect(JSON.parse((await runKalm(['team', 'status', '--json'], { KALM_DATA_DIR: dirB })).stdout)).toMatchObject({ state: 'synced', offlineSince: null });

    // What Bram did offline reached Anna.
    await anna.team!.service!.syncNow();
    expect((await anna.call('drafts.list', {})).drafts.find((d) => d.reviewId === some.id)?.text).toBe('Offline geschreven, dank je wel!');
    const annaLabels = (await anna.call('labels.list', {})).labels;
    const review = (await anna.call('reviews.query', { status: 'all', sort: 'oldest', limit: 1 })).items.find((r) => r.id === some.id)!;
    expect(review.labels.map((id) => annaLabels.find((l) => l.id === id)?.name)).toContain('Offline');
  });

  it('a live desktop killed (SIGKILL) in the middle of a large pull resumes from its checkpoint after a restart and applies everything', { timeout: 240_000 }, async () => {
    const couch = team.couch();
    const { dirB } = await bramAwayWhileALargeBatchArrives();
    couch.setDelay(200);
    const start = couch.requests.length;
    const bulkGets = () => couch.requests.slice(start).filter((r) => r.method === 'POST' && r.url.startsWith('/bakkerij/_bulk_get')).length;
    // Bram's app replicates live in a child process; killed once the second batch is asked for (the first one is
    // written and checkpointed by then: PouchDB takes the batches one after another).
    await startChildDesktop(dirB, null, 'live').killWhen(() => bulkGets() >= 2);
    couch.setDelay(0);

    const restart = couch.requests.length;
    const bram = keep(await openDesktop(dirB));
    await bram.team!.service!.syncNow();
    const since = pullsSince(restart);
    expect(since.length).toBeGreaterThan(0);
    expect(Number(since[0])).toBeGreaterThanOrEqual(BATCH);
    expect((await bram.call('reviews.query', { status: 'all', limit: 1 })).total).toBe(BIG + 3);
    // On disk too: opened once more, without the server.
    team.cores.splice(team.cores.indexOf(bram), 1);
    await bram.close();
    await couch.pause();
    const again = keep(await openDesktop(dirB));
    expect((await again.call('reviews.query', { status: 'all', limit: 1 })).total).toBe(BIG + 3);
  });
});
