import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';
import { emulatorEnv, ROOT, runKalm } from './run-kalm';

/** The real `kalm publish`, killed with SIGKILL at random points of its run, at least this often. */
const KILLS = 30;
const REVIEWS = 6;

let emulator: GoogleEmulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

/**
 * Starts `kalm publish --json` and kills it with SIGKILL 0–120 ms after its first reply PUT reaches the
 * emulator (or after it ran 8 s without one). True when it was killed before it finished.
 */
function publishAndKill(emu: GoogleEmulator, env: Record<string, string>): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const before = emu.requests.length;
    const child = spawn(process.execPath, ['bin/kalm.js', 'publish', '--json'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Thirty-odd CLI starts are heavy: at a lower priority they slow the tests running alongside less.
    try {
      if (child.pid !== undefined) setPriority(child.pid, 5);
    } catch {
      // Not allowed here: run at normal priority.
    }
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const started = Date.now();
    const watch = setInterval(() => {
      const put = emu.requests.slice(before).some((r) => r.method === 'PUT');
      if ((put || Date.now() - started > 8_000) && !killTimer) killTimer = setTimeout(kill, Math.random() * 120);
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (killTimer) clearTimeout(killTimer);
      if (signal === 'SIGKILL') resolve(true);
      else if (code === 0 || code === 1) resolve(false);
      else reject(new Error(`kalm publish ended with ${code}:\n${stderr}`));
    });
  });
}

describe('kalm publish under SIGKILL', () => {
  it(`every queued review ends with exactly its latest text on Google after ${KILLS} kills; no item lost or stuck`, { timeout: 600_000 }, async () => {
    const emu = await startGoogleEmulator();
    emulator = emu;
    // Slow each PUT a little so kills land between "sending" and Google's answer.
    emu.faults.add({ match: '/reply', method: 'PUT', delayMs: 40, times: Infinity });
    const dataDir = await tempDataDir();
    const env = emulatorEnv(emu, dataDir);
    await writeFile(join(dataDir, 'google-tokens.json'), JSON.stringify({ refresh_token: emu.tokens.issueFor().refresh_token }), { mode: 0o600 });
    const sync = await runKalm(['sync', '--json'], env);
    expect(sync.code, sync.stderr).toBe(0);

    const google = { roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl }, client: { clientId: emu.clientId, clientSecret: emu.clientSecret } };
    const latest = new Map<string, string>();
    let version = 0;
    let leftSending = 0;
    /** Queues new texts in a core of this process (the killed CLI's lock is taken over). */
    const enqueue = async (count: number, all = false): Promise<void> => {
      const kalm = await createKalm({ dataDir, host: 'test', google });
      leftSending += (await kalm.call('outbox.list', {})).items.filter((i) => i.state === 'sending').length;
      const reviews = (await kalm.call('reviews.query', { status: 'all', limit: 500 })).items
        .filter((r) => r.text !== null).slice(0, REVIEWS);
      const picked = all ? reviews : Array.from({ length: count }, () => reviews[Math.floor(Math.random() * reviews.length)]).flatMap((r) => (r ? [r] : []));
      for (const r of picked) {
        const location = emu.data.locations().find((l) => l.v4Name.endsWith(`/locations/${r.locationId}`));
        const text = `Dank u wel, ${r.author || 'beste klant'} — versie ${++version} ✨`;
        await kalm.call('outbox.send', { reviewId: r.id, text });
        latest.set(`${location?.v4Name ?? '?'}/reviews/${r.externalId}`, text);
      }
      await kalm.close();
    };
    await enqueue(REVIEWS, true);

    let kills = 0;
    for (let round = 0; kills < KILLS && round < KILLS * 2; round++) {
      if (await publishAndKill(emu, env)) kills++;
      await enqueue(2);
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(leftSending).toBeGreaterThan(0); // the kills did hit mid-publish

    const final = await runKalm(['publish', '--json'], env);
    expect(final.code, final.stderr).toBe(0);
    for (const [name, text] of latest) expect(emu.data.replyOf(name)?.comment).toBe(text);
    const outbox = JSON.parse((await runKalm(['outbox', '--json'], env)).stdout) as { state: string }[];
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.filter((i) => i.state !== 'sent')).toEqual([]);
    // A second run with nothing queued sends nothing.
    const again = await runKalm(['publish', '--json'], env);
    expect(JSON.parse(again.stdout)).toEqual([]);
  });
});
