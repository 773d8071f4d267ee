import { describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { FIXTURE_UTRECHT } from '../emulator';
import { startChildDesktop } from '../team/child-desktop';
import { useBakkerijTeamWithGoogle } from '../team/desktops';
import { emulatorGoogle } from './google-setup';
import { tempDataDir } from './helpers';

/**
 * Only one desktop runs the scheduled Google sync at a time (the lease `lease:google-sync` on the team server, in
 * the server's time); the others take its results through replication. Against the stand-in CouchDB and the Google emulator.
 */
const LEASE_TTL_MS = 30 * 60_000; // wiring.ts: mayRunScheduledSync

describe('team sync lease', () => {
  const team = useBakkerijTeamWithGoogle();
  const { cores } = team;
  const open = async (dataDir: string, extra: Partial<Parameters<typeof createKalm>[0]> = {}): Promise<KalmCore> => {
    const core = await createKalm({ dataDir, host: 'test', autoPublish: false, google: emulatorGoogle(team.emu), ...extra });
    cores.push(core);
    return core;
  };
  const listRequests = () => team.emu.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/reviews')).length;
  const hasReview = async (core: KalmCore, comment: string) =>
    (await core.call('reviews.query', { status: 'all', limit: 500 })).items.some((r) => r.text === comment);
  const until = async (what: string, ok: () => Promise<boolean>, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  /** Anna's and Bram's folders: Google connected (the location chosen), Anna created the team, Bram joined; both cores closed again. */
  async function teamFolders(): Promise<{ dirA: string; dirB: string }> {
    const [dirA, dirB] = [await tempDataDir(), await tempDataDir()];
    for (const [dir, user] of [[dirA, 'anna'], [dirB, 'bram']] as const) {
      const core = await open(dir);
      await core.call('google.discover', {});
      await core.call(user === 'anna' ? 'team.create' : 'team.join', { server: team.couch.url, db: 'bakkerij', user, password: `${user}-pw` });
      cores.splice(cores.indexOf(core), 1);
      await core.close();
    }
    return { dirA, dirB };
  }

  it('two live desktops: the lease holder syncs, the other gets the reviews by replication; the holder killed, the other takes over once the lease expired', { timeout: 180_000 }, async () => {
    const { dirA, dirB } = await teamFolders();
    const bram = await open(dirB, { host: 'web' }); // live, as the web host and Electron
    bram.background.start();

    team.emu.data.addReview(FIXTURE_UTRECHT, { comment: 'Eerste nieuwe review' });
    const anna = startChildDesktop(dirA, team.emu, 'sync'); // live too; takes the lease and syncs Google
    await anna.waitFor('SYNCED');
    await until('the review synced by Anna at Bram', () => hasReview(bram, 'Eerste nieuwe review'));

    const before = listRequests();
    await bram.background.runNow(); // Anna holds the lease: Bram does not ask Google
    expect(listRequests()).toBe(before);

    await anna.killWhen(() => true);
    team.emu.data.addReview(FIXTURE_UTRECHT, { comment: 'Tweede nieuwe review' });
    await bram.background.runNow(); // the dead desktop's lease is still in force
    expect(listRequests()).toBe(before);
    expect(await hasReview(bram, 'Tweede nieuwe review')).toBe(false);

    team.couch.setClockOffset(LEASE_TTL_MS + 60_000); // the team server's clock: the lease ran out
    await bram.background.runNow();
    expect(listRequests()).toBeGreaterThan(before);
    expect(await hasReview(bram, 'Tweede nieuwe review')).toBe(true);
  });

  it('a desktop that quits cleanly gives the lease back: the other runs the scheduled sync at its next turn', { timeout: 120_000 }, async () => {
    const { dirA, dirB } = await teamFolders();
    const anna = await open(dirA);
    const bram = await open(dirB);
    expect(await anna.team!.mayRunScheduledSync()).toBe(true);
    expect(await bram.team!.mayRunScheduledSync()).toBe(false);
    cores.splice(cores.indexOf(anna), 1);
    await anna.close(); // the app quits
    expect(await bram.team!.mayRunScheduledSync()).toBe(true); // no 30 minutes of waiting
    // Quitting gives back only its own lease: Bram's stays when Anna's desktop opens and quits again.
    const again = await open(dirA);
    expect(await again.team!.mayRunScheduledSync()).toBe(false);
    cores.splice(cores.indexOf(again), 1);
    await again.close();
    const lease = await bram.team!.service!.remote.get('lease:google-sync');
    expect(lease).toMatchObject({ holder: 'bram' });
  });

  it('clocks: a desktop whose clock is a year ahead cannot take a live lease; a lease left with an impossible end does not block', { timeout: 120_000 }, async () => {
    const { dirA, dirB } = await teamFolders();
    const yearMs = 365 * 24 * 3_600_000;
    const anna = await open(dirA);
    const bram = await open(dirB, { now: () => new Date(Date.now() + yearMs) });
    expect(await anna.team!.mayRunScheduledSync()).toBe(true);
    expect(await bram.team!.mayRunScheduledSync()).toBe(false); // by the server's time Anna's lease is in force
    expect(await anna.team!.mayRunScheduledSync()).toBe(true); // renewed by its holder

    // What a desktop with a wrong clock (an older Kalm wrote its own time) left: ends in a year.
    const lease = await anna.team!.service!.remote.get('lease:google-sync');
    await team.couch.putAsAdmin('bakkerij', { _id: 'lease:google-sync', _rev: lease._rev, type: 'lease', holder: 'cees', until: new Date(Date.now() + yearMs).toISOString() });
    expect(await bram.team!.mayRunScheduledSync()).toBe(true);
    expect(await anna.team!.mayRunScheduledSync()).toBe(false); // now Bram's

    team.couch.setClockOffset(LEASE_TTL_MS + 60_000);
    expect(await anna.team!.mayRunScheduledSync()).toBe(true); // Bram stopped renewing: it expired
  });
});
