/**
 * Child process of tests/unit/team-entities-crash.test.ts: opens a team desktop's data folder and edits a label
 * (name and colour), a rule and a template twice. The first round reaches the replica and the team (its applied
 * position is not saved: the kill comes within the 500 ms before that write, applied-seq.ts); then every write to
 * its replica hangs and the second round changes only the local files. Prints EDITED and waits to be killed with SIGKILL.
 */
import type { KalmCore } from '../../electron/core/create-kalm';
import { cutReplicaWrites, openCrashChild, sayAndAwaitKill } from './crash-child-seams';

const [dataDir, labelId, ruleId, templateId] = process.argv.slice(2);
if (!dataDir || !labelId || !ruleId || !templateId) throw new Error('usage: entities-crash-child DIR LABEL RULE TEMPLATE');

const { core, service } = await openCrashChild(dataDir);

/** One round of edits: the label's name and colour, the rule's words, the template's name. */
async function edit(c: KalmCore, round: { name: string; color: string; word: string; template: string }): Promise<void> {
  await c.call('labels.save', { id: labelId, name: round.name, color: round.color });
  const { rules } = await c.call('labels.list', {});
  await c.call('labels.saveRules', { rules: rules.map((r) => (r.id === ruleId ? { ...r, words: [round.word] } : r)) });
  await c.call('templates.save', { id: templateId, name: round.template, lang: 'nl', band: 'praise', variants: ['Dank je!'] });
}

// First round: in the replica (and applied here again from its changes feed at the next start).
await edit(core, { name: 'Eerste', color: '#0f766e', word: 'eerste', template: 'Eerste sjabloon' });
await service.bridge.settle();
await service.syncNow(); // the team has the first round too
await new Promise((r) => setTimeout(r, 50)); // a later moment for the second round

// Second round: local only, the process dies before any replica write.
cutReplicaWrites(service.db);
await edit(core, { name: 'Tweede', color: '#b45309', word: 'tweede', template: 'Tweede sjabloon' });
await sayAndAwaitKill('EDITED');
