// `kalm reviews --unanswered --json` at 10,000 reviews through the installed bin/kalm.js, as a user runs it,
// against a bare read + JSON.parse of the same files in a fresh Node: both timed from launch to exit.
import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentCliBundle } from '../bin/bundle-check.js';
import { buildCli } from '../scripts/build-cli.mjs';
import { REVIEWS_DIR, saveShardFile, saveSourcesFile } from '../electron/core/store/workspace-files';
import { generateDemoWorkspace } from '../shared/demo/generate';
import type { Review } from '../shared/domain/review';

const REVIEWS = 10_000;
const LOCATIONS = 20;
const ROUNDS = 3;
const root = fileURLToPath(new URL('..', import.meta.url));
const round = (n: number): number => Math.round(n * 100) / 100;

/** Runs node with `args`, stdout into a file (as `kalm … > out.json`); wall time from launch to exit, in ms. */
async function timed(args: string[], env: Record<string, string>, outFile: string): Promise<number> {
  const out = await open(outFile, 'w');
  try {
    const start = performance.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', out.fd, 'inherit'] });
      child.on('error', reject);
      child.on('close', resolve);
    });
    const ms = performance.now() - start;
    if (code !== 0) throw new Error(`bench: node ${args.join(' ')} exited with ${code}`);
    return ms;
  } finally {
    await out.close();
  }
}

const bareParse = (dir: string): string => `
  const { readdirSync, readFileSync } = require('node:fs');
  const { join } = require('node:path');
  const dir = ${JSON.stringify(join(dir, REVIEWS_DIR))};
  let n = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()) n += JSON.parse(readFileSync(join(dir, name), 'utf8')).reviews.length;
  process.stdout.write(String(n));`;

export async function benchCliList(): Promise<Record<string, number>> {
  if (currentCliBundle(root) === null) {
    process.stderr.write('bench: building the CLI bundle (dist-cli/, as npm run build does)…\n');
    await buildCli();
  }
  const dir = await mkdtemp(join(tmpdir(), 'kalm-bench-cli-'));
  try {
    const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00.000Z'), seed: 20261124, locationCount: LOCATIONS, reviewCount: REVIEWS });
    const shards = new Map<string, Review[]>();
    for (const r of demo.reviews) shards.set(r.locationId, [...(shards.get(r.locationId) ?? []), r]);
    for (const [locationId, reviews] of shards) await saveShardFile(dir, 'google', locationId, reviews);
    await saveSourcesFile(dir, demo.sources, demo.locations);

    const env = { KALM_DATA_DIR: dir };
    const list = ['bin/kalm.js', 'reviews', '--unanswered', '--json'];
    const out = join(dir, 'out.json');
    const best = { bare: Infinity, cli: Infinity, full: Infinity, source: Infinity };
    for (let i = 0; i < ROUNDS; i++) {
      best.bare = Math.min(best.bare, await timed(['-e', bareParse(dir)], {}, out));
      best.cli = Math.min(best.cli, await timed(list, env, out));
      best.full = Math.min(best.full, await timed(list, { ...env, KALM_CLI_FULL_LOAD: '1' }, out));
      best.source = Math.min(best.source, await timed(list, { ...env, KALM_CLI_FROM_SOURCE: '1' }, out));
    }
    const listed = (JSON.parse(await readFile(out, 'utf8')) as unknown[]).length;
    if (listed === 0) throw new Error('bench: kalm reviews --unanswered listed nothing');
    return {
      cli_list_reviews: REVIEWS,
      cli_list_unanswered: listed,
      cli_list_bare_parse_ms: round(best.bare),
      cli_list_ms: round(best.cli),
      cli_list_ratio: round(best.cli / best.bare),
      // The same command on the whole core (what every read command did before the read view).
      cli_list_full_load_ratio: round(best.full / best.bare),
      // Right after `npm install`, before a build: the sources through tsx.
      cli_list_from_source_ratio: round(best.source / best.bare),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
