import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../../../shared/domain/errors';
import { processStartTime } from './process-identity';
import { describeFsError } from './storage-error';

export const LOCK_FILE = 'kalm.lock';
/** Held for the few milliseconds it takes to replace a stale lock, so two processes never both replace it. */
const TAKEOVER_FILE = 'kalm.lock.takeover';
/** A takeover takes milliseconds; a takeover file older than this was left by a process that died mid-way. */
const TAKEOVER_STALE_MS = 3_000;
/** An unreadable lock younger than this may still be being written (only on file systems without hard links). */
const UNREADABLE_GRACE_MS = 2_000;

export const LockInfo = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
  /** Random per acquisition: tells our own lock apart from an old one that happens to carry our pid. */
  token: z.string().optional(),
  /** When the holder process started (process-identity.ts): a reused pid has another start time. */
  procStart: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

export interface DataLock {
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still ours. Also done on process 'exit'. Idempotent. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** For tests: pretend to be this process / host. */
  pid?: number;
  hostname?: string;
  isAlive?: (pid: number) => boolean;
  /** The lock's mtime is refreshed this often, so another host can tell a live lock from an abandoned one. Default 30 s. */
  heartbeatMs?: number;
  /** A lock from another host whose heartbeat is older than this is abandoned. Default 2 min. */
  foreignStaleMs?: number;
  /** How long to keep trying while another process is busy taking over a stale lock. Default 10 s. */
  waitMs?: number;
  /** How long to wait for a live holder to let go (e.g. a parallel CLI write) before refusing. Default 0. */
  waitForHolderMs?: number;
  /** Called once when Kalm starts waiting for a live holder (the CLI says so on stderr). */
  onWait?: (holder: LockInfo) => void;
  /** For tests: the start time of a process (default processStartTime). */
  startTimeOf?: (pid: number) => string | null;
}

/** Tokens of the locks this process holds right now. */
const heldTokens = new Set<string>();

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process a lock on this host names is still the one that wrote it (a reused pid is not). */
export function isHolderAlive(info: LockInfo): boolean {
  if (info.procStart !== undefined) return processStartTime(info.pid) === info.procStart;
  return isProcessAlive(info.pid);
}

/**
 * Who holds `dataDir`'s lock, read without taking it (`kalm doctor`, `kalm team status`): null when there is no
 * lock file; `info` null when the file cannot be read as a lock; `alive` null when another computer holds it
 * (only its heartbeat can tell).
 */
