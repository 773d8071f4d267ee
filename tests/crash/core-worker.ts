// Child process for tests/unit/fault-suite.test.ts: `node --import tsx tests/crash/core-worker.ts <dataDir>`.
// Opens the whole core (createKalm, as the web host does) and, until it is killed, types reply drafts
// (`DRAFT <reviewId> <n>` once draft version n is acknowledged) and queues replies
// (`QUEUED <itemId> <reviewId>` once acknowledged), through the contract. The parent SIGKILLs it.
import { createKalm } from '../../electron/core/create-kalm';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: core-worker.ts <dataDir>');

const kalm = await createKalm({ dataDir, host: 'web', loadDemoOnFirstRun: true, autoPublish: false });
const unanswered = (await kalm.call('reviews.query', { status: 'unanswered', sort: 'oldest', limit: 200 })).items.map((r) => r.id);
const drafting = unanswered.slice(0, 10);
const queued = new Set((await kalm.call('outbox.list', {})).items.map((i) => i.reviewId));
const toQueue = unanswered.slice(10).filter((id) => !queued.has(id));
const versions = new Map((await kalm.call('drafts.list', {})).drafts.map((d) => [d.reviewId, Number(/^v(\d+) /.exec(d.text)?.[1] ?? 0)]));
process.stdout.write('READY\n');

for (let step = 0; ; step++) {
  if (step % 5 === 4 && toQueue.length > 0) {
    const reviewId = toQueue.shift() ?? '';
    const { id } = await kalm.call('outbox.send', { reviewId, text: `Dank je wel voor je review, we nemen contact op. (${step})` });
    process.stdout.write(`QUEUED ${id} ${reviewId}\n`);
    continue;
  }
  const reviewId = drafting[step % drafting.length] ?? '';
  const n = (versions.get(reviewId) ?? 0) + 1;
  versions.set(reviewId, n);
  await kalm.call('drafts.save', { reviewId, text: `v${n} Beste klant, dank je wel.${' Meer tekst.'.repeat(n % 20)}` });
  process.stdout.write(`DRAFT ${reviewId} ${n}\n`);
}
