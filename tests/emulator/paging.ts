/**
 * Opaque page tokens. A token is bound to the query it came from (parent, order, filters): reusing it with another
 * query is a 400, as with Google. It holds an offset, so an edit during a walk can shift reviews between pages, as the
 * real (update-time-ordered) list does.
 */
import { intParam, invalidArgument } from './respond';

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(`emu1|${offset}|${scope}`, 'utf8').toString('base64url');
}

function decodeToken(token: string, scope: string): number {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^emu1\|(\d+)\|(.*)$/s.exec(text);
  if (!m || m[2] !== scope) throw invalidArgument('Request contains an invalid argument.', 'page_token', 'Invalid page token.');
  return Number(m[1]);
}

/**
 * Page size from a request. Above `max`: `clamp` coerces it (AIP-158, the v1 APIs); otherwise 400 (v4 `pageSize ≤ 50`).
 * 0 or absent means the default.
 */
export function pageSizeParam(value: unknown, dflt: number, max: number, clamp: boolean): number {
  const n = intParam(value, 'page_size');
  if (n === undefined || n === 0) return dflt;
  if (n > max) {
    if (clamp) return max;
    throw invalidArgument(`pageSize must be at most ${max}.`, 'page_size');
  }
  return n;
}

export function paginate<T>(all: readonly T[], pageSize: number, pageToken: unknown, scope: string): Page<T> {
  const start = typeof pageToken === 'string' && pageToken !== '' ? decodeToken(pageToken, scope) : 0;
  const end = start + pageSize;
  const items = all.slice(start, end);
  return end < all.length ? { items, nextPageToken: encodeToken(scope, end) } : { items };
}
