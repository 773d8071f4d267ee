import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import type { ImportOptions } from '../../shared/import/options';
import { kalmErrorOf, tempDataDir } from './helpers';
import { allReviews, openImportCore, tempFile } from './import-setup';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const NOW = new Date('2026-03-01T09:30:00.000Z');

const open = () => openImportCore(NOW);

describe('import: the four presets', () => {
  it('Trustpilot CSV: stars, title + text, replies answered, quotes and line breaks in cells, hostile cells kept as text', async () => {
    const { kalm } = await open();
    const r = await kalm.importer.run(join(FIX, 'trustpilot.csv'), { preset: 'trustpilot' });
    expect(r).toMatchObject({ format: 'csv', delimiter: ',', rows: 4, valid: 4, errorCount: 0, added: 4, updated: 0, sourceId: 'trustpilot' });
    const reviews = await allReviews(kalm, 'trustpilot');
    const tom = reviews.find((x) => x.author === 'Tom Peeters');
    expect(tom).toMatchObject({ rating: 2, status: 'answered', reply: { text: expect.stringContaining('Beste Tom'), updatedAt: '2025-11-05T09:00:00.000Z' } });
    expect(reviews.find((x) => x.author === 'Emily Carter')?.text).toContain('"Best in town", says my kid.');
    const hostile = reviews.find((x) => x.rating === 1);
    expect(hostile).toMatchObject({ author: '<script>alert(1)</script>', url: null, text: 'Nooit meer\n\nMulti-line review:\nfirst line\nsecond line' });
    const ws = await kalm.call('workspace.get', {});
    expect(ws.sources).toContainEqual(expect.objectContaining({ id: 'trustpilot', kind: 'file-import', name: 'Trustpilot' }));
    await kalm.close();
  });

  it('Tripadvisor CSV: US dates, half bubbles, one location per property', async () => {
    const { kalm } = await open();
    const r = await kalm.importer.run(join(FIX, 'tripadvisor.csv'), { preset: 'tripadvisor' });
    expect(r).toMatchObject({ valid: 3, dateOrder: 'mdy' });
    const reviews = await allReviews(kalm, 'tripadvisor');
    expect(reviews.find((x) => x.externalId === '912345001')).toMatchObject({ createdAt: '2025-03-14T00:00:00.000Z', locationId: 'bakkerij-zonnig-utrecht', status: 'answered' });
    expect(reviews.find((x) => x.externalId === '912345003')).toMatchObject({ rating: 5, origin: { rating: '4.5', scale: 'stars-5' }, locationId: 'bakkerij-zonnig-gent' });
    expect((await kalm.call('workspace.get', {})).locations.filter((l) => l.source === 'tripadvisor').map((l) => l.name).sort()).toEqual(['Bakkerij Zonnig Gent', 'Bakkerij Zonnig Utrecht']);
    await kalm.close();
  });

  it('Facebook JSON (Graph API shape): recommends mapped to 5 or 1 with the original kept', async () => {
    const { kalm } = await open();
    const r = await kalm.importer.run(join(FIX, 'facebook.json'), { preset: 'facebook' });
    expect(r).toMatchObject({ format: 'json', valid: 3, mapping: { rating: 'recommendation_type', author: 'reviewer.name', id: 'open_graph_story.id' } });
    const reviews = await allReviews(kalm, 'facebook');
    expect(reviews.find((x) => x.author === 'Pieter Bakker')).toMatchObject({ rating: 1, origin: { rating: 'negative', scale: 'recommend' }, createdAt: '2025-10-05T18:30:00.000Z' });
    expect(reviews.find((x) => x.author === 'Lotte Smit')).toMatchObject({ rating: 5, text: null });
    await kalm.close();
  });

  it('Kiyoh CSV: semicolons, Dutch dates (also "2 februari 2025"), 1–10 scores with decimal commas', async () => {
    const { kalm } = await open();
    const r = await kalm.importer.run(join(FIX, 'kiyoh.csv'), { preset: 'kiyoh', sourceName: 'Klantenvertellen' });
    expect(r).toMatchObject({ delimiter: ';', valid: 3, sourceId: 'klantenvertellen', scale: 'score-10' });
    const reviews = await allReviews(kalm, 'klantenvertellen');
    expect(reviews.map((x) => [x.author, x.rating, x.origin?.rating, x.createdAt.slice(0, 10)]).sort()).toEqual([
      ['Anoniem', 4, '7,5', '2025-01-28'],
      ['Fatima El Amrani', 2, '4', '2025-02-02'],
      ['Henk de Boer', 5, '9', '2025-03-14'],
    ]);
    await kalm.close();
  });
});

