import { describe, expect, it, vi } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import { teamDocId } from '../../shared/team/team-docs';
import { startGoogleEmulator } from '../emulator';
import { openDesktop, snapshot, syncAll, useBakkerijTeam } from '../team/desktops';
import { emulatorGoogle } from './google-setup';
import { makeReview, tempDataDir } from './helpers';

const TRUSTPILOT = { id: 'trustpilot', kind: 'file-import' as const, name: 'Trustpilot', state: 'connected' as const, lastSyncAt: null };
const place = (id: string, name: string) => ({ id, source: 'trustpilot', name, storeCode: null, address: null, mapsUrl: null, newReviewUrl: null });

/** A folder with two Trustpilot locations: the shop (3 reviews) and the market stall (2). */
async function twoLocations(): Promise<string> {
  const dir = await tempDataDir();
  await saveSourcesFile(dir, [TRUSTPILOT], [place('shop', 'De Bakkerij'), place('markt', 'Marktkraam')]);
  await saveShardFile(dir, 'trustpilot', 'shop', [0, 1, 2].map((i) => makeReview({ externalId: `s${i}`, source: 'trustpilot', locationId: 'shop' })));
  await saveShardFile(dir, 'trustpilot', 'markt', [0, 1].map((i) => makeReview({ externalId: `m${i}`, source: 'trustpilot', locationId: 'markt' })));
  return dir;
}

/** What a member sees of the places and reviews. */
async function places(core: KalmCore) {
  const ws = await core.call('workspace.get', {});
  const reviews = (await core.call('reviews.query', { status: 'all', limit: 100 })).items;
  return {
    sources: ws.sources.map((s) => s.id).sort(),
    locations: ws.locations.map((l) => `${l.source}/${l.id}`).sort(),
    reviews: reviews.map((r) => r.id).sort(),
  };
}

const MARKT = { kind: 'location' as const, sourceId: 'trustpilot', locationId: 'markt' };

