import { REVIEW_SCHEMA_VERSION, reviewId, type Rating, type Review } from '../domain/review';
import { detectReviewLanguage } from '../reply/language';
import type { PlayReview, PlayTimestamp } from './schemas';

export const PLAY_SOURCE = 'play';
/** Play's reviews API returns only about the last week. */
export const PLAY_WINDOW_DAYS = 7;

export const playTimeToIso = (t: PlayTimestamp): string =>
  new Date(Number(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1_000_000)).toISOString();

/**
 * A Play review as a Kalm review at location `packageName`. With a translation (`originalText` set) the
 * reviewer's own words stay in `text` and Play's translation goes to `translatedText`. A titled review's
 * "title\tbody" becomes title and body. Device and app version are kept in `origin`.
 */
export function mapPlayReview(packageName: string, play: PlayReview): Review | null {
  const user = play.comments.find((c) => c.userComment)?.userComment;
  if (!user) return null;
  const developer = play.comments.find((c) => c.developerComment)?.developerComment;
  const original = user.originalText ?? user.text ?? '';
  const translated = user.originalText !== undefined && user.text !== undefined && user.text !== user.originalText ? user.text : null;
  const tab = original.indexOf('\t');
  const title = tab > 0 ? original.slice(0, tab).trim() : null;
  const body = (tab > 0 ? original.slice(tab + 1) : original).trim();
  const text = title ? `${title}\n\n${body}` : body;
  const at = playTimeToIso(user.lastModified);
  const stars = user.starRating;
  const rating = stars !== undefined && stars >= 1 && stars <= 5 ? (stars as Rating) : null;
  const author = play.authorName?.trim() ?? '';
  const device = user.deviceMetadata?.productName ?? user.device ?? null;
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: reviewId(PLAY_SOURCE, packageName, play.reviewId),
    source: PLAY_SOURCE,
    locationId: packageName,
    externalId: play.reviewId,
    rating,
    text: text === '' ? null : text,
    translatedText: translated ? translated.replace('\t', '\n\n') : null,
    // Detected from the review's own text (the composer's detector); the device's language setting
    // (reviewerLanguage, not necessarily the review's: GOOGLE-APIS.md §3) only when the text tells nothing.
    language: detectReviewLanguage(text === '' ? null : text) ?? user.reviewerLanguage?.split(/[-_]/)[0] ?? null,
    author,
    anonymous: author === '',
    createdAt: at,
    updatedAt: at,
    reply: developer ? { text: developer.text, updatedAt: playTimeToIso(developer.lastModified), state: 'published' } : null,
    status: developer ? 'answered' : 'unanswered',
    labels: [],
    assignee: null,
    note: null,
    url: null,
    origin: { rating: stars === undefined ? null : String(stars), scale: 'stars-5', title, device, appVersion: user.appVersionName ?? null },
  };
}

/** A warning when more than Play's window passed since the last sync: reviews from the gap may be lost. */
export function playGapWarning(lastSyncAt: string | null, now: Date): string | null {
  if (lastSyncAt === null) return null;
  const days = (now.getTime() - Date.parse(lastSyncAt)) / 86_400_000;
  if (days <= PLAY_WINDOW_DAYS) return null;
  return `The last Play sync was ${Math.floor(days)} days ago; Google Play only returns the last ${PLAY_WINDOW_DAYS} days, so reviews written in between may be missing. Sync at least weekly.`;
}
