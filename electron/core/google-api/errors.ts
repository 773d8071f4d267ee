import type { z } from 'zod';
import { KalmError, type ErrorCode } from '../../../shared/domain/errors';
import { GoogleErrorEnvelope, OAuthErrorBody } from '../../../shared/google/schemas';
import { GoogleHttpError } from './http';

/** What went wrong with a Google call, for code that must react (reconnect, wait, show the quota help). */
export type GoogleProblem =
  | 'quota_zero' // the Cloud project is not approved for Business Profile API access (quota 0)
  | 'rate_limited' // 429 that stayed after the retries
  | 'service_disabled' // the API is not enabled in the Cloud project
  | 'auth' // sign-in expired, revoked or missing the scope: reconnect
  | 'permission' // no role on that account/location
  | 'not_found'
  | 'unavailable' // 5xx, timeouts, no connection
  | 'rejected' // 400 and other answers Kalm did not expect
  | 'invalid_response' // a 2xx body Kalm could not read
  | 'too_long'; // a reply over Google's 4096-byte limit (refused before sending)

/** A failed Google call as a KalmError with a message a shop owner can act on (never a token). */
export class GoogleApiError extends KalmError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly problem: GoogleProblem,
    /** HTTP status (0: no answer; -1: refused locally). */
    readonly status: number,
    /** Worth trying again as it is (transient). */
    readonly retryable: boolean,
    /** Seconds Google asked Kalm to wait (Retry-After on a 429 or 503), when it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code, message);
    this.name = 'GoogleApiError';
  }
}

/** Problems that hit every reply to the same site alike: a publish run stops and leaves the rest queued. */
export const STOPS_PUBLISH_RUN: ReadonlySet<GoogleProblem> = new Set(['unavailable', 'rate_limited', 'auth', 'quota_zero', 'service_disabled']);
/** Problems that will not go away by waiting: no automatic retry (the owner retries or edits). */
export const WONT_PASS_BY_WAITING: ReadonlySet<GoogleProblem> = new Set(['too_long', 'rejected']);

