import { describe, expect, it } from 'vitest';
import { guessDateOrder, parseReviewDate } from '../../shared/import/dates';
import { contentHash } from '../../shared/import/hash';
import { flattenItem, JsonItemSplitter } from '../../shared/import/json-items';
import { resolveMapping } from '../../shared/import/presets';
import { mapRating } from '../../shared/import/ratings';
import { mergeImported, rowToReview } from '../../shared/import/row-to-review';
import { sniff } from '../../shared/import/sniff';

const iso = (raw: string, order: 'dmy' | 'mdy' = 'dmy') => {
  const r = parseReviewDate(raw, order);
  return r.ok ? r.iso : `error: ${r.message}`;
};

describe('import: dates', () => {
  it('reads ISO, Dutch and US numeric dates, month names in Dutch and English, and Unix seconds', () => {
    expect(iso('2025-03-14')).toBe('2025-03-14T00:00:00.000Z');
    expect(iso('2025-03-14 09:30:05')).toBe('2025-03-14T09:30:05.000Z');
    expect(iso('2025-10-01T09:12:44+0000')).toBe('2025-10-01T09:12:44.000Z');
    expect(iso('2025-10-01T11:12:44+02:00')).toBe('2025-10-01T09:12:44.000Z');
    expect(iso('14-03-2025')).toBe('2025-03-14T00:00:00.000Z');
    expect(iso('14.03.2025 16:05')).toBe('2025-03-14T16:05:00.000Z');
    expect(iso('03/04/2025', 'dmy')).toBe('2025-04-03T00:00:00.000Z');
    expect(iso('03/04/2025', 'mdy')).toBe('2025-03-04T00:00:00.000Z');
    expect(iso('03/14/2025 9:30 PM', 'mdy')).toBe('2025-03-14T21:30:00.000Z');
    expect(iso('2 februari 2025')).toBe('2025-02-02T00:00:00.000Z');
    expect(iso('maandag 14 mrt. 2025')).toBe('2025-03-14T00:00:00.000Z');
    expect(iso('March 14, 2025')).toBe('2025-03-14T00:00:00.000Z');
    expect(iso('1741910400')).toBe('2025-03-14T00:00:00.000Z');
  });

  it('says why a date is wrong', () => {
    expect(iso('31-02-2025')).toMatch(/not a real date/);
    expect(iso('03/14/2025', 'dmy')).toMatch(/not a real date/);
    expect(iso('gisteren')).toMatch(/not a date Kalm reads/);
    expect(iso('')).toMatch(/empty/);
    expect(iso('14-03-1850')).toMatch(/not plausible/);
  });

  it('guesses day-first or month-first from the file', () => {
    expect(guessDateOrder(['03/04/2025', '03/14/2025'], 'dmy')).toBe('mdy');
    expect(guessDateOrder(['03/04/2025', '28/01/2025'], 'mdy')).toBe('dmy');
    expect(guessDateOrder(['03/04/2025'], 'mdy')).toBe('mdy');
  });
});

describe('import: ratings', () => {
  it('maps 1–10 scores, recommendations and half stars to 1–5 and keeps the original', () => {
    expect(mapRating('9', 'score-10')).toEqual({ ok: true, rating: 5, original: '9' });
    expect(mapRating('7,5', 'score-10')).toEqual({ ok: true, rating: 4, original: '7,5' });
    expect(mapRating('1', 'score-10')).toMatchObject({ rating: 1 });
    expect(mapRating('positive', 'recommend')).toEqual({ ok: true, rating: 5, original: 'positive' });
    expect(mapRating('Nee', 'recommend')).toMatchObject({ rating: 1 });
    expect(mapRating('4.5', 'stars-5')).toMatchObject({ rating: 5, original: '4.5' });
    expect(mapRating('3 stars', 'stars-5')).toMatchObject({ rating: 3 });
    expect(mapRating('', 'stars-5')).toEqual({ ok: true, rating: null, original: null });
  });

  it('rejects out-of-range and unreadable ratings with the value', () => {
    expect(mapRating('6', 'stars-5')).toEqual({ ok: false, message: 'the rating 6 is outside 1–5' });
    expect(mapRating('0', 'score-10')).toEqual({ ok: false, message: 'the rating 0 is outside 1–10' });
    expect(mapRating('11', 'score-10')).toMatchObject({ ok: false });
    expect(mapRating('great', 'stars-5')).toMatchObject({ ok: false, message: 'the rating "great" is not a number' });
    expect(mapRating('maybe', 'recommend')).toMatchObject({ ok: false });
  });
});

