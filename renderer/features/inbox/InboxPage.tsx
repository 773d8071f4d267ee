import { useCallback, useMemo, useRef, useState } from 'react';
import { demoBesideOwn } from '../demo/demo-sources';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import type { View } from '../../components/MainNav';
import type { CallState } from '../../hooks/useCall';
import { useCall } from '../../hooks/useCall';
import { useNow } from '../../hooks/useNow';
import { activeFilterCount, clearedFilters, type InboxFilters } from '../../lib/route';
import { BulkLabel } from '../labels/BulkLabel';
import { useLabels } from '../labels/useLabels';
import { useReplyPolicy } from '../settings/useReplyPolicy';
import { BulkBar } from './BulkBar';
import { DetailPane } from './DetailPane';
import { NoReviews } from './InboxEmpty';
import { InboxHeader } from './InboxHeader';
import { locationFinder, locationNamer } from './locations';
import { LIST_ID, ReviewList, SkeletonRows } from './ReviewList';
import type { RowContext } from './ReviewRow';
import { useTeamPresence } from '../team/presence';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useInbox } from './useInbox';
import { useInboxKeys, type ListMove } from './useInboxKeys';
import { useLocalWork } from './useLocalWork';

interface InboxPageProps {
  workspace: CallState<'workspace.get'> & { reload: () => void };
  filters: InboxFilters;
  onFilters: (filters: InboxFilters, opts?: { replace?: boolean }) => void;
  onView: (view: View) => void;
}

