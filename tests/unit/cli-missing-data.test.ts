import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKalm } from './run-kalm';
import { tempDataDir } from './helpers';

describe('read commands when a file could not be read', () => {
  it('reviews, stats and export print valid output for the rest and exit 3 (documented); healthy folders exit 0', async () => {
    const dir = await tempDataDir();
    const env = { KALM_DATA_DIR: dir };
    expect((await runKalm(['demo'], env)).code).toBe(0);
    const all = await runKalm(['reviews', '--json'], env);
    expect(all.code, all.stderr).toBe(0);
    const total = (JSON.parse(all.stdout) as unknown[]).length;

    // Shards only: the manifest (.kalm-manifest.json) sits beside them.
    const shards = (await readdir(join(dir, 'reviews'))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    await writeFile(join(dir, 'reviews', shards[0]!), '{"schemaVersion": 2, "reviews": [');

    const reviews = await runKalm(['reviews', '--json'], env);
    expect(reviews.code).toBe(3);
    const partial = JSON.parse(reviews.stdout) as unknown[];
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(total);
    expect(reviews.stderr).toContain('could not be read, so this output is incomplete (exit code 3)');

    const stats = await runKalm(['stats', '--json'], env);
    expect(stats.code).toBe(3);
    expect(() => JSON.parse(stats.stdout) as unknown).not.toThrow();

    const exported = await runKalm(['export', '--format', 'json'], env);
    expect(exported.code).toBe(3);
    expect(() => JSON.parse(exported.stdout) as unknown).not.toThrow();

    const help = await runKalm(['--help'], env);
    expect(help.stdout).toContain('3 a read command');
  });
});
