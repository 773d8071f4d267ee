// The parent side of the publisher crash tests (tests/unit/outbox-crash.test.ts and the fault suite):
// the reviews to answer, the replies queued between kills, the child killed with SIGKILL, the final publish.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Review } from '../../shared/domain/review';
import { mapGoogleReview } from '../../shared/google/map-review';
import { createBusinessApi } from '../../electron/core/sources/google/business-api';
import { publishAll, type PublishResult } from '../../electron/core/sources/google/send-replies';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { FIXTURE_UTRECHT, fetchHttp, type GoogleEmulator } from '../emulator';

/** A review on the emulator the publisher answers, with its Google name. */
export interface PublishTarget {
  review: Review;
  reviewName: string;
}

/** Adds `count` reviews to the emulator and writes them to `<dataDir>/targets.json` for the publisher child. */
export async function seedTargets(emu: GoogleEmulator, dataDir: string, count: number): Promise<PublishTarget[]> {
  const targets: PublishTarget[] = [];
  for (let i = 0; i < count; i++) {
    const g = emu.data.addReview(FIXTURE_UTRECHT, { comment: `Review ${i}` });
    targets.push({ review: mapGoogleReview(g).review, reviewName: g.name });
  }
  await writeFile(join(dataDir, 'targets.json'), JSON.stringify(targets));
  return targets;
}

/** Queues a new reply text for each picked review (the child is dead: nobody else writes); `latest` is each review's last text. */
export function replyQueuer(dataDir: string, textFor: (target: PublishTarget, version: number) => string) {
  const latest = new Map<string, string>();
  let version = 0;
  const enqueue = async (picked: readonly PublishTarget[]): Promise<void> => {
    const queue = await OutboxQueue.open(dataDir);
    for (const t of picked) {
      const text = textFor(t, ++version);
      await queue.enqueueReply({ review: t.review, text, now: new Date() });
      latest.set(t.reviewName, text);
    }
  };
  return { enqueue, latest };
}

/** Runs the publisher child; kills it with SIGKILL 0–`killWithinMs` ms after it is ready. True when it was killed (not done). */
export function runPublisherAndKill(dataDir: string, origin: string, token: string, killWithinMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/publisher.ts', dataDir, origin, token], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    let done = false;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      if (text.includes('DONE')) done = true;
      if (text.includes('READY')) killTimer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * killWithinMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      if (killTimer) clearTimeout(killTimer);
      if (signal === 'SIGKILL') resolve(!done);
      else if (code === 0) resolve(false);
      else reject(new Error(`publisher ended with ${code}:\n${stderr}`));
    });
  });
}

/**
 * The final publish, in this process: sends what the kills left. `queue` is the outbox after it;
 * `publishAgain` publishes a freshly opened outbox once more (a sent reply must never be sent again).
 */
export async function publishTheRest(emu: GoogleEmulator, token: string, dataDir: string, targets: readonly PublishTarget[]): Promise<{ queue: OutboxQueue; publishAgain: () => Promise<PublishResult[]> }> {
  const queue = await OutboxQueue.open(dataDir);
  const api = createBusinessApi({ http: fetchHttp(token), roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, limiter: null, retry: { attempts: 1 } });
  const byId = new Map(targets.map((t) => [t.review.id, t]));
  await publishAll({ outbox: queue, api, reviewOf: (id) => byId.get(id), force: true });
  return { queue, publishAgain: async () => publishAll({ outbox: await OutboxQueue.open(dataDir), api, reviewOf: (id) => byId.get(id), force: true }) };
}
