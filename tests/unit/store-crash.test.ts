import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Draft } from '../../shared/domain/draft';
import { OutboxItem } from '../../shared/domain/outbox';
import { DraftStore } from '../../electron/core/store/drafts';
import { acquireDataLock, LOCK_FILE, LockInfo } from '../../electron/core/store/lock';
import { OutboxStore } from '../../electron/core/store/outbox';
import { removeLeftoverTempFiles } from '../../electron/core/store/quarantine';
import { ShardFile } from '../../electron/core/store/workspace-files';
import { MANIFEST_NAME, ManifestFile } from '../../electron/core/store/shard-manifest';
import { tempDataDir } from './helpers';

const KILLS = 30;
const draftVersion = (text: string): number => Number(/^v(\d+) /.exec(text)?.[1] ?? -1);

interface Run {
  pid: number;
  /** Highest acknowledged version per review id. */
  acked: Map<string, number>;
  count: number;
  stderr: string;
}

/** Starts the writer, kills it with SIGKILL 50–400 ms after its first acknowledged save, and returns what it acknowledged. */
function runAndKill(dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/writer.ts', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<string, number>();
    let count = 0;
    let buffered = '';
    let stderr = '';
    let killTimer: ReturnType<typeof setTimeout> | null = null;
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, id, n] = line.split(' ');
        if (word !== 'ACK' || !id) continue;
        acked.set(id, Math.max(acked.get(id) ?? 0, Number(n)));
        count++;
        killTimer ??= setTimeout(() => child.kill('SIGKILL'), 50 + Math.random() * 350);
      }
    });
    child.on('error', reject);
    // 'close' comes after stdout has been read to the end: every ACK the child printed is counted.
    child.on('close', (code, signal) => {
      clearTimeout(giveUp);
      if (signal !== 'SIGKILL' || !killTimer) reject(new Error(`writer ended by itself (code ${code}, ${signal}) before it was killed:\n${stderr}`));
      else resolve({ pid: child.pid ?? 0, acked, count, stderr });
    });
  });
}

/** Every file in the data folder is valid data, the lock, or a dot-named temp file; returns the temp files. */
async function checkEveryFile(dataDir: string): Promise<string[]> {
  const temps: string[] = [];
  for (const rel of (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const path = join(rel.parentPath, rel.name);
    const name = path.slice(dataDir.length + 1);
    // The shard manifest is written atomically too: always whole.
    if (rel.name === MANIFEST_NAME) {
      ManifestFile.parse(JSON.parse(await readFile(path, 'utf8')));
      continue;
    }
    if (rel.name.startsWith('.')) {
      expect(rel.name, name).toMatch(/\.tmp$/);
      temps.push(name);
      continue;
    }
    const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (name === LOCK_FILE) LockInfo.parse(raw);
    else if (name.startsWith('drafts/')) Draft.parse(raw);
    else if (name.startsWith('outbox/')) OutboxItem.parse(raw);
    else if (name.startsWith('reviews/')) ShardFile.parse(raw);
    else throw new Error(`unexpected file ${name}`);
  }
  return temps;
}

describe('crash safety', () => {
  it(`keeps every acknowledged draft through ${KILLS} SIGKILLs in a row`, { timeout: 90_000 }, async () => {
    const dataDir = await tempDataDir();
    const acked = new Map<string, number>();
    let survived = 0;
    const temps = new Set<string>();
    let acks = 0;
    const started = Date.now();

    for (let kill = 0; kill < KILLS; kill++) {
      const run = await runAndKill(dataDir);
      for (const [id, n] of run.acked) acked.set(id, Math.max(acked.get(id) ?? 0, n));
      acks += run.count;

      // The killed writer's lock is still there, naming a process that is gone.
      const lock = LockInfo.parse(JSON.parse(await readFile(join(dataDir, LOCK_FILE), 'utf8')));
      expect(lock.pid).toBe(run.pid);
      for (const t of await checkEveryFile(dataDir)) temps.add(t);

      let onDisk: Map<string, number>;
      if (kill % 2 === 0) {
        // Take the stale lock over and open the stores the way Kalm does at start.
        const taken = await acquireDataLock(dataDir);
        const drafts = await DraftStore.open(dataDir);
        const outbox = await OutboxStore.open(dataDir);
        await removeLeftoverTempFiles(dataDir, ['', 'reviews']); // what the workspace loader does for its folders
        expect([...drafts.problems, ...outbox.problems]).toEqual([]);
        expect(await checkEveryFile(dataDir)).toEqual([]);
        onDisk = new Map(drafts.list().map((d) => [d.reviewId, draftVersion(d.text)]));
        await taken.release();
      } else {
        // Leave the stale lock for the next writer to take over; read the drafts as they are.
        const files = (await readdir(join(dataDir, 'drafts'))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
        const list = await Promise.all(files.map(async (f) => Draft.parse(JSON.parse(await readFile(join(dataDir, 'drafts', f), 'utf8')))));
        onDisk = new Map(list.map((d) => [d.reviewId, draftVersion(d.text)]));
      }
      for (const [id, n] of acked) expect(onDisk.get(id) ?? -1, `draft of ${id}`).toBeGreaterThanOrEqual(n);
      await expect(readdir(join(dataDir, 'quarantine'))).rejects.toThrow();
      survived++;
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`crash test: ${survived}/${KILLS} kills survived (${acks} acknowledged saves, ${temps.size} temp files left by kills and cleaned up, ${seconds} s)`);
    expect(survived).toBe(KILLS);
  });
});