describe('import: bad input gets a clear message and loses nothing', () => {
  const header = 'Review Id,Review Created (UTC),Review Consumer Name,Review Stars,Review Content\n';

  it('refuses empty, header-only and binary files, changing nothing', async () => {
    const { kalm, dir } = await open();
    await kalm.importer.run(join(FIX, 'trustpilot.csv'), { preset: 'trustpilot' });
    const before = await readFile(join(dir, 'reviews', (await readdir(join(dir, 'reviews')))[0] ?? ''), 'utf8');
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['empty.csv', '', /The file is empty/],
      ['header.csv', header, /has a header .* but no reviews below it/],
      ['blank.csv', '\n\n\n', /no rows/],
      ['book.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), /could not read this XLSX file/],
      ['book.zip.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), /Excel \.xlsx workbook/],
      ['photo.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), /PNG image/],
      ['noise.csv', Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256), /not a text file/],
      ['nocols.csv', 'Naam,Plaats\nAnna,Gent\n', /Required columns missing: date and rating/],
      ['broken.json', '[{"stars": 5, "createdAt": "2025-01-01"}, {"stars": 4', /ends in the middle of a review/],
      ['nolist.json', '{"hello": "world"}', /has no list of reviews/],
    ];
    for (const [name, content, message] of cases) {
      const err = await kalmErrorOf(kalm.importer.run(await tempFile(name, content), { preset: 'trustpilot' }));
      expect(err.message, name).toMatch(message);
      expect(err.code).toBe('invalid_input');
    }
    expect(await readFile(join(dir, 'reviews', (await readdir(join(dir, 'reviews')))[0] ?? ''), 'utf8')).toBe(before);
    expect((await allReviews(kalm)).length).toBe(4);
    await kalm.close();
  });

  it('a mapping to a column the file lacks names the file’s columns', async () => {
    const { kalm } = await open();
    const err = await kalmErrorOf(kalm.importer.run(join(FIX, 'trustpilot.csv'), { preset: 'trustpilot', mapping: { rating: 'Score' } }));
    expect(err.message).toMatch(/no column rating → "Score"\. Its columns are: Review Id, Review Created \(UTC\)/);
    await kalm.close();
  });

  it('reads Latin-1, UTF-16 (LE with BOM, BE without), a UTF-8 BOM, tabs and semicolons alike', async () => {
    const { kalm } = await open();
    const text = 'Datum;Naam;Cijfer;Review\n14-03-2025;Zoë Müller;8;Één croissant - héél lekker\n';
    const latin1 = Buffer.from(text, 'latin1');
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(';', '\t'), 'utf16le')]);
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replaceAll(';', ','), 'utf8')]);
    const expected: [Buffer, string, string][] = [[latin1, 'Windows-1252 / Latin-1', ';'], [utf16le, 'UTF-16 LE', '\t'], [utf16be, 'UTF-16 BE', ';'], [bom, 'UTF-8 (with BOM)', ',']];
    for (const [content, encoding, delimiter] of expected) {
      const r = await kalm.importer.preview(await tempFile('k.csv', content), { preset: 'kiyoh' });
      expect(r, encoding).toMatchObject({ encoding, delimiter, valid: 1, errorCount: 0, columns: ['Datum', 'Naam', 'Cijfer', 'Review'] });
      expect(r.preview[0]).toMatchObject({ author: 'Zoë Müller', rating: 4, originalRating: '8', text: 'Één croissant - héél lekker' });
    }
    await kalm.close();
  });

  it('imports the good rows and lists each bad one by row number: ragged rows, bad dates, ratings out of range, duplicates', async () => {
    const { kalm } = await open();
    const csv = header + [
      'a1,2025-01-05,Anna,5,Goed',
      'a2,2025-01-06,Bert,6,Te veel sterren',
      'a3,gisteren,Cor,3,Vage datum',
      'a4,2025-01-07,Dirk,4',
      'a5,2025-01-08,Eva,4,Prima,extra',
      '',
      'a1,2025-01-09,Anna,4,Nog eens',
      'a6,31-12-2024,Fleur,1,Koud',
      'a7,2025-01-10,,,',
      'a8,"2025-01-11,Gijs,2,quote not closed',
    ].join('\n');
    const r = await kalm.importer.run(await tempFile('mixed.csv', csv), { preset: 'trustpilot' });
    expect(r.valid).toBe(2);
    expect(r.errors.map((e) => e.message)).toEqual([
      'Row 3: the rating 6 is outside 1–5.',
      'Row 4: "gisteren" is not a date Kalm reads (use e.g. 2025-03-14 or 14-03-2025).',
      'Row 5: it has 4 cells but the header has 5 columns.',
      'Row 6: it has 6 cells but the header has 5 columns.',
      'Row 8: it has the same review id as row 2; Kalm kept row 2.',
      'Row 10: the row has neither a rating nor a text.',
      expect.stringMatching(/^Row 11: /),
    ]);
    expect((await allReviews(kalm, 'trustpilot')).map((x) => x.author).sort()).toEqual(['Anna', 'Fleur']);
    await kalm.close();
  });

  it('when no row is usable nothing is stored, and the message names the first problems', async () => {
    const { kalm, dir } = await open();
    const err = await kalmErrorOf(kalm.importer.run(await tempFile('bad.csv', header + 'x,2025-01-01,A,9,Text\n'), { preset: 'trustpilot' }));
    expect(err.message).toBe('No row of this file could be imported, so nothing was changed. Row 2: the rating 9 is outside 1–5.');
    expect(err.issues).toEqual([{ path: 'row 2', message: 'Row 2: the rating 9 is outside 1–5.' }]);
    expect(await readdir(dir)).not.toContain('sources.json');
    await kalm.close();
  });
});

