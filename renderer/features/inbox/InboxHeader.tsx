import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../shared/domain/location';
import type { Rating } from '../../../shared/domain/review';
import type { Source } from '../../../shared/domain/source';
import { emptyRatingCounts } from '../../../shared/reviews/query';
import type { InboxView, ReviewFacets } from '../../../shared/reviews/query-schema';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { activeFilterCount, type InboxFilters } from '../../lib/route';
import { FilterBar } from './FilterBar';
import type { InboxState } from './inbox-store';
import { RatingChips } from './RatingChips';
import { SearchBox } from './SearchBox';
import { ViewTabs } from './ViewTabs';
import { LIST_ID } from './ReviewList';

interface InboxHeaderProps {
  /** null while the first page loads. */
  state: InboxState | null;
  filters: InboxFilters;
  sources: readonly Source[];
  locations: readonly Location[];
  facets: ReviewFacets | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onFilters: (patch: Partial<InboxFilters>, opts?: { replace?: boolean }) => void;
  onClear: () => void;
  onShortcuts: () => void;
}

/** "Inbox", the views with counts, search, filters and star chips, and "clear filters". */
export function InboxHeader({ state, filters, sources, locations, facets, searchRef, onFilters, onClear, onShortcuts }: InboxHeaderProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const active = activeFilterCount(filters);
  const toggleRating = (rating: Rating) =>
    onFilters({ ratings: filters.ratings.includes(rating) ? filters.ratings.filter((r) => r !== rating) : [...filters.ratings, rating].sort() });
  return (
    <div className="inbox-head">
      <div className="inbox-head__title">
        <h1>{t('inbox.title')}</h1>
        {state && state.status === 'ready' && <span className="pill">{t('inbox.unanswered', { count: state.views.unanswered })}</span>}
        {state?.refreshing && <span className="inbox-head__busy">{t('inbox.refreshing')}</span>}
        <button type="button" className="btn btn--ghost inbox-head__keys" onClick={onShortcuts} aria-keyshortcuts="?">
          {t('inbox.keys.open')}
        </button>
      </div>
      <ViewTabs view={filters.view} counts={state?.status === 'ready' ? state.views : null} listId={LIST_ID} onView={(view: InboxView) => onFilters({ view })} />
      <SearchBox value={filters.q} inputRef={searchRef} onSearch={(q) => onFilters({ q }, { replace: true })} />
      <FilterBar
        filters={filters}
        sources={sources}
        locations={locations}
        facets={facets}
        overdueCount={state?.status === 'ready' ? state.views.overdue : null}
        onChange={(patch) => onFilters(patch)}
      />
      <RatingChips counts={state?.counts ?? emptyRatingCounts()} selected={filters.ratings} onToggle={toggleRating} />
      <div className="inbox-head__summary">
        <span role="status" className="inbox-head__total">
          {state?.status === 'ready' ? t('inbox.matching', { count: state.total, formatted: formatCount(state.total, lang) }) : ''}
        </span>
        {active > 0 && (
          <button type="button" className="btn btn--ghost" onClick={onClear}>
            {t('inbox.filters.clear', { count: active })}
          </button>
        )}
      </div>
    </div>
  );
}
