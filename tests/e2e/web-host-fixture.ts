import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { printedAddress } from './printed-address';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningHost {
  url: string;
  dataDir: string;
  /** Stops the host; `keepData` leaves the data folder for a restart (`startHost({ dataDir })`). */
  stop(opts?: { keepData?: boolean }): Promise<void>;
  /** Kills the host with SIGKILL (a crash: nothing is flushed); the data folder stays for a restart. */
  kill(): Promise<void>;
}

/**
 * Starts the real web host as `npm run web` does (scripts/web.mjs: the dist-web bundle `npm run build` made, or the
 * sources through tsx when a source is newer) on a fresh data folder and waits for its URL line.
 */
export async function startHost(opts: { prepare?: (dataDir: string) => Promise<void>; env?: Record<string, string>; dataDir?: string } = {}): Promise<RunningHost> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'kalm-e2e-')));
  await opts.prepare?.(dataDir);
  const child: ChildProcess = spawn(process.execPath, ['scripts/web.mjs', '--port', '0', '--no-open'], {
    cwd: root,
    env: { ...process.env, KALM_DATA_DIR: dataDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url } = await printedAddress(child, 'the web host', 30_000);
  return {
    url,
    dataDir,
    async stop({ keepData = false }: { keepData?: boolean } = {}) {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

/** Calls the web host's api from the page, with the page's launch token (how the renderer calls it). */
export async function callApi<T>(page: Page, name: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ([n, i]) => {
      const res = await fetch(`/api/${n}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sessionStorage.getItem('kalm.token') ?? ''}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(i),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [name, input] as const,
  );
  if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

/** A test with a web host on the demo workspace (the first run loads it). */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
});
export { expect } from '@playwright/test';