/** The inbox: the reviews of a view on the left (filters above), the selected one on the right. */
export function InboxPage({ workspace, filters, onFilters, onView }: InboxPageProps) {
  const { t } = useTranslation();
  const settings = useCall('settings.get', {}, 'settings.changed');
  /** Who "assigned to me" is: undefined while Settings load, null when nobody is chosen there. */
  const me = settings.status === 'ready' ? settings.data.me : settings.status === 'error' ? null : undefined;
  const { state, store } = useInbox(filters, me);
  const labelsList = useLabels();
  const labels = useMemo(() => new Map((labelsList.data?.labels ?? []).map((l) => [l.id, l])), [labelsList.data]);
  const { total, counts, views } = state;
  const isReady = state.status === 'ready';
  const summary = useMemo(() => (isReady ? { total, counts, views } : null), [isReady, total, counts, views]);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [answering, setAnswering] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [notice, setNotice] = useState('');
  const now = useNow();
  const work = useLocalWork();
  const policy = useReplyPolicy();
  const facets = useCall('reviews.facets', {}, 'reviews.changed');
  const locations = useMemo(() => workspace.data?.locations ?? [], [workspace.data]);
  const sources = useMemo(() => workspace.data?.sources ?? [], [workspace.data]);
  const sourceName = useMemo(() => {
    const names = new Map(sources.map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? id;
  }, [sources]);
  // Rows can arrive before the workspace (a cold start's saved first page): no "Unknown location" until it is known.
  const locationName = useMemo(() => (workspace.data ? locationNamer(locations) : () => ''), [workspace.data, locations]);
  const demoSources = useMemo(() => demoBesideOwn(sources), [sources]);
  const presence = useTeamPresence();
  const ctx = useMemo<RowContext>(() => ({ now, policy, query: filters.q, work, locationName, sourceName, labels, demoSources, presence }), [now, policy, filters.q, work, locationName, sourceName, labels, demoSources, presence]);
  const findLocation = useMemo(() => locationFinder(locations), [locations]);
  const showShortcuts = useCallback(() => setHelp(true), []);

  // A change made here starts its query at once, in the same render as the new address (the effect in useInbox
  // then finds the same query and does nothing); changes from outside (back, links) arrive through the effect.
  const go = useCallback(
    (next: InboxFilters, opts?: { replace?: boolean }) => {
      store.setFilters(next, me ?? null);
      onFilters(next, opts);
    },
    [store, onFilters, me],
  );
  const patch = useCallback((p: Partial<InboxFilters>, opts?: { replace?: boolean }) => go({ ...filters, ...p }, opts), [filters, go]);
  const clear = useCallback(() => go(clearedFilters(filters)), [filters, go]);

  useInboxKeys(listRef, {
    move: (to: ListMove) => {
      void store.move(to);
      if (!listRef.current?.contains(document.activeElement)) listRef.current?.focus({ preventScroll: true });
    },
    answer: () => setAnswering(store.get().selectedId),
    search: () => searchRef.current?.focus(),
    toggleCheck: () => {
      const id = store.get().selectedId;
      if (id !== null) store.toggleCheck(id);
    },
    clearChecks: () => {
      if (store.get().checked.size === 0) return false;
      store.clearChecks();
      return true;
    },
    markDone: () =>
      void store.markDone().then((n) => {
        if (n > 0) setNotice(t('inbox.bulk.marked', { count: n }));
      }),
    shortcuts: () => setHelp(true),
  });

  const onDemoLoaded = useCallback(() => {
    workspace.reload();
    store.reload();
  }, [workspace, store]);

  const noReviewsAtAll = workspace.status === 'ready' && workspace.data.reviewCount === 0;
  if (noReviewsAtAll) {
    return (
      <div className="page page--center">
        <NoReviews onLoaded={onDemoLoaded} onView={onView} />
      </div>
    );
  }
  if (state.status === 'error' && state.error) {
    return (
      <div className="page page--center">
        <ErrorState error={state.error} onRetry={store.reload} />
      </div>
    );
  }

  const ready = state.status === 'ready';
  const selected = state.selectedIndex >= 0 ? store.itemAt(state.selectedIndex) : undefined;
  const caughtUp = ready && state.total === 0 && filters.view === 'unanswered' && activeFilterCount(filters) === 0;
  const listLabel = t(`inbox.listLabels.${filters.view}`);

  return (
    <div className="page panes">
      <section className="pane pane--list" aria-label={t('inbox.title')}>
        <InboxHeader
          summary={summary}
          refreshing={state.refreshing}
          filters={filters}
          sources={sources}
          locations={locations}
          facets={facets.status === 'ready' ? facets.data : null}
          labels={labels}
          me={me}
          searchRef={searchRef}
          onFilters={patch}
          onClear={clear}
          onShortcuts={showShortcuts}
        />
        {state.checked.size > 0 && (
          <BulkBar
            count={state.checked.size}
            onDone={() => void store.markDone().then((n) => n > 0 && setNotice(t('inbox.bulk.marked', { count: n })))}
            onClear={store.clearChecks}
          >
            <BulkLabel reviews={[...state.pages.values()].flat().filter((r) => state.checked.has(r.id))} />
          </BulkBar>
        )}
        {state.error && <ErrorState error={state.error} onRetry={store.reload} compact />}
        {!ready ? (
          <SkeletonRows />
        ) : state.total === 0 ? (
          <div className="list list--empty" id={LIST_ID}>
            <p>{caughtUp ? t('caughtUp.title') : t(`inbox.emptyView.${filters.view}`)}</p>
            {activeFilterCount(filters) > 0 && (
              <button type="button" className="btn btn--secondary" onClick={clear}>
                {t('inbox.filters.clearAll')}
              </button>
            )}
          </div>
        ) : (
          <ReviewList state={state} store={store} ctx={ctx} listRef={listRef} label={listLabel} />
        )}
        <p className="sr-only" role="status" aria-live="polite">
          {notice}
        </p>
      </section>
      <section className="pane pane--detail" aria-label={t('detail.label')}>
        <DetailPane
          caughtUp={caughtUp}
          selected={selected}
          findLocation={findLocation}
          sourceName={sourceName}
          query={filters.q}
          work={work}
          now={now}
          policy={policy}
          answering={answering}
          setAnswering={setAnswering}
        />
      </section>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}
