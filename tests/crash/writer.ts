// Child process for tests/unit/store-crash.test.ts: `node --import tsx tests/crash/writer.ts <dataDir>`.
// Takes the data folder lock, then saves drafts, outbox items and review shards as fast as it can,
// printing `ACK <reviewId> <n>` once draft version n is durable. The parent kills it with SIGKILL.
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { DRAFT_SCHEMA_VERSION } from '../../shared/domain/draft';
import { OUTBOX_SCHEMA_VERSION } from '../../shared/domain/outbox';
import type { Review } from '../../shared/domain/review';
import { DraftStore } from '../../electron/core/store/drafts';
import { acquireDataLock } from '../../electron/core/store/lock';
import { OutboxStore } from '../../electron/core/store/outbox';
import { ShardWriter } from '../../electron/core/store/shard-writer';
import { saveShardFile } from '../../electron/core/store/workspace-files';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: writer.ts <dataDir>');

/** The version number a draft's text starts with: "v123 …". */
const draftVersion = (text: string): number => Number(/^v(\d+) /.exec(text)?.[1] ?? -1);

await acquireDataLock(dataDir);
const drafts = await DraftStore.open(dataDir);
const outbox = await OutboxStore.open(dataDir);
const now = new Date('2026-03-01T12:00:00.000Z');
const demo = generateDemoWorkspace({ now, locationCount: 3, reviewCount: 600 });
const shards = new Map<string, Review[]>();
for (const r of demo.reviews) shards.set(r.locationId, [...(shards.get(r.locationId) ?? []), r]);
const writer = new ShardWriter({
  delayMs: 5,
  write: (loc) => saveShardFile(dataDir, 'google', loc, shards.get(loc) ?? []),
  onError: (_k, err) => process.stderr.write(`shard write failed: ${err.message}\n`),
});

// Versions keep rising across runs, so "at least the acknowledged version" can be checked after every kill.
let version = Math.max(0, ...drafts.list().map((d) => draftVersion(d.text))) + 1;
const targets = demo.reviews.slice(0, 12);
const iso = (): string => new Date().toISOString();
let inFlight = 0;

async function saveOne(): Promise<void> {
  const review = targets[Math.floor(Math.random() * targets.length)]!;
  const n = version++;
  const text = `v${n} ` + 'Dank voor uw bezoek! '.repeat(1 + Math.floor(Math.random() * 80));
  const at = iso();
  const earlier = drafts.get(review.id);
  await drafts.save({ schemaVersion: DRAFT_SCHEMA_VERSION, reviewId: review.id, text, reviewUpdatedAt: review.updatedAt, createdAt: earlier?.createdAt ?? at, updatedAt: at });
  process.stdout.write(`ACK ${review.id} ${n}\n`);

  const shard = shards.get(review.locationId) ?? [];
  const i = Math.floor(Math.random() * shard.length);
  const target = shard[i];
  if (target) shard[i] = { ...target, note: `note ${n}`, labels: n % 2 ? ['crash-test'] : [] };
  writer.schedule(review.locationId);

  if (n % 4 === 0) {
    const id = `reply-${n % 10}`;
    if (n % 12 === 0) await outbox.remove(id);
    else {
      await outbox.put({
        schemaVersion: OUTBOX_SCHEMA_VERSION,
        id,
        reviewId: review.id,
        action: 'reply',
        text,
        reviewUpdatedAt: review.updatedAt,
        state: 'queued',
        attempts: 0,
        lastError: null,
        nextAttemptAt: null,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
}

// Several saves at once (often of the same draft), to exercise per-file ordering under a kill.
for (;;) {
  while (inFlight < 4) {
    inFlight++;
    saveOne()
      .catch((err: unknown) => {
        process.stderr.write(`save failed: ${String(err)}\n`);
        process.exit(1);
      })
      .finally(() => inFlight--);
  }
  await new Promise((r) => setImmediate(r));
}