export async function readLockHolder(dataDir: string): Promise<{ info: LockInfo | null; alive: boolean | null } | null> {
  let raw: string;
  try {
    raw = await readFile(join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  const parsed = LockInfo.safeParse((() => { try { return JSON.parse(raw) as unknown; } catch { return null; } })());
  if (!parsed.success) return { info: null, alive: null };
  return { info: parsed.data, alive: parsed.data.hostname === osHostname() ? isHolderAlive(parsed.data) : null };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const code = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/**
 * Makes this process the only writer of `dataDir`: creates `<dataDir>/kalm.lock` exclusively.
 * A live owner on this host (or a fresh heartbeat from another host) → KalmError 'locked' naming its pid.
 * A stale lock (dead pid, unreadable file) is taken over; racing takers are serialised so exactly one wins.
 */
export async function acquireDataLock(dataDir: string, opts: LockOptions = {}): Promise<DataLock> {
  const pid = opts.pid ?? process.pid;
  const host = opts.hostname ?? osHostname();
  const isAlive = opts.isAlive ?? isProcessAlive;
  const startTimeOf = opts.startTimeOf ?? processStartTime;
  const path = join(dataDir, LOCK_FILE);
  const procStart = startTimeOf(pid);
  const info: LockInfo = { pid, hostname: host, startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex'), ...(procStart ? { procStart } : {}) };
  const content = JSON.stringify(info) + '\n';
  const deadline = Date.now() + (opts.waitMs ?? 10_000);
  const holderDeadline = Date.now() + (opts.waitForHolderMs ?? 0);
  let waited = false;

  try {
    await mkdir(dataDir, { recursive: true });
    for (;;) {
      if (await createExclusive(path, content)) return held(path, info, content, opts.heartbeatMs ?? 30_000);
      const current = await readLock(path);
      if (current) {
        const verdict = judge(current, { pid, host, isAlive, startTimeOf, foreignStaleMs: opts.foreignStaleMs ?? 120_000 });
        if (verdict === 'alive' && current.info) {
          const owner = current.info;
          if (Date.now() < holderDeadline) {
            if (!waited) opts.onWait?.(owner);
            waited = true;
            await sleep(100 + Math.random() * 100);
            continue;
          }
          const where = owner.hostname === host ? '' : ` on ${owner.hostname}`;
          throw new KalmError('locked', `Another Kalm (process ${owner.pid}${where}) is using the data folder ${dataDir}. Close it and try again.`);
        }
        if (verdict === 'stale' && (await takeOver(dataDir, path, current.raw, content))) {
          return held(path, info, content, opts.heartbeatMs ?? 30_000);
        }
      }
      if (Date.now() > deadline) {
        throw new KalmError('locked', `Kalm could not take over the data folder ${dataDir}: another program keeps changing ${LOCK_FILE}. Close other copies of Kalm and try again.`);
      }
      await sleep(10 + Math.random() * 40);
    }
  } catch (err) {
    if (err instanceof KalmError) throw err;
    throw new KalmError('storage', `Kalm could not lock the data folder ${dataDir}: ${describeFsError(err)}.`);
  }
}

interface CurrentLock {
  raw: string;
  info: LockInfo | null;
  mtimeMs: number;
}

async function readLock(path: string): Promise<CurrentLock | null> {
  try {
    const [raw, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let info: LockInfo | null = null;
    try {
      info = LockInfo.parse(JSON.parse(raw));
    } catch {
      info = null;
    }
    return { raw, info, mtimeMs: st.mtimeMs };
  } catch (err) {
    if (code(err) === 'ENOENT') return null; // released meanwhile: try again
    throw err;
  }
}

type Verdict = 'alive' | 'stale' | 'wait';

function judge(
  current: CurrentLock,
  me: { pid: number; host: string; isAlive: (pid: number) => boolean; startTimeOf: (pid: number) => string | null; foreignStaleMs: number },
): Verdict {
  const age = Date.now() - current.mtimeMs;
  const owner = current.info;
  if (!owner) return age < UNREADABLE_GRACE_MS ? 'wait' : 'stale';
  if (owner.hostname !== me.host) return age < me.foreignStaleMs ? 'alive' : 'stale';
  // Our own pid on a lock we do not hold is a leftover from an earlier process that had the same pid.
  if (owner.pid === me.pid) return owner.token !== undefined && heldTokens.has(owner.token) ? 'alive' : 'stale';
  // The holder said when it started: a dead pid, or one reused by another process (after a reboot), differs.
  if (owner.procStart !== undefined) return me.startTimeOf(owner.pid) === owner.procStart ? 'alive' : 'stale';
  // An older lock without a start time: the pid must be alive and its heartbeat (every 30 s) fresh.
  return me.isAlive(owner.pid) && age < me.foreignStaleMs ? 'alive' : 'stale';
}

/**
 * Creates `path` with `content` only if it does not exist. Uses a hard link from a complete temp
 * file, so nobody ever reads a half-written lock; falls back to open('wx') where links are unsupported.
 */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const linked = await createByLink(path, content);
  if (linked !== 'unsupported') return linked;
  try {
    const fh = await open(path, 'wx', 0o600);
    try {
      await fh.writeFile(content, 'utf8');
    } finally {
      await fh.close();
    }
    return true;
  } catch (err) {
    if (code(err) === 'EEXIST') return false;
    throw err;
  }
}

async function createByLink(path: string, content: string): Promise<boolean | 'unsupported'> {
  const tmp = join(path, '..', `.${LOCK_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx', mode: 0o600 });
    await link(tmp, path);
    return true;
  } catch (err) {
    if (code(err) === 'EEXIST') return false;
    // The temp file could be written, so the folder is writable: this file system has no hard links.
    if (await exists(tmp)) return 'unsupported';
    throw err;
  } finally {
    await rm(tmp, { force: true });
  }
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** Replaces the stale lock `staleRaw` with ours, unless someone else is doing so or it changed. */
async function takeOver(dataDir: string, path: string, staleRaw: string, content: string): Promise<boolean> {
  const mutex = join(dataDir, TAKEOVER_FILE);
  if (!(await createExclusive(mutex, content))) {
    const st = await stat(mutex).catch(() => null);
    if (st && Date.now() - st.mtimeMs > TAKEOVER_STALE_MS) await rm(mutex, { force: true });
    return false;
  }
  try {
    const now = await readFile(path, 'utf8').catch((err: unknown) => {
      if (code(err) === 'ENOENT') return null;
      throw err;
    });
    if (now !== null && now !== staleRaw) return false; // it changed since we looked: judge it again
    await rm(path, { force: true });
    return await createExclusive(path, content);
  } finally {
    const mine = await readFile(mutex, 'utf8').catch(() => null);
    if (mine === content) await rm(mutex, { force: true });
  }
}

function held(path: string, info: LockInfo, content: string, heartbeatMs: number): DataLock {
  const token = info.token ?? '';
  heldTokens.add(token);
  let released = false;
  const stillOurs = (raw: string | null): boolean => raw === content;
  const onExit = (): void => {
    if (released) return;
    try {
      if (stillOurs(readFileSync(path, 'utf8'))) unlinkSync(path);
    } catch {
      /* nothing to clean up */
    }
  };
  process.on('exit', onExit);
  const beat = setInterval(() => {
    const t = new Date();
    utimes(path, t, t).catch(() => undefined);
  }, heartbeatMs);
  beat.unref();
  return {
    path,
    info,
    async release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      process.removeListener('exit', onExit);
      heldTokens.delete(token);
      const raw = await readFile(path, 'utf8').catch(() => null);
      if (stillOurs(raw)) await rm(path, { force: true });
    },
  };
}
