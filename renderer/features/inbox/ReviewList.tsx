import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewRow, type RowContext } from './ReviewRow';
import type { InboxState, InboxStore } from './inbox-store';

/** Every row has the same height (the text is clamped), so 100,000 rows cost nothing to lay out. */
export const ROW_HEIGHT = 118;
/** The id of the review list (the view tabs control it). */
export const LIST_ID = 'inbox-list';
export const rowDomId = (index: number): string => `inbox-row-${index}`;

interface ReviewListProps {
  state: InboxState;
  store: InboxStore;
  ctx: RowContext;
  listRef: RefObject<HTMLDivElement | null>;
  label: string;
}

/**
 * The reviews as a virtualized listbox: only the rows in view (plus a few)
 * exist in the page, and the pages of 100 they fall in are fetched on demand.
 * Focus stays on the listbox; the selected row is its active descendant.
 */
export const ReviewList = memo(function ReviewList({ state, store, ctx, listRef, label }: ReviewListProps) {
  // The list re-renders with every state change and passes nothing of the virtualizer to memoized children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: state.total,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // A list laid out with no height (jsdom, a hidden pane) still shows its first rows.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight || 800 })),
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (state.status === 'ready' && state.total > 0) store.ensure(first, last + 1);
  }, [store, first, last, state.status, state.total, state.pages]);

  // Scrolling asks the browser for the list's layout at once; with the row in view (the usual case) it is skipped,
  // judged from what the virtualizer already knows, so a new list is laid out once, when it is painted.
  // Only a selection scrolls (a new one, or the user picking the selected row again); new data (a sync, a refresh)
  // never pulls the list away from where the user scrolled.
  const revealed = useRef({ index: -1, reveal: -1 });
  useEffect(() => {
    const at = state.selectedIndex;
    if (at < 0 || at >= state.total) return;
    if (revealed.current.index === at && revealed.current.reveal === state.reveal) return;
    revealed.current = { index: at, reveal: state.reveal };
    const top = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    if (at * ROW_HEIGHT >= top && (at + 1) * ROW_HEIGHT <= top + height) return;
    virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [virtualizer, state.selectedIndex, state.total, state.reveal]);

  // A list for new filters starts at the top.
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) !== 0) virtualizer.scrollToOffset(0);
  }, [virtualizer, state.generation]);

  const onPick = useCallback(
    (index: number) => {
      store.select(index);
      listRef.current?.focus({ preventScroll: true });
    },
    [store, listRef],
  );

  const selectedShown = state.selectedIndex >= first && state.selectedIndex <= last && state.selectedIndex < state.total;
  return (
    <div
      ref={listRef}
      id={LIST_ID}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-busy={state.refreshing}
      aria-activedescendant={selectedShown ? rowDomId(state.selectedIndex) : undefined}
      className={`list${state.refreshing ? ' list--busy' : ''}`}
      data-total={state.total}
    >
      <div role="presentation" className="list__space" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const review = store.itemAt(row.index);
          return (
            <ReviewRow
              key={row.index}
              id={rowDomId(row.index)}
              index={row.index}
              total={state.total}
              review={review}
              selected={row.index === state.selectedIndex}
              checked={review !== undefined && state.checked.has(review.id)}
              top={row.start}
              ctx={ctx}
              onPick={onPick}
              onCheck={store.toggleCheck}
            />
          );
        })}
      </div>
    </div>
  );
});

/** Placeholder rows while the first page loads. */
export function SkeletonRows({ count = 6 }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <div className="list" role="status" aria-live="polite" id={LIST_ID}>
      <span className="sr-only">{t('inbox.loading')}</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="row row--skeleton row--static" aria-hidden="true">
          <span className="skeleton skeleton--stars" />
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--short skeleton--line" />
        </div>
      ))}
    </div>
  );
}
