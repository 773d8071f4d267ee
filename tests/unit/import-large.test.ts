import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers';
import { runNode } from './run-kalm';

/** Writes a Trustpilot-style CSV of about `megabytes` MB with a bad row every 10,000 rows. */
async function bigCsv(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('Review Id,Review Created (UTC),Review Consumer Name,Review Stars,Review Content\n');
  const body = 'Lekker brood, vriendelijke mensen; we komen zeker terug. '.repeat(6);
  let bytes = 0, rows = 0;
  while (bytes < megabytes * 1024 * 1024) {
    rows++;
    const stars = rows % 10_000 === 0 ? 9 : (rows % 5) + 1;
    const line = `r${rows},2025-${String((rows % 12) + 1).padStart(2, '0')}-15 10:00:00,Klant ${rows},${stars},"${body}${rows}"\n`;
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

describe('import: a 200 MB export', () => {
  it('is read in one streaming pass by a Node with a 128 MB heap, every bad row reported by number', async () => {
    const path = join(await tempDataDir(), 'trustpilot-200mb.csv');
    const rows = await bigCsv(path, 200);
    // A heap smaller than the file: holding the file (or every row) in memory would crash this Node.
    const run = await runNode(['--max-old-space-size=128', '--import', 'tsx', 'tests/unit/import-large-child.ts', path], {});
    expect(run.code, run.stderr.slice(0, 500)).toBe(0);
    const errorCount = Math.floor(rows / 10_000);
    expect(JSON.parse(run.stdout)).toEqual({ rows, valid: rows - errorCount, errorCount, firstError: 'Row 10001: the rating 9 is outside 1–5.' });
  }, 300_000);
});
