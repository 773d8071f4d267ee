import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';
import { mulberry32 } from '../../shared/demo/random';

/** Seeded generator (mulberry32): a failing case can be made again from its seed. */
function rng(seed: number) {
  const next = mulberry32(seed);
  return { next, int: (n: number) => Math.floor(next() * n) };
}

interface Row { id: string; date: string; stars: number; author: string; text: string; reply: string }

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;
const toCsv = (rows: Row[], withId: boolean) =>
  [[...(withId ? ['Review Id'] : []), 'Review Created (UTC)', 'Review Stars', 'Review Username', 'Review Content', 'Company Response'].join(','),
    ...rows.map((r) => [...(withId ? [r.id] : []), r.date, String(r.stars), r.author, r.text, r.reply].map(csvCell).join(','))].join('\r\n') + '\r\n';

function shuffle<T>(xs: T[], r: ReturnType<typeof rng>): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('import: re-importing the same file or a newer overlapping export stores each review once', () => {
  for (const withId of [true, false]) {
    it(`${withId ? 'with' : 'without'} an id column: shuffled, overlapping, edited exports in random order`, async () => {
      for (let seed = 1; seed <= 6; seed++) {
        const r = rng(seed * 31 + (withId ? 1 : 0));
        const dataDir = await tempDataDir();
        const kalm = await createKalm({ dataDir, host: 'test', google: { client: null } });
        const base: Row[] = Array.from({ length: 10 + r.int(40) }, (_, i) => ({
          id: `tp-${seed}-${i}`,
          date: `2026-0${1 + r.int(6)}-${String(1 + r.int(28)).padStart(2, '0')} ${String(r.int(24)).padStart(2, '0')}:${String(r.int(60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
          stars: 1 + r.int(5),
          author: `Klant ${i}`,
          text: `Ervaring ${i}`,
          reply: r.next() < 0.3 ? `Dank je, klant ${i}` : '',
        }));
        // The latest version of each review that any imported file carried.
        const latest = new Map<string, Row>();
        for (let round = 0; round < 5; round++) {
          const slice = shuffle(base, r).slice(0, Math.max(1, r.int(base.length) + 1));
          // A newer export: some reviews edited (text, stars) and some replies added since.
          const version = slice.map((row) => (r.next() < 0.3 ? { ...row, text: `${row.text} (bijgewerkt ${round})`, stars: 1 + r.int(5), reply: row.reply || `Reactie ${round}` } : row));
          for (const v of version) {
            const i = base.findIndex((b) => b.id === v.id);
            base[i] = v;
            latest.set(v.id, v);
          }
          const path = join(dataDir, `..`, `export-${seed}-${round}-${withId}.csv`);
          await writeFile(path, toCsv(version, withId));
          const report = await kalm.importer.run(path, { sourceName: 'Trustpilot' });
          expect(report.errorCount, `seed ${seed} round ${round}`).toBe(0);
          // The same file again changes nothing: everything is an update.
          const again = await kalm.importer.run(path, { sourceName: 'Trustpilot' });
          expect([again.added, again.updated]).toEqual([0, version.length]);
        }
        const stored = (await kalm.call('reviews.query', { status: 'all', limit: 500 })).items;
        expect(stored.length, `seed ${seed}`).toBe(latest.size);
        const byAuthor = new Map(stored.map((s) => [s.author, s]));
        for (const want of latest.values()) {
          const got = byAuthor.get(want.author);
          expect(got, want.author).toMatchObject({ rating: want.stars, text: want.text, ...(withId ? { externalId: want.id } : {}) });
          expect(got?.reply?.text ?? '', want.author).toBe(want.reply);
        }
        await kalm.close();
      }
    }, 120_000);
  }
});
