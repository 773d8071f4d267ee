import type { Location } from '../domain/location';
import type { Review } from '../domain/review';
import { toCsv } from './csv';
import type { ExportFile, ExportRequest } from './export-schema';
import { CSV_COLUMNS, csvRow, exportRecord, ID_NAMES, type ExportNames } from './records';
import { selectForExport } from './select';

/**
 * The export file for a request: the matching reviews, oldest first, as CSV
 * (UTF-8 with BOM, RFC 4180, formula-safe) or JSON (an array, 2-space indent).
 * `today` (YYYY-MM-DD) only names the file. The app and `kalm export` both use this.
 */
export function buildExport(reviews: Iterable<Review>, locations: readonly Location[], req: ExportRequest, today: string, ids: ExportNames = ID_NAMES): ExportFile {
  const names = new Map(locations.map((l) => [`${l.source}\u0000${l.id}`, l.name]));
  const records = selectForExport(reviews, req.filter).map((r) => exportRecord(r, names.get(`${r.source}\u0000${r.locationId}`) ?? r.locationId, ids));
  const base = `kalm-reviews-${today}`;
  if (req.format === 'json') {
    return { fileName: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(records, null, 2)}\n`, count: records.length };
  }
  return { fileName: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', content: toCsv(CSV_COLUMNS, records.map(csvRow)), count: records.length };
}
