import type { Review } from '../domain/review';

/** One review as exported (JSON); the CSV has the same fields, the reply and labels flattened. */
export const exportRecord = (r: Review, locationName: string) => ({
  id: r.id,
  source: r.source,
  externalId: r.externalId,
  locationId: r.locationId,
  locationName,
  rating: r.rating,
  status: r.status,
  author: r.author,
  anonymous: r.anonymous,
  language: r.language,
  text: r.text,
  translatedText: r.translatedText,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  labels: r.labels,
  reply: r.reply ? { text: r.reply.text, updatedAt: r.reply.updatedAt, state: r.reply.state } : null,
});
export type ExportRecord = ReturnType<typeof exportRecord>;

export const CSV_COLUMNS = [
  'id', 'source', 'externalId', 'locationId', 'locationName', 'rating', 'status', 'author', 'anonymous', 'language',
  'text', 'translatedText', 'createdAt', 'updatedAt', 'labels', 'replyText', 'replyUpdatedAt', 'replyState',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The CSV row of a record: empty cells for null, labels joined with "; ". */
export function csvRow(e: ExportRecord): Record<CsvColumn, string> {
  const s = (v: string | number | boolean | null): string => (v === null ? '' : String(v));
  return {
    id: e.id, source: e.source, externalId: e.externalId, locationId: e.locationId, locationName: e.locationName,
    rating: s(e.rating), status: e.status, author: e.author, anonymous: s(e.anonymous), language: s(e.language),
    text: s(e.text), translatedText: s(e.translatedText), createdAt: e.createdAt, updatedAt: e.updatedAt,
    labels: e.labels.join('; '), replyText: s(e.reply?.text ?? null), replyUpdatedAt: s(e.reply?.updatedAt ?? null), replyState: s(e.reply?.state ?? null),
  };
}
