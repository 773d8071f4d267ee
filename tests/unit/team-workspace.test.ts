import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { openDesktop, seededFolder, snapshot } from '../team/desktops';
import { startStandIn, type StandIn } from '../team/standin-server';
import { tempDataDir } from './helpers';

const MEMBERS = ['anna', 'bram', 'cem', 'dewi', 'eva'];
const reviewId = (i: number) => `trustpilot:shop:r${String(i).padStart(4, '0')}`;
const until = async (what: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out waiting for the desktops to agree');
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** The label definitions, the rules' words and the shared template's variants, as one desktop sees them. */
async function definitions(core: KalmCore) {
  const { labels, rules } = await core.call('labels.list', {});
  const templates = (await core.call('templates.list', {})).templates.filter((t) => !t.builtIn);
  return {
    labels: labels.map((l) => ({ name: l.name, color: l.color })).sort((a, b) => a.name.localeCompare(b.name)),
    rules: rules.map((r) => r.words),
    template: templates.find((t) => t.name === 'Dank')?.variants ?? null,
  };
}

describe('team workspace: five desktops on one stand-in CouchDB', () => {
  let couch: StandIn;
  const cores: KalmCore[] = [];
  beforeEach(async () => {
    couch = await startStandIn();
    for (const m of MEMBERS) await couch.addUser(m, `${m}-pw`);
    await couch.createDb('bakkerij', MEMBERS);
  });
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()));
    await couch.close();
  });

  it('creates, joins, merges offline edits from all five without losing one, and ends identical everywhere', async () => {
    const anna = await openDesktop(await seededFolder(12));
    cores.push(anna);
    const created = await anna.call('team.create', { server: couch.url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    expect(created).toMatchObject({ enabled: true, db: 'bakkerij', user: 'anna' });
    for (const m of MEMBERS.slice(1)) {
      const core = await openDesktop(await tempDataDir());
      cores.push(core);
      const progress: number[] = [];
      await core.team!.join({ server: couch.url, db: 'bakkerij', user: m, password: `${m}-pw` }, (done) => progress.push(done));
      expect(progress.at(-1)).toBeGreaterThanOrEqual(12);
      expect((await core.call('reviews.query', { status: 'all', limit: 500 })).total).toBe(12);
      expect((await core.call('workspace.get', {})).locations.map((l) => l.name)).toEqual(['De Bakkerij']);
    }

    // A rule and a template made while online reach everyone before the team goes offline.
    const coffee = await anna.call('labels.save', { name: 'Koffie', color: '#b45309' });
    await anna.call('labels.saveRules', { rules: [{ id: 'rule-coffee', labelId: coffee.id, words: ['koffie'] }] });
    const template = await anna.call('templates.save', { name: 'Dank', lang: 'nl', band: 'praise', variants: ['Dank je wel!'] });
    for (const core of cores) await core.team!.service!.syncNow();
    for (const core of cores) await core.team!.service!.syncNow();
    for (const core of cores) {
      expect((await core.call('labels.list', {})).rules.map((r) => r.words)).toEqual([['koffie']]);
      expect((await core.call('templates.list', {})).templates.find((t) => t.id === template.id)?.variants).toEqual(['Dank je wel!']);
    }

    // Everyone goes offline and edits.
    await couch.pause();
    for (const [i, core] of cores.entries()) {
      await core.call('drafts.save', { reviewId: reviewId(i), text: `Draft by ${MEMBERS[i]}` });
      const label = await core.call('labels.save', { name: `by-${MEMBERS[i]}`, color: '#0f766e' });
      await core.call('labels.apply', { reviewIds: [reviewId(11)], add: [label.id], remove: [] });
      await core.call('notes.set', { reviewId: reviewId(5 + i), note: `Note of ${MEMBERS[i]}` });
    }
    // Bram, then Cem edit the rule; Dewi, then Eva the template (the later edit must win, the other go to history).
    const [, bram, cem, dewi, eva] = cores;
    await bram!.call('labels.saveRules', { rules: [{ id: 'rule-coffee', labelId: coffee.id, words: ['cappuccino'] }] });
    await dewi!.call('templates.save', { id: template.id, name: 'Dank', lang: 'nl', band: 'praise', variants: ['Dank je, Dewi'] });
    await new Promise((r) => setTimeout(r, 20));
    await cem!.call('labels.saveRules', { rules: [{ id: 'rule-coffee', labelId: coffee.id, words: ['espresso'] }] });
    await eva!.call('templates.save', { id: template.id, name: 'Dank', lang: 'nl', band: 'praise', variants: ['Dank je, Eva'] });
    await couch.resume();
    for (const core of cores) await core.team!.service!.syncNow();
    for (const core of cores) await core.team!.service!.syncNow();

    const expected = await snapshot(cores[0]!);
    await until(async () => {
      const all = await Promise.all(cores.map(snapshot));
      return all.every((s) => JSON.stringify(s) === JSON.stringify(all[0]));
    });
    await until(async () => {
      const all = await Promise.all(cores.map(async (c) => JSON.stringify(await definitions(c))));
      return all.every((x) => x === all[0]);
    });
    for (const core of cores) {
      const defs = await definitions(core);
      // Every label made offline on one desktop arrived with its name and colour everywhere.
      for (const m of MEMBERS) expect(defs.labels).toContainEqual({ name: `by-${m}`, color: '#0f766e' });
      expect(defs.labels).toContainEqual({ name: 'Koffie', color: '#b45309' });
      expect(defs.rules).toEqual([['espresso']]);
      expect(defs.template).toEqual(['Dank je, Eva']);
    }
    const ruleDoc = await anna.team!.service!.db.get('rule:rule-coffee');
    expect(JSON.stringify(ruleDoc)).toContain('cappuccino');
    const templateDoc = await anna.team!.service!.db.get(`template:${template.id}`);
    expect(JSON.stringify(templateDoc)).toContain('Dank je, Dewi');

    const merged = (await snapshot(cores[0]!)) as { reviews: { id: string; labels: string[]; note: string | null }[]; drafts: { reviewId: string; text: string }[] };
    expect(merged.drafts.map((d) => d.text).sort()).toEqual(MEMBERS.map((m) => `Draft by ${m}`).sort());
    expect(merged.reviews.find((r) => r.id === reviewId(11))!.labels).toHaveLength(5);
    for (const [i, m] of MEMBERS.entries()) expect(merged.reviews.find((r) => r.id === reviewId(5 + i))!.note).toBe(`Note of ${m}`);
    expect(expected).toBeDefined();
  });
});
