/** Maps an API request (decoded path + method) to its handler; null when no API method lives there. */
import type { IncomingMessage } from 'node:http';
import { batchGetReviews, deleteReply, getReview, listReviews, putReply } from './api-v4';
import { listAccounts, listLocations } from './api-v1';
import { readJsonObject } from './respond';
import type { EmulatorStore } from './store';

export type ApiHandler = () => object | Promise<object>;

const SEG = '([^/]+)';
const LOCATIONS = new RegExp(`^/v1/(accounts/${SEG})/locations$`);
const REVIEWS = new RegExp(`^/v4/(accounts/${SEG}/locations/${SEG})/reviews$`);
const REVIEW = new RegExp(`^/v4/((accounts/${SEG}/locations/${SEG})/reviews/${SEG})$`);
const REPLY = new RegExp(`^/v4/((accounts/${SEG}/locations/${SEG})/reviews/${SEG})/reply$`);
const BATCH = new RegExp(`^/v4/(accounts/${SEG})/locations:batchGetReviews$`);

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
