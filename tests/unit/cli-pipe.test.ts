import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveShardFile, saveSourcesFile } from '../../electron/core/store/workspace-files';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import type { Review } from '../../shared/domain/review';
import { ROOT } from './run-kalm';

/** Runs a shell pipeline from the project folder; `kalm` is the real bin. */
function sh(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `set -o pipefail; kalm() { node bin/kalm.js "$@"; }; ${script}`], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dataDir = '';
let outDir = '';

describe('CLI output through a pipe (100,000 reviews)', () => {
  beforeAll(async () => {
    // Shared by the tests of this file (helpers' tempDataDir is removed after each test).
    dataDir = await mkdtemp(join(tmpdir(), 'kalm-pipe-'));
    outDir = await mkdtemp(join(tmpdir(), 'kalm-pipe-out-'));
    const demo = generateDemoWorkspace({ now: new Date('2026-11-01T12:00:00Z'), seed: 20261124, locationCount: 40, reviewCount: 100_000 });
    const shards = new Map<string, Review[]>();
    for (const r of demo.reviews) shards.set(`${r.source}\u0000${r.locationId}`, [...(shards.get(`${r.source}\u0000${r.locationId}`) ?? []), r]);
    for (const [key, list] of shards) {
      const [source = '', locationId = ''] = key.split('\u0000');
      await saveShardFile(dataDir, source, locationId, list);
    }
    await saveSourcesFile(dataDir, demo.sources, demo.locations);
  }, 120_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  });

  it('kalm reviews --json | wc -c equals the size of the same output redirected to a file', async () => {
    const file = join(outDir, 'reviews.json');
    const toFile = await sh(`kalm reviews --json > ${file}`, { KALM_DATA_DIR: dataDir });
    expect(toFile.code, toFile.stderr).toBe(0);
    const size = (await stat(file)).size;
    expect(size).toBeGreaterThan(10 * 65_536);
    const piped = await sh('kalm reviews --json | wc -c', { KALM_DATA_DIR: dataDir });
    expect(piped.code, piped.stderr).toBe(0);
    expect(Number(piped.stdout.trim())).toBe(size);
    // And it is whole JSON: every review, parsed by a reader at the other end of the pipe.
    const count = await sh(`kalm reviews --json | node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>console.log(JSON.parse(s).length))'`, { KALM_DATA_DIR: dataDir });
    expect(count.stdout.trim()).toBe('100000');
  }, 240_000);

  it('kalm export --format csv | head -1 exits cleanly (no EPIPE error) and the CSV is whole through wc -l', async () => {
    const head = await sh('kalm export --format csv | head -1; echo "status ${PIPESTATUS[0]}" >&2', { KALM_DATA_DIR: dataDir });
    expect(head.code).toBe(0);
    expect(head.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(head.stdout).toMatch(/^\ufeff?id,/);
    expect(head.stderr).toBe('status 0\n');
    const file = join(outDir, 'all.csv');
    const toFile = await sh(`kalm export --format csv > ${file} && wc -l < ${file} && kalm export --format csv | wc -l`, { KALM_DATA_DIR: dataDir });
    const [a, b] = toFile.stdout.trim().split('\n');
    expect(Number(a)).toBeGreaterThan(100_000);
    expect(b).toBe(a);
  }, 240_000);

  it('kalm reviews (text) | tail ends with a whole row', async () => {
    const t = await sh('kalm reviews | tail -c 200000 | tail -1', { KALM_DATA_DIR: dataDir });
    expect(t.code, t.stderr).toBe(0);
    const full = await sh('kalm reviews | wc -l', { KALM_DATA_DIR: dataDir });
    expect(Number(full.stdout.trim())).toBeGreaterThan(100_000);
  }, 240_000);
});
