import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mapGoogleReview } from '../../shared/google/map-review';
import type { Review } from '../../shared/domain/review';
import { createKalm } from '../../electron/core/create-kalm';
import { LOCK_FILE } from '../../electron/core/store/lock';
import { createBusinessApi } from '../../electron/core/sources/google/business-api';
import { publishAll } from '../../electron/core/sources/google/send-replies';
import { OutboxQueue } from '../../electron/core/outbox/queue';
import { FIXTURE_UTRECHT, fetchHttp, startGoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

/**
 * The fault suite (issue 17): SIGKILL at random points while drafts are typed, replies queued and
 * published (against the project's Google emulator); signals; in the end one line with the figures.
 */
const CORE_KILLS = 50;
const PUBLISH_KILLS = 50;
const figures = { kills: 0, survived: 0, draftsLost: 0, queuedLost: 0, duplicates: 0 };

afterAll(() => {
  console.log(
    `fault suite: ${figures.survived}/${figures.kills} kills survived, ${figures.draftsLost} acknowledged drafts lost, ${figures.queuedLost} queued replies lost, ${figures.duplicates} duplicate replies`,
  );
});

interface Acks {
  drafts: Map<string, number>;
  queued: Set<string>;
}

/** Starts the core worker; SIGKILLs it 20–300 ms after it is ready; collects what it acknowledged. */
function runCoreWorker(dataDir: string, acks: Acks): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/core-worker.ts', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let buffered = '';
    let killTimer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, a, b] = line.split(' ');
        if (word === 'READY') killTimer ??= setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 280);
        if (word === 'DRAFT' && a && b) acks.drafts.set(a, Math.max(acks.drafts.get(a) ?? 0, Number(b)));
        if (word === 'QUEUED' && a) acks.queued.add(a);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      if (killTimer) clearTimeout(killTimer);
      if (signal === 'SIGKILL' && killTimer) resolve();
      else reject(new Error(`the core worker ended with ${code ?? signal} before it was killed:\n${stderr}`));
    });
  });
}

function runPublisher(dataDir: string, origin: string, token: string): Promise<boolean> {
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
      if (text.includes('READY')) killTimer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * 200);
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

describe('fault suite', () => {
  it(`typing drafts and queueing replies through the core: ${CORE_KILLS} SIGKILLs, nothing acknowledged lost, no lock left blocking`, { timeout: 240_000 }, async () => {
    const dataDir = await tempDataDir();
    const acks: Acks = { drafts: new Map(), queued: new Set() };
    for (let i = 0; i < CORE_KILLS; i++) {
      // Each start takes over the lock of the killed one: a dead pid never blocks.
      await runCoreWorker(dataDir, acks);
      figures.kills++;
    }
    const kalm = await createKalm({ dataDir, host: 'cli' });
    try {
      const drafts = new Map((await kalm.call('drafts.list', {})).drafts.map((d) => [d.reviewId, Number(/^v(\d+) /.exec(d.text)?.[1] ?? 0)]));
      for (const [reviewId, version] of acks.drafts) if ((drafts.get(reviewId) ?? 0) < version) figures.draftsLost++;
      const items = new Set((await kalm.call('outbox.list', {})).items.map((i) => i.id));
      for (const id of acks.queued) if (!items.has(id)) figures.queuedLost++;
      expect(kalm.problems.filter((p) => p.kind !== 'migrated')).toEqual([]);
    } finally {
      await kalm.close();
    }
    figures.survived += CORE_KILLS;
    expect(acks.drafts.size).toBeGreaterThan(0);
    expect(acks.queued.size).toBeGreaterThan(0);
    expect(figures.draftsLost).toBe(0);
    expect(figures.queuedLost).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it(`publishing to the Google emulator: ${PUBLISH_KILLS} SIGKILLs, every reply lands once with its latest text`, { timeout: 240_000 }, async () => {
    const emu = await startGoogleEmulator();
    try {
      const token = emu.tokens.issueFor().access_token;
      emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 10, times: Infinity });
      const dataDir = await tempDataDir();
      const targets: { review: Review; reviewName: string }[] = [];
      for (let i = 0; i < 8; i++) {
        const g = emu.data.addReview(FIXTURE_UTRECHT, { comment: `Review ${i}` });
        targets.push({ review: mapGoogleReview(g).review, reviewName: g.name });
      }
      await writeFile(join(dataDir, 'targets.json'), JSON.stringify(targets));
      const latest = new Map<string, string>();
      let version = 0;
      const enqueue = async (picked: readonly { review: Review; reviewName: string }[]): Promise<void> => {
        const queue = await OutboxQueue.open(dataDir);
        for (const t of picked) {
          const text = `Dank je wel, ${t.review.externalId} (versie ${++version})`;
          await queue.enqueueReply({ review: t.review, text, now: new Date() });
          latest.set(t.reviewName, text);
        }
      };
      await enqueue(targets);
      let kills = 0;
      for (let round = 0; kills < PUBLISH_KILLS && round < PUBLISH_KILLS * 3; round++) {
        if (await runPublisher(dataDir, emu.origin, token)) kills++;
        await enqueue([targets[round % targets.length]!]);
      }
      figures.kills += kills;
      const queue = await OutboxQueue.open(dataDir);
      const api = createBusinessApi({ http: fetchHttp(token), roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, limiter: null, retry: { attempts: 1 } });
      const byId = new Map(targets.map((t) => [t.review.id, t]));
      await publishAll({ outbox: queue, api, reviewOf: (id) => byId.get(id), force: true });
      for (const t of targets) expect(emu.data.replyOf(t.reviewName)?.comment).toBe(latest.get(t.reviewName));
      // A sent reply is never sent again: publishing once more sends nothing.
      figures.duplicates += (await publishAll({ outbox: await OutboxQueue.open(dataDir), api, reviewOf: (id) => byId.get(id), force: true })).length;
      expect(figures.duplicates).toBe(0);
      expect(kills).toBeGreaterThanOrEqual(PUBLISH_KILLS);
      figures.survived += kills;
    } finally {
      await emu.close();
    }
  });

  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s to the web host flushes, releases the lock and exits 0 once', { timeout: 60_000 }, async (signal) => {
    const dataDir = await tempDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/signal-host.ts', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /URL (\S+)/.exec(d.toString());
        if (m?.[1]) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`the web host ended early:\n${stderr}`)));
    });
    const origin = new URL(url).origin;
    const token = new URL(url).hash.replace('#token=', '');
    const call = async (name: string, input: unknown) => {
      const res = await fetch(`${origin}/api/${name}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return (await res.json()) as { ok: boolean; value?: { items?: { id: string }[] } };
    };
    const page = await call('reviews.query', { status: 'unanswered', limit: 1 });
    const reviewId = page.value?.items?.[0]?.id ?? '';
    expect((await call('drafts.save', { reviewId, text: `Saved before ${signal}` })).ok).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill(signal);
    child.kill(signal); // a second one (a library re-raising it) joins the same close
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect((await readdir(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const kalm = await createKalm({ dataDir, host: 'cli' });
    try {
      expect((await kalm.call('drafts.list', {})).drafts.map((d) => d.text)).toContain(`Saved before ${signal}`);
    } finally {
      await kalm.close();
    }
  });
});
