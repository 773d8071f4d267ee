import { z } from 'zod';

/** The review fields a column can fill. `rating` and `date` (or `text`) are what a row needs at least. */
export const ImportField = z.enum(['id', 'rating', 'title', 'text', 'author', 'date', 'url', 'reply', 'replyDate', 'location', 'language']);
export type ImportField = z.infer<typeof ImportField>;

export const PresetName = z.enum(['trustpilot', 'tripadvisor', 'facebook', 'kiyoh']);
export type PresetName = z.infer<typeof PresetName>;

/** xlsx: an Excel workbook (Trustpilot offers its export as XLSX too); its first sheet is read like a CSV. */
export const ImportFormat = z.enum(['csv', 'json', 'xlsx']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** How a rating column is read: stars 1–5, a score 1–10 (Kiyoh), or recommend yes/no (Facebook). */
export const RatingScaleOption = z.enum(['stars-5', 'score-10', 'recommend']);

/** Day-month-year (Dutch, European) or month-day-year (US) for dates like 03/04/2025; auto decides per file. */
export const DateOrder = z.enum(['auto', 'dmy', 'mdy']);
export type DateOrder = z.infer<typeof DateOrder>;

/** Which column (by its header, as in the file) fills which field. */
export const ColumnMapping = z.partialRecord(ImportField, z.string().max(200));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportOptions = z.object({
  format: ImportFormat.optional(),
  preset: PresetName.optional(),
  /** Overrides the preset's columns field by field. */
  mapping: ColumnMapping.optional(),
  scale: RatingScaleOption.optional(),
  dateOrder: DateOrder.optional(),
  /** Display name of the source the reviews belong to, e.g. "Trustpilot" (default: the preset's name). */
  sourceName: z.string().trim().min(1).max(60).optional(),
}).strict();
export type ImportOptions = z.infer<typeof ImportOptions>;

/** A row Kalm could not use, by its number in the file (the header is row 1 in a CSV; items count from 1 in JSON). */
export const RowError = z.object({ row: z.number().int(), message: z.string() });
export type RowError = z.infer<typeof RowError>;

export const PreviewRow = z.object({
  row: z.number().int(),
  rating: z.number().int().nullable(),
  originalRating: z.string().nullable(),
  author: z.string(),
  date: z.string().nullable(),
  text: z.string().nullable(),
  hasReply: z.boolean(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

/** What Kalm found in a file: enough to show the mapping screen and decide. */
export const ImportReport = z.object({
  format: ImportFormat,
  encoding: z.string(),
  delimiter: z.string().nullable(),
  columns: z.array(z.string()),
  /** The mapping used (preset plus overrides, or guessed from the headers). */
  mapping: ColumnMapping,
  scale: RatingScaleOption,
  dateOrder: z.enum(['dmy', 'mdy']),
  sourceId: z.string(),
  sourceName: z.string(),
  /** The preset used: the one chosen, or the one recognised from the file's columns. */
  preset: PresetName.optional(),
  rows: z.number().int(),
  valid: z.number().int(),
  /** The first rows Kalm could not use (at most 200), and how many in all. */
  errors: z.array(RowError),
  errorCount: z.number().int(),
  preview: z.array(PreviewRow),
  /** Set after an import: reviews added and updated. */
  added: z.number().int().optional(),
  updated: z.number().int().optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const MAX_REPORTED_ERRORS = 200;
export const PREVIEW_ROWS = 8;
