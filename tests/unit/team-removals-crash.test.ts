import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { createAndJoin, openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { tempDataDir } from './helpers';
import { runChildUntilKilled } from '../team/kill-child';

const id = (i: number) => `trustpilot:shop:r${String(i).padStart(4, '0')}`;
const CHILD = 'tests/team/removals-crash-child.ts';

/** Runs the child on the data folder and kills it with SIGKILL once it says the local files have the removals (none is in the replica). */
function removeThenKill(mode: 'entities' | 'demo', dataDir: string, args: string[] = []): Promise<void> {
  return runChildUntilKilled(CHILD, [mode, dataDir, ...args], 'REMOVED');
}

/** What a desktop has of the things Anna removed. */
async function seen(core: KalmCore) {
  const { labels, rules } = await core.call('labels.list', {});
  const blijft = labels.find((l) => l.name === 'Blijft');
  return {
    draft: (await core.call('drafts.list', {})).drafts.some((d) => d.reviewId === id(0)),
    labels: labels.map((l) => l.name).sort(),
    rulesOfBlijft: rules.filter((r) => r.labelId === blijft?.id).length,
    rules: rules.length,
    template: (await core.call('templates.list', {})).templates.some((t) => t.name === 'Weg ermee'),
    assignee: (await core.call('reviews.query', { status: 'all', limit: 50 })).items.find((r) => r.id === id(1))?.assignee ?? null,
  };
}

describe('team workspace: a removal a crash kept from the replica is pushed at the next start', () => {
  const team = useBakkerijTeam();

  it('a discarded draft, deleted label, rule and template and an unassigned review stay gone after SIGKILL and restart, for both members', { timeout: 90_000 }, async () => {
    const dir = await seededFolder(4);
    const { anna, bram } = await createAndJoin(team, dir);
    await anna.call('settings.update', { team: [{ id: 'sanne', name: 'Sanne' }] });
    await anna.call('drafts.save', { reviewId: id(0), text: 'Dank je wel!' });
    await anna.call('handoff.assign', { reviewId: id(1), assignee: 'sanne' });
    const weg = await anna.call('labels.save', { name: 'Weg', color: '#0f766e' });
    const blijft = await anna.call('labels.save', { name: 'Blijft', color: '#b45309' });
    await anna.call('labels.saveRules', { rules: [
      { id: 'rule-weg', labelId: weg.id, words: ['weg'] },
      { id: 'rule-blijft', labelId: blijft.id, words: ['blijft'] },
    ] });
    await anna.call('templates.save', { name: 'Weg ermee', lang: 'nl', band: 'praise', variants: ['Dank je!'] });
    await syncAll([anna, bram]);
    const before = { draft: true, labels: ['Blijft', 'Weg'], rulesOfBlijft: 1, rules: 2, template: true, assignee: 'sanne' };
    expect(await seen(bram)).toEqual(before);
    await anna.close();

    await removeThenKill('entities', dir, [id(0), 'Weg', 'Blijft', 'Weg ermee', id(1)]);
    // The replica never got the removals: the team still has everything.
    await syncAll([bram]);
    expect(await seen(bram)).toEqual(before);

    const restarted = await openDesktop(dir);
    team.cores.push(restarted);
    const after = { draft: false, labels: ['Blijft'], rulesOfBlijft: 0, rules: 0, template: false, assignee: null };
    expect(await seen(restarted)).toEqual(after);
    await syncAll([restarted, bram]);
    expect(await seen(bram)).toEqual(after);
    expect(await seen(restarted)).toEqual(after); // nothing came back from the team
  });

  it('the reviews a new demo dropped stay gone after SIGKILL and restart, for both members', { timeout: 120_000 }, async () => {
    const dir = await tempDataDir();
    const { anna, bram } = await createAndJoin(team, dir);
    await anna.call('workspace.loadDemo', { seed: 1 });
    await syncAll([anna, bram]);
    const ids = async (core: KalmCore) => {
      const all: string[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await core.call('reviews.query', { status: 'all', limit: 500, offset });
        all.push(...page.items.map((r) => r.id));
        if (offset + 500 >= page.total) return all.sort();
      }
    };
    const first = await ids(bram);
    expect(first).toEqual(await ids(anna));
    await anna.close();

    await removeThenKill('demo', dir);
    const restarted = await openDesktop(dir);
    team.cores.push(restarted);
    const second = await ids(restarted);
    const dropped = first.filter((x) => !second.includes(x));
    expect(dropped.length).toBeGreaterThan(0);
    await syncAll([restarted, bram]);
    expect(await ids(bram)).toEqual(second);
    expect(await ids(restarted)).toEqual(second); // none of the dropped reviews came back from the team
  });
});
