import { z } from 'zod';
import {
  ACCOUNT_PAGE_SIZE, LOCATION_PAGE_SIZE, LOCATION_READ_MASK, MAX_REPLY_BYTES, REVIEW_PAGE_SIZE, utf8Bytes,
} from '../../../../shared/google/limits';
import {
  GbpAccountList, GbpBatchReviews, GbpLocationList, GbpReview, GbpReviewList, GbpReviewReply,
  type GbpAccount, type GbpLocation,
} from '../../../../shared/google/schemas';
import type { GoogleRoots } from '../../google-api/endpoints';
import { v4Url } from './config';
import { GoogleApiError, invalidResponse, isTransient, toGoogleError } from '../../google-api/errors';
import { GoogleHttpError, type GoogleHttp, type GoogleHttpRequest } from '../../google-api/http';
import { RateLimiter } from './rate-limit';

/** The Business Profile calls Kalm makes. Every answer is validated; every failure is a GoogleApiError. */
export interface BusinessApi {
  /** All accounts the signed-in user can see (every page). */
  listAccounts(): Promise<GbpAccount[]>;
  /** All locations an account owns directly (every page). */
  listLocations(accountName: string): Promise<GbpLocation[]>;
  /** One page of a location's reviews, newest updated first. `v4Parent` is `accounts/{a}/locations/{l}`. */
  listReviewsPage(v4Parent: string, pageToken?: string): Promise<GbpReviewList>;
  getReview(reviewName: string): Promise<GbpReview>;
  /** Creates or replaces the reply; refused before sending when over 4096 UTF-8 bytes. */
  putReply(reviewName: string, comment: string): Promise<GbpReviewReply>;
  deleteReply(reviewName: string): Promise<void>;
  /** One page of the newest updated reviews of several locations of one account (≤ 200 names). */
  batchGetReviews(locationNames: readonly string[], pageToken?: string): Promise<GbpBatchReviews>;
  /** Requests sent so far (retries included). */
  readonly requestCount: number;
}

export interface RetryOptions {
  /** Tries per call, the first included (default 4). */
  attempts?: number;
  /** First backoff wait when Google gives no Retry-After; doubled each time (default 500 ms). */
  baseDelayMs?: number;
  /** Longest single wait, Retry-After included (default 60 s). */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface BusinessApiOptions {
  http: GoogleHttp;
  roots: GoogleRoots;
  /** Default: a RateLimiter of its own (290 requests a minute); null for none. Share one per Google connection. */
  limiter?: RateLimiter | null;
  retry?: RetryOptions;
}

const ACCOUNTS_HOST = 'https://mybusinessaccountmanagement.googleapis.com';
const INFO_HOST = 'https://mybusinessbusinessinformation.googleapis.com';
const MAX_PAGES = 10_000;

/** Path segments of a resource name, each URL-encoded (review ids are opaque). */
const encodeName = (name: string): string => name.split('/').map(encodeURIComponent).join('/');
const accountOf = (v4Parent: string): string => v4Parent.split('/').slice(0, 2).join('/');
const DeleteAnswer = z.union([z.object({}), z.literal(''), z.null(), z.undefined()]);

export function createBusinessApi(opts: BusinessApiOptions): BusinessApi {
  const { http, roots } = opts;
  const limiter = opts.limiter === undefined ? new RateLimiter() : opts.limiter;
  const attempts = Math.max(1, opts.retry?.attempts ?? 4);
  const baseDelay = opts.retry?.baseDelayMs ?? 500;
  const maxDelay = opts.retry?.maxDelayMs ?? 60_000;
  const sleep = opts.retry?.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let requestCount = 0;
  const v1 = (host: string, path: string): string => `${roots.api ?? host}/v1/${path}`;

  const waitBefore = (attempt: number, err: GoogleHttpError): number =>
    Math.min(maxDelay, err.retryAfterSeconds !== null && err.retryAfterSeconds >= 0 ? err.retryAfterSeconds * 1000 : baseDelay * 2 ** (attempt - 1));

  /** Sends with the rate limit, retries transient failures (honouring Retry-After), validates the answer. */
  async function call<S extends z.ZodType>(schema: S, req: GoogleHttpRequest, what: string): Promise<z.output<S>> {
    for (let attempt = 1; ; attempt++) {
      await limiter?.acquire();
      requestCount += 1;
      let data: unknown;
      try {
        data = (await http.request(req)).data;
      } catch (err) {
        // Anything else (e.g. the auth client's "reconnect needed" KalmError) goes up as it is.
        if (!(err instanceof GoogleHttpError)) throw err;
        if (err.status >= 200 && err.status < 300) throw invalidResponse(what);
        if (isTransient(err) && attempt < attempts) {
          await sleep(waitBefore(attempt, err));
          continue;
        }
        throw toGoogleError(err, what);
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw invalidResponse(what, parsed.error);
      return parsed.data;
    }
  }

  /** Follows nextPageToken until it is absent (a repeated token ends it too). */
  async function allPages<T>(page: (token: string | undefined) => Promise<{ items: T[]; next: string | undefined }>): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const { items, next } = await page(token);
      out.push(...items);
      if (!next || seen.has(next)) break;
      seen.add(next);
      token = next;
    }
    return out;
  }

