import { z } from 'zod';
import { IsoTime, Rating, ReviewStatus } from '../domain/review';

export const ExportFormat = z.enum(['csv', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Which reviews go into an export; every part combines with AND, an absent part filters nothing. */
export const ExportFilter = z
  .object({
    source: z.string().min(1).max(100).optional(),
    locationId: z.string().min(1).max(300).optional(),
    /** Star ratings to include; empty or absent = every review, rating-only ones too. */
    ratings: z.array(Rating).max(5).optional(),
    /** One status, or "all" (default) for every review except deleted ones. */
    status: z.union([ReviewStatus, z.literal('all')]).optional(),
    /** createdAt on or after this moment. */
    from: IsoTime.optional(),
    /** createdAt before this moment (exclusive). */
    to: IsoTime.optional(),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || Date.parse(f.from) <= Date.parse(f.to), {
    message: '"from" must not be later than "to".',
    path: ['from'],
  });
export type ExportFilter = z.output<typeof ExportFilter>;

export const ExportRequest = z.object({ format: ExportFormat, filter: ExportFilter.default({}) }).strict();
export type ExportRequest = z.output<typeof ExportRequest>;

/** A finished export: the file's text, ready to save as it is (CSV starts with a UTF-8 BOM). */
export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  count: z.number().int(),
});
export type ExportFile = z.infer<typeof ExportFile>;
