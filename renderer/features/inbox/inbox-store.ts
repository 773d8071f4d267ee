import type { KalmApi } from '../../../shared/contract';
import type { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import { emptyRatingCounts } from '../../../shared/reviews/review-filter';
import type { RatingCounts, ReviewPage, ViewCounts } from '../../../shared/reviews/query-schema';
import { emptyViewCounts } from '../../../shared/reviews/views';
import { createStore, type Store } from '../../lib/store';
import { DEFAULT_FILTERS, type InboxFilters } from '../../lib/route';
import { toKalmError } from '../../transport/errors';
import { filtersKey, toReviewQuery } from './filters';

/** Rows per request; the list asks for the pages its visible rows fall in. */
export const PAGE = 50;

export interface InboxState {
  filters: InboxFilters;
  /** 'loading' and 'error' only before the first good page of these filters; later failures keep the list. */
  status: 'loading' | 'ready' | 'error';
  /** With status 'ready': a refresh or a page failed while the list stayed usable. */
  error: KalmError | null;
  /** Reviews matching the filters. */
  total: number;
  /** Per rating, in the current view, ignoring the star filter (the chips). */
  counts: RatingCounts;
  /** Per view, ignoring the view (the view tabs), plus the overdue ones of this view. */
  views: ViewCounts;
  /** Loaded pages by page number (rows page*PAGE …). */
  pages: ReadonlyMap<number, Review[]>;
  refreshing: boolean;
  selectedId: string | null;
  /** Row of the selection; -1 when nothing is selected. */
  selectedIndex: number;
  /** Reviews checked for a bulk action. */
  checked: ReadonlySet<string>;
  /** Counts lists loaded for new filters (the list scrolls to the top for a new one). */
  generation: number;
  /** Counts selections made by the user (also of the row already selected): each one brings its row into view. */
  reveal: number;
}

export interface InboxStore extends Store<InboxState> {
  /** Follows the data's events; returns the stop function (for an effect). */
  start(): () => void;
  /** Shows the list for these filters, with `me` for "assigned to me" (a no-op when they give the same query). */
  setFilters(filters: InboxFilters, me?: string | null): void;
  /** Makes sure rows [from, to) are loaded (the visible rows of the list). */
  ensure(from: number, to: number): void;
  itemAt(index: number): Review | undefined;
  reload(): void;
  select(index: number): void;
  /** Moves the selection by rows or to an edge, loading its page when needed; resolves to the new row. */
  move(to: number | 'first' | 'last'): Promise<number | null>;
  toggleCheck(id: string): void;
  clearChecks(): void;
  /** Marks the checked reviews (or, with none checked, the selected one) done; resolves to how many changed. */
  markDone(): Promise<number>;
}

const pageOf = (index: number): number => Math.floor(index / PAGE);
/** Pages kept loaded at most; the ones farthest from the rows in view go first (scrolling through 100,000 stays light). */
const MAX_PAGES = 40;

/** How often the inbox asks again while nothing happens: reviews become overdue by the clock alone. */
export const CLOCK_REFRESH_MS = 60_000;

export function createInboxStore(api: KalmApi, opts: { refreshEveryMs?: number } = {}): InboxStore {
  const store = createStore<InboxState>({
    filters: DEFAULT_FILTERS,
    status: 'loading',
    error: null,
    total: 0,
    counts: emptyRatingCounts(),
    views: emptyViewCounts(),
    pages: new Map(),
    refreshing: false,
    selectedId: null,
    selectedIndex: -1,
    checked: new Set(),
    generation: 0,
    reveal: 0,
  });
  let key: string | null = null;
  /** The team member "assigned to me" means (from Settings). */
  let me: string | null = null;
  /** Every list generation has a number; answers for an older one are dropped. */
  let seq = 0;
  const inFlight = new Map<number, Promise<void>>();
  let lastRange: [number, number] = [0, PAGE];

  const fetchPage = (filters: InboxFilters, page: number): Promise<ReviewPage> => api.call('reviews.query', toReviewQuery(filters, page * PAGE, PAGE, me));
  const totals = (p: ReviewPage) => ({ total: p.total, counts: p.countsByRating, views: p.countsByView });
  const itemAt = (index: number): Review | undefined => store.get().pages.get(pageOf(index))?.[index % PAGE];

  /** Loads the first page (and, on a refresh, the pages in view) as a new generation. */
  async function load(refresh: boolean): Promise<void> {
    const id = ++seq;
    inFlight.clear();
    const before = store.get();
    const wanted = new Set([0]);
    if (refresh) for (let p = pageOf(lastRange[0]); p <= pageOf(Math.max(lastRange[1] - 1, 0)); p++) wanted.add(p);
    if (refresh && before.selectedIndex >= 0) wanted.add(pageOf(before.selectedIndex));
    // With a list on screen it stays (dimmed) until the new one is there, also for new filters; a failure keeps it.
    store.set(before.status === 'ready' ? { refreshing: true } : { status: 'loading', error: null, refreshing: false });
    try {
      const list = [...wanted];
      const results = await Promise.all(list.map((p) => fetchPage(before.filters, p)));
      if (id !== seq) return;
      const pages = new Map<number, Review[]>();
      list.forEach((p, i) => pages.set(p, results[i]?.items ?? []));
      const first = results[0] as ReviewPage;
      store.set((prev) => {
        const next = { ...prev, pages, ...totals(first) };
        return {
          ...next, ...reselect(prev, next, refresh), status: 'ready', error: null, refreshing: false,
          checked: keepChecked(prev.checked, pages), generation: refresh ? prev.generation : prev.generation + 1,
        };
      });
    } catch (err) {
      if (id !== seq) return;
      const error = toKalmError(err);
      store.set((prev) => (prev.status === 'ready' ? { error, refreshing: false } : { status: 'error', error, refreshing: false }));
    }
  }

  /** After new data: the selected review where it is now; if it left the list, the row at its old place (the next to handle). */
  function reselect(prev: InboxState, next: InboxState, refresh: boolean): Pick<InboxState, 'selectedId' | 'selectedIndex'> {
    if (next.total === 0) return { selectedId: null, selectedIndex: -1 };
    if (refresh && prev.selectedId !== null) {
      for (const [p, items] of next.pages) {
        const at = items.findIndex((r) => r.id === prev.selectedId);
        if (at >= 0) return { selectedId: prev.selectedId, selectedIndex: p * PAGE + at };
      }
    }
    const index = refresh ? Math.min(Math.max(prev.selectedIndex, 0), next.total - 1) : 0;
    return { selectedIndex: index, selectedId: next.pages.get(pageOf(index))?.[index % PAGE]?.id ?? null };
  }

  const keepChecked = (checked: ReadonlySet<string>, pages: ReadonlyMap<number, Review[]>): ReadonlySet<string> => {
    if (checked.size === 0) return checked;
    const shown = new Set<string>();
    for (const items of pages.values()) for (const r of items) if (checked.has(r.id)) shown.add(r.id);
    return shown;
  };

  function loadPage(page: number): Promise<void> {
    const existing = inFlight.get(page);
    if (existing) return existing;
    const id = seq;
    const { filters } = store.get();
    const job = fetchPage(filters, page).then(
      (result) => {
        if (id !== seq) return;
        inFlight.delete(page);
        store.set((prev) => {
          const pages = new Map(prev.pages);
          pages.set(page, result.items);
          if (pages.size > MAX_PAGES) {
            const here = pageOf(lastRange[0]);
            const keep = new Set([0, page, pageOf(Math.max(prev.selectedIndex, 0))]);
            const far = [...pages.keys()].filter((p) => !keep.has(p)).sort((a, b) => Math.abs(b - here) - Math.abs(a - here));
            for (const p of far.slice(0, pages.size - MAX_PAGES)) pages.delete(p);
          }
          const selectedId = prev.selectedId ?? (pageOf(prev.selectedIndex) === page ? (result.items[prev.selectedIndex % PAGE]?.id ?? null) : null);
          return { pages, ...totals(result), selectedId };
        });
      },
      (err: unknown) => {
        if (id !== seq) return;
        inFlight.delete(page);
        store.set({ error: toKalmError(err) });
      },
    );
    inFlight.set(page, job);
    return job;
  }

  function ensure(from: number, to: number): void {
    lastRange = [from, to];
    const { status, total, pages, refreshing } = store.get();
    // While a new list loads, the pages on screen belong to the old one; the load fetches what is in view.
    if (status !== 'ready' || refreshing) return;
    const last = Math.min(to, total) - 1;
    for (let p = pageOf(Math.max(from, 0)); p <= pageOf(Math.max(last, 0)) && p * PAGE < total; p++) {
      if (!pages.has(p)) void loadPage(p);
    }
  }

  function select(index: number): void {
    const { total, selectedIndex, selectedId } = store.get();
    if (index < 0 || index >= total) return;
    const id = itemAt(index)?.id ?? null;
    store.set((prev) => ({ ...(index !== selectedIndex || id !== selectedId ? { selectedIndex: index, selectedId: id } : {}), reveal: prev.reveal + 1 }));
  }

  return {
    ...store,
    start() {
      const refresh = () => void load(true);
      const offs = [api.on('reviews.changed', refresh), api.on('outbox.changed', refresh), api.on('drafts.changed', refresh)];
      // The overdue count and filter follow the clock like the row badges do (they re-judge every minute).
      const clock = setInterval(() => {
        if (key !== null && store.get().status === 'ready') refresh();
      }, opts.refreshEveryMs ?? CLOCK_REFRESH_MS);
      return () => {
        clearInterval(clock);
        for (const off of offs) off();
        seq++;
        key = null;
      };
    },
    setFilters(filters, who = null) {
      const next = filtersKey(filters, who);
      // The same query (the address caught up with a change the inbox made itself): nothing to do, no render.
      if (next === key) return;
      key = next;
      me = who;
      lastRange = [0, PAGE];
      store.set({ filters, checked: new Set() });
      void load(false);
    },
    ensure,
    itemAt,
    reload: () => void load(store.get().status === 'ready'),
    select,
    async move(to) {
      const { total, selectedIndex } = store.get();
      if (total === 0) return null;
      const index =
        to === 'first' ? 0 : to === 'last' ? total - 1 : selectedIndex < 0 ? 0 : Math.min(Math.max(selectedIndex + to, 0), total - 1);
      select(index);
      if (itemAt(index) === undefined) {
        await loadPage(pageOf(index));
        select(index);
      }
      return index;
    },
    toggleCheck(id) {
      const checked = new Set(store.get().checked);
      if (!checked.delete(id)) checked.add(id);
      store.set({ checked });
    },
    clearChecks: () => store.set({ checked: new Set() }),
    async markDone() {
      const { checked, selectedId } = store.get();
      const ids = checked.size > 0 ? [...checked] : selectedId !== null ? [selectedId] : [];
      if (ids.length === 0) return 0;
      try {
        const { changed } = await api.call('reviews.markDone', { ids, done: true });
        store.set({ checked: new Set() });
        return changed;
      } catch (err) {
        store.set({ error: toKalmError(err) });
        return 0;
      }
    },
  };
}
