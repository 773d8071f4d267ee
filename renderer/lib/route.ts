/**
 * The app's address: the view and the inbox filters live in the URL hash, so
 * they survive a reload and other views can link into the inbox, e.g.
 * `#/inbox?view=unanswered&rating=1,2&source=google&location=<id>&label=<l>&lang=nl&from=2026-01-01&to=2026-03-31&overdue=1&mine=1&q=text&sort=lowest`.
 * Other views: `#/outbox`, `#/sources`, `#/dashboard`, `#/settings`. Pure: no DOM.
 */
import type { Rating } from '../../shared/domain/review';
import { INBOX_VIEWS, type InboxView, type ReviewSort } from '../../shared/reviews/query-schema';

/** Sort names in the URL; `lowest` is the default (rating ascending, then oldest first). */
export const URL_SORTS = { lowest: 'priority', newest: 'newest', oldest: 'oldest', highest: 'highest' } as const satisfies Record<string, ReviewSort>;
export type UrlSort = keyof typeof URL_SORTS;

export interface InboxFilters {
  view: InboxView;
  sort: UrlSort;
  ratings: Rating[];
  sources: string[];
  /** Location ids (one `location=` parameter each: ids may hold commas). */
  locations: string[];
  /** Labels (one `label=` parameter each). */
  labels: string[];
  /** A language tag ("nl") or null. */
  lang: string | null;
  /** Calendar days, YYYY-MM-DD, both inclusive. */
  from: string | null;
  to: string | null;
  overdue: boolean;
  /** Only the reviews assigned to "me" (the team member set in Settings). */
  mine: boolean;
  /** Free-text search, as typed. */
  q: string;
}

export interface Route {
  /** The top-level view name (`inbox`, `outbox`, …); the app falls back to the inbox for one it does not know. */
  view: string;
  inbox: InboxFilters;
}

export const DEFAULT_FILTERS: InboxFilters = {
  view: 'unanswered', sort: 'lowest', ratings: [], sources: [], locations: [], labels: [], lang: null, from: null, to: null, overdue: false, mine: false, q: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const MAX_TEXT = 200;

const isDay = (s: string): boolean => DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const commaList = (value: string | null): string[] => (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
const unique = <T>(list: T[]): T[] => [...new Set(list)];

/** Reads the filters from the query part of an inbox address; anything invalid is left out. */
export function parseFilters(params: URLSearchParams): InboxFilters {
  const view = params.get('view');
  const sort = params.get('sort');
  const ratings = unique(commaList(params.get('rating')).map(Number).filter((n): n is Rating => Number.isInteger(n) && n >= 1 && n <= 5)).sort();
  const from = params.get('from'), to = params.get('to');
  const lang = params.get('lang');
  let fromDay = from !== null && isDay(from) ? from : null;
  let toDay = to !== null && isDay(to) ? to : null;
  if (fromDay !== null && toDay !== null && fromDay > toDay) [fromDay, toDay] = [toDay, fromDay];
  return {
    view: INBOX_VIEWS.find((v) => v === view) ?? DEFAULT_FILTERS.view,
    sort: sort !== null && Object.hasOwn(URL_SORTS, sort) ? (sort as UrlSort) : DEFAULT_FILTERS.sort,
    ratings,
    sources: unique(commaList(params.get('source'))),
    locations: unique(params.getAll('location').filter((s) => s !== '')),
    labels: unique(params.getAll('label').filter((s) => s !== '')),
    lang: lang !== null && LANG.test(lang) ? lang : null,
    from: fromDay,
    to: toDay,
    overdue: params.get('overdue') === '1',
    mine: params.get('mine') === '1',
    q: (params.get('q') ?? '').slice(0, MAX_TEXT),
  };
}

/** The query part for the filters; defaults are left out, so a clean inbox is `#/inbox`. */
export function filterParams(f: InboxFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.view !== DEFAULT_FILTERS.view) p.set('view', f.view);
  if (f.ratings.length > 0) p.set('rating', [...f.ratings].sort().join(','));
  if (f.sources.length > 0) p.set('source', f.sources.join(','));
  for (const l of f.locations) p.append('location', l);
  for (const l of f.labels) p.append('label', l);
  if (f.lang !== null) p.set('lang', f.lang);
  if (f.from !== null) p.set('from', f.from);
  if (f.to !== null) p.set('to', f.to);
  if (f.overdue) p.set('overdue', '1');
  if (f.mine) p.set('mine', '1');
  if (f.q.trim() !== '') p.set('q', f.q);
  if (f.sort !== DEFAULT_FILTERS.sort) p.set('sort', f.sort);
  return p;
}

/** Parses `#/view?query` (a missing or odd hash is the inbox with default filters). */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const cut = raw.indexOf('?');
  const path = (cut < 0 ? raw : raw.slice(0, cut)).replace(/^\/+|\/+$/g, '');
  const query = cut < 0 ? '' : raw.slice(cut + 1);
  const view = /^[a-z][a-z0-9-]*$/.test(path) ? path : 'inbox';
  return { view, inbox: view === 'inbox' ? parseFilters(new URLSearchParams(query)) : DEFAULT_FILTERS };
}

/** The hash for a route: `#/outbox`, `#/inbox`, `#/inbox?view=drafts&rating=1`. */
export function formatRoute(route: Route): string {
  if (route.view !== 'inbox') return `#/${route.view}`;
  const query = filterParams(route.inbox).toString();
  return query === '' ? '#/inbox' : `#/inbox?${query}`;
}

/** Filters that narrow the list (everything except the view and the order). */
export function activeFilterCount(f: InboxFilters): number {
  return (
    (f.ratings.length > 0 ? 1 : 0) + (f.sources.length > 0 ? 1 : 0) + (f.locations.length > 0 ? 1 : 0) + (f.labels.length > 0 ? 1 : 0) +
    (f.lang !== null ? 1 : 0) + (f.from !== null || f.to !== null ? 1 : 0) + (f.overdue ? 1 : 0) + (f.mine ? 1 : 0) + (f.q.trim() !== '' ? 1 : 0)
  );
}

/** The same filters with the view and order kept and every narrowing filter off ("clear filters"). */
export const clearedFilters = (f: InboxFilters): InboxFilters => ({ ...DEFAULT_FILTERS, view: f.view, sort: f.sort });
