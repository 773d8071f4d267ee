import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { tempDataDir } from './helpers';

const REVIEW = 'trustpilot:shop:r0001';
const text = async (core: KalmCore) => (await core.call('drafts.list', {})).drafts.find((d) => d.reviewId === REVIEW)?.text;
const others = async (core: KalmCore) => (await core.call('team.otherDrafts', { reviewId: REVIEW })).others.map((o) => [o.by, o.text]);

/** Waits until `read` gives what `ok` accepts, with live replication only (no `team.sync`); fails with the last value. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 20_000;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`waited 20 s for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}

describe('team workspace: two people draft the same review while both are online (live replication)', () => {
  const team = useBakkerijTeam();
  const cores = team.cores;

  /** A desktop of a host that replicates live (as the app and the web host do); replies are not published by themselves. */
  const liveDesktop = async (dir: string) => openDesktop(dir, { host: 'web', autoPublish: false });

  /** Anna's and Bram's desktops in one team; `live: false`: they replicate only on `team.sync` (apart until then). */
  async function annaAndBram({ live } = { live: true }): Promise<{ anna: KalmCore; bram: KalmCore }> {
    const open = live ? liveDesktop : openDesktop;
    const anna = await open(await seededFolder(3));
    const bram = await open(await tempDataDir());
    cores.push(anna, bram);
    await anna.call('team.create', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });
    await bram.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'bram', password: 'bram-pw' });
    return { anna, bram };
  }

  it('neither text is lost: each keeps her own draft and sees the other one beside it, as it arrives', async () => {
    const { anna, bram } = await annaAndBram();
    const changedOnAnna: string[] = [];
    anna.on('drafts.changed', (e) => changedOnAnna.push(e.reviewId));

    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: sorry for the wait.' });
    // Bram opens the review: Anna's draft has reached his desktop.
    await until(() => text(bram), (t) => t === 'Anna: sorry for the wait.', "Anna's draft on Bram's desktop");
    expect(await others(bram)).toEqual([]);

    await bram.call('drafts.save', { reviewId: REVIEW, text: 'Bram: we will call you today.' });
    expect(await until(() => others(anna), (o) => o.length > 0, "Bram's draft on Anna's desktop")).toEqual([['bram', 'Bram: we will call you today.']]);
    expect(await text(anna)).toBe('Anna: sorry for the wait.');
    expect(changedOnAnna).toContain(REVIEW); // the composer's "also drafted" refreshes on this push event

    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: sorry for the wait, we are on it.' });
    await until(() => others(bram), (o) => o.some(([, t]) => t === 'Anna: sorry for the wait, we are on it.'), "Anna's edit on Bram's desktop");
    expect(await others(bram)).toEqual([['anna', 'Anna: sorry for the wait, we are on it.']]);
    expect(await text(bram)).toBe('Bram: we will call you today.');
    expect(await text(anna)).toBe('Anna: sorry for the wait, we are on it.');
    expect(await others(anna)).toEqual([['bram', 'Bram: we will call you today.']]);

    // Anna keeps hers: settled for the team, Bram's desktop takes her text.
    await anna.call('team.settleOtherDrafts', { reviewId: REVIEW });
    await until(() => text(bram), (t) => t === 'Anna: sorry for the wait, we are on it.', 'the settled draft on Bram\'s desktop');
    expect(await others(bram)).toEqual([]);
    expect(await others(anna)).toEqual([]);
  });

  it('the same member on two desktops is no conflict (the later save wins); the same text is none either', async () => {
    const { anna, bram } = await annaAndBram();
    const laptop = await liveDesktop(await tempDataDir());
    cores.push(laptop);
    await laptop.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw' });

    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Thank you!' });
    await until(() => text(laptop), (t) => t === 'Thank you!', "Anna's draft on her laptop");
    await laptop.call('drafts.save', { reviewId: REVIEW, text: 'Thank you, see you soon!' });
    await until(() => text(anna), (t) => t === 'Thank you, see you soon!', 'the later save on the shop desktop');
    expect(await others(anna)).toEqual([]);
    expect(await others(laptop)).toEqual([]);

    // Bram saves exactly Anna's text (he opened it and only tidied nothing): no conflict anywhere.
    await until(() => text(bram), (t) => t === 'Thank you, see you soon!', "Anna's draft on Bram's desktop");
    await bram.call('drafts.save', { reviewId: REVIEW, text: 'Thank you, see you soon!' });
    await syncAll(cores);
    for (const c of cores) expect(await others(c)).toEqual([]);
    // And a later edit by Anna does not turn her own earlier text into "bram also drafted".
    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Thank you, see you soon! Anna' });
    await syncAll(cores);
    for (const c of cores) expect(await others(c)).toEqual([]);
    expect(await text(bram)).toBe('Thank you, see you soon! Anna');
  });

  it('a member who discards her draft drops only her own version: the other member keeps his', async () => {
    const { anna, bram } = await annaAndBram();
    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: we are sorry.' });
    await syncAll(cores);
    await bram.call('drafts.save', { reviewId: REVIEW, text: 'Bram: please call us.' });
    await syncAll(cores);
    expect(await others(anna)).toEqual([['bram', 'Bram: please call us.']]);

    await anna.call('drafts.discard', { reviewId: REVIEW });
    await syncAll(cores);
    expect(await text(bram)).toBe('Bram: please call us.');
    expect(await others(bram)).toEqual([]);
    // Anna's desktop shows the team's remaining draft (Bram's), nothing beside it.
    expect(await text(anna)).toBe('Bram: please call us.');
    expect(await others(anna)).toEqual([]);

    // Bram discards too: the draft is gone everywhere.
    await bram.call('drafts.discard', { reviewId: REVIEW });
    await syncAll(cores);
    expect(await text(anna)).toBeUndefined();
    expect(await text(bram)).toBeUndefined();
  });

  it('a draft queued as a reply on one desktop while the other, apart, edits his: his text stays, hers does not come back as a draft', async () => {
    const { anna, bram } = await annaAndBram({ live: false });
    await anna.call('drafts.save', { reviewId: REVIEW, text: 'Anna: thanks, fixed.' });
    await syncAll(cores);
    await bram.call('drafts.save', { reviewId: REVIEW, text: 'Bram: thanks!' });
    await syncAll(cores);
    expect(await others(anna)).toEqual([['bram', 'Bram: thanks!']]);

    // Both at once, apart: Anna queues her reply, Bram edits his draft (whose document still holds Anna's text beside it).
    await team.couch().pause();
    await anna.call('outbox.send', { reviewId: REVIEW, text: 'Anna: thanks, fixed.' });
    await bram.call('drafts.save', { reviewId: REVIEW, text: 'Bram: thanks, we fixed it.' });
    for (const c of cores) await c.team!.service!.bridge.settle(); // both edits are in the replicas: they meet as a conflict
    await team.couch().resume();
    await syncAll(cores);
    await syncAll(cores);

    expect(await text(bram)).toBe('Bram: thanks, we fixed it.');
    expect(await others(bram)).toEqual([]); // Anna's text is a queued reply now, not a draft beside his
    expect((await bram.call('outbox.list', {})).items.map((i) => i.text)).toEqual(['Anna: thanks, fixed.']);
    expect(await text(anna)).toBe('Bram: thanks, we fixed it.'); // the team's remaining draft, not her queued text again
    expect(await others(anna)).toEqual([]);
  });

  it('a draft one member took over and queued as a reply goes for the member who wrote it too', async () => {
    const { anna, bram } = await annaAndBram();
    const other = 'trustpilot:shop:r0002';
    const draftOf = async (core: KalmCore) => (await core.call('drafts.list', {})).drafts.find((d) => d.reviewId === other)?.text;
    await bram.call('drafts.save', { reviewId: other, text: 'Bram: on it.' });
    await until(() => draftOf(anna), (t) => t === 'Bram: on it.', "Bram's draft on Anna's desktop");
    await anna.call('outbox.send', { reviewId: other, text: 'Bram: on it.' });
    await until(() => draftOf(bram), (t) => t === undefined, "the queued draft gone from Bram's desktop");
    expect((await bram.call('outbox.list', {})).items.map((i) => i.text)).toEqual(['Bram: on it.']);
    expect(await draftOf(anna)).toBeUndefined();
  });
});
