import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { openDesktop, syncAll, useBakkerijTeam } from '../team/desktops';
import { tempDataDir } from './helpers';

const ids = async (core: KalmCore) => (await core.call('reviews.query', { status: 'all', limit: 500 })).items.map((r) => r.id).sort();

describe('team workspace: the demo and removed reviews reach the team', () => {
  const team = useBakkerijTeam();
  const cores = team.cores;

  it('a demo loaded on one desktop arrives on the other; loading another demo removes the reviews it dropped everywhere', async () => {
    const anna = await openDesktop(await tempDataDir());
    const bram = await openDesktop(await tempDataDir());
    cores.push(anna, bram);
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });

    const first = await anna.call('workspace.loadDemo', { seed: 1 });
    expect(first.reviewCount).toBeGreaterThan(0);
    await syncAll(cores);
    expect((await bram.call('workspace.get', {})).reviewCount).toBe(first.reviewCount);
    expect(await ids(bram)).toEqual(await ids(anna));
    expect((await bram.call('workspace.get', {})).locations.map((l) => l.id).sort()).toEqual(first.locations.map((l) => l.id).sort());

    const before = new Set(await ids(anna));
    await anna.call('workspace.loadDemo', { seed: 2 });
    await syncAll(cores);
    const after = await ids(anna);
    expect(after.some((id) => !before.has(id)) || [...before].some((id) => !after.includes(id))).toBe(true);
    expect(await ids(bram)).toEqual(after);
  });
});
