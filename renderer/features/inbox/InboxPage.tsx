import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import type { CallState } from '../../hooks/useCall';
import { CaughtUp, NoReviews } from './InboxEmpty';
import { InboxHeader } from './InboxHeader';
import { locationNamer } from './locations';
import { DetailPlaceholder, ReviewDetail } from './ReviewDetail';
import { ReviewList, SkeletonRows } from './ReviewList';
import { focusRow, useListKeys, type ListMove } from './useListKeys';
import { useInbox } from './useInbox';

interface InboxPageProps {
  workspace: CallState<'workspace.get'> & { reload: () => void };
}

/** The inbox: unanswered reviews on the left, the selected one on the right. */
export function InboxPage({ workspace }: InboxPageProps) {
  const { t } = useTranslation();
  const { state, store } = useInbox();
  const listRef = useRef<HTMLDivElement>(null);
  const locationName = useMemo(() => locationNamer(workspace.data?.locations), [workspace.data]);

  const onMove = useCallback(
    (to: ListMove) => {
      const id = store.move(to);
      if (id !== null) focusRow(listRef.current, id);
    },
    [store],
  );
  useListKeys(listRef, onMove);

  const onDemoLoaded = useCallback(() => {
    workspace.reload();
    store.reload();
  }, [workspace, store]);

  if (state.status === 'error' && state.error) {
    return (
      <div className="page page--center">
        <ErrorState error={state.error} onRetry={store.reload} />
      </div>
    );
  }

  const waitingForWorkspace = state.status === 'ready' && state.unanswered === 0 && workspace.status === 'loading';
  if (state.status === 'loading' || waitingForWorkspace) {
    return (
      <div className="page panes">
        <section className="pane pane--list" aria-label={t('inbox.title')}>
          <InboxHeader state={null} onToggle={store.toggleRating} />
          <SkeletonRows />
        </section>
        <section className="pane pane--detail" aria-label={t('detail.label')}>
          <DetailPlaceholder />
        </section>
      </div>
    );
  }

  if (state.unanswered === 0) {
    const noReviewsAtAll = workspace.status === 'ready' && workspace.data.reviewCount === 0;
    return (
      <div className="page page--center">
        {noReviewsAtAll ? <NoReviews onLoaded={onDemoLoaded} /> : <CaughtUp />}
      </div>
    );
  }

  const selected = state.items.find((r) => r.id === state.selectedId) ?? null;
  return (
    <div className="page panes">
      <section className="pane pane--list" aria-label={t('inbox.title')}>
        <InboxHeader state={state} onToggle={store.toggleRating} />
        {state.error && <ErrorState error={state.error} onRetry={store.reload} compact />}
        {state.items.length === 0 ? (
          <div className="list list--empty">
            <p>{t('inbox.filter.empty')}</p>
            <button type="button" className="btn btn--secondary" onClick={store.clearRatings}>
              {t('inbox.filter.clear')}
            </button>
          </div>
        ) : (
          <ReviewList
            items={state.items}
            total={state.total}
            selectedId={state.selectedId}
            busy={state.refreshing}
            loadingMore={state.loadingMore}
            locationName={locationName}
            onSelect={store.select}
            onLoadMore={store.loadMore}
            listRef={listRef}
          />
        )}
      </section>
      <section className="pane pane--detail" aria-label={t('detail.label')}>
        {selected ? <ReviewDetail key={selected.id} review={selected} locationName={locationName(selected)} /> : <DetailPlaceholder />}
      </section>
    </div>
  );
}
