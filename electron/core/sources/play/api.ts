import type { z } from 'zod';
import { codePoints, MAX_PLAY_REPLY_CHARS } from '../../../../shared/reply/limits';
import { PlayReplyResult, PlayReview, PlayReviewsList } from '../../../../shared/play/schemas';
import type { GoogleRoots } from '../../google-api/endpoints';
import { GoogleApiError, invalidResponse, toGoogleError } from '../../google-api/errors';
import { GoogleHttpError, type GoogleHttp, type GoogleHttpRequest } from '../../google-api/http';

const PLAY_HOST = 'https://androidpublisher.googleapis.com/';
const PAGE_SIZE = 100;
/** Pages read per sync at most (Play allows 200 GETs an hour per app). */
const MAX_PAGES = 50;

/** Google's generic words, said the Play way (the Play Console grants access, not a Business Profile). */
function forPlay(err: GoogleApiError, what: string): GoogleApiError {
  if (err.problem === 'permission') {
    return new GoogleApiError('forbidden', `The account Kalm signs in with has no access to ${what}. In the Play Console, invite it under Users and permissions for this app, with the permission to reply to reviews.`, 'permission', err.status, false);
  }
  if (err.problem === 'auth') {
    return new GoogleApiError('forbidden', 'Google Play no longer accepts Kalm\'s sign-in (it expired, was revoked, or lacks the Google Play scope). Connect Google Play again in Sources.', 'auth', err.status, false);
  }
  return err;
}

export interface PlayApi {
  /** Every review Play returns now (about the last 7 days), newest first, following the page tokens. */
  listReviews(packageName: string, opts?: { translationLanguage?: string }): Promise<PlayReview[]>;
  getReview(packageName: string, reviewId: string): Promise<PlayReview>;
  /** Creates or replaces the developer reply (at most 350 characters; refused before sending when longer). */
  reply(packageName: string, reviewId: string, text: string): Promise<z.output<typeof PlayReplyResult>['result']>;
  readonly requestCount: number;
}

/** Google Play Developer API v3 reviews over Kalm's authorised HTTP seam (KALM_GOOGLE_API_ROOT replaces the host). */
export function createPlayApi(opts: { http: GoogleHttp; roots: GoogleRoots }): PlayApi {
  let requestCount = 0;
  const url = (path: string) => new URL(`androidpublisher/v3/${path}`, opts.roots.api ? `${opts.roots.api.replace(/\/$/, '')}/` : PLAY_HOST).toString();
  const app = (pkg: string) => `applications/${encodeURIComponent(pkg)}`;

  async function call<S extends z.ZodType>(schema: S, req: GoogleHttpRequest, what: string): Promise<z.output<S>> {
    requestCount += 1;
    let data: unknown;
    try {
      data = (await opts.http.request(req)).data;
    } catch (err) {
      if (err instanceof GoogleHttpError) throw forPlay(toGoogleError(err, what), what);
      throw err;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw invalidResponse(what, parsed.error);
    return parsed.data;
  }

  return {
    get requestCount() {
      return requestCount;
    },
    async listReviews(packageName, o = {}) {
      const out: PlayReview[] = [];
      const seen = new Set<string>();
      let token: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await call(PlayReviewsList, {
          url: url(`${app(packageName)}/reviews`), method: 'GET',
          params: { maxResults: PAGE_SIZE, token, translationLanguage: o.translationLanguage },
        }, `the Google Play reviews of ${packageName}`);
        // A review edited during the sync can show up on two pages: keep the first (newest) copy.
        for (const r of page.reviews) {
          if (seen.has(r.reviewId)) continue;
          seen.add(r.reviewId);
          out.push(r);
        }
        token = page.tokenPagination?.nextPageToken;
        if (!token) break;
      }
      return out;
    },
    getReview: (packageName, reviewId) =>
      call(PlayReview, { url: url(`${app(packageName)}/reviews/${encodeURIComponent(reviewId)}`), method: 'GET' }, 'this Google Play review'),
    async reply(packageName, reviewId, text) {
      const size = codePoints(text);
      if (size > MAX_PLAY_REPLY_CHARS) {
        throw new GoogleApiError('invalid_input', `This reply is ${size} characters long; Google Play accepts at most ${MAX_PLAY_REPLY_CHARS}. Shorten it by ${size - MAX_PLAY_REPLY_CHARS}.`, 'too_long', -1, false);
      }
      const res = await call(PlayReplyResult, { url: url(`${app(packageName)}/reviews/${encodeURIComponent(reviewId)}:reply`), method: 'POST', data: { replyText: text } }, 'the reply to this Google Play review');
      return res.result;
    },
  };
}
