import { describe, expect, it } from 'vitest';
import type { KalmCore } from '../../electron/core/create-kalm';
import { EntityDoc } from '../../shared/team/team-docs';
import { createAndJoin, openDesktop, seededFolder, syncAll, useBakkerijTeam } from '../team/desktops';
import { runChildUntilKilled } from '../team/kill-child';

const CHILD = 'tests/team/entities-crash-child.ts';

interface Ids { label: string; rule: string; template: string }

/** Runs the child on the data folder and kills it with SIGKILL once it says the local files have its second round of edits (none is in the replica). */
function editThenKill(dataDir: string, ids: Ids): Promise<void> {
  return runChildUntilKilled(CHILD, [dataDir, ids.label, ids.rule, ids.template]);
}

/** What a desktop has of the label, rule and template the child edited. */
async function seen(core: KalmCore, ids: Ids) {
  const { labels, rules } = await core.call('labels.list', {});
  const label = labels.find((l) => l.id === ids.label);
  const { templates } = await core.call('templates.list', {});
  return {
    label: label ? `${label.name} ${label.color}` : null,
    rule: rules.find((r) => r.id === ids.rule)?.words ?? null,
    template: templates.find((x) => x.id === ids.template)?.name ?? null,
  };
}

const FIRST = { label: 'Eerste #0f766e', rule: ['eerste'], template: 'Eerste sjabloon' };
const SECOND = { label: 'Tweede #b45309', rule: ['tweede'], template: 'Tweede sjabloon' };

/** Anna and Bram in one team with a label, a rule and a template; Anna's desktop is closed, its folder returned, ready for the child. */
async function team(t: ReturnType<typeof useBakkerijTeam>): Promise<{ dir: string; bram: KalmCore; ids: Ids }> {
  const dir = await seededFolder(2);
  const { anna, bram } = await createAndJoin(t, dir);
  const label = await anna.call('labels.save', { name: 'Vers', color: '#7c3aed' });
  const { rules } = await anna.call('labels.saveRules', { rules: [{ id: 'r-vers', labelId: label.id, words: ['vers'] }] });
  const template = await anna.call('templates.save', { name: 'Dank', lang: 'nl', band: 'praise', variants: ['Dank je!'] });
  await syncAll([anna, bram]);
  await anna.close();
  return { dir, bram, ids: { label: label.id, rule: rules[0]?.id ?? 'r-vers', template: template.id } };
}

describe('team workspace: label, rule and template edits a crash kept from the replica survive the next start', () => {
  const t = useBakkerijTeam();

  it('a label name and colour, a rule and a template edited just before SIGKILL stay here and reach the other member', { timeout: 90_000 }, async () => {
    const { dir, bram, ids } = await team(t);
    await editThenKill(dir, ids);
    // The replica has only the first round: the team's version of each is older than the local one.
    await syncAll([bram]);
    expect(await seen(bram, ids)).toEqual(FIRST);

    const anna = await openDesktop(dir);
    t.cores.push(anna);
    await anna.team!.service!.bridge.settle();
    expect(await seen(anna, ids)).toEqual(SECOND);
    await syncAll([anna, bram]);
    expect(await seen(bram, ids)).toEqual(SECOND);
    expect(await seen(anna, ids)).toEqual(SECOND);
  });

  it('a newer label edit another member made meanwhile still wins over the crashed one; the other crashed edits survive', { timeout: 90_000 }, async () => {
    const { dir, bram, ids } = await team(t);
    await editThenKill(dir, ids);
    await syncAll([bram]);
    await bram.call('labels.save', { id: ids.label, name: 'Van Bram', color: '#be123c' });
    await syncAll([bram]);

    const anna = await openDesktop(dir);
    t.cores.push(anna);
    await anna.team!.service!.bridge.settle();
    await syncAll([anna, bram]);
    const expected = { ...SECOND, label: 'Van Bram #be123c' };
    expect(await seen(anna, ids)).toEqual(expected);
    expect(await seen(bram, ids)).toEqual(expected);
    // The crashed edit lost to the later one and is kept in the label's history (merge rules, shared/team/merge.ts).
    const doc = EntityDoc.parse(await bram.team!.service!.db.get(`label:${ids.label}`));
    expect(doc.history.map((h) => JSON.parse(h.text) as { name: string }).map((b) => b.name)).toContain('Tweede');
  });
});
