import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rating } from '../../../shared/domain/review';
import type { RatingCounts } from '../../../shared/reviews/query-schema';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';

const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

interface RatingChipsProps {
  counts: RatingCounts;
  selected: readonly Rating[];
  onToggle: (rating: Rating) => void;
}

/** Toggle chips 1★–5★ with the number of unanswered reviews for each. */
export const RatingChips = memo(function RatingChips({ counts, selected, onToggle }: RatingChipsProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  return (
    <div role="group" aria-label={t('inbox.filter.label')} className="chips">
      {RATINGS.map((rating) => {
        const count = counts[rating];
        const pressed = selected.includes(rating);
        return (
          <button
            key={rating}
            type="button"
            className={`chip${count === 0 ? ' chip--empty' : ''}`}
            aria-pressed={pressed}
            aria-label={t('inbox.filter.chip', { stars: t('stars.count', { count: rating }), count })}
            onClick={() => onToggle(rating)}
          >
            <span className="chip__rating">
              {rating}
              <span className="chip__star" aria-hidden="true">★</span>
            </span>
            <span className="chip__count">{formatCount(count, lang)}</span>
          </button>
        );
      })}
    </div>
  );
});
