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

    // Everyone goes offline and edits.
    await couch.pause();
    for (const [i, core] of cores.entries()) {
      await core.call('drafts.save', { reviewId: reviewId(i), text: `Draft by ${MEMBERS[i]}` });
      const label = await core.call('labels.save', { name: `by-${MEMBERS[i]}`, color: '#0f766e' });
      await core.call('labels.apply', { reviewIds: [reviewId(11)], add: [label.id], remove: [] });
      await core.call('reviews.setNote', { reviewId: reviewId(5 + i), note: `Note of ${MEMBERS[i]}` });
    }
    await couch.resume();
    for (const core of cores) await core.team!.service!.syncNow();
    for (const core of cores) await core.team!.service!.syncNow();

    const expected = await snapshot(cores[0]!);
    await until(async () => {
      const all = await Promise.all(cores.map(snapshot));
      return all.every((s) => JSON.stringify(s) === JSON.stringify(all[0]));
    });
    const merged = (await snapshot(cores[0]!)) as { reviews: { id: string; labels: string[]; note: string | null }[]; drafts: { reviewId: string; text: string }[] };
    expect(merged.drafts.map((d) => d.text).sort()).toEqual(MEMBERS.map((m) => `Draft by ${m}`).sort());
    expect(merged.reviews.find((r) => r.id === reviewId(11))!.labels).toHaveLength(5);
    for (const [i, m] of MEMBERS.entries()) expect(merged.reviews.find((r) => r.id === reviewId(5 + i))!.note).toBe(`Note of ${m}`);
    expect(expected).toBeDefined();
  });
});
