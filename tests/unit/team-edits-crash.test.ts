import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { createAndJoin, openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { runChildUntilKilled } from '../team/kill-child';

const id = (i: number) => `trustpilot:shop:r${String(i).padStart(4, '0')}`;
const IDS = [0, 1, 2, 3, 4].map(id);
const CHILD = 'tests/team/edits-crash-child.ts';

/** Runs the child on the data folder and kills it with SIGKILL once it says the local files have its second round of edits (none is in the replica). */
function editThenKill(dataDir: string): Promise<void> {
  return runChildUntilKilled(CHILD, [dataDir, ...IDS]);
}

/** What a desktop has of the records the child edited. */
async function seen(core: KalmCore) {
  const { labels } = await core.call('labels.list', {});
  const name = new Map(labels.map((l) => [l.id, l.name]));
  const reviews = (await core.call('reviews.query', { status: 'all', limit: 50 })).items;
  const review = (i: number) => reviews.find((r) => r.id === id(i));
  return {
    labels: (review(0)?.labels ?? []).map((l) => name.get(l) ?? l).sort(),
    note: review(1)?.note ?? null,
    assignee: review(2)?.assignee ?? null,
    draft: (await core.call('drafts.list', {})).drafts.find((d) => d.reviewId === id(3))?.text ?? null,
    reply: (await core.call('outbox.list', {})).items.find((x) => x.reviewId === id(4))?.text ?? null,
  };
}

const FIRST = { labels: ['Eerste'], note: 'Eerste notitie', assignee: 'sanne', draft: 'Eerste tekst', reply: 'Eerste reactie' };
const SECOND = { labels: ['Tweede'], note: 'Tweede notitie', assignee: 'piet', draft: 'Tweede tekst', reply: 'Tweede reactie' };

/** Anna and Bram in one team; Anna's desktop is closed, its folder returned, ready for the child. */
async function team(t: ReturnType<typeof useBakkerijTeam>): Promise<{ dir: string; bram: KalmCore }> {
  const dir = await seededFolder(6);
  const { anna, bram } = await createAndJoin(t, dir);
  await anna.call('settings.update', { team: [{ id: 'sanne', name: 'Sanne' }, { id: 'piet', name: 'Piet' }] });
  await anna.call('labels.save', { name: 'Eerste', color: '#0f766e' });
  await anna.call('labels.save', { name: 'Tweede', color: '#b45309' });
  await syncAll([anna, bram]);
  await anna.close();
  return { dir, bram };
}

describe('team workspace: local edits a crash kept from the replica survive the next start', () => {
  const t = useBakkerijTeam();

  it('a label, note, assignee, draft text and queued reply made just before SIGKILL stay here and reach the other member', { timeout: 90_000 }, async () => {
    const { dir, bram } = await team(t);
    await editThenKill(dir);
    // The replica has only the first round: the team's version of each record is older than the local one.
    await syncAll([bram]);
    expect(await seen(bram)).toEqual(FIRST);

    const anna = await openDesktop(dir);
    t.cores.push(anna);
    await anna.team!.service!.bridge.settle();
    expect(await seen(anna)).toEqual(SECOND);
    await syncAll([anna, bram]);
    expect(await seen(bram)).toEqual(SECOND);
    expect(await seen(anna)).toEqual(SECOND);
  });

  it('a newer edit another member made meanwhile still wins over the crashed one; the other crashed edits survive', { timeout: 90_000 }, async () => {
    const { dir, bram } = await team(t);
    await editThenKill(dir);
    await syncAll([bram]);
    await bram.call('notes.set', { reviewId: id(1), note: 'Notitie van Bram' });
    await syncAll([bram]);

    const anna = await openDesktop(dir);
    t.cores.push(anna);
    await anna.team!.service!.bridge.settle();
    await syncAll([anna, bram]);
    const expected = { ...SECOND, note: 'Notitie van Bram' };
    expect(await seen(anna)).toEqual(expected);
    expect(await seen(bram)).toEqual(expected);
  });
});