  return {
    get requestCount() {
      return requestCount;
    },

    listAccounts: () =>
      allPages(async (pageToken) => {
        const res = await call(GbpAccountList, { url: v1(ACCOUNTS_HOST, 'accounts'), method: 'GET', params: { pageSize: ACCOUNT_PAGE_SIZE, pageToken } }, 'your Google Business Profile accounts');
        return { items: res.accounts ?? [], next: res.nextPageToken };
      }),

    listLocations: (accountName) =>
      allPages(async (pageToken) => {
        const res = await call(
          GbpLocationList,
          { url: v1(INFO_HOST, `${encodeName(accountName)}/locations`), method: 'GET', params: { readMask: LOCATION_READ_MASK, pageSize: LOCATION_PAGE_SIZE, pageToken } },
          `the business locations of ${accountName}`,
        );
        return { items: res.locations ?? [], next: res.nextPageToken };
      }),

    listReviewsPage: (v4Parent, pageToken) =>
      call(
        GbpReviewList,
        { url: v4Url(roots, `${encodeName(v4Parent)}/reviews`), method: 'GET', params: { pageSize: REVIEW_PAGE_SIZE, orderBy: 'updateTime desc', pageToken } },
        `the reviews of ${v4Parent}`,
      ),

    getReview: (reviewName) => call(GbpReview, { url: v4Url(roots, encodeName(reviewName)), method: 'GET' }, 'this review'),

    async putReply(reviewName, comment) {
      const bytes = utf8Bytes(comment);
      if (bytes > MAX_REPLY_BYTES) {
        throw new GoogleApiError(
          'invalid_input',
          `This reply is ${bytes} bytes long; Google accepts at most ${MAX_REPLY_BYTES} bytes (accented letters count 2, emoji 4). Shorten it by ${bytes - MAX_REPLY_BYTES} bytes.`,
          'too_long', -1, false,
        );
      }
      return call(GbpReviewReply, { url: v4Url(roots, `${encodeName(reviewName)}/reply`), method: 'PUT', data: { comment } }, 'the reply to this review');
    },

    async deleteReply(reviewName) {
      await call(DeleteAnswer, { url: v4Url(roots, `${encodeName(reviewName)}/reply`), method: 'DELETE' }, 'the reply to this review');
    },

    batchGetReviews(locationNames, pageToken) {
      const first = locationNames[0];
      if (first === undefined) return Promise.resolve({ locationReviews: [] });
      return call(
        GbpBatchReviews,
        {
          url: v4Url(roots, `${encodeName(accountOf(first))}/locations:batchGetReviews`),
          method: 'POST',
          data: { locationNames, pageSize: REVIEW_PAGE_SIZE, orderBy: 'updateTime desc', ...(pageToken ? { pageToken } : {}) },
        },
        'the newest reviews of your locations',
      );
    },
  };
}
