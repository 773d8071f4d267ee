import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kalmErrorOf, tempDataDir } from './helpers';
import { allReviews, openImportCore, tempFile } from './import-setup';

/** Made-up businesses in the layouts of /work/shared/IMPORT-FORMATS.md, one file per site. */
const REAL = fileURLToPath(new URL('../fixtures/import/real/', import.meta.url));
const NOW = new Date('2026-08-01T09:30:00.000Z');

const open = async () => (await openImportCore(NOW)).kalm;

describe('import: the real layouts, recognised without a preset', () => {
  it('Trustpilot service-reviews CSV (quoted, CRLF): Review Username as author, title kept, Company Response as reply', async () => {
    const kalm = await open();
    const r = await kalm.importer.run(join(REAL, 'trustpilot-service-reviews.csv'), {});
    expect(r).toMatchObject({ preset: 'trustpilot', sourceName: 'Trustpilot', rows: 3, valid: 3, errorCount: 0, added: 3 });
    const reviews = await allReviews(kalm, 'trustpilot');
    expect(reviews.map((x) => x.author).sort()).toEqual(['Amira Benali', 'Joris Verbeek', "Liam O'Brien"]);
    const joris = reviews.find((x) => x.author === 'Joris Verbeek');
    expect(joris).toMatchObject({
      rating: 1, status: 'answered', locationId: 'fietsenmakerij-de-spaak-utrecht', createdAt: '2026-01-04T16:20:00.000Z',
      text: 'Koud brood\n\nHet brood was oudbakken en niemand reageerde op mijn mail.',
      origin: { title: 'Koud brood', rating: '1' },
      reply: { text: 'Beste Joris, dat had niet mogen gebeuren. We bellen je vandaag nog.', updatedAt: '2026-01-05T09:00:00.000Z' },
    });
    expect(reviews.find((x) => x.author === 'Amira Benali')).toMatchObject({ rating: 5, reply: null, status: 'unanswered' });
    await kalm.close();
  });

  it('Tripadvisor Content API JSON: offsets without a colon, owner_response.text as the reply, user.username as author', async () => {
    const kalm = await open();
    const r = await kalm.importer.run(join(REAL, 'tripadvisor-content-api.json'), {});
    expect(r).toMatchObject({ preset: 'tripadvisor', format: 'json', valid: 2, errorCount: 0 });
    const reviews = await allReviews(kalm, 'tripadvisor');
    expect(reviews.find((x) => x.externalId === '987650001')).toMatchObject({
      author: 'WanderingAnna', rating: 2, language: 'en', createdAt: '2026-02-22T18:34:21.000Z',
      text: 'Breakfast ran out\n\nThe room was fine but breakfast ran out at nine.',
      reply: { text: 'Dear Anna, thank you: we now restock breakfast until 10:30.', updatedAt: '2026-02-24T07:00:00.000Z' }, status: 'answered',
    });
    expect(reviews.find((x) => x.externalId === '987650002')).toMatchObject({ author: 'Kees_R', rating: 5, reply: null, createdAt: '2026-03-01T09:00:00.000Z' });
    await kalm.close();
  });

  it('Facebook Graph ratings: positive → 5, negative → 1, a legacy star rating kept, anonymous and text-less recommendations stored (6 of 6)', async () => {
    const kalm = await open();
    const r = await kalm.importer.run(join(REAL, 'facebook-page-ratings.json'), {});
    expect(r).toMatchObject({ preset: 'facebook', rows: 6, valid: 6, errorCount: 0, added: 6 });
    const reviews = await allReviews(kalm, 'facebook');
    expect(reviews).toHaveLength(6);
    expect(reviews.find((x) => x.author === 'Noor Visser')).toMatchObject({ rating: 5, origin: { rating: 'positive', scale: 'recommend' }, reply: { text: 'Dank je, Noor! Tot snel.' }, status: 'answered' });
    expect(reviews.find((x) => x.author === 'Daan Mulder')).toMatchObject({ rating: 1, origin: { rating: 'negative' } });
    expect(reviews.find((x) => x.author === 'Fleur de Boer')).toMatchObject({ rating: 4, origin: { rating: '4', scale: 'stars-5' } });
    const anonymous = reviews.filter((x) => x.anonymous);
    expect(anonymous.map((x) => [x.rating, x.text]).sort()).toEqual([[2, null], [5, null], [5, null]]);
    await kalm.close();
  });

  it('Kiyoh publication feed: the 1–10 score as stars (score kept), DEFAULT_OPINION as text, DEFAULT_ONELINER as title, reviewComments as reply', async () => {
    const kalm = await open();
    const r = await kalm.importer.run(join(REAL, 'kiyoh-publication-feed.json'), {});
    expect(r).toMatchObject({ preset: 'kiyoh', scale: 'score-10', valid: 3, errorCount: 0 });
    const reviews = await allReviews(kalm, 'kiyoh');
    expect(reviews.find((x) => x.author === 'Marloes')).toMatchObject({
      rating: 5, origin: { rating: '9', scale: 'score-10', title: 'Vakwerk' }, createdAt: '2026-03-10T14:12:45.123Z',
      text: 'Vakwerk\n\nMijn laarzen zijn weer als nieuw, en binnen twee dagen klaar.', reply: { text: 'Dank je wel Marloes, graag tot de volgende keer!' },
    });
    expect(reviews.find((x) => x.anonymous)).toMatchObject({ rating: 2, text: 'De hak zat er na een week weer los.', reply: null, createdAt: '2026-03-12T07:00:00.000Z' });
    expect(reviews.find((x) => x.author === 'Henk')).toMatchObject({ rating: 5, origin: { rating: '10' }, reply: null });
    await kalm.close();
  });
});

