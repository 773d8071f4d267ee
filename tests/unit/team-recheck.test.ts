import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { createAndJoin, openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';

const id = (i: number) => `trustpilot:shop:r${String(i).padStart(4, '0')}`;

/** Makes the desktop's replica refuse every write, as if the process died between the local write and the replica write. */
function crashBeforeReplicaWrites(core: KalmCore): void {
  const db = core.team!.service!.db;
  const crashed = () => Promise.reject(new Error('the process died before the replica write'));
  db.put = crashed as typeof db.put;
  db.bulkDocs = crashed as typeof db.bulkDocs;
}

/** What Bram received of Anna's edits. */
async function received(bram: KalmCore) {
  const reviews = (await bram.call('reviews.query', { status: 'all', limit: 50 })).items;
  const labels = (await bram.call('labels.list', {})).labels.map((l) => l.name);
  return {
    draft: (await bram.call('drafts.list', {})).drafts.find((d) => d.reviewId === id(0))?.text ?? null,
    note: reviews.find((r) => r.id === id(1))?.note ?? null,
    labelled: reviews.find((r) => r.id === id(2))?.labels.length ?? 0,
    labels,
    template: (await bram.call('templates.list', {})).templates.find((t) => t.name === 'Na de crash')?.variants ?? null,
    outbox: (await bram.call('outbox.list', {})).items.filter((i) => i.reviewId === id(2)).map((i) => i.text),
  };
}

describe('team workspace: an edit a crash kept from the replica is pushed at the next start', () => {
  const team = useBakkerijTeam();

  it('every local review, draft, outbox item, label and template missing from the replica reaches the other desktop after a restart', { timeout: 60_000 }, async () => {
    const dir = await seededFolder(4);
    const { anna, bram } = await createAndJoin(team, dir);

    crashBeforeReplicaWrites(anna);
    await anna.call('drafts.save', { reviewId: id(0), text: 'Written just before the crash' });
    await anna.call('notes.set', { reviewId: id(1), note: 'Called the customer' });
    const label = await anna.call('labels.save', { name: 'Na crash', color: '#0f766e' });
    await anna.call('labels.apply', { reviewIds: [id(2)], add: [label.id], remove: [] });
    await anna.call('templates.save', { name: 'Na de crash', lang: 'nl', band: 'praise', variants: ['Dank je!'] });
    await anna.call('outbox.send', { reviewId: id(2), text: 'Dank je wel voor je review!' });
    await anna.close();
    // Without the re-check none of it would ever reach Bram: the local files have it, the replica does not.
    await syncAll([bram]);
    expect(await received(bram)).toEqual({ draft: null, note: null, labelled: 0, labels: [], template: null, outbox: [] });

    const restarted = await openDesktop(dir);
    team.cores.push(restarted);
    await syncAll([restarted, bram]);
    expect(await received(bram)).toEqual({
      draft: 'Written just before the crash',
      note: 'Called the customer',
      labelled: 1,
      labels: ['Na crash'],
      template: ['Dank je!'],
      outbox: ['Dank je wel voor je review!'],
    });

    // Nothing newer than the replica any more: a further restart writes nothing.
    const before = (await restarted.team!.service!.db.info()).update_seq;
    await restarted.close();
    const again = await openDesktop(dir);
    team.cores.push(again);
    await again.team!.service!.bridge.settle();
    expect((await again.team!.service!.db.info()).update_seq).toBe(before);
  });
});