describe('import: mapping rows', () => {
  const ctx = { sourceId: 'trustpilot', scale: 'stars-5' as const, dateOrder: 'dmy' as const, defaultLocationId: 'trustpilot' };
  const columns = ['Review Id', 'Review Created (UTC)', 'Review Consumer Name', 'Review Stars', 'Review Title', 'Review Content'];

  it('finds a preset’s columns whatever their case and punctuation, and lets the owner override', () => {
    expect(resolveMapping(columns.map((c) => c.toUpperCase()), 'trustpilot')).toMatchObject({ rating: 'REVIEW STARS', date: 'REVIEW CREATED (UTC)' });
    expect(resolveMapping(['Naam', 'Datum', 'Cijfer', 'Tekst'], undefined)).toEqual({ author: 'Naam', date: 'Datum', rating: 'Cijfer', text: 'Tekst' });
    expect(resolveMapping(columns, 'trustpilot', { title: '', rating: 'Review Id' })).not.toHaveProperty('title');
  });

  it('builds a review with a stable id: the id column, or a content hash', () => {
    const mapping = resolveMapping(columns, 'trustpilot');
    const row = { 'Review Id': 'abc 1', 'Review Created (UTC)': '2025-11-03 08:15:22', 'Review Consumer Name': 'Marieke', 'Review Stars': '5', 'Review Title': 'Top', 'Review Content': 'Lekker' };
    const r = rowToReview(row, { ...ctx, mapping });
    expect(r).toMatchObject({ ok: true, review: { id: 'trustpilot:trustpilot:abc_1', rating: 5, text: 'Top\n\nLekker', status: 'unanswered', origin: { rating: '5', scale: 'stars-5', title: 'Top' } } });
    const { id: _id, ...noId } = mapping;
    const a = rowToReview(row, { ...ctx, mapping: noId });
    const b = rowToReview({ ...row, 'Review Id': 'other' }, { ...ctx, mapping: noId });
    expect(a.ok && b.ok && a.review.id === b.review.id).toBe(true);
    expect(a.ok && a.review.externalId).toBe(`h${contentHash(['Marieke', '2025-11-03T08:15:22.000Z'].join('\u0001'))}`);
  });

  it('lists every problem of a row at once, and refuses non-http links', () => {
    const mapping = resolveMapping(columns, 'trustpilot');
    expect(rowToReview({ 'Review Stars': '9', 'Review Created (UTC)': '32-01-2025' }, { ...ctx, mapping })).toEqual({
      ok: false, message: 'the rating 9 is outside 1–5; "32-01-2025" is not a real date (32-01-2025 does not exist)',
    });
    const r = rowToReview({ 'Review Stars': '4', 'Review Created (UTC)': '2025-01-01', url: 'javascript:alert(1)' }, { ...ctx, mapping: { ...mapping, url: 'url' } });
    expect(r.ok && r.review.url).toBeNull();
  });

  it('re-import keeps what the owner did: labels, note, and a reply posted from Kalm', () => {
    const mapping = resolveMapping(columns, 'trustpilot');
    const r = rowToReview({ 'Review Id': 'x', 'Review Stars': '2', 'Review Created (UTC)': '2025-01-01' }, { ...ctx, mapping });
    if (!r.ok) throw new Error(r.message);
    const mine = { ...r.review, labels: ['keuken'], note: 'bellen', status: 'answered' as const, reply: { text: 'Sorry!', updatedAt: '2025-01-02T00:00:00.000Z', state: 'published' as const } };
    expect(mergeImported(mine, r.review)).toMatchObject({ labels: ['keuken'], note: 'bellen', status: 'answered', reply: { text: 'Sorry!' } });
    expect(mergeImported({ ...mine, status: 'queued', reply: null }, r.review).status).toBe('queued');
  });
});

describe('import: file sniffing and JSON items', () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it('tells encodings and binary files apart', () => {
    expect(sniff(new Uint8Array(0))).toEqual({ kind: 'empty' });
    expect(sniff(bytes(0xef, 0xbb, 0xbf, 0x61))).toMatchObject({ encoding: 'utf-8', label: 'UTF-8 (with BOM)' });
    expect(sniff(bytes(0xff, 0xfe, 0x61, 0))).toMatchObject({ encoding: 'utf-16le' });
    expect(sniff(bytes(0x61, 0, 0x62, 0, 0x2c, 0, 0x63, 0))).toMatchObject({ encoding: 'utf-16le', bomBytes: 0 });
    expect(sniff(bytes(0x63, 0x61, 0x66, 0xe9))).toMatchObject({ encoding: 'windows-1252' });
    expect(sniff(new TextEncoder().encode('café'))).toMatchObject({ encoding: 'utf-8' });
    expect(sniff(bytes(0x50, 0x4b, 0x03, 0x04, 1))).toMatchObject({ kind: 'binary', what: expect.stringContaining('xlsx') });
    expect(sniff(bytes(1, 2, 3, 0, 5, 6, 0, 0))).toMatchObject({ kind: 'binary' });
  });

  it('splits JSON arrays, {data: [...]} and JSON Lines across any chunk boundaries', () => {
    const run = (text: string, size: number) => {
      const items: string[] = [];
      const s = new JsonItemSplitter((t) => items.push(t));
      for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
      s.end();
      return items.map((t) => JSON.parse(t) as unknown);
    };
    const list = [{ a: '}]"\\"', b: [1, { c: 2 }] }, { a: 'x' }];
    for (const size of [1, 3, 1000]) {
      expect(run(JSON.stringify(list), size)).toEqual(list);
      expect(run(JSON.stringify({ paging: { n: 1 }, data: list }), size)).toEqual(list);
      expect(run(list.map((i) => JSON.stringify(i)).join('\n') + '\n', size)).toEqual(list);
    }
    const cut = new JsonItemSplitter(() => undefined);
    cut.push('[{"a": 1}, {"b"');
    expect(() => cut.end()).toThrow(/cut off/);
    expect(flattenItem({ reviewer: { name: 'A' }, tags: ['x', 'y'], n: null })).toEqual({ 'reviewer.name': 'A', tags: 'x, y', n: '' });
  });
});