describe('import: strict rows, nothing half-done', () => {
  it('an impossible date (also with a zone) is a bad row named by its line; the others import', async () => {
    const kalm = await open();
    const path = await tempFile('dates.csv', 'Review Id,Review Created (UTC),Review Stars,Review Username,Review Content\n1,2026-02-28 10:00:00,5,An,Goed\n2,2026-02-30 10:00:00,4,Bo,Fout\n3,2026-02-30T10:00:00Z,4,Cas,Fout\n4,2026-13-01,3,Dirk,Fout\n5,2026-03-01,0,Eva,Nul sterren\n');
    const r = await kalm.importer.run(path, {});
    expect(r.valid).toBe(1);
    expect(r.errors.map((e) => e.message)).toEqual([
      'Row 3: "2026-02-30 10:00:00" is not a real date (30-02-2026 does not exist).',
      'Row 4: "2026-02-30T10:00:00Z" is not a real date (30-02-2026 does not exist).',
      'Row 5: "2026-13-01" is not a real date (01-13-2026 does not exist).',
      'Row 6: the rating 0 is outside 1–5.',
    ]);
    expect((await allReviews(kalm)).map((x) => x.createdAt)).toEqual(['2026-02-28T10:00:00.000Z']);
    await kalm.close();
  });

  it('a file without a rating column, or without any valid row, changes nothing (also in an existing source)', async () => {
    const kalm = await open();
    await kalm.importer.run(join(REAL, 'trustpilot-service-reviews.csv'), {});
    const before = JSON.stringify(await allReviews(kalm));
    const sources = await readFile(join(kalm.dataDir, 'sources.json'), 'utf8');
    const norating = await tempFile('norating.csv', 'Review Id,Review Created (UTC),Review Username,Review Content\n9,2026-01-01 10:00:00,Zoë,Mooi\n8,2026-01-02 10:00:00,Yara,Fijn\n7,2026-01-03 10:00:00,Xander,Top\n');
    const err = await kalmErrorOf(kalm.importer.run(norating, { sourceName: 'Trustpilot' }));
    expect(err.message).toMatch(/Required column missing: rating/);
    const allBad = await tempFile('allbad.csv', 'Review Id,Review Created (UTC),Review Stars,Review Username\n9,2026-02-31 10:00:00,5,Zoë\n8,2026-01-02 10:00:00,7,Yara\n');
    const bad = await kalmErrorOf(kalm.importer.run(allBad, { sourceName: 'Trustpilot' }));
    expect(bad.message).toMatch(/No row of this file could be imported, so nothing was changed\. Row 2: .*not a real date.* Row 3: the rating 7 is outside 1–5\./);
    expect(JSON.stringify(await allReviews(kalm))).toBe(before);
    expect(await readFile(join(kalm.dataDir, 'sources.json'), 'utf8')).toBe(sources);
    await kalm.close();
  });

  it('a date-only import is a day: the review says so (origin.dateOnly) and keeps midnight UTC', async () => {
    const kalm = await open();
    await kalm.importer.run(await tempFile('days.csv', 'Datum,Naam,Sterren,Tekst\n14-03-2026,An,4,Prima\n'), {});
    expect((await allReviews(kalm))[0]).toMatchObject({ createdAt: '2026-03-14T00:00:00.000Z', origin: { dateOnly: true } });
    await kalm.close();
  });
});

describe('import: Trustpilot as an Excel workbook (.xlsx)', () => {
  it('reads the first sheet like the CSV: same columns, real Excel dates, the title kept', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const csv = await readFile(join(REAL, 'trustpilot-service-reviews.csv'), 'utf8');
    const lines = csv.trim().split('\r\n').map((l) => l.slice(1, -1).split('","'));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Service reviews');
    for (const [i, cells] of lines.entries()) {
      // Excel stores dates as dates: the created column becomes a real date cell (in UTC, as the column says).
      sheet.addRow(i === 0 ? cells : cells.map((c, col) => (col === 1 ? new Date(`${c.replace(' ', 'T')}Z`) : col === 4 ? Number(c) : c)));
    }
    wb.addWorksheet('Notes').addRow(['not reviews']);
    const path = join(await tempDataDir(), 'trustpilot.xlsx');
    await wb.xlsx.writeFile(path);

    const kalm = await open();
    const dry = await kalm.importer.preview(path, {});
    expect(dry).toMatchObject({ format: 'xlsx', preset: 'trustpilot', rows: 3, valid: 3, errorCount: 0 });
    await kalm.importer.run(path, {});
    const reviews = await allReviews(kalm, 'trustpilot');
    expect(reviews.find((x) => x.author === 'Joris Verbeek')).toMatchObject({
      rating: 1, createdAt: '2026-01-04T16:20:00.000Z', text: 'Koud brood\n\nHet brood was oudbakken en niemand reageerde op mijn mail.',
      reply: { text: 'Beste Joris, dat had niet mogen gebeuren. We bellen je vandaag nog.' },
    });
    // The same reviews as from the CSV export: importing that next adds nothing.
    const again = await kalm.importer.run(join(REAL, 'trustpilot-service-reviews.csv'), {});
    expect([again.added, again.updated]).toEqual([0, 3]);
    await kalm.close();
  });
});
