import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { createAndJoin, openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { tempDataDir } from './helpers';

const id = (i: number) => `trustpilot:shop:r${String(i).padStart(4, '0')}`;

/** The labels, rules and label marks as a member sees them. */
async function labelState(core: KalmCore) {
  const { labels, rules } = await core.call('labels.list', {});
  const reviews = (await core.call('reviews.query', { status: 'all', limit: 50 })).items;
  return {
    labels: labels.map((l) => ({ id: l.id, name: l.name })).sort((a, b) => a.id.localeCompare(b.id)),
    rules: rules.map((r) => ({ id: r.id, labelId: r.labelId })).sort((a, b) => a.id.localeCompare(b.id)),
    marks: reviews.filter((r) => r.labels.length > 0).map((r) => ({ id: r.id, labels: [...r.labels].sort() })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** Anna creates the team workspace "bakkerij" from a folder with reviews, Bram joins with an empty one. */
async function annaAndBram(team: ReturnType<typeof useBakkerijTeam>): Promise<{ anna: KalmCore; bram: KalmCore }> {
  const { anna, bram } = await createAndJoin(team, await seededFolder(3));
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

  it('two members who each create "Delivery" while apart end up with one label, both marks and the rule on it, the same everywhere', { timeout: 60_000 }, async () => {
    const { anna, bram } = await annaAndBram(team);
    // Apart: each creates the label (differing only in case and accent) and uses it.
    const hers = await anna.call('labels.save', { name: 'Delivery', color: '#0f766e' });
    await anna.call('labels.apply', { reviewIds: [id(0)], add: [hers.id], remove: [] });
    const his = await bram.call('labels.save', { name: 'délivery ', color: '#b45309' });
    await bram.call('labels.apply', { reviewIds: [id(1), id(0)], add: [his.id], remove: [] });
    await bram.call('labels.saveRules', { rules: [{ id: 'rule-bram', labelId: his.id, words: ['bezorging'] }] });
    expect(hers.id).not.toBe(his.id);

    await syncAll([anna, bram]);
    await syncAll([anna, bram]);
    const kept = [hers, his].sort((a, b) => a.id.localeCompare(b.id))[0]!;
    const expected = {
      labels: [{ id: kept.id, name: kept.name }],
      rules: [{ id: 'rule-bram', labelId: kept.id }],
      marks: [{ id: id(0), labels: [kept.id] }, { id: id(1), labels: [kept.id] }],
    };
    expect(await labelState(anna)).toEqual(expected);
    expect(await labelState(bram)).toEqual(expected);
    // Settled: syncing again changes nothing on either side.
    const seqs = async () => Promise.all([anna, bram].map(async (c) => (await c.team!.service!.db.info()).update_seq));
    const before = await seqs();
    await syncAll([anna, bram]);
    expect(await seqs()).toEqual(before);
  });

  it('a review a third member marked with the label that went away (while apart) is moved onto the one that stayed when she reconnects', { timeout: 90_000 }, async () => {
    const couch = team.couch();
    await couch.addUser('carl', 'carl-pw');
    await couch.createDb('winkel', ['anna', 'bram', 'carl']);
    const desk = async (dir: string, user: string, how: 'team.create' | 'team.join') => {
      const core = await openDesktop(dir);
      team.cores.push(core);
      await core.call(how, { server: couch.url, db: 'winkel', user, password: `${user}-pw` });
      return core;
    };
    const anna = await desk(await seededFolder(3), 'anna', 'team.create');
    const bram = await desk(await tempDataDir(), 'bram', 'team.join');
    const carl = await desk(await tempDataDir(), 'carl', 'team.join');
    const hers = await anna.call('labels.save', { name: 'Delivery', color: '#0f766e' });
    const his = await bram.call('labels.save', { name: 'Delivery', color: '#b45309' });
    const [kept, gone] = [hers, his].sort((a, b) => a.id.localeCompare(b.id)) as [typeof hers, typeof his];
    const [keeper, goner] = kept === hers ? [anna, bram] : [bram, anna];
    // Carl gets only the label that will go, and uses it while he is apart.
    await syncAll([goner]);
    await syncAll([carl]);
    await carl.call('labels.apply', { reviewIds: [id(2)], add: [gone.id], remove: [] });
    // The other two meet and merge.
    await syncAll([keeper, goner]);
    await syncAll([keeper, goner]);
    // A later edit of the label that stayed keeps what it absorbed.
    await keeper.call('labels.save', { id: kept.id, name: 'Delivery', color: '#7c3aed' });
    await syncAll([keeper, goner]);
    // Carl reconnects.
    for (let i = 0; i < 3; i++) await syncAll([carl, keeper, goner]);
    for (const core of [anna, bram, carl]) {
      const state = await labelState(core);
      expect(state.labels).toEqual([{ id: kept.id, name: 'Delivery' }]);
      expect(state.marks).toEqual([{ id: id(2), labels: [kept.id] }]);
    }
  });

  it('the order the rules run in is shared: a reorder reaches the other member; two reorders made apart end in the later one on both, a rule added meanwhile after it', { timeout: 60_000 }, async () => {
    const { anna, bram } = await annaAndBram(team);
    const label = await anna.call('labels.save', { name: 'Service', color: '#0f766e' });
    const rule = (id: string) => ({ id, labelId: label.id, words: [id] });
    await anna.call('labels.saveRules', { rules: [rule('r1'), rule('r2'), rule('r3')] });
    await syncAll([anna, bram]);
    const order = async (core: KalmCore) => (await core.call('labels.list', {})).rules.map((r) => r.id);
    expect(await order(bram)).toEqual(['r1', 'r2', 'r3']);

    await anna.call('labels.saveRules', { rules: [rule('r2'), rule('r1'), rule('r3')] });
    await syncAll([anna, bram]);
    expect(await order(bram)).toEqual(['r2', 'r1', 'r3']);

    // Apart: Anna moves r3 first and adds a rule; a moment later Bram moves r1 first.
    await anna.call('labels.saveRules', { rules: [rule('r3'), rule('r2'), rule('r1'), rule('rA')] });
    await new Promise((r) => setTimeout(r, 10));
    await bram.call('labels.saveRules', { rules: [rule('r1'), rule('r2'), rule('r3')] });
    await syncAll([anna, bram]);
    await syncAll([anna, bram]);
    expect(await order(anna)).toEqual(['r1', 'r2', 'r3', 'rA']);
    expect(await order(bram)).toEqual(['r1', 'r2', 'r3', 'rA']);
  });
});
