import { memo, useCallback, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rating } from '../../../shared/domain/review';
import { emptyRatingCounts } from '../../../shared/reviews/review-filter';
import type { InboxView } from '../../../shared/reviews/query-schema';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { activeFilterCount, type InboxFilters } from '../../lib/route';
import { FilterBar, type FilterChoices } from './FilterBar';
import type { InboxState } from './inbox-store';
import { RatingChips } from './RatingChips';
import { SearchBox } from './SearchBox';
import { ViewTabs } from './ViewTabs';
import { LIST_ID } from './ReviewList';

/** What the header shows of the list; null while the first page loads. */
export type InboxSummary = Pick<InboxState, 'total' | 'counts' | 'views'>;

interface InboxHeaderProps extends FilterChoices {
  summary: InboxSummary | null;
  refreshing: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  onFilters: (patch: Partial<InboxFilters>, opts?: { replace?: boolean }) => void;
  onClear: () => void;
  onShortcuts: () => void;
}

/**
 * "Inbox", the views with counts, search, filters and star chips, and "clear filters".
 * Its parts are memoised with stable handlers: a filter change re-renders the parts whose filters or counts changed.
 */
export const InboxHeader = memo(function InboxHeader({ summary, refreshing, searchRef, onFilters, onClear, onShortcuts, ...choices }: InboxHeaderProps) {
  const { filters } = choices;
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const active = activeFilterCount(filters);
  const { ratings } = filters;
  const toggleRating = useCallback(
    (rating: Rating) => onFilters({ ratings: ratings.includes(rating) ? ratings.filter((r) => r !== rating) : [...ratings, rating].sort() }),
    [onFilters, ratings],
  );
  const onView = useCallback((view: InboxView) => onFilters({ view }), [onFilters]);
  const onSearch = useCallback((q: string) => onFilters({ q }, { replace: true }), [onFilters]);
  const onChange = useCallback((patch: Partial<InboxFilters>) => onFilters(patch), [onFilters]);
  return (
    <div className="inbox-head">
      <div className="inbox-head__title">
        <h1>{t('inbox.title')}</h1>
        {summary && <span className="pill">{t('inbox.unanswered', { count: summary.views.unanswered })}</span>}
        {refreshing && <span className="inbox-head__busy">{t('inbox.refreshing')}</span>}
        <button type="button" className="btn btn--ghost inbox-head__keys" onClick={onShortcuts} aria-keyshortcuts="?">
          {t('inbox.keys.open')}
        </button>
      </div>
      <ViewTabs view={filters.view} counts={summary?.views ?? null} listId={LIST_ID} onView={onView} />
      <SearchBox value={filters.q} inputRef={searchRef} onSearch={onSearch} />
      <FilterBar {...choices} overdueCount={summary?.views.overdue ?? null} onChange={onChange} />
      <RatingChips counts={summary?.counts ?? NO_COUNTS} selected={ratings} onToggle={toggleRating} />
      <div className="inbox-head__summary">
        <span role="status" className="inbox-head__total">
          {summary ? t('inbox.matching', { count: summary.total, formatted: formatCount(summary.total, lang) }) : ''}
        </span>
        {active > 0 && (
          <button type="button" className="btn btn--ghost" onClick={onClear}>
            {t('inbox.filters.clear', { count: active })}
          </button>
        )}
      </div>
    </div>
  );
});

const NO_COUNTS = emptyRatingCounts();
