import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { tempDataDir } from './helpers';

/** Anna creates the team workspace "bakkerij" from a folder with reviews, Bram joins with an empty one. */
async function annaAndBram(team: ReturnType<typeof useBakkerijTeam>): Promise<{ anna: KalmCore; bram: KalmCore }> {
  const anna = await openDesktop(await seededFolder(3));
  const bram = await openDesktop(await tempDataDir());
  team.cores.push(anna, bram);
  await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
  await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
  return { anna, bram };
}

describe('team workspace: templates, labels and rules behave as one team would expect', () => {
  const team = useBakkerijTeam();

  it('a template that arrives from the team (or is deleted by a member) says templates.changed, so an open picker reloads', { timeout: 60_000 }, async () => {
    const { anna, bram } = await annaAndBram(team);
    let signals = 0;
    const off = bram.on('templates.changed', () => { signals++; });
    const saved = await anna.call('templates.save', { name: 'Van Anna', lang: 'nl', band: 'praise', variants: ['Dank je!'] });
    await syncAll([anna, bram]);
    expect((await bram.call('templates.list', {})).templates.map((t) => t.name)).toContain('Van Anna');
    expect(signals).toBeGreaterThanOrEqual(1);
    const afterArrival = signals;
    await anna.call('templates.delete', { id: saved.id });
    await syncAll([anna, bram]);
    expect((await bram.call('templates.list', {})).templates.map((t) => t.name)).not.toContain('Van Anna');
    expect(signals).toBeGreaterThan(afterArrival);
    off();
  });
});
