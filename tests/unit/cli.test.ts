import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers';
import { runKalm } from './run-kalm';

const kalm = (args: string[], dataDir: string) => runKalm(args, { KALM_DATA_DIR: dataDir });


describe('kalm CLI', () => {
  it('prints help and exits 0', async () => {
    const r = await kalm(['--help'], await tempDataDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kalm');
  });

  it('rejects an unknown command or a bad flag with usage on stderr, exit 2, and touches no data', async () => {
    const dir = await tempDataDir();
    for (const args of [['frobnicate'], ['reviews', '--bogus'], ['reviews', '--rating', '0,9'], ['stats', 'extra']]) {
      const r = await kalm(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: kalm');
      expect(r.stdout).toBe('');
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('loads the demo, lists unanswered low reviews as JSON in priority order, and prints stats', async () => {
    const dir = await tempDataDir();
    const demo = await kalm(['demo'], dir);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/Loaded the demo: \d+ reviews at 3 locations/);

    const list = await kalm(['reviews', '--unanswered', '--rating', '1,2', '--json'], dir);
    expect(list.code).toBe(0);
    const items = JSON.parse(list.stdout) as { rating: number; createdAt: string; reply: unknown; locationName: string }[];
    expect(items.length).toBeGreaterThan(3);
    expect(Object.keys(items[0]!).sort()).toEqual(
      ['anonymous', 'author', 'createdAt', 'externalId', 'id', 'locationId', 'locationName', 'rating', 'reply', 'source', 'text', 'translatedText', 'updatedAt'].sort(),
    );
    for (const r of items) {
      expect([1, 2]).toContain(r.rating);
      expect(r.reply).toBeNull();
    }
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(a.rating < b.rating || (a.rating === b.rating && a.createdAt <= b.createdAt)).toBe(true);
    }

    const stats = await kalm(['stats', '--json'], dir);
    const s = JSON.parse(stats.stdout) as { overall: { average: number; count: number; unanswered: number }; locations: unknown[] };
    // The original fields stay first; the dashboard's figures follow them (tests/unit/cli-report.test.ts).
    expect(Object.keys(s.overall).slice(0, 3)).toEqual(['average', 'count', 'unanswered']);
    expect(s.locations).toHaveLength(3);
    expect(s.overall.average).toBeGreaterThan(1);
    expect(Number.isInteger(s.overall.average * 100)).toBe(true);

    const table = await kalm(['reviews', '--unanswered'], dir);
    expect(table.stdout).toMatch(/^Stars\s+Date\s+Location\s+Author\s+Text/);
    expect(table.stdout).toContain('★');
  });

  it('says clearly when the data folder is empty', async () => {
    const r = await kalm(['reviews'], await tempDataDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No reviews yet');
    expect(r.stdout).toContain('kalm demo');
  });
});

describe('kalm reviews: title and text', () => {
  it('sets a title apart from the text on a table line', async () => {
    const { titled: titledOf } = await import('../../electron/cli/format');
    const titled = ({ title, text }: { title: string | null; text: string }) => titledOf({ text, origin: { rating: null, scale: null, title, device: null, appVersion: null } });
    expect(titled({ title: 'Heerlijk brood', text: 'Heerlijk brood\n\nDe croissants waren vers.' })).toBe('Heerlijk brood — De croissants waren vers.');
    expect(titled({ title: 'Top', text: 'Snelle service' })).toBe('Top — Snelle service');
    expect(titled({ title: 'Alleen een titel', text: 'Alleen een titel' })).toBe('Alleen een titel');
    expect(titled({ title: null, text: 'Gewoon tekst' })).toBe('Gewoon tekst');
  });
});
