import type { KalmApi } from '../../../shared/contract';
import type { KalmError } from '../../../shared/domain/errors';
import type { Rating, Review } from '../../../shared/domain/review';
import { emptyRatingCounts } from '../../../shared/reviews/query';
import type { RatingCounts, ReviewPage } from '../../../shared/reviews/query-schema';
import { createStore, type Store } from '../../lib/store';
import { toKalmError } from '../../transport/errors';

export const PAGE_SIZE = 50;
const MAX_LIMIT = 500;

export interface InboxState {
  /** Star chips that are on; empty = every rating. */
  ratings: Rating[];
  /** 'loading' and 'error' only before the first good page; later failures keep the list. */
  status: 'loading' | 'ready' | 'error';
  /** With status 'ready': a refresh or "load more" failed while the list stayed usable. */
  error: KalmError | null;
  items: Review[];
  /** Reviews matching the current filter (all pages). */
  total: number;
  /** Unanswered per rating, ignoring the star filter (for the chips). */
  counts: RatingCounts;
  /** All unanswered reviews, whatever the filter. */
  unanswered: number;
  refreshing: boolean;
  loadingMore: boolean;
  selectedId: string | null;
}

export interface InboxStore extends Store<InboxState> {
  /** Loads and follows `reviews.changed`; returns the stop function (for an effect). */
  start(): () => void;
  toggleRating(rating: Rating): void;
  clearRatings(): void;
  /** Re-queries what is shown (retry, or after the data changed). */
  reload(): void;
  loadMore(): void;
  select(id: string): void;
  /** Moves the selection by `delta` rows or to an edge; returns the newly selected id. */
  move(to: number | 'first' | 'last'): string | null;
}

const sumCounts = (c: RatingCounts): number => c[1] + c[2] + c[3] + c[4] + c[5] + c.none;

/**
 * Keeps the selected review when it is still listed; otherwise, after a
 * refresh the row at the same position (the next one to handle), after a
 * filter change the first row.
 */
function nextSelection(prev: InboxState, items: Review[], samePosition: boolean): string | null {
  if (prev.selectedId !== null && items.some((r) => r.id === prev.selectedId)) return prev.selectedId;
  const oldIndex = samePosition ? prev.items.findIndex((r) => r.id === prev.selectedId) : -1;
  const index = oldIndex < 0 ? 0 : Math.min(oldIndex, items.length - 1);
  return items[index]?.id ?? null;
}

const pageState = (page: ReviewPage) => ({
  total: page.total,
  counts: page.countsByRating,
  unanswered: sumCounts(page.countsByRating),
});

export function createInboxStore(api: KalmApi): InboxStore {
  const store = createStore<InboxState>({
    ratings: [],
    status: 'loading',
    error: null,
    items: [],
    total: 0,
    counts: emptyRatingCounts(),
    unanswered: 0,
    refreshing: false,
    loadingMore: false,
    selectedId: null,
  });
  // Every request takes a number; an answer that is no longer the latest is dropped.
  let seq = 0;

  const query = (ratings: Rating[], offset: number, limit: number) =>
    api.call('reviews.query', { status: 'unanswered', ratings: ratings.length > 0 ? ratings : undefined, offset, limit });

  async function loadFirst(keepShown: boolean): Promise<void> {
    const id = ++seq;
    const before = store.get();
    const limit = keepShown ? Math.min(Math.max(before.items.length, PAGE_SIZE), MAX_LIMIT) : PAGE_SIZE;
    store.set(before.status === 'ready' ? { refreshing: true, loadingMore: false } : { status: 'loading', error: null });
    try {
      const page = await query(before.ratings, 0, limit);
      if (id !== seq) return;
      store.set((prev) => ({
        ...pageState(page),
        status: 'ready',
        error: null,
        refreshing: false,
        items: page.items,
        selectedId: nextSelection(prev, page.items, keepShown),
      }));
    } catch (err) {
      if (id !== seq) return;
      const error = toKalmError(err);
      store.set((prev) => (prev.status === 'ready' ? { error, refreshing: false } : { status: 'error', error }));
    }
  }

  async function loadMore(): Promise<void> {
    const before = store.get();
    if (before.status !== 'ready' || before.loadingMore || before.items.length >= before.total) return;
    const id = seq; // a reload in the meantime supersedes this page
    store.set({ loadingMore: true, error: null });
    try {
      const page = await query(before.ratings, before.items.length, PAGE_SIZE);
      if (id !== seq) return;
      store.set((prev) => {
        const known = new Set(prev.items.map((r) => r.id));
        return { ...pageState(page), loadingMore: false, items: [...prev.items, ...page.items.filter((r) => !known.has(r.id))] };
      });
    } catch (err) {
      if (id !== seq) return;
      store.set({ loadingMore: false, error: toKalmError(err) });
    }
  }

  const setRatings = (ratings: Rating[]): void => {
    store.set({ ratings: [...ratings].sort((a, b) => a - b) });
    void loadFirst(false);
  };

  return {
    ...store,
    start() {
      const off = api.on('reviews.changed', () => void loadFirst(true));
      void loadFirst(store.get().status === 'ready');
      return () => {
        off();
        seq++;
      };
    },
    toggleRating(rating) {
      const { ratings } = store.get();
      setRatings(ratings.includes(rating) ? ratings.filter((r) => r !== rating) : [...ratings, rating]);
    },
    clearRatings: () => setRatings([]),
    reload: () => void loadFirst(store.get().status === 'ready'),
    loadMore: () => void loadMore(),
    select(id) {
      if (store.get().selectedId !== id) store.set({ selectedId: id });
    },
    move(to) {
      const { items, selectedId } = store.get();
      if (items.length === 0) return null;
      const current = items.findIndex((r) => r.id === selectedId);
      const index =
        to === 'first' ? 0 : to === 'last' ? items.length - 1 : current < 0 ? 0 : Math.min(Math.max(current + to, 0), items.length - 1);
      const next = items[index]?.id ?? null;
      if (next !== null && next !== selectedId) store.set({ selectedId: next });
      return next;
    },
  };
}
