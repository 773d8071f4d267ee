import { REVIEW_SCHEMA_VERSION, reviewId, type RatingScale, type Review } from '../domain/review';
import { detectReviewLanguage } from '../reply/language';
import { parseReviewDate } from './dates';
import { contentHash, slug } from './hash';
import type { ColumnMapping, ImportField } from './options';
import { mapRating } from './ratings';

export interface RowContext {
  sourceId: string;
  mapping: ColumnMapping;
  scale: RatingScale;
  dateOrder: 'dmy' | 'mdy';
  /** Location id used when the file has no location column. */
  defaultLocationId: string;
  /** A 1–5 star column read when the rating cell is empty (Facebook's legacy `rating` next to `recommendation_type`). */
  starsFallback?: string;
}

export type RowResult = { ok: true; review: Review; locationName: string | null } | { ok: false; message: string };

const MAX_TEXT = 20_000;
const clean = (v: string | undefined): string | null => {
  if (v === undefined) return null;
  const t = v.split(String.fromCharCode(0)).join('').trim();
  return t === '' ? null : t.slice(0, MAX_TEXT);
};

/**
 * One row of an import (header name → cell) as a Kalm review, or why it cannot be one.
 * The Kalm id is `<source>:<location>:<id column or content hash>`, so importing again updates.
 */
export function rowToReview(row: Readonly<Record<string, string>>, ctx: RowContext): RowResult {
  const cell = (f: ImportField): string | undefined => {
    const col = ctx.mapping[f];
    return col === undefined ? undefined : row[col];
  };
  const problems: string[] = [];
  const primary = cell('rating') ?? '';
  const legacy = primary.trim() === '' && ctx.starsFallback !== undefined ? (row[ctx.starsFallback] ?? '') : '';
  const scale: RatingScale = legacy.trim() !== '' ? 'stars-5' : ctx.scale;
  const rating = mapRating(legacy.trim() !== '' ? legacy : primary, scale);
  if (!rating.ok) problems.push(rating.message);
  const rawDate = cell('date') ?? '';
  const date = parseReviewDate(rawDate, ctx.dateOrder);
  if (!date.ok) problems.push(date.message);
  const title = clean(cell('title'));
  const body = clean(cell('text'));
  const text = title && body ? `${title}\n\n${body}` : (body ?? title);
  if (rating.ok && rating.rating === null && text === null) problems.push('the row has neither a rating nor a text');
  const replyText = clean(cell('reply'));
  let replyAt: string | null = null;
  if (replyText) {
    const d = parseReviewDate(cell('replyDate') ?? '', ctx.dateOrder);
    replyAt = d.ok ? d.iso : date.ok ? date.iso : null;
  }
  if (!rating.ok || !date.ok || problems.length > 0) return { ok: false, message: problems.join('; ') };

  const locationName = clean(cell('location'));
  const locationId = locationName ? slug(locationName, ctx.defaultLocationId) : ctx.defaultLocationId;
  const author = clean(cell('author')) ?? '';
  const fileId = clean(cell('id'));
  // Without an id column: who wrote it and when identify a review, so a newer export with an edited text or
  // rating updates it; an anonymous or date-only review also needs its words to tell it from its neighbours.
  const identity = author !== '' && !date.dateOnly ? [author, date.iso] : [author, date.iso, rating.original ?? '', text ?? ''];
  const externalId = fileId ? fileId.replace(/\s+/g, '_').slice(0, 200) : `h${contentHash(identity.join('\u0001'))}`;
  const url = clean(cell('url'));
  const review: Review = {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: reviewId(ctx.sourceId, locationId, externalId),
    source: ctx.sourceId,
    locationId,
    externalId,
    rating: rating.rating,
    text,
    translatedText: null,
    // The file's language column, else detected from the review's own words (the composer's detector).
    language: clean(cell('language'))?.slice(0, 20) ?? detectReviewLanguage(body ?? title),
    author,
    anonymous: author === '',
    createdAt: date.iso,
    updatedAt: date.iso,
    reply: replyText && replyAt ? { text: replyText, updatedAt: replyAt, state: 'published' } : null,
    status: replyText ? 'answered' : 'unanswered',
    labels: [],
    assignee: null,
    note: null,
    url: url && /^https?:\/\//i.test(url) ? url.slice(0, 2000) : null,
    origin: { rating: rating.original, scale, title, device: null, appVersion: null, ...(date.dateOnly ? { dateOnly: true } : {}) },
  };
  return { ok: true, review, locationName };
}

/** Re-importing keeps what the owner did in Kalm: status, labels, notes, and a reply posted through Kalm. */
export function mergeImported(existing: Review | undefined, incoming: Review): Review {
  if (!existing) return incoming;
  const reply = incoming.reply ?? existing.reply;
  const keepStatus = existing.status !== 'unanswered' && existing.status !== 'answered';
  return {
    ...incoming,
    reply,
    status: keepStatus ? existing.status : reply ? 'answered' : 'unanswered',
    labels: existing.labels,
    assignee: existing.assignee,
    note: existing.note,
    createdAt: existing.createdAt < incoming.createdAt ? existing.createdAt : incoming.createdAt,
  };
}
