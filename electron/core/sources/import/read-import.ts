import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { KalmError } from '../../../../shared/domain/errors';
import type { Review } from '../../../../shared/domain/review';
import { guessDateOrder } from '../../../../shared/import/dates';
import { slug } from '../../../../shared/import/hash';
import { SeenIds } from '../../../../shared/import/seen-ids';
import {
  MAX_REPORTED_ERRORS, PREVIEW_ROWS,
  type ColumnMapping, type ImportFormat, type ImportOptions, type ImportReport, type PreviewRow, type RowError,
} from '../../../../shared/import/options';
import { detectPreset } from '../../../../shared/import/adapt';
import { headerKey, PRESETS, resolveMapping } from '../../../../shared/import/presets';
import { rowToReview } from '../../../../shared/import/row-to-review';
import { openDecoded, type DecodedFile } from './decode';
import { isZipFile, streamXlsx } from './xlsx';
import { guessDelimiter, streamCsv, streamJson, type FileRow } from './rows';

/** Rows read before the mapping is settled (to list JSON keys and guess the date order). */
const SAMPLE_ROWS = 50;

export interface ReadImport {
  report: ImportReport;
  /** The names of the locations the valid reviews are at, by location id. */
  locations: Map<string, string>;
}

/** How far a read is: rows read and bytes of the file behind them. */
export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ReadOptions {
  /** Receives the valid reviews in batches as the file is read (nothing is kept here); absent: only check. */
  sink?: (batch: Review[]) => void;
  onProgress?: (p: ImportProgress) => void;
}

/** Valid reviews handed to the sink at a time (the store writes shards in the background meanwhile). */
const BATCH = 2000;

const formatOf = (path: string, head: string, wanted: ImportFormat | undefined): ImportFormat => {
  if (wanted) return wanted;
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') return 'json';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  return /^\s*[[{]/.test(head) ? 'json' : 'csv';
};

/** Why the mapping cannot work at all (a whole-file problem, so nothing is imported). */
function mappingProblem(columns: readonly string[], mapping: ColumnMapping, preset: ImportOptions['preset']): string | null {
  const missing = Object.entries(mapping).filter(([, col]) => col !== undefined && !columns.includes(col)).map(([f, col]) => `${f} → "${col}"`);
  if (missing.length) return `The file has no column ${missing.join(', ')}. Its columns are: ${columns.slice(0, 30).join(', ')}.`;
  const need: string[] = [];
  if (mapping.date === undefined) need.push('date');
  // Without a rating column every review would be stored without stars: nothing is imported (IMPORT-FORMATS.md).
  if (mapping.rating === undefined) need.push('rating');
  if (need.length === 0) return null;
  const looked = preset ? ` The ${PRESETS[preset].label} preset looked for: ${(PRESETS[preset].columns.date ?? []).join(', ')}.` : '';
  return `Required column${need.length > 1 ? 's' : ''} missing: ${need.join(' and ')}. Pick ${need.length > 1 ? 'them' : 'it'} in the mapping (or with --preset).${looked} The file's columns are: ${columns.slice(0, 30).join(', ')}.`;
}

/**
 * Reads an import file from start to end without holding it: every row is checked and, unless this
 * is a `preview`, kept as a review. Whole-file problems (empty, binary, no usable columns) throw a
 * KalmError; row problems are listed with their row number and the other rows still count.
 */
