import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/domain/review';
import { formatCount } from '../../format';
import { useNow } from '../../hooks/useNow';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { ReviewRow } from './ReviewRow';

interface ReviewListProps {
  items: Review[];
  total: number;
  selectedId: string | null;
  busy: boolean;
  loadingMore: boolean;
  locationName: (review: Review) => string | null;
  onSelect: (id: string) => void;
  onLoadMore: () => void;
  listRef: RefObject<HTMLDivElement | null>;
}

/**
 * The listbox of unanswered reviews plus "load more". Deliberately plain
 * (one element per row) so a virtualized list can replace it later.
 */
export function ReviewList({ items, total, selectedId, busy, loadingMore, locationName, onSelect, onLoadMore, listRef }: ReviewListProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const now = useNow();
  const hasSelected = items.some((r) => r.id === selectedId);
  return (
    <div className="list">
      <div ref={listRef} role="listbox" aria-label={t('inbox.listLabel')} aria-busy={busy} className={`list__rows${busy ? ' list__rows--busy' : ''}`}>
        {items.map((review, index) => (
          <ReviewRow
            key={review.id}
            review={review}
            locationName={locationName(review)}
            selected={review.id === selectedId}
            tabbable={hasSelected ? review.id === selectedId : index === 0}
            now={now}
            onSelect={onSelect}
          />
        ))}
      </div>
      <div className="list__footer">
        <span className="list__showing">
          {t('inbox.showing', { shown: formatCount(items.length, lang), total: formatCount(total, lang) })}
        </span>
        {items.length < total && (
          <button type="button" className="btn btn--secondary" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? t('inbox.loadingMore') : t('inbox.loadMore')}
          </button>
        )}
      </div>
    </div>
  );
}

/** Placeholder rows while the first page loads. */
export function SkeletonRows({ count = 6 }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <div className="list" role="status" aria-live="polite">
      <span className="sr-only">{t('inbox.loading')}</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="row row--skeleton" aria-hidden="true">
          <span className="skeleton skeleton--stars" />
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--line skeleton--short" />
        </div>
      ))}
    </div>
  );
}
