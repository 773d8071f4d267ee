import type { Review } from '../domain/review';

/** Names for the ids a review carries (labels, team members); an unknown id is shown as itself. */
export interface ExportNames {
  label: (id: string) => string;
  member: (id: string) => string;
}
export const ID_NAMES: ExportNames = { label: (id) => id, member: (id) => id };

/** One review as exported (JSON): names for people and places, their ids in the …Id fields; the CSV flattens reply and labels. */
export const exportRecord = (r: Review, locationName: string, names: ExportNames = ID_NAMES) => ({
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
  labels: r.labels.map(names.label),
  labelIds: r.labels,
  assignee: r.assignee === null ? null : names.member(r.assignee),
  assigneeId: r.assignee,
  reply: r.reply ? { text: r.reply.text, updatedAt: r.reply.updatedAt, state: r.reply.state } : null,
});
export type ExportRecord = ReturnType<typeof exportRecord>;

/**
 * The stable `kalm reviews --json` item, which scripts rely on: the export record without status, language,
 * labels and assignee, its fields in the same order (README: an export item is a `reviews --json` item plus those).
 */
export const REVIEW_JSON_FIELDS = [
  'id', 'source', 'externalId', 'locationId', 'locationName', 'rating', 'author', 'anonymous', 'text', 'translatedText', 'createdAt', 'updatedAt', 'reply',
] as const satisfies readonly (keyof ExportRecord)[];
export type ReviewJson = Pick<ExportRecord, (typeof REVIEW_JSON_FIELDS)[number]>;

export function reviewJson(r: Review, locationName: string): ReviewJson {
  const record = exportRecord(r, locationName);
  const out: Partial<Record<keyof ReviewJson, unknown>> = {};
  for (const field of REVIEW_JSON_FIELDS) out[field] = record[field];
  return out as ReviewJson;
}

export const CSV_COLUMNS = [
  'id', 'source', 'externalId', 'locationId', 'locationName', 'rating', 'status', 'author', 'anonymous', 'language',
  'text', 'translatedText', 'createdAt', 'updatedAt', 'labels', 'labelIds', 'assignee', 'assigneeId', 'replyText', 'replyUpdatedAt', 'replyState',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The CSV row of a record: empty cells for null, labels joined with "; ". */
export function csvRow(e: ExportRecord): Record<CsvColumn, string> {
  const s = (v: string | number | boolean | null): string => (v === null ? '' : String(v));
  return {
    id: e.id, source: e.source, externalId: e.externalId, locationId: e.locationId, locationName: e.locationName,
    rating: s(e.rating), status: e.status, author: e.author, anonymous: s(e.anonymous), language: s(e.language),
    text: s(e.text), translatedText: s(e.translatedText), createdAt: e.createdAt, updatedAt: e.updatedAt,
    labels: e.labels.join('; '), labelIds: e.labelIds.join('; '), assignee: s(e.assignee), assigneeId: s(e.assigneeId), replyText: s(e.reply?.text ?? null), replyUpdatedAt: s(e.reply?.updatedAt ?? null), replyState: s(e.reply?.state ?? null),
  };
}
