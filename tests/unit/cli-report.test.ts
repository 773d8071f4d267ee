import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../shared/domain/review';
import { tempDataDir } from './helpers';
import { runKalm } from './run-kalm';

// A fixed zone makes the day bounds of --from/--to the same on every machine.
const kalm = (args: string[], dataDir: string) => runKalm(args, { KALM_DATA_DIR: dataDir, TZ: 'Europe/Amsterdam' });

async function demoDir(): Promise<string> {
  const dir = await tempDataDir();
  expect((await kalm(['demo'], dir)).code).toBe(0);
  return dir;
}

/** Every review of the data folder, read back through `kalm reviews --json` (all statuses). */
async function allReviews(dir: string): Promise<Pick<Review, 'id' | 'rating' | 'createdAt' | 'locationId'>[]> {
  const r = await kalm(['reviews', '--json'], dir);
  return JSON.parse(r.stdout) as Pick<Review, 'id' | 'rating' | 'createdAt' | 'locationId'>[];
}

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

describe('kalm stats with a period and a location', () => {
  it('keeps the original JSON fields and adds the dashboard figures, matching a count by hand', async () => {
    const dir = await demoDir();
    const all = await allReviews(dir);
    const r = await kalm(['stats', '--json', '--from', '2026-01-01', '--to', '2026-06-30', '--location', 'gent'], dir);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as {
      overall: Record<string, unknown> & { average: number | null; count: number };
      locations: { locationId: string }[];
      period: { from: string; to: string; previousFrom: string };
      trend: { month: string }[];
    };
    expect(Object.keys(s.overall)).toEqual(['average', 'count', 'unanswered', 'rated', 'responseRate', 'medianReplyHours', 'withinTarget', 'overdue', 'distribution', 'previousAverage']);
    // 1 January 00:00 and 1 July 00:00 in Amsterdam (CET, CEST).
    expect([s.period.from, s.period.to]).toEqual(['2025-12-31T23:00:00.000Z', '2026-06-30T22:00:00.000Z']);
    const from = Date.parse(s.period.from), to = Date.parse(s.period.to);
    const inScope = all.filter((x) => x.locationId === 'gent' && Date.parse(x.createdAt) >= from && Date.parse(x.createdAt) < to);
    expect(s.overall.count).toBe(inScope.length);
    expect(s.overall.average).toBe(mean(inScope.flatMap((x) => (x.rating === null ? [] : [x.rating]))));
    expect(s.locations.map((l) => l.locationId)).toEqual(['gent']);
    expect(s.trend.map((t) => t.month)[0]).toMatch(/^2026-0[1-6]$/);
  }, 60_000);

  it('prints a readable table with the period and the comparison', async () => {
    const dir = await demoDir();
    const r = await kalm(['stats', '--from', '2026-01-01'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Reviews created from 2025-12-31T23:00:00.000Z to now/);
    expect(r.stdout).toMatch(/Location\s+Average\s+Reviews\s+Unanswered\s+Answered\s+Median reply\s+Overdue/);
    expect(r.stdout).toContain('Previous period');
  });

  it('refuses bad periods with exit 2', async () => {
    const dir = await tempDataDir();
    for (const args of [['stats', '--from', '2026-02-30'], ['stats', '--from', 'yesterday'], ['stats', '--from', '2026-03-01', '--to', '2026-02-01']]) {
      const r = await kalm(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--from|--to/);
    }
  }, 60_000);
});

describe('kalm export', () => {
  it('writes CSV with a BOM, the same reviews as the JSON export, filtered', async () => {
    const dir = await demoDir();
    const out = join(dir, 'low.csv');
    const csv = await kalm(['export', '--format', 'csv', '--out', out, '--rating', '1,2', '--status', 'all'], dir);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/^Exported \d+ reviews to /);
    const text = await readFile(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    const all = await allReviews(dir);
    const low = all.filter((x) => x.rating === 1 || x.rating === 2);
    expect(rows.length).toBe(low.length);
    expect(new Set(rows.map((x) => x.rating))).toEqual(new Set(['1', '2']));
    // Oldest first, and the untrusted markup review is there as plain text.
    const times = rows.map((x) => Date.parse(x.createdAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.some((x) => x.text?.includes('<img src=x onerror=alert(1)>'))).toBe(true);

    const json = await kalm(['export', '--format', 'json', '--rating', '1,2'], dir);
    expect(json.code).toBe(0);
    const records = JSON.parse(json.stdout) as { id: string }[];
    expect(records.map((x) => x.id)).toEqual(rows.map((x) => x.id));
  }, 60_000);

  it('prints the file on stdout without --out', async () => {
    const dir = await demoDir();
    const r = await kalm(['export', '--format', 'csv', '--location', 'utrecht', '--from', '2026-01-01'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFid,source,externalId,locationId,')).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
  });

  it('refuses bad flags with exit 2 before opening the data folder', async () => {
    const dir = await tempDataDir();
    for (const args of [['export'], ['export', '--format', 'xlsx'], ['export', '--format', 'csv', '--status', 'happy'], ['export', '--format', 'csv', '--rating', '7']]) {
      const bad = await kalm(args, dir);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).toContain('Usage: kalm');
    }
  }, 60_000);
});
