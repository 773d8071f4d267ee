/**
 * Google Play Developer API v3 reviews (list, get, reply) for the emulator. Play shows only about the
 * last 7 days, newest first, token-paged; `translationLanguage` returns a translation in `text` with the
 * reviewer's words in `originalText`; a reply over 350 characters is refused; a reply replaces the last.
 */
import { paginate, pageSizeParam } from './paging';
import { invalidArgument, notFound } from './respond';

export const PLAY_MAX_REPLY_CHARS = 350;
export const PLAY_WINDOW_DAYS = 7;

export interface PlayTimestamp { seconds: string; nanos: number }

export interface PlayUserComment {
  text: string;
  lastModified: PlayTimestamp;
  starRating: number;
  reviewerLanguage?: string;
  device?: string;
  androidOsVersion?: number;
  appVersionCode?: number;
  appVersionName?: string;
  thumbsUpCount?: number;
  thumbsDownCount?: number;
}

export interface PlayReviewSeed {
  reviewId: string;
  authorName?: string;
  user: PlayUserComment;
  /** Machine translations Play would give per `translationLanguage` (e.g. { en: "…" }). */
  translations?: Record<string, string>;
  reply?: { text: string; lastModified: PlayTimestamp };
}

export const playTime = (ms: number): PlayTimestamp => ({ seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 });
const msOf = (t: PlayTimestamp): number => Number(t.seconds) * 1000 + Math.floor(t.nanos / 1_000_000);

export class PlayStore {
  private readonly apps = new Map<string, Map<string, PlayReviewSeed>>();

  constructor(private readonly now: () => number = Date.now) {}

  add(packageName: string, review: PlayReviewSeed): void {
    let app = this.apps.get(packageName);
    if (!app) this.apps.set(packageName, (app = new Map()));
    app.set(review.reviewId, structuredClone(review));
  }

  /** A reply as the Play Console would show it (for tests). */
  replyOf(packageName: string, reviewId: string): PlayReviewSeed['reply'] {
    return this.apps.get(packageName)?.get(reviewId)?.reply;
  }

  /** The reviewer deletes the review: list leaves it out, get answers 404. */
  remove(packageName: string, reviewId: string): void {
    this.apps.get(packageName)?.delete(reviewId);
  }

  /** The reviewer edits the review (text and/or stars); lastModified moves to now. */
  edit(packageName: string, reviewId: string, patch: { text?: string; starRating?: number }): void {
    const r = this.app(packageName).get(reviewId);
    if (!r) throw notFound();
    r.user = { ...r.user, ...patch, lastModified: playTime(this.now()) };
  }

  /** Someone answers in the Play Console (not through Kalm). */
  replyInConsole(packageName: string, reviewId: string, text: string): void {
    const r = this.app(packageName).get(reviewId);
    if (!r) throw notFound();
    r.reply = { text, lastModified: playTime(this.now()) };
  }

  private app(packageName: string): Map<string, PlayReviewSeed> {
    const app = this.apps.get(packageName);
    // Google answers 404 for an app the caller cannot see.
    if (!app) throw notFound();
    return app;
  }

  private wire(r: PlayReviewSeed, lang: string | null): object {
    const translated = lang ? r.translations?.[lang.split(/[-_]/)[0] ?? lang] : undefined;
    const user = translated ? { ...r.user, text: translated, originalText: r.user.text } : r.user;
    return {
      reviewId: r.reviewId,
      ...(r.authorName ? { authorName: r.authorName } : {}),
      comments: [{ userComment: user }, ...(r.reply ? [{ developerComment: r.reply }] : [])],
    };
  }

  /** GET …/applications/{pkg}/reviews?maxResults&token&translationLanguage. */
  list(packageName: string, q: URLSearchParams): object {
    const since = this.now() - PLAY_WINDOW_DAYS * 86_400_000;
    const recent = [...this.app(packageName).values()]
      .map((r) => ({ r, at: Math.max(msOf(r.user.lastModified), r.reply ? msOf(r.reply.lastModified) : 0) }))
      .filter((x) => msOf(x.r.user.lastModified) >= since)
      .sort((a, b) => b.at - a.at || a.r.reviewId.localeCompare(b.r.reviewId))
      .map((x) => x.r);
    const size = pageSizeParam(q.get('maxResults'), 10, 100, false);
    const page = paginate(recent, size, q.get('token'), `play|${packageName}`);
    const lang = q.get('translationLanguage');
    return {
      reviews: page.items.map((r) => this.wire(r, lang)),
      ...(page.nextPageToken ? { tokenPagination: { nextPageToken: page.nextPageToken } } : {}),
      pageInfo: { totalResults: recent.length, resultPerPage: size, startIndex: 0 },
    };
  }

  get(packageName: string, reviewId: string, q: URLSearchParams): object {
    const r = this.app(packageName).get(reviewId);
    if (!r) throw notFound();
    return this.wire(r, q.get('translationLanguage'));
  }

  /** POST …/reviews/{id}:reply {replyText}: creates or replaces the developer reply. */
  reply(packageName: string, reviewId: string, body: Record<string, unknown>): object {
    const r = this.app(packageName).get(reviewId);
    if (!r) throw notFound();
    const text = body.replyText;
    if (typeof text !== 'string' || text.trim() === '') throw invalidArgument('Request contains an invalid argument.', 'reply_text', 'The reply text is required.');
    if (Array.from(text).length > PLAY_MAX_REPLY_CHARS) {
      throw invalidArgument(`Reply text is too long: at most ${PLAY_MAX_REPLY_CHARS} characters.`, 'reply_text', 'The reply is over the length limit.');
    }
    // Play strips HTML tags from replies.
    r.reply = { text: text.replace(/<[^>]*>/g, ''), lastModified: playTime(this.now()) };
    return { result: { replyText: r.reply.text, lastEdited: r.reply.lastModified } };
  }
}
