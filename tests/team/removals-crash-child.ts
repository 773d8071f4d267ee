/**
 * Child process of tests/unit/team-removals-crash.test.ts: opens a team desktop's data folder, makes every write to
 * its replica hang (the process will die before any of them happens), then either (`entities`) removes a draft,
 * a label, a rule and a template and unassigns a review, or (`demo`) loads another demo over the demo; waits until
 * the local files have all of it, prints REMOVED and waits to be killed with SIGKILL.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REVIEWS_DIR, ShardFile, shardFileName } from '../../electron/core/store/workspace-files';
import { cutReplicaWrites, openCrashChild, sayAndAwaitKill } from './crash-child-seams';

const [mode, dataDir, ...rest] = process.argv.slice(2);
if ((mode !== 'entities' && mode !== 'demo') || !dataDir) throw new Error('usage: removals-crash-child entities|demo DIR ...');

const { core, service } = await openCrashChild(dataDir, { freezeApplied: false });
cutReplicaWrites(service.db);

if (mode === 'demo') {
  // Another demo over the demo: the reviews it drops are removed here (files written when loadDemo returns), not in the replica.
  await core.call('workspace.loadDemo', { seed: 2 });
  await sayAndAwaitKill('REMOVED');
}
const [draftReview, labelName, ruleLabelName, templateName, assignedReview] = rest;
if (!draftReview || !labelName || !ruleLabelName || !templateName || !assignedReview) throw new Error('usage: removals-crash-child entities DIR DRAFT_REVIEW LABEL RULE_LABEL TEMPLATE ASSIGNED_REVIEW');
await core.call('drafts.discard', { reviewId: draftReview });
const { labels, rules } = await core.call('labels.list', {});
const label = labels.find((l) => l.name === labelName);
const ruleLabel = labels.find((l) => l.name === ruleLabelName);
if (!label || !ruleLabel) throw new Error('the labels to remove are missing');
await core.call('labels.delete', { id: label.id });
await core.call('labels.saveRules', { rules: rules.filter((r) => r.labelId !== ruleLabel.id && r.labelId !== label.id) });
const template = (await core.call('templates.list', {})).templates.find((t) => t.name === templateName);
if (!template) throw new Error('the template to remove is missing');
await core.call('templates.delete', { id: template.id });
await core.call('handoff.assign', { reviewId: assignedReview, assignee: null });

// The shard with the unassigned review is written after a short delay: wait until it is on disk.
const [source = '', locationId = ''] = assignedReview.split(':');
const shard = join(dataDir, REVIEWS_DIR, shardFileName(source, locationId));
for (;;) {
  const parsed = ShardFile.safeParse(JSON.parse(await readFile(shard, 'utf8').catch(() => 'null')));
  if (parsed.success && parsed.data.reviews.find((r) => r.id === assignedReview)?.assignee === null) break;
  await new Promise((r) => setTimeout(r, 20));
}
await sayAndAwaitKill('REMOVED');
