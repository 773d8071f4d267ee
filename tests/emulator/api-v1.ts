/** Account Management v1 `accounts.list` and Business Information v1 `accounts.locations.list`. */
import { pageSizeParam, paginate } from './paging';
import { invalidArgument, permissionDenied } from './respond';
import type { EmulatorStore } from './store';
import type { Location } from './types';

/** GET /v1/accounts?pageSize&pageToken — default and max pageSize 20, the personal account first (seed order). */
export function listAccounts(store: EmulatorStore, q: URLSearchParams): object {
  const pageSize = pageSizeParam(q.get('pageSize'), 20, 20, true);
  const personalFirst = [...store.accounts()].sort((a, b) => Number(b.type === 'PERSONAL') - Number(a.type === 'PERSONAL'));
  const page = paginate(personalFirst, pageSize, q.get('pageToken'), 'accounts');
  return { ...(page.items.length ? { accounts: page.items } : {}), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}

/** Every top-level field of Business Information's Location (those the emulator has no data for are simply absent). */
const LOCATION_FIELDS = new Set([
  'name', 'languageCode', 'storeCode', 'title', 'phoneNumbers', 'categories', 'storefrontAddress', 'websiteUri',
  'regularHours', 'specialHours', 'serviceArea', 'labels', 'adWordsLocationExtensions', 'latlng', 'openInfo', 'metadata',
  'profile', 'relationshipData', 'moreHours', 'serviceItems',
]);

const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function parseReadMask(raw: string | null): string[][] {
  if (raw === null || raw.trim() === '') {
    throw invalidArgument('Request contains an invalid argument.', 'read_mask', 'Field is required');
  }
  return raw.split(',').map((p) => {
    const path = p.trim().split('.').map(camel);
    if (!path[0] || !LOCATION_FIELDS.has(path[0]) || path.some((s) => s === '')) {
      throw invalidArgument(`Invalid field mask provided: ${p.trim()}`, 'read_mask', `Invalid field mask path: ${p.trim()}`);
    }
    return path;
  });
}

function pick(source: unknown, path: string[]): unknown {
  let cur = source;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function applyMask(location: Location, mask: string[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of mask) {
    const value = pick(location, path);
    if (value === undefined) continue;
    let target = out;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target = (typeof next === 'object' && next !== null ? next : (target[key] = {})) as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = structuredClone(value);
  }
  return out;
}

/**
 * GET /v1/accounts/{a}/locations?readMask&pageSize&pageToken — readMask required, pageSize default 10 max 100
 * (larger is coerced), only the masked fields, `name` = `locations/{l}`. `accounts/-` = every location of the user.
 */
export function listLocations(store: EmulatorStore, account: string, q: URLSearchParams): object {
  const mask = parseReadMask(q.get('readMask') ?? q.get('read_mask'));
  const pageSize = pageSizeParam(q.get('pageSize'), 10, 100, true);
  if (account !== 'accounts/-' && !store.account(account)) throw permissionDenied();
  const entries = store.locationsOf(account);
  const page = paginate(entries, pageSize, q.get('pageToken'), `locations|${account}`);
  const locations = page.items.map((e) => applyMask(e.location, mask));
  return { ...(locations.length ? { locations } : {}), ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}
