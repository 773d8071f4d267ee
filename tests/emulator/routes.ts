/** Maps an API request (decoded path + method) to its handler; null when no API method lives there. */
import type { IncomingMessage } from 'node:http';
import { batchGetReviews, deleteReply, getReview, listReviews, putReply } from './api-v4';
import { listAccounts, listLocations } from './api-v1';
import { readJsonObject } from './respond';
import type { EmulatorStore } from './store';
import type { PlayStore } from './play';

export type ApiHandler = () => object | Promise<object>;

const SEG = '([^/]+)';
const LOCATIONS = new RegExp(`^/v1/(accounts/${SEG})/locations$`);
const REVIEWS = new RegExp(`^/v4/(accounts/${SEG}/locations/${SEG})/reviews$`);
const REVIEW = new RegExp(`^/v4/((accounts/${SEG}/locations/${SEG})/reviews/${SEG})$`);
const REPLY = new RegExp(`^/v4/((accounts/${SEG}/locations/${SEG})/reviews/${SEG})/reply$`);
const BATCH = new RegExp(`^/v4/(accounts/${SEG})/locations:batchGetReviews$`);
const PLAY_REVIEWS = new RegExp(`^/androidpublisher/v3/applications/${SEG}/reviews$`);
const PLAY_REPLY = new RegExp(`^/androidpublisher/v3/applications/${SEG}/reviews/(.+):reply$`);
const PLAY_REVIEW = new RegExp(`^/androidpublisher/v3/applications/${SEG}/reviews/(.+)$`);

/** Google Play v3 reviews (the path is already decoded, so `gp%3A…` ids arrive as `gp:…`). */
export function playRoute(play: PlayStore, method: string, path: string, url: URL, req: IncomingMessage): ApiHandler | null {
  let m: RegExpExecArray | null;
  const q = url.searchParams;
  if ((m = PLAY_REVIEWS.exec(path))) {
    const pkg = m[1] ?? '';
    return method === 'GET' ? () => play.list(pkg, q) : null;
  }
  if ((m = PLAY_REPLY.exec(path))) {
    const [pkg, id] = [m[1] ?? '', m[2] ?? ''];
    return method === 'POST' ? async () => play.reply(pkg, id, await readJsonObject(req)) : null;
  }
  if ((m = PLAY_REVIEW.exec(path))) {
    const [pkg, id] = [m[1] ?? '', m[2] ?? ''];
    return method === 'GET' ? () => play.get(pkg, id, q) : null;
  }
  return null;
}

export function route(store: EmulatorStore, method: string, path: string, url: URL, req: IncomingMessage): ApiHandler | null {
  const q = url.searchParams;
  let m: RegExpExecArray | null;
  if (path === '/v1/accounts') return method === 'GET' ? () => listAccounts(store, q) : null;
  if ((m = LOCATIONS.exec(path))) return method === 'GET' ? () => listLocations(store, m![1]!, q) : null;
  if ((m = REVIEWS.exec(path))) return method === 'GET' ? () => listReviews(store, m![1]!, q) : null;
  if ((m = REVIEW.exec(path))) return method === 'GET' ? () => getReview(store, m![2]!, m![1]!) : null;
  if ((m = REPLY.exec(path))) {
    const [, name, location] = m as unknown as [string, string, string];
    if (method === 'PUT') return async () => putReply(store, location, name, await readJsonObject(req));
    if (method === 'DELETE') return () => deleteReply(store, location, name);
    return null;
  }
  if ((m = BATCH.exec(path))) {
    const account = m[1]!;
    return method === 'POST' ? async () => batchGetReviews(store, account, await readJsonObject(req)) : null;
  }
  return null;
}
