import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Location } from '../../shared/domain/location';
import { BOM, neutralizeCell, toCsv } from '../../shared/export/csv';
import { buildExport } from '../../shared/export/export-reviews';
import { ExportRequest } from '../../shared/export/export-schema';
import { CSV_COLUMNS, exportRecord, reviewJson } from '../../shared/export/records';
import { makeReview } from './helpers';

const locations: Location[] = [{ id: 'utrecht', source: 'google', name: 'Bakkerij Zonnig, Utrecht', storeCode: null, address: null, mapsUrl: null, newReviewUrl: null }];

const TRICKY = [
  'Hij zei: "nooit meer"',
  'regel één\nregel twee\r\nregel drie',
  'koffie; thee; taart',
  'komma, punt.',
  'Heerlijk 😍🥐 crème brûlée',
  '=HYPERLINK("http://evil.example","klik")',
  '+31 6 12345678',
  '-2 sterren want koud',
  '@team graag bellen',
  '\tingesprongen',
  '\rterug',
  '  spaties rondom  ',
  '',
];

describe('CSV export', () => {
  it('round-trips quotes, newlines, semicolons, emoji, and neutralises formulas', () => {
    const rows = TRICKY.map((text, i) => ({ a: String(i), text }));
    const csv = toCsv(['a', 'text'], rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(BOM.length), { newline: '\r\n', skipEmptyLines: false });
    expect(parsed.errors).toEqual([]);
    const [header, ...body] = parsed.data.filter((r) => !(r.length === 1 && r[0] === ''));
    expect(header).toEqual(['a', 'text']);
    expect(body.map((r) => r[1])).toEqual(TRICKY.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)));
    // RFC 4180: a quote inside a quoted field is doubled; a field with a line break is quoted.
    expect(csv).toContain('"Hij zei: ""nooit meer"""');
    expect(csv).toContain('"regel één\nregel twee\r\nregel drie"');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
  });

  it('neutralises only cells a spreadsheet would evaluate', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'].map(neutralizeCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", "'\r=1"]);
    expect(['1', 'a=b', ' =1', 'Goed!', ''].map(neutralizeCell)).toEqual(['1', 'a=b', ' =1', 'Goed!', '']);
  });

  it('exports filtered reviews oldest first as CSV and JSON with the same records', () => {
    const reviews = [
      makeReview({ externalId: 'b', rating: 1, text: '=cmd|"/c calc"!A1', createdAt: '2026-02-01T00:00:00Z', labels: ['koud', 'wachttijd'] }),
      makeReview({ externalId: 'a', rating: 5, text: 'Top; echt 👍', createdAt: '2026-01-01T00:00:00Z', status: 'answered', reply: { text: 'Dank je, "Sanne"!', updatedAt: '2026-01-02T00:00:00Z', state: 'published' } }),
      makeReview({ externalId: 'c', rating: null, text: null, createdAt: '2026-03-01T00:00:00Z' }),
      makeReview({ externalId: 'd', rating: 2, createdAt: '2026-01-15T00:00:00Z', status: 'deleted' }),
      makeReview({ externalId: 'e', rating: 2, createdAt: '2026-01-15T00:00:00Z', source: 'play', locationId: 'app' }),
    ];
    const all = buildExport(reviews, locations, ExportRequest.parse({ format: 'json' }), '2026-06-01');
    expect(all.fileName).toBe('kalm-reviews-2026-06-01.json');
    const records = JSON.parse(all.content) as { id: string; locationName: string; labels: string[]; reply: unknown }[];
    expect(records.map((r) => r.id)).toEqual(['google:utrecht:a', 'play:app:e', 'google:utrecht:b', 'google:utrecht:c']);
    expect(records[0]?.locationName).toBe('Bakkerij Zonnig, Utrecht');
    expect(records[1]?.locationName).toBe('app'); // unknown location: its id

    const csv = buildExport(reviews, locations, ExportRequest.parse({ format: 'csv', filter: { source: 'google', status: 'all', from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } }), '2026-06-01');
    expect([csv.fileName, csv.mimeType, csv.count]).toEqual(['kalm-reviews-2026-06-01.csv', 'text/csv;charset=utf-8', 2]);
    const rows = Papa.parse<Record<string, string>>(csv.content.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => [r.id, r.rating, r.text, r.replyText, r.labels, r.locationName])).toEqual([
      ['google:utrecht:a', '5', 'Top; echt 👍', 'Dank je, "Sanne"!', '', 'Bakkerij Zonnig, Utrecht'],
      ['google:utrecht:b', '1', `'=cmd|"/c calc"!A1`, '', 'koud; wachttijd', 'Bakkerij Zonnig, Utrecht'],
    ]);

    const low = buildExport(reviews, locations, ExportRequest.parse({ format: 'json', filter: { ratings: [1, 2], status: 'unanswered' } }), '2026-06-01');
    expect((JSON.parse(low.content) as { id: string }[]).map((r) => r.id)).toEqual(['play:app:e', 'google:utrecht:b']);
    const deleted = buildExport(reviews, locations, ExportRequest.parse({ format: 'json', filter: { status: 'deleted' } }), '2026-06-01');
    expect(deleted.count).toBe(1);
    expect(buildExport([], locations, ExportRequest.parse({ format: 'csv' }), '2026-06-01').content).toBe(`${BOM}${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('rejects a bad request', () => {
    expect(ExportRequest.safeParse({ format: 'xlsx' }).success).toBe(false);
    expect(ExportRequest.safeParse({ format: 'csv', filter: { ratings: [6] } }).success).toBe(false);
    expect(ExportRequest.safeParse({ format: 'csv', filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }).success).toBe(false);
    expect(ExportRequest.safeParse({ format: 'csv', filter: { colour: 'red' } }).success).toBe(false);
  });
});

describe('one JSON record shape', () => {
  it('gives `kalm reviews --json` items with the documented fields in order, and export items as those plus status, language, labels and assignee', () => {
    const r = makeReview({ externalId: 'k', labels: ['l1'], assignee: 'm1', reply: { text: 'Dank je', updatedAt: '2026-03-02T10:00:00.000Z', state: 'published' } });
    const item = reviewJson(r, 'Bakkerij');
    expect(Object.keys(item)).toEqual(['id', 'source', 'externalId', 'locationId', 'locationName', 'rating', 'author', 'anonymous', 'text', 'translatedText', 'createdAt', 'updatedAt', 'reply']);
    expect(item.reply).toEqual({ text: 'Dank je', updatedAt: '2026-03-02T10:00:00.000Z', state: 'published' });
    const exported = exportRecord(r, 'Bakkerij', { label: (id) => `label ${id}`, member: (id) => `member ${id}` });
    expect(Object.keys(exported)).toEqual([
      'id', 'source', 'externalId', 'locationId', 'locationName', 'rating', 'status', 'author', 'anonymous', 'language',
      'text', 'translatedText', 'createdAt', 'updatedAt', 'labels', 'labelIds', 'assignee', 'assigneeId', 'reply',
    ]);
    expect(exported).toMatchObject(item);
    expect(exported).toMatchObject({ labels: ['label l1'], labelIds: ['l1'], assignee: 'member m1', assigneeId: 'm1' });
  });
});