export async function readImport(path: string, options: ImportOptions, opts: ReadOptions = {}): Promise<ReadImport> {
  // An Excel workbook (a ZIP archive named .xlsx, or --format xlsx) is read through exceljs; every other file as text.
  const ext = extname(path).toLowerCase();
  const xlsx = options.format === 'xlsx' || (options.format === undefined && (ext === '.xlsx' || ext === '') && (await isZipFile(path).catch(() => false)));
  const file: DecodedFile | null = xlsx ? null : await openDecoded(path);
  const format: ImportFormat = xlsx ? 'xlsx' : formatOf(path, file?.head ?? '', options.format);
  // The preset: chosen, or recognised from the columns once they are known (settle).
  let preset = options.preset;
  const sourceNameOf = () => options.sourceName ?? (preset ? PRESETS[preset].label : 'Import');
  const scaleOf = () => options.scale ?? (preset ? PRESETS[preset].scale : 'stars-5');

  const errors: RowError[] = [];
  let errorCount = 0;
  const fail = (row: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push({ row, message: `Row ${row}: ${message}.` });
  };
  const preview: PreviewRow[] = [];
  let batch: Review[] = [];
  const totalBytes = file?.size ?? (await stat(path)).size;
  let lastProgress = 0;
  const seenIds = new SeenIds();
  const locations = new Map<string, string>();
  let rows = 0, valid = 0;
  let columns: string[] = [];
  let delimiter: string | null = null;
  let ctx: { mapping: ColumnMapping; dateOrder: 'dmy' | 'mdy'; sourceId: string; sourceName: string; scale: ImportReport['scale']; starsFallback?: string } | null = null;
  let sample: FileRow[] = [];

  const settle = () => {
    if (ctx) return ctx;
    if (format === 'json') {
      const seen = new Set<string>();
      for (const r of sample) if ('cells' in r) for (const k of Object.keys(r.cells)) seen.add(k);
      columns = [...seen];
    }
    preset ??= detectPreset(columns);
    // A JSON field is absent from items that lack it (a reply, a legacy rating): the preset's fields count even
    // when the first items do not show them.
    if (format === 'json' && preset) {
      const p = PRESETS[preset];
      const keys = new Set(columns.map(headerKey));
      for (const name of [...Object.values(p.columns).map((names) => names[0]), ...(p.starsFallback ?? [])]) {
        if (name !== undefined && !keys.has(headerKey(name))) columns.push(name);
      }
    }
    const mapping = resolveMapping(columns, preset, options.mapping);
    const problem = mappingProblem(columns, mapping, preset);
    if (problem) throw new KalmError('invalid_input', problem);
    const dates = sample.flatMap((r) => ('cells' in r && mapping.date ? [r.cells[mapping.date] ?? ''] : []));
    const order = options.dateOrder && options.dateOrder !== 'auto' ? options.dateOrder : guessDateOrder(dates, preset ? PRESETS[preset].dateOrder : 'dmy');
    const keys = new Map(columns.map((c) => [headerKey(c), c]));
    const starsFallback = preset ? (PRESETS[preset].starsFallback ?? []).map((n) => keys.get(headerKey(n))).find((c) => c !== undefined) : undefined;
    const sourceName = sourceNameOf();
    ctx = { mapping, dateOrder: order, sourceId: slug(sourceName, 'import'), sourceName, scale: scaleOf(), ...(starsFallback === undefined ? {} : { starsFallback }) };
    return ctx;
  };

  const handle = (r: FileRow) => {
    if ('error' in r) return fail(r.row, r.error);
    const { mapping, dateOrder, sourceId, sourceName, scale, starsFallback } = settle();
    const result = rowToReview(r.cells, { sourceId, mapping, scale, dateOrder, defaultLocationId: sourceId, ...(starsFallback === undefined ? {} : { starsFallback }) });
    if (!result.ok) return fail(r.row, result.message);
    const { review } = result;
    // Kept as 64-bit hashes in typed arrays: no row keeps its slice of the file alive, no object per id.
    const first = seenIds.firstRow(review.id, r.row);
    if (first !== undefined) return fail(r.row, `it has the same review id as row ${first}; Kalm kept row ${first}`);
    valid++;
    locations.set(review.locationId, result.locationName ?? sourceName);
    if (preview.length < PREVIEW_ROWS) {
      preview.push({
        row: r.row, rating: review.rating, originalRating: review.origin?.rating ?? null, author: review.author,
        date: review.createdAt, text: review.text?.slice(0, 300) ?? null, hasReply: review.reply !== null,
      });
    }
    if (opts.sink) {
      batch.push(review);
      if (batch.length >= BATCH) {
        opts.sink(batch);
        batch = [];
      }
    }
  };
  const onRow = (r: FileRow) => {
    rows++;
    if (opts.onProgress && rows - lastProgress >= 5000) {
      lastProgress = rows;
      opts.onProgress({ rows, bytes: Math.min(totalBytes, file?.bytesRead() ?? 0), totalBytes });
    }
    if (ctx) return handle(r);
    sample.push(r);
    if (sample.length >= SAMPLE_ROWS) drain();
  };
  const drain = () => {
    const pending = sample;
    settle();
    sample = [];
    for (const r of pending) handle(r);
  };

  try {
    if (file === null) {
      await streamXlsx(path, (h) => (columns = h.columns), onRow);
    } else if (format === 'csv') {
      await streamCsv(file.text(), guessDelimiter(file.head), (h) => ((columns = h.columns), (delimiter = h.delimiter)), onRow);
    } else {
      await streamJson(file.text(), onRow);
    }
  } catch (err) {
    if (err instanceof KalmError) throw err;
    throw new KalmError('invalid_input', `Kalm could not read this ${format.toUpperCase()} file: ${err instanceof Error ? err.message : String(err)}. Nothing was imported.`);
  }
  if (rows === 0 && columns.length === 0) throw new KalmError('invalid_input', 'The file has no rows: there are no reviews in it.');
  if (rows === 0) throw new KalmError('invalid_input', `The file has a header (${columns.slice(0, 10).join(', ')}) but no reviews below it.`);
  if (sample.length > 0 || !ctx) drain();
  if (opts.sink && batch.length > 0) opts.sink(batch);
  opts.onProgress?.({ rows, bytes: totalBytes, totalBytes });
  const settled = settle();
  const report: ImportReport = {
    format, encoding: file?.encoding ?? 'Excel workbook (.xlsx)', delimiter: format === 'csv' ? delimiter : null, columns, mapping: settled.mapping,
    scale: settled.scale, dateOrder: settled.dateOrder, sourceId: settled.sourceId, sourceName: settled.sourceName, rows, valid, errors, errorCount, preview,
    ...(preset ? { preset } : {}),
  };
  return { report, locations };
}