/** Removes anything shaped like an OAuth token from text that goes into a message. */
export const scrubTokens = (text: string): string =>
  text
    .replace(/\bya29\.[\w.-]+/g, '[token]')
    .replace(/\b1\/\/[\w.-]+/g, '[token]')
    .replace(/(bearer|access_token|refresh_token|code)([=:\s"]+)[\w./-]{8,}/gi, '$1$2[token]');

const API_NAMES: Readonly<Record<string, string>> = {
  'mybusinessaccountmanagement.googleapis.com': 'My Business Account Management API',
  'mybusinessbusinessinformation.googleapis.com': 'My Business Business Information API',
  'mybusiness.googleapis.com': 'Google My Business API',
  'androidpublisher.googleapis.com': 'Google Play Android Developer API',
};

interface ParsedEnvelope {
  message: string;
  status: string;
  reasons: string[];
  metadata: Record<string, unknown>[];
}

function parseEnvelope(body: unknown): ParsedEnvelope | null {
  const env = GoogleErrorEnvelope.safeParse(body);
  if (env.success) {
    const details = env.data.error.details ?? [];
    return {
      message: env.data.error.message ?? '',
      status: env.data.error.status ?? '',
      reasons: details.flatMap((d) => (d.reason ? [d.reason] : [])),
      metadata: details.flatMap((d) => (d.metadata ? [d.metadata] : [])),
    };
  }
  const oauth = OAuthErrorBody.safeParse(body);
  return oauth.success ? { message: oauth.data.error_description ?? '', status: oauth.data.error, reasons: [], metadata: [] } : null;
}

/** True for the 429 of a project Google has not approved yet: ErrorInfo metadata `quota_limit_value: "0"`. */
export function isQuotaZero(err: GoogleHttpError): boolean {
  if (err.status !== 429) return false;
  return parseEnvelope(err.body)?.metadata.some((m) => String(m.quota_limit_value) === '0') ?? false;
}

/** True when the call may succeed as it is on a later try: 408, 429 (not quota 0), 5xx, no answer. */
export function isTransient(err: GoogleHttpError): boolean {
  if (err.status === 429) return !isQuotaZero(err);
  return err.status === 0 || err.status === 408 || (err.status >= 500 && err.status <= 599);
}

function apiName(env: ParsedEnvelope | null): string {
  for (const m of env?.metadata ?? []) {
    const service = typeof m.service === 'string' ? m.service : '';
    if (service) return API_NAMES[service] ?? service;
  }
  const named = /^(.{3,80}? API) has not been used/.exec(env?.message ?? '');
  return named?.[1] ?? 'Business Profile APIs';
}

const QUOTA_ZERO_MESSAGE =
  'Google has not approved Business Profile API access for your Google Cloud project yet (quota 0). ' +
  'Apply for Basic API Access with Google\'s "Application for Basic API Access" form for that project; ' +
  'a quota increase will not help. Kalm can sync as soon as Google approves it.';

/**
 * Any failure of a Google call as a GoogleApiError. `what` names the thing asked for in plain words
 * (e.g. "this review", "the reviews of Bakkerij De Zonnebloem").
 */
export function toGoogleError(err: unknown, what: string): GoogleApiError {
  if (err instanceof GoogleApiError) return err;
  if (!(err instanceof GoogleHttpError)) {
    return new GoogleApiError('internal', `Google is not answering right now; Kalm will try again. (${what})`, 'unavailable', 0, true);
  }
  const env = parseEnvelope(err.body);
  const s = err.status;
  if (s === 429 && isQuotaZero(err)) return new GoogleApiError('forbidden', QUOTA_ZERO_MESSAGE, 'quota_zero', s, false);
  if (s === 429) {
    return new GoogleApiError(
      'internal',
      'Google says Kalm is asking too often and did not accept more requests for now; Kalm will try again later. ' +
        'If Kalm has never synced with this Google Cloud project, Google may not have approved Business Profile API access yet (apply for Basic API Access).',
      'rate_limited', s, true, err.retryAfterSeconds,
    );
  }
  if (s === 403 && env?.reasons.includes('SERVICE_DISABLED')) {
    const api = apiName(env);
    return new GoogleApiError('forbidden', `The ${api} is not enabled for your Google Cloud project. Enable the ${api} in Google Cloud (APIs & Services → Library), wait a few minutes, then sync again.`, 'service_disabled', s, false);
  }
  if (s === 401 || (s === 403 && env?.reasons.includes('ACCESS_TOKEN_SCOPE_INSUFFICIENT')) || env?.status === 'invalid_grant') {
    return new GoogleApiError('forbidden', 'Google no longer accepts Kalm\'s connection (it expired, was revoked, or lacks permission to manage your Business Profile). Reconnect Google in Kalm and allow access.', 'auth', s, false);
  }
  if (s === 403) {
    return new GoogleApiError('forbidden', `Your Google account has no permission for ${what}. Ask the owner of the Business Profile to add you as an owner or manager, or connect the Google account that manages it.`, 'permission', s, false);
  }
  if (s === 404) return new GoogleApiError('not_found', `Google did not find ${what}; it may have been deleted.`, 'not_found', s, false);
  if (isTransient(err)) return new GoogleApiError('internal', `Google is not answering right now; Kalm will try again. (${what})`, 'unavailable', s, true, err.retryAfterSeconds);
  const detail = env?.message ? `: ${scrubTokens(env.message).slice(0, 200)}` : '';
  return new GoogleApiError('internal', `Google refused Kalm's request for ${what} (HTTP ${s}${detail}). This is likely a problem in Kalm; please report it.`, 'rejected', s, false);
}

/** A 2xx answer whose body Kalm could not read: nothing is applied. */
export function invalidResponse(what: string, error?: z.ZodError): GoogleApiError {
  const first = error?.issues[0];
  const where = first ? ` (${first.path.map(String).join('.') || 'body'}: ${first.message})` : '';
  return new GoogleApiError('internal', `Google sent an answer Kalm could not read for ${what}${where}; nothing was changed. Try again later.`, 'invalid_response', 200, false);
}
