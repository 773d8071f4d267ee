import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentCliBundle } from '../bin/bundle-check.js';

/**
 * `kalm --version` as a user runs it right after `npm install` (the `prepare` script built the CLI bundle):
 * the median of several cold starts, next to a bare `node -e ""` in the same run (cli_start_ratio).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

function medianMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function benchCliStart(): Record<string, number> {
  if (!existsSync(path.join(root, 'dist-cli', 'kalm.mjs')) || currentCliBundle(root) === null) {
    throw new Error('the CLI bundle is missing or stale: run `npm install` (prepare) or `npm run build:cli` first');
  }
  const node = medianMs(['-e', '']);
  const cli = medianMs([path.join(root, 'bin', 'kalm.js'), '--version']);
  return { cli_start_ms: Math.round(cli), node_start_ms: Math.round(node), cli_start_ratio: Number((cli / node).toFixed(2)) };
}
