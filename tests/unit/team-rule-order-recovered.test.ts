import { describe, expect, it } from 'vitest';
import { LabelStore } from '../../electron/core/labels/label-store';
import { PendingEntityEdits } from '../../electron/core/team/pending-entity-edits';
import { openLocalTeamDb, type TeamDb } from '../../electron/core/team/pouch';
import { putTeamDoc } from '../../electron/core/team/replica-docs';
import { RuleOrder } from '../../electron/core/team/rule-order';
import { Label } from '../../shared/domain/label';
import { LabelRule } from '../../shared/labels/label-schema';
import { RuleOrderDoc } from '../../shared/team/team-docs';
import { tempDataDir } from './helpers';

const rule = (id: string) => LabelRule.parse({ id, labelId: 'l-vers', words: [id] });
const at = (minute: number) => `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** A desktop's data folder whose last run journaled the order `journaled` at 10:05 and wrote it to labels.json; its replica has `team`. */
async function desktop(journaled: string[], team: RuleOrderDoc | null) {
  const dir = await tempDataDir();
  const labels = await LabelStore.open(dir, { readOnly: false, now: () => new Date(), report: () => undefined });
  await labels.save({ schemaVersion: 1, labels: [Label.parse({ schemaVersion: 1, id: 'l-vers', name: 'Vers', color: '#7c3aed' })], rules: journaled.map(rule) });
  new PendingEntityEdits(dir).add([], at(5), journaled);
  const db: TeamDb = openLocalTeamDb(dir);
  if (team) await putTeamDoc(db, 'order:rules', () => team);
  const journal = new PendingEntityEdits(dir);
  const order = new RuleOrder({
    db, labels, journal, member: 'anna', now: () => new Date(at(30)),
    writeLocal: (next) => labels.save(next), put: (id, make) => putTeamDoc(db, id, make),
  });
  const replica = async () => RuleOrderDoc.parse(await db.get('order:rules'));
  const local = () => labels.current.rules.map((r) => r.id);
  return { dir, db, labels, journal, order, replica, local };
}

describe('team rules: the order a crash kept from the replica (rule-order.ts)', () => {
  it('is kept while the replica is applied, then pushed with the moment of the edit and the journal entry is done', async () => {
    const d = await desktop(['r-b', 'r-c', 'r-a'], { type: 'ruleOrder', ids: ['r-a', 'r-b', 'r-c'], at: at(1), by: 'bram' });
    await d.order.afterApply(['order:rules']);
    expect(d.local()).toEqual(['r-b', 'r-c', 'r-a']);
    await d.order.pushRecovered();
    expect(await d.replica()).toEqual({ type: 'ruleOrder', ids: ['r-b', 'r-c', 'r-a'], at: at(5), by: 'anna' });
    expect(d.local()).toEqual(['r-b', 'r-c', 'r-a']);
    expect(d.journal.ruleOrder()).toBeNull();
    await d.journal.flush();
    expect(new PendingEntityEdits(d.dir).ruleOrder()).toBeNull();
    await d.db.close();
  });

  it("loses to the team's order made after it, which then applies here", async () => {
    const d = await desktop(['r-b', 'r-c', 'r-a'], { type: 'ruleOrder', ids: ['r-c', 'r-b', 'r-a'], at: at(9), by: 'bram' });
    await d.order.pushRecovered();
    expect(await d.replica()).toMatchObject({ ids: ['r-c', 'r-b', 'r-a'], at: at(9), by: 'bram' });
    expect(d.local()).toEqual(['r-c', 'r-b', 'r-a']);
    await d.db.close();
  });

  it('is written when the replica has no order yet, without the rules removed here meanwhile', async () => {
    const d = await desktop(['r-b', 'r-c', 'r-a'], null);
    await d.labels.save({ ...d.labels.current, rules: d.labels.current.rules.filter((r) => r.id !== 'r-c') });
    await d.order.pushRecovered();
    expect(await d.replica()).toEqual({ type: 'ruleOrder', ids: ['r-b', 'r-a'], at: at(5), by: 'anna' });
    await d.db.close();
  });

  it('gives way to a reorder made here since the start (that one is pushed by its own save)', async () => {
    const d = await desktop(['r-b', 'r-c', 'r-a'], { type: 'ruleOrder', ids: ['r-a', 'r-b', 'r-c'], at: at(1), by: 'bram' });
    d.journal.add([], at(20), ['r-a', 'r-c', 'r-b']);
    await d.labels.save({ ...d.labels.current, rules: ['r-a', 'r-c', 'r-b'].map(rule) });
    await d.order.pushRecovered();
    expect(d.local()).toEqual(['r-a', 'r-c', 'r-b']);
    expect(await d.replica()).toMatchObject({ ids: ['r-a', 'r-b', 'r-c'], at: at(1) });
    expect(d.journal.ruleOrder()).toEqual({ ids: ['r-a', 'r-c', 'r-b'], at: at(20) });
    // Until its push is done the team's order does not replace it here; after that the local rules follow the team's order again.
    await d.order.afterApply(['order:rules']);
    expect(d.local()).toEqual(['r-a', 'r-c', 'r-b']);
    d.journal.ruleOrderDone(at(20));
    await d.order.afterApply(['order:rules']);
    expect(d.local()).toEqual(['r-a', 'r-b', 'r-c']);
    await d.db.close();
  });
});
