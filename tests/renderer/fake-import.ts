import Papa from 'papaparse';
import { KalmError } from '../../shared/domain/errors';
import type { Review } from '../../shared/domain/review';
import { slug } from '../../shared/import/hash';
import type { ImportOptions, ImportReport } from '../../shared/import/options';
import { PRESETS, resolveMapping } from '../../shared/import/presets';
import { rowToReview } from '../../shared/import/row-to-review';

/**
 * The fake api's file import: uploads kept in memory, CSV parsed in one go with the real pure
 * mapping (rowToReview, presets). The streaming, encodings and limits are the core's; see tests/unit/import*.
 */
export function createFakeImport() {
  const uploads = new Map<string, { name: string; size: number; bytes: string }>();
  let next = 0;

  function read(uploadId: string, options: ImportOptions): { report: ImportReport; reviews: Review[] } {
    const upload = uploads.get(uploadId);
    if (!upload) throw new KalmError('not_found', 'This upload is gone; choose the file again.');
    const text = new TextDecoder().decode(Uint8Array.from(upload.bytes, (c) => c.charCodeAt(0)));
    if (text.trim() === '') throw new KalmError('invalid_input', 'The file is empty: there are no reviews in it.');
    const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true });
    const [header = [], ...rows] = parsed.data;
    const preset = options.preset;
    const mapping = resolveMapping(header, preset, options.mapping);
    if (!mapping.date) throw new KalmError('invalid_input', `Required column missing: date. The file's columns are: ${header.join(', ')}.`);
    const sourceName = options.sourceName ?? (preset ? PRESETS[preset].label : 'Import');
    const scale = options.scale ?? (preset ? PRESETS[preset].scale : 'stars-5');
    const dateOrder = options.dateOrder === 'mdy' ? 'mdy' : 'dmy';
    const report: ImportReport = {
      format: 'csv', encoding: 'UTF-8', delimiter: parsed.meta.delimiter, columns: header, mapping, scale, dateOrder,
      sourceId: slug(sourceName, 'import'), sourceName, rows: rows.length, valid: 0, errors: [], errorCount: 0, preview: [],
    };
    const reviews: Review[] = [];
    rows.forEach((cells, i) => {
      const row = i + 2;
      if (cells.length !== header.length) {
        report.errorCount++;
        report.errors.push({ row, message: `Row ${row}: it has ${cells.length} cells but the header has ${header.length} columns.` });
        return;
      }
      const record = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? '']));
      const r = rowToReview(record, { sourceId: report.sourceId, mapping, scale, dateOrder, defaultLocationId: 'main' });
      if (!r.ok) {
        report.errorCount++;
        report.errors.push({ row, message: `Row ${row}: ${r.message}.` });
        return;
      }
      report.valid++;
      reviews.push(r.review);
      if (report.preview.length < 8) {
        report.preview.push({ row, rating: r.review.rating, originalRating: r.review.origin?.rating ?? null, author: r.review.author, date: r.review.createdAt, text: r.review.text, hasReply: r.review.reply !== null });
      }
    });
    return { report, reviews };
  }

  return {
    begin(name: string, size: number) {
      const uploadId = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
      uploads.set(uploadId, { name, size, bytes: '' });
      return { uploadId };
    },
    chunk(uploadId: string, data: string) {
      const upload = uploads.get(uploadId);
      if (!upload) throw new KalmError('not_found', 'This upload is gone; choose the file again.');
      upload.bytes += atob(data);
      return { received: upload.bytes.length };
    },
    preview: (uploadId: string, options: ImportOptions) => read(uploadId, options).report,
    commit(uploadId: string, options: ImportOptions) {
      const result = read(uploadId, options);
      if (result.report.valid === 0) throw new KalmError('invalid_input', 'No row of this file could be imported, so nothing was changed.');
      uploads.delete(uploadId);
      return result;
    },
    discard(uploadId: string) {
      uploads.delete(uploadId);
    },
  };
}
