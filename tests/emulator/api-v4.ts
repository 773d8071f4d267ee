/** Business Profile v4 reviews: list, get, reply PUT/DELETE and batchGetReviews. */
import { createHash } from 'node:crypto';
import { pageSizeParam, paginate } from './paging';
import { invalidArgument, notFound, permissionDenied } from './respond';
import type { EmulatorStore, LocationEntry, ReviewOrder } from './store';
import type { Review, ReviewReply } from './types';

export const MAX_REPLY_BYTES = 4096;
export const MAX_BATCH_LOCATIONS = 200;

/** The location `accounts/{a}/locations/{l}` if an account of the emulator owns it; 403 otherwise (as Google). */
export function ownedLocation(store: EmulatorStore, fullName: string): LocationEntry {
  const entry = store.location(fullName);
  if (!entry || !store.account(entry.account)) throw permissionDenied();
  return entry;
}

export function parseOrder(raw: unknown): ReviewOrder {
  if (raw === undefined || raw === null || raw === '') return 'updateTime desc';
  const norm = String(raw).trim().replace(/\s+/g, ' ');
  if (norm === 'updateTime desc' || norm === 'update_time desc') return 'updateTime desc';
  if (norm === 'rating' || norm === 'rating asc') return 'rating';
  if (norm === 'rating desc') return 'rating desc';
  throw invalidArgument(`Invalid orderBy: ${norm}`, 'order_by', 'Supported: "updateTime desc", "rating", "rating desc".');
}

/** GET /v4/accounts/{a}/locations/{l}/reviews?pageSize(≤50, default 50)&pageToken&orderBy. */
export function listReviews(store: EmulatorStore, location: string, q: URLSearchParams): object {
  const entry = ownedLocation(store, location);
  const order = parseOrder(q.get('orderBy') ?? q.get('order_by'));
  const pageSize = pageSizeParam(q.get('pageSize'), 50, 50, false);
  const page = paginate(store.sorted([entry.fullName], order), pageSize, q.get('pageToken'), `reviews|${entry.fullName}|${order}`);
  const { averageRating, totalReviewCount } = store.stats(entry.fullName);
  // proto3 JSON: zero values and empty lists are left out.
  return {
    ...(page.items.length ? { reviews: page.items } : {}),
    ...(averageRating ? { averageRating } : {}),
    ...(totalReviewCount ? { totalReviewCount } : {}),
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
  };
}

function existingReview(store: EmulatorStore, location: string, name: string): Review {
  ownedLocation(store, location);
  const review = store.review(name);
  if (!review) throw notFound();
  return review;
}

/** GET /v4/{reviewName}: 404 when missing or deleted. */
export const getReview = (store: EmulatorStore, location: string, name: string): Review => existingReview(store, location, name);

/** PUT /v4/{reviewName}/reply {comment}: creates or overwrites; at most 4096 UTF-8 bytes. */
export function putReply(store: EmulatorStore, location: string, name: string, body: Record<string, unknown>): ReviewReply {
  existingReview(store, location, name);
  const comment = body.comment;
  if (typeof comment !== 'string' || comment.trim() === '') {
    throw invalidArgument('Request contains an invalid argument.', 'comment', 'The reply comment is required.');
  }
  if (Buffer.byteLength(comment, 'utf8') > MAX_REPLY_BYTES) {
    throw invalidArgument('Request contains an invalid argument.', 'comment', `The reply is longer than ${MAX_REPLY_BYTES} bytes.`);
  }
  const reply = store.setReply(name, comment);
  if (!reply) throw notFound();
  return reply;
}

/** DELETE /v4/{reviewName}/reply → {} (also when there was no reply). */
export function deleteReply(store: EmulatorStore, location: string, name: string): object {
  existingReview(store, location, name);
  store.setReply(name, null);
  return {};
}

/** POST /v4/accounts/{a}/locations:batchGetReviews {locationNames ≤200, pageSize, pageToken, orderBy, ignoreRatingOnlyReviews}. */
export function batchGetReviews(store: EmulatorStore, account: string, body: Record<string, unknown>): object {
  const names = body.locationNames;
  if (!Array.isArray(names) || names.length === 0 || !names.every((n): n is string => typeof n === 'string')) {
    throw invalidArgument('Request contains an invalid argument.', 'location_names', 'At least one location name is required.');
  }
  if (names.length > MAX_BATCH_LOCATIONS) {
    throw invalidArgument('Request contains an invalid argument.', 'location_names', `At most ${MAX_BATCH_LOCATIONS} locations per call.`);
  }
  if (!store.account(account)) throw permissionDenied();
  for (const n of names) {
    if (!/^accounts\/[^/]+\/locations\/[^/]+$/.test(n)) {
      throw invalidArgument('Request contains an invalid argument.', 'location_names', `Invalid location name: ${n}`);
    }
    if (ownedLocation(store, n).account !== account) throw permissionDenied();
  }
  const order = parseOrder(body.orderBy);
  const pageSize = pageSizeParam(body.pageSize, 50, 200, false);
  const ignore = body.ignoreRatingOnlyReviews === true;
  const digest = createHash('sha256').update(names.join('\n')).digest('base64url').slice(0, 16);
  const page = paginate(store.sorted(names, order, ignore), pageSize, body.pageToken, `batch|${account}|${order}|${ignore}|${digest}`);
  const locationReviews = page.items.map((review) => ({ name: review.name.replace(/\/reviews\/[^/]+$/, ''), review }));
  return { ...(locationReviews.length ? { locationReviews } : {}), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}
