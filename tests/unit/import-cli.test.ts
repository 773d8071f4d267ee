import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers';
import { runKalm as kalm } from './run-kalm';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

describe('kalm import', () => {
  it('imports each preset, updates on a second run, and --source filters reviews and stats', async () => {
    const env = { KALM_DATA_DIR: await tempDataDir() };
    const tp = await kalm(['import', join(FIX, 'trustpilot.csv'), '--preset', 'trustpilot'], env);
    expect(tp.code, tp.stderr).toBe(0);
    expect(tp.stdout).toContain('Imported 4 of 4 rows from');
    expect(tp.stdout).toContain('into "Trustpilot": 4 new, 0 updated.');
    const again = await kalm(['import', join(FIX, 'trustpilot.csv'), '--preset', 'trustpilot', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 4, valid: 4, errorCount: 0 });
    const kiyoh = await kalm(['import', join(FIX, 'kiyoh.csv'), '--preset', 'kiyoh', '--source', 'Klantenvertellen'], env);
    expect(kiyoh.stdout).toContain('separator ";"; dates day-month-year');

    const listed = JSON.parse((await kalm(['reviews', '--json', '--source', 'klantenvertellen'], env)).stdout) as { rating: number; source: string }[];
    expect(listed.map((r) => r.rating)).toEqual([2, 4, 5]);
    const stats = JSON.parse((await kalm(['stats', '--json', '--source', 'trustpilot'], env)).stdout) as { overall: { count: number } };
    expect(stats.overall.count).toBe(4);
  }, 60_000);

  it('lists bad rows by number on stderr and still imports the good ones; --dry-run changes nothing', async () => {
    const dir = await tempDataDir();
    const file = join(dir, '..', `mixed-${Date.now()}.csv`);
    await writeFile(file, 'Datum;Naam;Cijfer;Review\n14-03-2025;An;8;Goed\n31-02-2025;Bo;7;Datum fout\n15-03-2025;Cas;12;Te hoog\n16-03-2025;Dirk\n');
    const dry = await kalm(['import', file, '--preset', 'kiyoh', '--dry-run'], { KALM_DATA_DIR: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1 of 4 rows can be imported into "Kiyoh" (nothing was changed: --dry-run).');
    expect(dry.stderr).toContain('3 rows skipped:\n  Row 3: "31-02-2025" is not a real date (31-02-2025 does not exist).\n  Row 4: the rating 12 is outside 1–10.\n  Row 5: it has 2 cells but the header has 4 columns.');
    await expect(readFile(join(dir, 'sources.json'))).rejects.toThrow();
    const run = await kalm(['import', file, '--preset', 'kiyoh'], { KALM_DATA_DIR: dir });
    expect(run.stdout).toContain('Imported 1 of 4 rows');
  }, 60_000);

  it('exit codes: 2 for usage mistakes, 1 with a message for a file it cannot import', async () => {
    const env = { KALM_DATA_DIR: await tempDataDir() };
    expect((await kalm(['import'], env))).toMatchObject({ code: 2, stderr: expect.stringContaining('import needs a file') });
    expect((await kalm(['import', 'a.csv', '--preset', 'yelp'], env))).toMatchObject({ code: 2, stderr: expect.stringContaining('--preset takes one of trustpilot, tripadvisor, facebook, kiyoh') });
    expect((await kalm(['import', 'a.csv', '--map', 'stars=X'], env)).code).toBe(2);
    const empty = join(env.KALM_DATA_DIR, 'empty.csv');
    await writeFile(empty, '');
    expect(await kalm(['import', empty], env)).toMatchObject({ code: 1, stderr: 'kalm: The file is empty: there are no reviews in it.\n' });
    expect(await kalm(['import', join(FIX, 'trustpilot.csv'), '--format', 'json'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('has no list of reviews') });
  }, 60_000);
});

describe('kalm reply / outbox for an imported review (copy-and-open)', () => {
  it('says Kalm cannot post there, and lists it as "to post" with the link, never as queued for sending', async () => {
    const env = { KALM_DATA_DIR: await tempDataDir() };
    await kalm(['import', join(FIX, 'trustpilot.csv'), '--preset', 'trustpilot'], env);
    const [review] = JSON.parse((await kalm(['reviews', '--json', '--source', 'trustpilot'], env)).stdout) as { id: string; reply: unknown }[];
    const queued = await kalm(['reply', review?.id ?? '', '--text', 'Beste klant, dank u wel voor uw review.'], env);
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toMatch(/Kalm cannot post on Trustpilot: paste it there yourself( \(https:\/\/www\.trustpilot\.com\/reviews\/\w+\))?, then click "I posted it"/);
    expect(queued.stdout).not.toContain('kalm publish');
    const listed = await kalm(['outbox'], env);
    expect(listed.stdout).toMatch(/^to post +trustpilot:/);
    expect(listed.stdout).toContain('post it on Trustpilot yourself');
    const published = await kalm(['publish', '--json'], env);
    expect(JSON.parse(published.stdout)).toEqual([]);
  }, 60_000);
});
