import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { tempDataDir } from './helpers';

const REVIEW = 'trustpilot:shop:r0001';
const text = async (core: KalmCore) => (await core.call('drafts.list', {})).drafts.find((d) => d.reviewId === REVIEW)?.text;
const others = async (core: KalmCore) => (await core.call('team.otherDrafts', { reviewId: REVIEW })).others.map((o) => [o.by, o.text]);

describe('team workspace: two people draft the same review offline', () => {
  const team = useBakkerijTeam();
  const cores = team.cores;

  it('each keeps her own text and sees the other one beside it; settling on one desktop settles it for both', async () => {
    const anna = await openDesktop(await seededFolder(3));
    const bram = await openDesktop(await tempDataDir());
    cores.push(anna, bram);
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });

    await team.couch().pause();
    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: sorry for the wait.' });
    await new Promise((r) => setTimeout(r, 20));
    await bram.call('drafts.save', { reviewId: REVIEW, text: 'Bram: we will call you.' });
    await team.couch().resume();
    await syncAll(cores);

    expect(await text(anna)).toBe('Anna: sorry for the wait.');
    expect(await text(bram)).toBe('Bram: we will call you.');
    expect(await others(anna)).toEqual([['bram', 'Bram: we will call you.']]);
    expect(await others(bram)).toEqual([['anna', 'Anna: sorry for the wait.']]);

    // Anna edits on: Bram's text stays beside hers.
    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: sorry for the wait, we are on it.' });
    await syncAll(cores);
    expect(await others(anna)).toEqual([['bram', 'Bram: we will call you.']]);

    // Bram merges both and settles: one draft for the team, nothing beside it any more.
    const merged = 'Anna: sorry for the wait, we are on it.\n\nBram: we will call you.';
    await bram.call('team.settleOtherDrafts', { reviewId: REVIEW });
    await bram.call('drafts.save', { reviewId: REVIEW, text: merged });
    await syncAll(cores);
    expect(await others(anna)).toEqual([]);
    expect(await others(bram)).toEqual([]);
    expect(await text(anna)).toBe(merged);
    expect(await text(bram)).toBe(merged);
  });
});
