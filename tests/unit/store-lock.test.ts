import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KalmError } from '../../shared/domain/errors';
import { acquireDataLock, LOCK_FILE, LockInfo, type DataLock } from '../../electron/core/store/lock';
import { parseProcStat, processStartTime } from '../../electron/core/store/process-identity';
import { kalmErrorOf, tempDataDir } from './helpers';

const DEAD_PID = 999_999_999; // above every pid_max: never a live process
const held: DataLock[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(held.splice(0).map((l) => l.release()));
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function acquire(dir: string, opts?: Parameters<typeof acquireDataLock>[1]): Promise<DataLock> {
  const lock = await acquireDataLock(dir, opts);
  held.push(lock);
  return lock;
}

const readLock = async (dir: string): Promise<LockInfo> => LockInfo.parse(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')));

async function writeLock(dir: string, info: object | string, ageMs = 0): Promise<void> {
  const path = join(dir, LOCK_FILE);
  await writeFile(path, typeof info === 'string' ? info : JSON.stringify(info));
  if (ageMs) {
    const t = new Date(Date.now() - ageMs);
    await utimes(path, t, t);
  }
}


function run(args: string[]): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/lock-racer.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: new Promise((resolve) => child.on('exit', () => resolve(out))) };
}

describe('data folder lock', () => {
  it('creates kalm.lock with pid, hostname and start time, and removes it on release', async () => {
    const dir = await tempDataDir();
    const lock = await acquire(dir);
    const info = await readLock(dir);
    expect(info).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Date.parse(info.startedAt)).not.toBeNaN();
    expect(lock.info.pid).toBe(process.pid);
    await lock.release();
    await lock.release(); // idempotent
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a second Kalm on the same folder and names the process using it', async () => {
    const dir = await tempDataDir();
    await acquire(dir);
    const err = await kalmErrorOf(acquireDataLock(dir));
    expect(err.code).toBe('locked');
    expect(err.message).toBe(`Another Kalm (process ${process.pid}) is using the data folder ${dir}. Close it and try again.`);
  });

  it('refuses while another live process holds the lock', async () => {
    const dir = await tempDataDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(sleeper);
    await writeLock(dir, { pid: sleeper.pid, hostname: hostname(), startedAt: new Date().toISOString() });
    const err = await kalmErrorOf(acquireDataLock(dir));
    expect(err.code).toBe('locked');
    expect(err.message).toContain(`(process ${sleeper.pid})`);
    expect((await readLock(dir)).pid).toBe(sleeper.pid); // untouched
  });

  it.each([
    ['a dead process', { pid: DEAD_PID, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }],
    ['an earlier process that had our pid', { pid: process.pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'old' }],
    ['an unreadable file', '{"pid": 12'],
    ['an empty file', ''],
  ])('takes over a stale lock left by %s', async (_what, stale) => {
    const dir = await tempDataDir();
    await writeLock(dir, stale, 60_000);
    const lock = await acquire(dir);
    expect(await readLock(dir)).toEqual(lock.info);
    expect((await readdir(dir)).sort()).toEqual([LOCK_FILE]);
  });

  it('takes over at once a lock naming a live process that is not its writer (pid reused, e.g. after a reboot)', async () => {
    const dir = await tempDataDir();
    expect(processStartTime(1)).not.toBeNull(); // pid 1 is alive and has a start time on Linux
    await writeLock(dir, { pid: 1, hostname: hostname(), startedAt: new Date().toISOString(), procStart: 'linux:an-earlier-boot:12345' });
    const lock = await acquire(dir);
    expect(await readLock(dir)).toEqual(lock.info);
    expect(lock.info.procStart).toBe(processStartTime(process.pid));
  });

  it('takes over an old-format lock (no start time) naming a live pid once its heartbeat has stopped', async () => {
    const dir = await tempDataDir();
    await writeLock(dir, { pid: 1, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }, 10 * 60_000);
    await acquire(dir);
    expect((await readLock(dir)).pid).toBe(process.pid);
  });

  it('refuses while the process that wrote the lock (same start time) still runs, naming it', async () => {
    const dir = await tempDataDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    children.push(sleeper);
    const procStart = processStartTime(sleeper.pid ?? 0) ?? 'unknown';
    await writeLock(dir, { pid: sleeper.pid, hostname: hostname(), startedAt: new Date().toISOString(), procStart }, 10 * 60_000);
    const err = await kalmErrorOf(acquireDataLock(dir));
    expect(err.message).toBe(`Another Kalm (process ${sleeper.pid}) is using the data folder ${dir}. Close it and try again.`);
  });

  it('waits (bounded, saying so once) for a parallel writer to finish, then takes the lock', async () => {
    const dir = await tempDataDir();
    const { child, output } = run(['hold', dir, '600']);
    await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
    const waits: number[] = [];
    const lock = await acquire(dir, { waitForHolderMs: 5_000, onWait: (h) => waits.push(h.pid) });
    expect(waits).toEqual([child.pid]);
    expect(lock.info.pid).toBe(process.pid);
    await output;
    const again = await kalmErrorOf(acquireDataLock(dir, { waitForHolderMs: 200, onWait: () => undefined }));
    expect(again.message).toContain(`(process ${process.pid})`);
  });

  it('reads the start time from /proc/<pid>/stat even when the command name holds spaces and parentheses', () => {
    const stat = '4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10';
    expect(parseProcStat(stat)).toBe('987654');
    expect(parseProcStat('garbage')).toBeNull();
  });

  it('honours a fresh lock from another computer and takes over one whose heartbeat stopped', async () => {
    const dir = await tempDataDir();
    const foreign = { pid: 4242, hostname: 'other-mac.local', startedAt: '2026-01-01T00:00:00.000Z' };
    await writeLock(dir, foreign);
    const err = await kalmErrorOf(acquireDataLock(dir));
    expect(err.message).toContain('(process 4242 on other-mac.local)');
    await writeLock(dir, foreign, 10 * 60_000);
    await acquire(dir);
    expect((await readLock(dir)).hostname).toBe(hostname());
  });

  it('keeps its heartbeat going while held', async () => {
    const dir = await tempDataDir();
    await acquire(dir, { heartbeatMs: 20 });
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK_FILE), old, old);
    await new Promise((r) => setTimeout(r, 80));
    expect(Date.now() - (await stat(join(dir, LOCK_FILE))).mtimeMs).toBeLessThan(5_000);
  });

  it('release leaves a lock that is no longer ours', async () => {
    const dir = await tempDataDir();
    const lock = await acquire(dir);
    const other = JSON.stringify({ pid: 777, hostname: hostname(), startedAt: new Date().toISOString() });
    await writeFile(join(dir, LOCK_FILE), other);
    await lock.release();
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });

  it('exactly one of several concurrent acquisitions in one process wins a stale lock', async () => {
    const dir = await tempDataDir();
    await writeLock(dir, { pid: DEAD_PID, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }, 60_000);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquireDataLock(dir)));
    const won = results.filter((r): r is PromiseFulfilledResult<DataLock> => r.status === 'fulfilled');
    held.push(...won.map((r) => r.value));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as KalmError).code).toBe('locked');
    expect(await readLock(dir)).toEqual(won[0]!.value.info);
  });

  it('exactly one of several processes racing to take over a stale lock wins', async () => {
    const dir = await tempDataDir();
    for (let round = 0; round < 1; round++) {
      await writeLock(dir, { pid: DEAD_PID, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }, 60_000);
      const startAt = String(Date.now() + 1_200);
      const outputs = await Promise.all(Array.from({ length: 6 }, () => run(['race', dir, startAt]).output));
      const lines = outputs.map((o) => o.trim());
      expect(lines.filter((l) => l.startsWith('WON')), lines.join('\n')).toHaveLength(1);
      expect(lines.filter((l) => l.startsWith('LOCKED Another Kalm (process '))).toHaveLength(5);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false); // the winner released it
      expect((await readdir(dir)).filter((n) => n.includes('lock'))).toEqual([]);
    }
  });

  it('removes the lock when the process exits without releasing it', async () => {
    const dir = await tempDataDir();
    const { output } = run(['exit', dir]);
    expect((await output).trim()).toBe('HELD');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('reports a data folder it cannot create as a storage problem', async () => {
    const dir = await tempDataDir();
    await writeFile(join(dir, 'file'), 'x');
    const err = await kalmErrorOf(acquireDataLock(join(dir, 'file', 'sub')));
    expect(err.code).toBe('storage');
    expect(err.message).toContain(join(dir, 'file', 'sub'));
  });
});
