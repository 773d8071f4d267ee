import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { TEAM_PENDING_ENTITY_EDITS_FILE } from '../../electron/core/team/pending-entity-edits';
import { RuleOrderDoc } from '../../shared/team/team-docs';
import { createAndJoin, openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { runChildUntilKilled } from '../team/kill-child';

const CHILD = 'tests/team/rule-order-crash-child.ts';
const START = ['r-a', 'r-b', 'r-c'];
/** Anna's first reorder (it reaches the team) and her second (made just before the SIGKILL: only in her labels.json). */
const FIRST = ['r-c', 'r-a', 'r-b'];
const SECOND = ['r-b', 'r-c', 'r-a'];
/** Bram's reorder. */
const BRAM = ['r-a', 'r-c', 'r-b'];

/** The order a desktop runs its rules in. */
const order = async (core: KalmCore): Promise<string[]> => (await core.call('labels.list', {})).rules.map((r) => r.id);

/** Saves the same rules in this order (as dragging them in the rules list does). */
async function reorder(core: KalmCore, ids: readonly string[]): Promise<void> {
  const { rules } = await core.call('labels.list', {});
  await core.call('labels.saveRules', { rules: ids.map((id) => rules.find((r) => r.id === id)).flatMap((r) => (r ? [r] : [])) });
}

/** Anna and Bram in one team with three rules in the START order; Anna's desktop is closed, its folder returned, ready for the child. */
async function team(t: ReturnType<typeof useBakkerijTeam>): Promise<{ dir: string; bram: KalmCore }> {
  const dir = await seededFolder(2);
  const { anna, bram } = await createAndJoin(t, dir);
  const label = await anna.call('labels.save', { name: 'Vers', color: '#7c3aed' });
  await anna.call('labels.saveRules', { rules: START.map((id) => ({ id, labelId: label.id, words: [id.slice(2)] })) });
  await syncAll([anna, bram]);
  expect(await order(bram)).toEqual(START);
  await anna.close();
  return { dir, bram };
}

/** Anna's core in a child process reorders twice and is killed right after the second order is in her labels.json; gives the moment of that edit. */
async function reorderThenKill(dir: string): Promise<string | undefined> {
  await runChildUntilKilled(CHILD, [dir, FIRST.join(','), SECOND.join(',')]);
  // The kill left the second order journaled (its edit's moment with it), not in the replica.
  const journal = existsSync(join(dir, TEAM_PENDING_ENTITY_EDITS_FILE))
    ? JSON.parse(readFileSync(join(dir, TEAM_PENDING_ENTITY_EDITS_FILE), 'utf8')) as { ruleOrder?: { ids: string[]; at: string } }
    : {};
  return journal.ruleOrder?.ids.join() === SECOND.join() ? journal.ruleOrder.at : undefined;
}

/** Anna's desktop opened again after the crash, settled. */
async function restart(t: ReturnType<typeof useBakkerijTeam>, dir: string): Promise<KalmCore> {
  const anna = await openDesktop(dir);
  t.cores.push(anna);
  await anna.team!.service!.bridge.settle();
  return anna;
}

describe('team workspace: a rule reorder a crash kept from the replica survives the next start', () => {
  const t = useBakkerijTeam();

  it('a reorder made just before SIGKILL stays here and reaches the other member; its journal entry is then done', { timeout: 90_000 }, async () => {
    const { dir, bram } = await team(t);
    const editedAt = await reorderThenKill(dir);
    await syncAll([bram]);
    expect(await order(bram)).toEqual(FIRST);

    const anna = await restart(t, dir);
    expect(await order(anna)).toEqual(SECOND);
    await syncAll([anna, bram]);
    expect(await order(bram)).toEqual(SECOND);
    expect(await order(anna)).toEqual(SECOND);
    // The team's document carries the moment of Anna's edit, not of the push at the restart.
    expect(editedAt).toBeDefined();
    const doc = RuleOrderDoc.parse(await bram.team!.service!.db.get('order:rules'));
    expect(doc).toMatchObject({ ids: SECOND, at: editedAt, by: 'anna' });
    expect(existsSync(join(dir, TEAM_PENDING_ENTITY_EDITS_FILE))).toBe(false);
  });

  it('a reorder another member made after the crashed one still wins on both desktops', { timeout: 90_000 }, async () => {
    const { dir, bram } = await team(t);
    await reorderThenKill(dir);
    await syncAll([bram]);
    await reorder(bram, BRAM);
    await syncAll([bram]);

    const anna = await restart(t, dir);
    await syncAll([anna, bram]);
    expect(await order(anna)).toEqual(BRAM);
    expect(await order(bram)).toEqual(BRAM);
  });

  it('a reorder another member made before the crashed one (sent only later) loses to it on both desktops', { timeout: 90_000 }, async () => {
    const { dir, bram } = await team(t);
    // Bram's replica has his reorder; the team gets it only after Anna's crashed edit.
    await reorder(bram, BRAM);
    await bram.team!.service!.bridge.settle();
    await reorderThenKill(dir);
    await syncAll([bram]);

    const anna = await restart(t, dir);
    await syncAll([anna, bram]);
    expect(await order(anna)).toEqual(SECOND);
    expect(await order(bram)).toEqual(SECOND);
  });
});
