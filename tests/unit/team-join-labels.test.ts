import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { openDesktop, seededFolder, useBakkerijTeam } from '../team/desktops';
import { tempDataDir } from './helpers';

/** The labels and rules (in the order they run) as a member sees them. */
async function labelsOf(core: KalmCore) {
  const { labels, rules } = await core.call('labels.list', {});
  return {
    labels: labels.map((l) => ({ id: l.id, name: l.name, color: l.color })).sort((a, b) => a.id.localeCompare(b.id)),
    rules: rules.map((r) => ({ id: r.id, labelId: r.labelId, words: r.words })),
  };
}

describe('team join: the workspace\'s labels and rules arrive in one write of labels.json', () => {
  const team = useBakkerijTeam();

  it('a member joining a workspace with many labels, rules and a deleted label gets them all, in the team\'s rule order, announced once', { timeout: 60_000 }, async () => {
    const anna = await openDesktop(await seededFolder(3));
    team.cores.push(anna);
    const made: { id: string }[] = [];
    for (let i = 0; i < 12; i++) made.push(await anna.call('labels.save', { name: `Label ${i}`, color: '#0f766e' }));
    // Rules in an order that is not the order they were created in; one label (and its rule) deleted later.
    const rules = made.map((l, i) => ({ id: `rule-${i}`, labelId: l.id, words: [`woord${i}`] })).reverse();
    await anna.call('labels.saveRules', { rules });
    await anna.call('labels.delete', { id: made[4]!.id });
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });

    const bram = await openDesktop(await tempDataDir());
    team.cores.push(bram);
    let signals = 0;
    const off = bram.on('labels.changed', () => { signals++; });
    await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
    off();

    const want = await labelsOf(anna);
    expect(want.labels).toHaveLength(11);
    expect(want.rules.map((r) => r.id)).toEqual(rules.filter((r) => r.labelId !== made[4]!.id).map((r) => r.id));
    expect(await labelsOf(bram)).toEqual(want);
    // One write for the batch's label and rule documents, at most one more if the rule order document reorders them.
    expect(signals).toBeGreaterThanOrEqual(1);
    expect(signals).toBeLessThanOrEqual(2);
  });
});
