import { afterEach, describe, expect, it } from 'vitest';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { publishTheRest, replyQueuer, runPublisherAndKill, seedTargets } from '../crash/publisher-kills';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

const KILLS = 30;
const REVIEWS = 12;

let emulator: GoogleEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

describe('outbox publisher under SIGKILL', () => {
  it(`ends with exactly the latest text on Google for every review after ${KILLS} kills`, { timeout: 180_000 }, async () => {
    const emu = await startGoogleEmulator();
    emulator = emu;
    const token = emu.tokens.issueFor().access_token;
    // Slow replies down a little so kills land between marking `sending` and the PUT's answer.
    emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 15, times: Infinity });
    const dataDir = await tempDataDir();
    const targets = await seedTargets(emu, dataDir, REVIEWS);
    const { enqueue, latest } = replyQueuer(dataDir, (t, version) => `Antwoord op ${t.review.externalId}, versie ${version} ✨`);
    const randomTargets = (n: number) => Array.from({ length: n }, () => targets[Math.floor(Math.random() * targets.length)] ?? targets[0]).flatMap((t) => (t ? [t] : []));
    await enqueue(targets);

    let kills = 0;
    let leftSending = 0;
    for (let round = 0; kills < KILLS && round < KILLS * 3; round++) {
      if (await runPublisherAndKill(dataDir, emu.origin, token, 250)) kills++;
      leftSending += (await OutboxQueue.open(dataDir)).list().filter((e) => e.item.state === 'sending').length;
      await enqueue(randomTargets(3));
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(leftSending).toBeGreaterThan(0); // the kills did hit mid-publish

    // The final publish, in this process.
    const { queue, publishAgain } = await publishTheRest(emu, token, dataDir, targets);
    const states = queue.list().map((e) => e.item.state);
    expect(states.filter((s) => s !== 'sent')).toEqual([]);
    for (const t of targets) expect(emu.data.replyOf(t.reviewName)?.comment).toBe(latest.get(t.reviewName));
    // One item per review was active at a time, and a sent item is never sent again.
    expect(await publishAgain()).toEqual([]);
  });
});
