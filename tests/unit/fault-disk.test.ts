import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';

/** A real small file system (tmpfs) that can be filled up and made read-only; needs permission to mount. */
let mountPoint: string | null = null;
let skipReason: string | null = null;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kalm-tmpfs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) mountPoint = dir;
  else {
    skipReason = `cannot mount a tmpfs here (${(r.stderr || r.error?.message || 'not permitted').trim()}); the fault-injecting file system seam in store-writes.test.ts covers a full disk and a read-only folder instead`;
    console.log(`fault-disk: skipped — ${skipReason}`);
    await rmdir(dir);
  }
});

afterAll(async () => {
  if (!mountPoint) return;
  spawnSync('umount', [mountPoint]);
  await rmdir(mountPoint).catch(() => undefined);
});

const failure = (p: Promise<unknown>): Promise<string> => p.then(() => 'resolved', (e: unknown) => (e instanceof Error ? e.message : String(e)));

async function fill(dir: string): Promise<string> {
  const filler = join(dir, 'filler.bin');
  // Write until the disk is full; what fits stays, so every later write fails with ENOSPC.
  await writeFile(filler, Buffer.alloc(2 * 1024 * 1024)).catch(() => undefined);
  return filler;
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('a real full disk and a read-only folder (tmpfs)', () => {
  it('full disk: each save says so and changes nothing; once space returns the saves and the retries land', { timeout: 60_000 }, async (ctx) => {
    if (!mountPoint) return ctx.skip(skipReason ?? 'no tmpfs');
    const dataDir = join(mountPoint, 'full');
    const kalm: KalmCore = await createKalm({ dataDir, host: 'web', loadDemoOnFirstRun: true, autoPublish: false });
    try {
      const [a, b] = (await kalm.call('reviews.query', { status: 'unanswered', limit: 2 })).items;
      await kalm.call('drafts.save', { reviewId: a!.id, text: 'Eerste versie' });
      const filler = await fill(mountPoint);

      expect(await failure(kalm.call('drafts.save', { reviewId: a!.id, text: 'Tweede versie' }))).toMatch(/the disk is full/);
      expect((await kalm.call('drafts.list', {})).drafts.find((d) => d.reviewId === a!.id)?.text).toBe('Eerste versie');
      expect(await failure(kalm.call('outbox.send', { reviewId: b!.id, text: 'Dank je wel voor je review.' }))).toMatch(/the disk is full/);
      expect((await kalm.call('outbox.list', {})).items).toEqual([]);
      expect(await failure(kalm.call('reviews.markDone', { ids: [b!.id], done: true }))).toMatch(/the disk is full/);
      expect((await kalm.call('reviews.get', { id: b!.id })).status).toBe('unanswered');
      expect(kalm.problems.some((p) => p.kind === 'write-failed')).toBe(true);

      await rm(filler);
      // The shard writer's retry lands by itself and its message clears.
      expect(await until(() => !kalm.problems.some((p) => p.kind === 'write-failed'), 10_000)).toBe(true);
      await kalm.call('drafts.save', { reviewId: a!.id, text: 'Tweede versie' });
      await kalm.call('outbox.send', { reviewId: b!.id, text: 'Dank je wel voor je review.' });
      expect((await kalm.call('outbox.list', {})).items).toHaveLength(1);
    } finally {
      await kalm.close();
    }
    const reopened = await createKalm({ dataDir, host: 'cli' });
    try {
      expect((await reopened.call('drafts.list', {})).drafts.find((d) => d.text === 'Tweede versie')).toBeDefined();
      expect((await reopened.call('outbox.list', {})).items).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });

  it('read-only folder: saves are refused with a clear message; after it is writable again they land', { timeout: 60_000 }, async (ctx) => {
    if (!mountPoint) return ctx.skip(skipReason ?? 'no tmpfs');
    const dataDir = join(mountPoint, 'ro');
    const kalm = await createKalm({ dataDir, host: 'web', loadDemoOnFirstRun: true, autoPublish: false });
    try {
      const [a, b] = (await kalm.call('reviews.query', { status: 'unanswered', limit: 2 })).items;
      await kalm.call('drafts.save', { reviewId: b!.id, text: 'Al bewaard' });
      execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
      try {
        expect(await failure(kalm.call('drafts.save', { reviewId: a!.id, text: 'Op een alleen-lezen schijf' }))).toMatch(/Kalm could not save drafts\/.*: (the data folder is on a read-only disk|Kalm is not allowed to write in the data folder)\. Nothing already saved was lost/);
        expect((await kalm.call('drafts.list', {})).drafts.map((d) => d.text)).toEqual(['Al bewaard']);
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
      }
      await kalm.call('drafts.save', { reviewId: a!.id, text: 'Op een alleen-lezen schijf' });
    } finally {
      await kalm.close();
    }
  });
});