describe('team workspace: removing a source or location removes it for the whole team', () => {
  const team = useBakkerijTeam();
  const annaAndBram = async () => {
    const annaDir = await twoLocations();
    const bramDir = await tempDataDir();
    const anna = await openDesktop(annaDir);
    const bram = await openDesktop(bramDir);
    team.cores.push(anna, bram);
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
    return { anna, bram, annaDir, bramDir };
  };
  const reopen = async (core: KalmCore, dir: string): Promise<KalmCore> => {
    await core.close();
    team.cores.splice(team.cores.indexOf(core), 1);
    const again = await openDesktop(dir);
    team.cores.push(again);
    await again.team!.service!.bridge.settle();
    return again;
  };

  it('a location one member removes is gone on every desktop, with its drafts, and stays gone after a restart', { timeout: 60_000 }, async () => {
    const { anna, bram, annaDir, bramDir } = await annaAndBram();
    const markt = (await places(bram)).reviews.filter((id) => id.includes(':markt:'));
    expect(markt).toHaveLength(2);
    await bram.call('drafts.save', { reviewId: markt[0]!, text: 'Dank je, tot op de markt!' });
    await syncAll([anna, bram]);

    const errors = vi.spyOn(console, 'error');
    await anna.call('workspace.remove', { target: MARKT });
    await syncAll([anna, bram]);
    // Each desktop removes it once: nothing tries a second time and fails ("There is no location …").
    expect(errors.mock.calls.map((c) => c.join(' ')).filter((m) => m.includes('kalm team'))).toEqual([]);
    errors.mockRestore();
    const expected = { sources: ['trustpilot'], locations: ['trustpilot/shop'], reviews: ['trustpilot:shop:s0', 'trustpilot:shop:s1', 'trustpilot:shop:s2'] };
    expect(await places(anna)).toEqual(expected);
    expect(await places(bram)).toEqual(expected);
    expect((await bram.call('drafts.list', {})).drafts).toEqual([]);
    expect(await snapshot(bram)).toEqual(await snapshot(anna));

    const anna2 = await reopen(anna, annaDir);
    const bram2 = await reopen(bram, bramDir);
    await syncAll([anna2, bram2]);
    expect(await places(anna2)).toEqual(expected);
    expect(await places(bram2)).toEqual(expected);
    // The team's database holds none of the location's reviews any more.
    const stored = await bram2.team!.service!.db.allDocs({ keys: markt.map(teamDocId.review) });
    expect(stored.rows.map((r) => ('value' in r ? r.value.deleted : 'missing'))).toEqual([true, true]);
  });

  it('a member who labelled one of its reviews while apart ends with it removed too (the removal wins, the same everywhere)', { timeout: 60_000 }, async () => {
    const { anna, bram } = await annaAndBram();
    const label = await bram.call('labels.save', { name: 'Markt', color: '#0f766e' });
    await bram.call('labels.apply', { reviewIds: ['trustpilot:markt:m0'], add: [label.id], remove: [] });
    // Apart: Anna removes the market stall and syncs; only then does Bram's desktop sync.
    await anna.call('workspace.remove', { target: MARKT });
    await anna.team!.service!.syncNow();
    await syncAll([bram, anna]);
    await syncAll([anna, bram]);
    expect((await places(bram)).locations).toEqual(['trustpilot/shop']);
    expect(await places(anna)).toEqual(await places(bram));
    expect(await snapshot(anna)).toEqual(await snapshot(bram));
  });

  it('a member who was closed during the removal drops the location at the next start', { timeout: 60_000 }, async () => {
    const { anna, bram, bramDir } = await annaAndBram();
    await bram.close();
    team.cores.splice(team.cores.indexOf(bram), 1);
    await anna.call('workspace.remove', { target: MARKT });
    await anna.team!.service!.syncNow();
    const bram2 = await openDesktop(bramDir);
    team.cores.push(bram2);
    await syncAll([bram2, anna]);
    expect(await places(bram2)).toEqual(await places(anna));
    expect((await places(bram2)).reviews).toHaveLength(3);
  });

  it('with both desktops online (live replication) the other desktop drops it as it arrives, and nothing fails', { timeout: 60_000 }, async () => {
    const anna = await openDesktop(await twoLocations(), { host: 'web', autoPublish: false });
    const bram = await openDesktop(await tempDataDir(), { host: 'web', autoPublish: false });
    team.cores.push(anna, bram);
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
    const errors = vi.spyOn(console, 'error');
    await anna.call('workspace.remove', { target: MARKT });
    const end = Date.now() + 20_000;
    while ((await places(bram)).locations.length !== 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    await anna.team!.service!.bridge.settle();
    await bram.team!.service!.bridge.settle();
    expect(await places(bram)).toEqual(await places(anna));
    expect((await places(bram)).locations).toEqual(['trustpilot/shop']);
    expect(errors.mock.calls.map((c) => c.join(' ')).filter((m) => m.includes('kalm team'))).toEqual([]);
    errors.mockRestore();
  });

  it('removing the whole source removes it, its locations and reviews for every member', { timeout: 60_000 }, async () => {
    const { anna, bram } = await annaAndBram();
    await bram.call('workspace.remove', { target: { kind: 'source', sourceId: 'trustpilot' } });
    await syncAll([bram, anna]);
    const empty = { sources: [], locations: [], reviews: [] };
    expect(await places(anna)).toEqual(empty);
    expect(await places(bram)).toEqual(empty);
  });
});

describe('team workspace: a removed Google location connected again', () => {
  const team = useBakkerijTeam();

  it('comes back for every member when one member adds it again', { timeout: 90_000 }, async () => {
    const emu = await startGoogleEmulator();
    try {
      const open = async () => {
        const core = await openDesktop(await tempDataDir(), { google: emulatorGoogle(emu) });
        team.cores.push(core);
        return core;
      };
      const anna = await open();
      await anna.call('google.discover', {});
      await anna.call('google.sync', {});
      const bram = await open();
      await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
      await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
      const before = await places(bram);
      const gone = (await anna.call('workspace.get', {})).locations[0]!;
      await anna.call('workspace.remove', { target: { kind: 'location', sourceId: gone.source, locationId: gone.id } });
      await syncAll([anna, bram]);
      expect((await places(bram)).locations).not.toContain(`${gone.source}/${gone.id}`);

      // Found again it is listed, not chosen (as any location found after the first discovery): Anna chooses it.
      const found = await anna.call('google.discover', {});
      await anna.call('google.selectLocations', { locationIds: found.locations.map((l) => l.locationId) });
      await anna.call('google.sync', {});
      await syncAll([anna, bram]);
      expect(await places(anna)).toEqual(before);
      expect(await places(bram)).toEqual(before);
    } finally {
      await Promise.all(team.cores.splice(0).map((c) => c.close()));
      await emu.close();
    }
  });
});
