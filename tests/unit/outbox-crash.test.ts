import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Review } from '../../shared/domain/review';
import { mapGoogleReview } from '../../shared/google/map-review';
import { createBusinessApi } from '../../electron/core/sources/google/business-api';
import { publishAll } from '../../electron/core/sources/google/send-replies';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { FIXTURE_UTRECHT, fetchHttp, startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

const KILLS = 30;
const REVIEWS = 12;

let emulator: GoogleEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

/** Runs the publisher child; kills it with SIGKILL 0–250 ms after it is ready. True when it was killed (not done). */
function runAndKill(dataDir: string, origin: string, token: string): Promise<boolean> {
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
      if (text.includes('READY')) killTimer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * 250);
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

describe('outbox publisher under SIGKILL', () => {
  it(`ends with exactly the latest text on Google for every review after ${KILLS} kills`, { timeout: 180_000 }, async () => {
    const emu = await startGoogleEmulator();
    emulator = emu;
    const token = emu.tokens.issueFor().access_token;
    // Slow replies down a little so kills land between marking `sending` and the PUT's answer.
    emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 15, times: Infinity });
    const dataDir = await tempDataDir();
    const targets: { review: Review; reviewName: string }[] = [];
    for (let i = 0; i < REVIEWS; i++) {
      const g = emu.data.addReview(FIXTURE_UTRECHT, { comment: `Review ${i}` });
      targets.push({ review: mapGoogleReview(g).review, reviewName: g.name });
    }
    await writeFile(join(dataDir, 'targets.json'), JSON.stringify(targets));
    const latest = new Map<string, string>();
    let version = 0;
    const enqueue = async (picked: readonly { review: Review; reviewName: string }[]): Promise<void> => {
      const queue = await OutboxQueue.open(dataDir); // the child is dead: nobody else writes
      for (const t of picked) {
        const text = `Antwoord op ${t.review.externalId}, versie ${++version} ✨`;
        await queue.enqueueReply({ review: t.review, text, now: new Date() });
        latest.set(t.reviewName, text);
      }
    };
    const randomTargets = (n: number) => Array.from({ length: n }, () => targets[Math.floor(Math.random() * targets.length)] ?? targets[0]).flatMap((t) => (t ? [t] : []));
    await enqueue(targets);

    let kills = 0;
    let leftSending = 0;
    for (let round = 0; kills < KILLS && round < KILLS * 3; round++) {
      if (await runAndKill(dataDir, emu.origin, token)) kills++;
      leftSending += (await OutboxQueue.open(dataDir)).list().filter((e) => e.item.state === 'sending').length;
      await enqueue(randomTargets(3));
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(leftSending).toBeGreaterThan(0); // the kills did hit mid-publish

    // The final publish, in this process.
    const queue = await OutboxQueue.open(dataDir);
    const api = createBusinessApi({ http: fetchHttp(token), roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, limiter: null, retry: { attempts: 1 } });
    const byId = new Map(targets.map((t) => [t.review.id, t]));
    await publishAll({ outbox: queue, api, reviewOf: (id) => byId.get(id), force: true });
    const states = queue.list().map((e) => e.item.state);
    expect(states.filter((s) => s !== 'sent')).toEqual([]);
    for (const t of targets) expect(emu.data.replyOf(t.reviewName)?.comment).toBe(latest.get(t.reviewName));
    // One item per review was active at a time, and a sent item is never sent again.
    const reopened = await OutboxQueue.open(dataDir);
    expect(await publishAll({ outbox: reopened, api, reviewOf: (id) => byId.get(id), force: true })).toEqual([]);
  });
});
