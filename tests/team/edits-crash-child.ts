/**
 * Child process of tests/unit/team-edits-crash.test.ts: opens a team desktop's data folder and makes a first round
 * of edits that reach the replica and the team (its applied position is not saved: the kill comes within the 500 ms before that
 * write, applied-seq.ts), then makes every write to its replica hang and edits the same records again (a label, a
 * note, an assignee, a draft text, a queued reply); waits until the local files have all of it, prints EDITED and
 * waits to be killed with SIGKILL.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REVIEWS_DIR, ShardFile, shardFileName } from '../../electron/core/store/workspace-files';
import { cutReplicaWrites, openCrashChild, sayAndAwaitKill } from './crash-child-seams';

const [dataDir, ...ids] = process.argv.slice(2);
const [r0, r1, r2, r3, r4] = ids;
if (!dataDir || !r0 || !r1 || !r2 || !r3 || !r4) throw new Error('usage: edits-crash-child DIR LABELLED NOTED ASSIGNED DRAFTED QUEUED');

const { core, service } = await openCrashChild(dataDir);

const { labels } = await core.call('labels.list', {});
const first = labels.find((l) => l.name === 'Eerste'), second = labels.find((l) => l.name === 'Tweede');
if (!first || !second) throw new Error('the labels Eerste and Tweede are missing');

// First round: in the replica (and applied here again from its changes feed).
await core.call('labels.apply', { reviewIds: [r0], add: [first.id] });
await core.call('notes.set', { reviewId: r1, note: 'Eerste notitie' });
await core.call('handoff.assign', { reviewId: r2, assignee: 'sanne' });
await core.call('drafts.save', { reviewId: r3, text: 'Eerste tekst' });
await core.call('outbox.send', { reviewId: r4, text: 'Eerste reactie' });
await service.bridge.settle();
await service.syncNow(); // the team has the first round too
await new Promise((r) => setTimeout(r, 50)); // a later moment for the second round

// Second round: local only, the process dies before any replica write.
cutReplicaWrites(service.db);
await core.call('labels.apply', { reviewIds: [r0], add: [second.id], remove: [first.id] });
await core.call('notes.set', { reviewId: r1, note: 'Tweede notitie' });
await core.call('handoff.assign', { reviewId: r2, assignee: 'piet' });
await core.call('drafts.save', { reviewId: r3, text: 'Tweede tekst' });
await core.call('outbox.send', { reviewId: r4, text: 'Tweede reactie' });

// The shard is written after a short delay: wait until it has the second round.
const [source = '', locationId = ''] = r0.split(':');
const shard = join(dataDir, REVIEWS_DIR, shardFileName(source, locationId));
for (;;) {
  const parsed = ShardFile.safeParse(JSON.parse(await readFile(shard, 'utf8').catch(() => 'null')));
  const reviews = parsed.success ? parsed.data.reviews : [];
  const at = (id: string) => reviews.find((r) => r.id === id);
  if (at(r0)?.labels.includes(second.id) && at(r1)?.note === 'Tweede notitie' && at(r2)?.assignee === 'piet') break;
  await new Promise((r) => setTimeout(r, 20));
}
await sayAndAwaitKill('EDITED');
