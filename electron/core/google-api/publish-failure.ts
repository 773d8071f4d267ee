import { KalmError } from '../../../shared/domain/errors';
import { retryWaitMs } from '../outbox/backoff';
import type { PublishFailure } from '../outbox/publish-steps';
import { GoogleApiError, STOPS_PUBLISH_RUN, WONT_PASS_BY_WAITING } from './errors';

export interface FailureOptions {
  /** What the owner reads when there is no connection (names the service: Google, Google Play). */
  offlineMessage: string;
  /** Errors outside GoogleApiError that stop the run too (e.g. a lost Google grant). */
  alsoStopsRun?: (err: unknown) => boolean;
}

/** Retry-After, when the error carries it. */
const retryAfterOf = (err: unknown): number | null => {
  const v = err instanceof GoogleApiError ? err.retryAfterSeconds : null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** How a failed send to a Google API (Business Profile, Play) is recorded: reason, next try, whether the run stops. */
export function googlePublishFailure(err: unknown, attempts: number, at: Date, opts: FailureOptions): PublishFailure {
  const google = err instanceof GoogleApiError ? err : null;
  const offline = google !== null && google.problem === 'unavailable' && google.status === 0;
  const reason = offline
    ? opts.offlineMessage
    : err instanceof KalmError ? err.message : 'Something went wrong while sending; Kalm will try again.';
  const permanent = google !== null && WONT_PASS_BY_WAITING.has(google.problem);
  const wait = retryWaitMs(attempts, { offline, retryAfterSeconds: retryAfterOf(err) });
  const nextAttemptAt = permanent ? null : new Date(at.getTime() + wait).toISOString();
  const stops = (google !== null && STOPS_PUBLISH_RUN.has(google.problem)) || (opts.alsoStopsRun?.(err) ?? false);
  return { reason, offline, nextAttemptAt, stopsRun: stops && nextAttemptAt !== null };
}

/** A Google API said the review is not there (any more). */
export const isNotFound = (err: unknown): boolean => err instanceof GoogleApiError && err.problem === 'not_found';
