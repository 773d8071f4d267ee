import { z } from 'zod';
import { Review } from '../domain/review';
import { ExportFile, ExportRequest } from '../export/export-schema';
import { ReviewFacets, ReviewPage, ReviewQuery } from '../reviews/query-schema';
import { StatsQuery, StatsSummary } from '../reviews/stats-schema';
import { call, NoInput, ReviewIdField } from './fields';

/** The reviews: the inbox's queries, marking them done, the dashboard's figures, exports and the monthly report. */
export const reviewCalls = {
  'reviews.query': call(ReviewQuery, ReviewPage),
  'reviews.get': call(z.object({ id: z.string().min(1).max(500) }).strict(), Review),
  /** Marks reviews handled without a reply (done) or back to waiting (done: false); returns how many changed. */
  'reviews.markDone': call(
    z.object({ ids: z.array(ReviewIdField).min(1).max(5000), done: z.boolean() }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  /** Labels and languages in use, for the inbox's filter lists. */
  'reviews.facets': call(NoInput, ReviewFacets),
  /** The dashboard's figures (counts, ratings, response times, overdue, topics) for a period and place. */
  'reviews.stats': call(StatsQuery, StatsSummary),
  /** The reviews matching a filter as a CSV (UTF-8 with BOM) or JSON file; the renderer saves `content` as a download. */
  'reviews.export': call(ExportRequest, ExportFile),
  /** Electron: saves the shown monthly report as a PDF (printToPDF + save dialog). Other hosts refuse; the page uses the browser's print. */
  'reviews.saveReportPdf': call(
    z.object({ fileName: z.string().min(5).max(120).regex(/^[\w .-]+\.pdf$/, 'a file name such as kalm-report-2026-10.pdf') }).strict(),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
  ),
} as const;

export const reviewEvents = {
  /** Reviews were added, changed or removed, or (`policy`) the reply targets or business hours changed what is overdue; clients re-query. */
  'reviews.changed': z.object({ reason: z.enum(['demo', 'sync', 'update', 'policy']), count: z.number().int() }),
} as const;