describe('import: re-import updates instead of duplicating', () => {
  it('the same file twice, and a newer export with an edited review, keep one review each and the owner’s work', async () => {
    const { kalm } = await open();
    const opts: ImportOptions = { preset: 'trustpilot' };
    await kalm.importer.run(join(FIX, 'trustpilot.csv'), opts);
    const again = await kalm.importer.run(join(FIX, 'trustpilot.csv'), opts);
    expect(again).toMatchObject({ added: 0, updated: 4 });
    expect((await allReviews(kalm)).length).toBe(4);

    const emily = (await allReviews(kalm)).find((x) => x.author === 'Emily Carter');
    if (!emily) throw new Error('no Emily');
    await kalm.call('outbox.markPosted', { reviewId: emily.id, text: 'Thank you, Emily!' });
    const newer = (await readFile(join(FIX, 'trustpilot.csv'), 'utf8')).replace('Great croissants', 'Great croissants (edited)');
    const r = await kalm.importer.run(await tempFile('newer.csv', newer), opts);
    expect(r).toMatchObject({ added: 0, updated: 4 });
    const after = await kalm.call('reviews.get', { id: emily.id });
    expect(after).toMatchObject({ status: 'answered', reply: { text: 'Thank you, Emily!' } });
    expect(after.text).toContain('(edited)');

    // Without an id column the content hash is the id: the same rows are found again.
    const noIds = { preset: 'trustpilot' as const, sourceName: 'Trustpilot zonder id', mapping: { id: '' } };
    await kalm.importer.run(join(FIX, 'trustpilot.csv'), noIds);
    expect(await kalm.importer.run(join(FIX, 'trustpilot.csv'), noIds)).toMatchObject({ added: 0, updated: 4 });
    expect((await allReviews(kalm, 'trustpilot-zonder-id')).length).toBe(4);
    await kalm.close();
  });

  it('an import keeps the demo beside the imported reviews until it is removed on purpose (issue 17)', async () => {
    const dir = await tempDataDir();
    const kalm = await createKalm({ dataDir: dir, host: 'test', now: () => NOW, google: { client: null }, loadDemoOnFirstRun: true });
    const before = await kalm.call('workspace.get', {});
    expect(before.demo).toBe(true);
    await kalm.importer.run(join(FIX, 'kiyoh.csv'), { preset: 'kiyoh' });
    const ws = await kalm.call('workspace.get', {});
    expect(ws).toMatchObject({ demo: true, reviewCount: before.reviewCount + 3 });
    await kalm.close();
  });
});
