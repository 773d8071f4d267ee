import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { openDesktop, seededFolder } from '../team/desktops';
import { startStandIn, type StandIn } from '../team/standin-server';
import { tempDataDir } from './helpers';

const REVIEW = 'trustpilot:shop:r0001';
const text = async (core: KalmCore) => (await core.call('drafts.list', {})).drafts.find((d) => d.reviewId === REVIEW)?.text;
const others = async (core: KalmCore) => (await core.call('team.otherDrafts', { reviewId: REVIEW })).others.map((o) => [o.by, o.text]);
const syncBoth = async (cores: KalmCore[]) => {
  for (let i = 0; i < 2; i++) for (const c of cores) await c.team!.service!.syncNow();
};

describe('team workspace: two people draft the same review offline', () => {
  let couch: StandIn;
  const cores: KalmCore[] = [];
  beforeEach(async () => {
    couch = await startStandIn();
    await couch.addUser('anna', 'anna-pw');
    await couch.addUser('bram', 'bram-pw');
    await couch.createDb('bakkerij', ['anna', 'bram']);
  });
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()));
    await couch.close();
  });

  it('each keeps her own text and sees the other one beside it; settling on one desktop settles it for both', async () => {
    const anna = await openDesktop(await seededFolder(3));
    const bram = await openDesktop(await tempDataDir());
    cores.push(anna, bram);
    await anna.call('team.create', { server: couch.url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: couch.url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });

    await couch.pause();
    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: sorry for the wait.' });
    await new Promise((r) => setTimeout(r, 20));
    await bram.call('drafts.save', { reviewId: REVIEW, text: 'Bram: we will call you.' });
    await couch.resume();
    await syncBoth(cores);

    expect(await text(anna)).toBe('Anna: sorry for the wait.');
    expect(await text(bram)).toBe('Bram: we will call you.');
    expect(await others(anna)).toEqual([['bram', 'Bram: we will call you.']]);
    expect(await others(bram)).toEqual([['anna', 'Anna: sorry for the wait.']]);

    // Anna edits on: Bram's text stays beside hers.
    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: sorry for the wait, we are on it.' });
    await syncBoth(cores);
    expect(await others(anna)).toEqual([['bram', 'Bram: we will call you.']]);

    // Bram merges both and settles: one draft for the team, nothing beside it any more.
    const merged = 'Anna: sorry for the wait, we are on it.\n\nBram: we will call you.';
    await bram.call('team.settleOtherDrafts', { reviewId: REVIEW });
    await bram.call('drafts.save', { reviewId: REVIEW, text: merged });
    await syncBoth(cores);
    expect(await others(anna)).toEqual([]);
    expect(await others(bram)).toEqual([]);
    expect(await text(anna)).toBe(merged);
    expect(await text(bram)).toBe(merged);
  });
});
